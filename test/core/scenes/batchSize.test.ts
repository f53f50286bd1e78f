import { describe, expect, it } from 'vitest'
import { batchSize as scene } from '../../../src/core/scenes/batchSize.meta'
import { initialSetup } from '../../../src/core/scenes/setup'
import type { SceneSetup } from '../../../src/core/scenes/setup'
import { featureData } from '../../../src/core/surfaces/featureScaling'
import { getSurface } from '../../../src/core/surfaces/index'
import { afterCard, runRacers } from './sceneRuns'

// The standardized data by hand: x̃ = (x − m)/σ (population σ), centred targets, no bias.
const standardize = (v: readonly number[]): number[] => {
  const m = v.reduce((s, a) => s + a, 0) / v.length
  const sd = Math.sqrt(v.reduce((s, a) => s + (a - m) ** 2, 0) / v.length)
  return v.map((a) => (a - m) / sd)
}
const x1 = standardize(featureData.x1)
const x2 = standardize(featureData.x2)
const yMean = featureData.yHat.reduce((s, a) => s + a, 0) / featureData.yHat.length
const y = featureData.yHat.map((a) => a - yMean)
const N = y.length

/** RMS over both coordinates of the spread of the per-example gradients ∇eₙ = 2(w·x̃ₙ − ỹₙ)x̃ₙ around their mean. */
function perExampleNoise(w1: number, w2: number): number {
  const g = y.map((yn, n) => {
    const r = w1 * x1[n] + w2 * x2[n] - yn
    return [2 * r * x1[n], 2 * r * x2[n]]
  })
  const mean = [0, 1].map((i) => g.reduce((s, gn) => s + gn[i], 0) / N)
  const variance = [0, 1].map((i) => g.reduce((s, gn) => s + (gn[i] - mean[i]) ** 2, 0) / N)
  return Math.sqrt((variance[0] + variance[1]) / 2)
}

const surface = getSurface(scene.surface!)
const [wStar] = surface.minima
const fStar = surface.f(wStar[0], wStar[1])
/** One update per epoch with the full batch, N with batch size 1. */
const withSteps = (setup: SceneSetup, steps: number): SceneSetup => ({ ...setup, steps })

describe('batch-size scene (docs/lectures.md S5, modelled with gradient noise)', () => {
  it('runs on a 30-example linear regression whose per-example gradients it can be checked against', () => {
    expect(N).toBe(30)
    expect(initialSetup(scene).noise).toBeUndefined()
  })

  it('full batch (no noise, η = 0.05) lowers the loss at every step and reaches the minimum', () => {
    const [t] = runRacers(initialSetup(scene))
    for (let k = 1; k < t.loss.length; k++) {
      if (t.loss[k - 1] - fStar > 1e-12) expect(t.loss[k]).toBeLessThan(t.loss[k - 1])
      else expect(t.loss[k]).toBeLessThanOrEqual(t.loss[k - 1])
    }
    expect(t.loss[t.loss.length - 1] - fStar).toBeLessThan(1e-12)
  })

  it("its batch-size-1 noise (std 1, 'batch-one' card) lies between the data's per-example noise at w* and at the start", () => {
    const std = afterCard(scene, 'batch-one').noise!.std
    const atMin = perExampleNoise(wStar[0], wStar[1])
    const atStart = perExampleNoise(...initialSetup(scene).start!)
    expect(atMin).toBeCloseTo(0.36, 2)
    expect(atStart).toBeCloseTo(5.3, 1)
    expect(std).toBeGreaterThan(atMin)
    expect(std).toBeLessThan(atStart)
  })

  it('with the batch-size-1 noise over a third of the updates raise the loss, yet it stays within 0.2 of w*', () => {
    const [t] = runRacers(afterCard(scene, 'batch-one'))
    let ups = 0
    for (let k = 1; k < t.loss.length; k++) if (t.loss[k] > t.loss[k - 1]) ups++
    expect(ups).toBeGreaterThan((t.loss.length - 1) / 3)
    const n = t.x.length - 1
    let d = 0
    for (let k = n - 99; k <= n; k++) d += Math.hypot(t.x[k] - wStar[0], t.y[k] - wStar[1]) / 100
    expect(d).toBeLessThan(0.2)
  })

  it('over 10 epochs, 10 full-batch updates leave the loss > 1 above the optimum, 300 batch-1 updates < 0.1', () => {
    const [full] = runRacers(withSteps(initialSetup(scene), 10))
    const [one] = runRacers(withSteps(afterCard(scene, 'batch-one'), 10 * N))
    expect(full.loss[10] - fStar).toBeGreaterThan(1)
    expect(one.loss[10 * N] - fStar).toBeLessThan(0.1)
  })

  it("the 'full-batch' card switches the noise off again", () => {
    const noisy = afterCard(scene, 'batch-one')
    expect(afterCard(scene, 'full-batch', noisy).noise).toBeUndefined()
  })
})
