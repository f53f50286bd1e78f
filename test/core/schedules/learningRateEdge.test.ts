import { describe, expect, it } from 'vitest'
import { SpecError } from '../../../src/core/errors'
import { runTrajectory } from '../../../src/core/run'
import { learningRate, validateScheduleSpec } from '../../../src/core/schedules/index'
import type { ScheduleSpec } from '../../../src/core/types'
import { MAX_MILESTONES } from '../../../src/state/scheduleRules'
import { assertInDelta } from '../../helpers/assertInDelta'

/** The SpecError `f` throws (fails the test when it throws anything else or nothing). */
function specError(f: () => unknown): SpecError {
  try {
    f()
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError)
    return e as SpecError
  }
  throw new Error('expected a SpecError')
}

describe('learningRate validates at its edge', () => {
  it('names the field for cosine-restarts t0 ≤ 0 and tMult ≤ 0, < 1, fractional or not a number', () => {
    const restarts = (fields: Record<string, unknown>) => ({ kind: 'cosine-restarts', ...fields }) as never
    expect(specError(() => learningRate(0.1, restarts({ t0: 0 }), 50)).field).toBe('schedule.t0')
    expect(specError(() => learningRate(0.1, restarts({ t0: -3 }), 50)).field).toBe('schedule.t0')
    for (const tMult of [0, -1, 0.5, 1.5, '2', NaN, Infinity])
      expect(specError(() => learningRate(0.1, restarts({ t0: 10, tMult }), 50)).field).toBe('schedule.tMult')
  })

  it('refuses [] and other non-objects, a NaN / negative / infinite base, and a negative or NaN t', () => {
    expect(specError(() => learningRate(0.1, [] as never, 3)).field).toBe('schedule')
    expect(specError(() => learningRate(0.1, 'step' as never, 3)).field).toBe('schedule')
    expect(specError(() => learningRate(0.1, { kind: 'linear' } as never, 3)).field).toBe('schedule.kind')
    for (const base of [NaN, -0.1, 0, Infinity, '0.1'])
      expect(specError(() => learningRate(base as number, { kind: 'constant' }, 0)).field).toBe('base')
    expect(specError(() => learningRate(0.1, undefined, -1)).field).toBe('t')
    expect(specError(() => learningRate(0.1, { kind: 'step', stepSize: 2, gamma: 0.5 }, NaN)).field).toBe('t')
  })

  it('checks a schedule again when a field of the same object is replaced', () => {
    const s = { kind: 'step', stepSize: 10, gamma: 0.5 } as { kind: 'step'; stepSize: number; gamma: number }
    expect(learningRate(1, s, 10)).toBe(0.5)
    s.gamma = 2
    expect(specError(() => learningRate(1, s, 10)).field).toBe('schedule.gamma')
    s.gamma = 0.25
    expect(learningRate(1, s, 10)).toBe(0.25)
  })
})

describe('cosine-restarts in closed form', () => {
  it('matches PyTorch step-by-step T_cur over 5,000 steps for T₀ ∈ {1, 3, 7}, T_mult ∈ {1, 2, 3, 100}', () => {
    for (const t0 of [1, 3, 7]) {
      for (const tMult of [1, 2, 3, 100]) {
        const s: ScheduleSpec = { kind: 'cosine-restarts', t0, tMult, final: 0.01 }
        let cur = 0
        let period = t0
        for (let t = 0; t < 5000; t++) {
          const expected = 0.01 + ((1 - 0.01) * (1 + Math.cos((Math.PI * cur) / period))) / 2
          if (learningRate(1, s, t) !== expected) assertInDelta(learningRate(1, s, t), expected, 0, `t ${t}`)
          cur += 1
          if (cur >= period) {
            cur -= period
            period *= tMult
          }
        }
      }
    }
  })

  it('finds the cycle of a huge t without a loop: T₀ = 1, T_mult = 2 restarts at 2ⁱ − 1', () => {
    const s: ScheduleSpec = { kind: 'cosine-restarts', t0: 1, tMult: 2 }
    // t = 2⁴⁰ − 1 starts a cycle (η = base); t = 2⁴⁰ − 2 is the last step of the cycle of length 2³⁹ that
    // began at 2³⁹ − 1, so T_cur = 2³⁹ − 1.
    expect(learningRate(1, s, 2 ** 40 - 1)).toBe(1)
    assertInDelta(
      learningRate(1, s, 2 ** 40 - 2),
      (1 + Math.cos((Math.PI * (2 ** 39 - 1)) / 2 ** 39)) / 2,
      1e-15,
    )
    for (const t of [1e15, 1e100, Number.MAX_VALUE]) {
      const lr = learningRate(1, { kind: 'cosine-restarts', t0: 1, tMult: 100 }, t)
      expect(lr >= 0 && lr <= 1).toBe(true)
    }
  })
})

describe('multistep by binary search', () => {
  it('counts the milestones ≤ t exactly as a linear scan does, over 100,000 milestones', () => {
    const milestones = Array.from({ length: 100_000 }, (_, i) => 3 * i + 1)
    const s: ScheduleSpec = { kind: 'multistep', milestones, gamma: 0.999 }
    for (const t of [0, 1, 2, 3, 4, 150_000, 299_998, 299_999, 300_000, 1_000_000]) {
      const k = milestones.filter((m) => m <= t).length
      expect(learningRate(1, s, t)).toBe(0.999 ** k)
    }
  })

  it('the core accepts a long sorted list, while the editor, links and store keep their cap of 32', () => {
    const milestones = Array.from({ length: 5000 }, (_, i) => 2 * i + 1)
    expect(validateScheduleSpec({ kind: 'multistep', milestones, gamma: 0.5 }).kind).toBe('multistep')
    expect(MAX_MILESTONES).toBe(32)
    const tr = runTrajectory({
      surface: 'booth',
      optimizer: { kind: 'sgd', lr: 0.01 },
      schedule: { kind: 'multistep', milestones, gamma: 0.999 },
      start: [0, 0],
      steps: 2000,
    })
    // Update t used η·0.999^k with k = |{2i + 1 ≤ t}| = ⌊(t + 1)/2⌋.
    for (const t of [0, 1, 2, 1001, 1999]) expect(tr.lr[t]).toBe(0.01 * 0.999 ** Math.floor((t + 1) / 2))
    expect(
      specError(() => validateScheduleSpec({ kind: 'multistep', milestones: [1, 1], gamma: 0.5 })).field,
    ).toBe('schedule.milestones[1]')
  })
})
