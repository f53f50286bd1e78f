import { describe, expect, it } from 'vitest'
import { createPlateauScheduler } from '../../../src/core/schedules/index'

// Hand-worked against PyTorch's ReduceLROnPlateau.step (mode 'min', threshold_mode 'rel'): a loss improves
// when loss < best·(1 − threshold); more than `patience` bad epochs in a row multiply lr by `factor`.
describe('createPlateauScheduler', () => {
  it('createPlateauScheduler(…) starts at the base rate with best = ∞', () => {
    const s = createPlateauScheduler({ factor: 0.5, patience: 2 }, 1)
    expect([s.lr, s.best, s.badEpochs, s.cooldownLeft]).toEqual([1, Infinity, 0, 0])
  })

  it('with patience 2 it ignores two bad epochs and halves lr on the third, then needs three more', () => {
    const s = createPlateauScheduler({ factor: 0.5, patience: 2 }, 1)
    const losses = [10, 9, 9, 9.5, 9, 8.9995, 8.99, 9, 9, 9]
    // 8.9995 is not below 9·(1 − 1e−4) = 8.9991: a bad epoch under the default relative threshold.
    expect(losses.map((l) => s.observe(l))).toEqual([1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.25])
    expect(s.best).toBe(8.99)
  })

  it('a larger threshold makes small improvements count as bad epochs', () => {
    const s = createPlateauScheduler({ factor: 0.1, patience: 1, threshold: 0.1 }, 1)
    // best 10: 9.5 is not < 9, 9.2 is not < 9 → reduce on the second bad epoch.
    expect([10, 9.5, 9.2, 8].map((l) => s.observe(l))).toEqual([1, 1, 0.1, 0.1])
    expect(s.best).toBe(8)
  })

  it('cooldown resets the bad-epoch counter for that many evaluations after a reduction', () => {
    const s = createPlateauScheduler({ factor: 0.1, patience: 0, cooldown: 1 }, 1)
    const lrs = [1, 2, 2, 2].map((l) => s.observe(l))
    expect(lrs.map((v) => +v.toPrecision(12))).toEqual([1, 0.1, 0.1, 0.01])
  })

  it('minLr bounds the rate from below, and a change under 1e−8 is not applied (PyTorch eps)', () => {
    const a = createPlateauScheduler({ factor: 0.1, patience: 0, minLr: 0.05 }, 1)
    expect([1, 2, 2, 2].map((l) => a.observe(l))).toEqual([1, 0.1, 0.05, 0.05])
    const b = createPlateauScheduler({ factor: 0.5, patience: 0 }, 1.5e-8)
    b.observe(1)
    expect(b.observe(2)).toBe(1.5e-8)
  })

  it('a NaN loss counts as a bad epoch', () => {
    const s = createPlateauScheduler({ factor: 0.5, patience: 1 }, 1)
    expect([1, NaN, NaN].map((l) => s.observe(l))).toEqual([1, 1, 0.5])
  })

  it('createPlateauScheduler rejects bad options with a SpecError naming the field', () => {
    expect(() => createPlateauScheduler({ factor: 2, patience: 1 }, 1)).toThrow(
      /schedule\.factor must be a number in \(0, 1\)/,
    )
    expect(() => createPlateauScheduler({ factor: 0.5, patience: -1 }, 1)).toThrow(/schedule\.patience/)
    expect(() => createPlateauScheduler({ factor: 0.5, patience: 1 }, 0)).toThrow(
      /baseLr must be a finite number > 0/,
    )
  })
})
