import { describe, expect, it } from 'vitest'
import { batchSize as scene } from '../../../src/core/scenes/batchSize.meta'
import { initialSetup, raceSpecs } from '../../../src/core/scenes/setup'
import { batchGradientSpread } from '../../../src/core/noiseCloud'
import { getSurface } from '../../../src/core/surfaces/index'
import { miniBatchMinValue } from '../../../src/core/surfaces/miniBatch'
import { card, runRacers } from './sceneRuns'

const surface = getSurface(scene.surface!)
const [full, five, one] = runRacers(initialSetup(scene))
const last = (t: { loss: ArrayLike<number> }) => t.loss[t.loss.length - 1]
/** The numbers a card quotes, in order of appearance. */
const numbersIn = (text: string): number[] => (text.match(/\d+(?:\.\d+)?/g) ?? []).map(Number)
/** The card's rounding: 3 significant digits. */
const sig3 = (v: number) => Number(v.toPrecision(3))

describe('batch-size scene (docs/lectures.md S5): true mini-batches on a 30-example regression', () => {
  it('races full batch, B = 5 and B = 1 for 10 epochs on the mini-batch surface', () => {
    expect(surface.examples).toBe(30)
    const specs = raceSpecs(initialSetup(scene))
    expect(specs.map((s) => s.batch?.size)).toEqual([undefined, 5, 1])
    expect(specs.map((s) => s.steps)).toEqual([10, 60, 300])
    expect(initialSetup(scene).noise).toBeUndefined()
  })

  it('makes 10, 60 and 300 updates in 10 epochs (claim 1; card 1’s 1, 6 and 30 per epoch)', () => {
    expect([full, five, one].map((t) => t.x.length - 1)).toEqual([10, 60, 300])
    expect(numbersIn(card(scene, 'epoch').body.en)).toEqual([30, 1, 5, 6, 1, 30])
  })

  it('full batch lowers the loss at every step and is still at 3.16 after 10 updates (claim 2)', () => {
    for (let k = 1; k < full.loss.length; k++) expect(full.loss[k]).toBeLessThan(full.loss[k - 1])
    expect(sig3(last(full))).toBe(3.16)
    expect(sig3(miniBatchMinValue)).toBe(0.438)
  })

  it('B = 5 and B = 1 end within 0.01 of the minimum, both ≈ 0.44 (claim 3)', () => {
    for (const t of [five, one]) {
      expect(last(t) - miniBatchMinValue).toBeLessThan(0.01)
      expect(last(t).toFixed(2)).toBe('0.44')
    }
  })

  it('card 5 quotes exactly the numbers this race produces, in both languages', () => {
    const quoted = [10, 10, sig3(last(full)), sig3(miniBatchMinValue), 5, 60, 1, 300, 0.44]
    expect(numbersIn(card(scene, 'per-epoch').body.en)).toEqual(quoted)
    expect(numbersIn(card(scene, 'per-epoch').body.zh)).toEqual(quoted)
  })

  it('with B = 1 more than a third of the updates raise the loss (claim 4, card 6)', () => {
    let ups = 0
    for (let k = 1; k < one.loss.length; k++) if (one.loss[k] > one.loss[k - 1]) ups++
    expect(ups).toBeGreaterThan(300 / 3)
  })

  it('the batch gradients’ spread shrinks with B and vanishes for the full batch (claim 5)', () => {
    const [x, y] = initialSetup(scene).start!
    const s = [1, 5, 30].map((b) => batchGradientSpread(surface, x, y, b))
    expect(s[0]).toBeGreaterThan(s[1])
    expect(s[1]).toBeGreaterThan(0)
    expect(s[2]).toBe(0)
  })
})
