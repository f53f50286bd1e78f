import { describe, expect, it } from 'vitest'
import { flatWidth } from '../../../src/core/landscape/flatWidth'
import { lossLine } from '../../../src/core/landscape/lossLine'
import { lossSlice } from '../../../src/core/landscape/lossSlice'
import { randomDirection } from '../../../src/core/landscape/randomDirection'
import { trainClassifier } from '../../../src/core/mlp/index'
import { lossHessian } from '../../../src/core/mlp/lossHessian'
import type { LayerWeights, TrainResult } from '../../../src/core/mlp/types'
import { classifierConfigOf } from '../../../src/core/scenes/classifierPresets.meta'
import { flatVsSharp as scene } from '../../../src/core/scenes/flatVsSharp.meta'
import { initialSetup } from '../../../src/core/scenes/setup'
import { formatNumber } from '../../../src/ui/formatNumber'
import { landscapeOf } from '../../../src/worker/landscapeReply'
import type { TrainLandscapeRequest } from '../../../src/worker/protocol'
import { afterCard, loadDot } from './sceneRuns'

const dot = loadDot()

/** The lab's landscape request (src/state/lab/slices/landscapeSlice.ts: 41 nodes over [−1, 1]², 14 contours). */
const request = (seed: number): TrainLandscapeRequest => ({
  type: 'train.landscape',
  requestId: 1,
  runId: 1,
  seed,
  span: 1,
  n: 41,
  contours: 14,
})

/** Σw² over the weight matrices (not the biases), the quantity the L2 penalty shrinks. */
function sumSquaredWeights(weights: LayerWeights[]): number {
  let s = 0
  for (const layer of weights) for (const row of layer.W) for (const w of row) s += w * w
  return s
}

/** The same ReLU network written differently: every hidden unit's W₁ column and b₁ times c, its W₂ row over c. */
function rescaleHidden(weights: LayerWeights[], c: number): LayerWeights[] {
  const [l1, l2] = structuredClone(weights)
  for (const row of l1.W) for (let k = 0; k < row.length; k++) row[k] *= c
  l1.b = l1.b.map((b) => b * c)
  l2.W = l2.W.map((row) => row.map((w) => w / c))
  return [l1, l2]
}

const fmt = (v: number) => formatNumber(v, 3)

describe('flat-vs-sharp scene (docs/lectures.md §4.14)', () => {
  const setup = initialSetup(scene)
  const configFree = classifierConfigOf({ preset: scene.classifier!.preset, lambda: 0 })
  const configL2 = classifierConfigOf({ preset: scene.classifier!.preset, lambda: setup.lambda })
  const plain: TrainResult = trainClassifier(configFree, dot)
  const regularized: TrainResult = trainClassifier(configL2, dot)
  // What the lab's worker answers after 800 epochs, for the directions of seed 1 (the lab's first).
  const landscape = (r: TrainResult, config: typeof configFree, seed = 1) =>
    landscapeOf({ run: 'a', epoch: 800, config, dataset: dot, weights: r.weights }, request(seed))
  const sharp = landscape(plain, configFree)
  const flat = landscape(regularized, configL2)

  it('trains scene 12’s course net 800 epochs, λ = 0 and λ = 0.03, both above 0.9 training accuracy', () => {
    expect(setup.lambda).toBe(0.03)
    expect(scene.steps).toBe(800)
    expect(configFree.epochs).toBe(800)
    expect(configL2.regularization).toEqual({ kind: 'l2', lambda: 0.03 })
    expect(plain.stopReason).toBe('completed')
    expect(regularized.stopReason).toBe('completed')
    expect(plain.final.accuracy).toBeGreaterThan(0.9)
    expect(regularized.final.accuracy).toBeGreaterThan(0.9)
  })

  it('λmax is 24.2 without L2 and 7.26 with it (the numbers the lab prints), at least 3× smaller', () => {
    expect(fmt(sharp.lambdaMax)).toBe('24.2')
    expect(fmt(flat.lambdaMax)).toBe('7.26')
    expect(sharp.lambdaMax).toBeGreaterThan(3 * flat.lambdaMax)
    // Independent of the worker's reply: the largest eigenvalue of the Hessian itself.
    const h = lossHessian(configFree, dot, plain.weights).eigenvalues
    expect(h[h.length - 1]).toBeCloseTo(sharp.lambdaMax, 12)
  })

  it('along seed 1 the widths within 10% are 0.1 and < 0.05 without L2, 0.45 and 0.2 with it', () => {
    expect(sharp.width.map(fmt)).toEqual(['0.1', '0'])
    expect(flat.width.map(fmt)).toEqual(['0.45', '0.2'])
    // The grid's spacing is 0.05: a width of 0 is printed "< 0.05".
    expect((2 * 1) / (41 - 1)).toBeCloseTo(0.05, 15)
    // The same widths from the loss along the line through the centre, computed by lossLine instead of the
    // slice: θ + t·d for t in [−1, 1] is (1 − s)·(θ − d) + s·(θ + d) with s = (t + 1)/2.
    for (const [r, config, run] of [
      [plain, configFree, sharp],
      [regularized, configL2, flat],
    ] as const) {
      for (const [k, seed] of [
        [0, 1],
        [1, 2],
      ] as const) {
        const d = randomDirection(r.weights, seed)
        const shift = (sign: number) =>
          r.weights.map((l, i) => ({
            W: l.W.map((row, a) => row.map((w, b) => w + sign * d[i].W[a][b])),
            b: l.b.map((b, j) => b + sign * d[i].b[j]),
          }))
        const line = lossLine({
          config,
          dataset: dot,
          from: shift(-1),
          to: shift(1),
          t: { min: 0, max: 1, n: 41 },
        })
        const t = Array.from(line.t, (s) => 2 * s - 1)
        expect(flatWidth(line.loss, t)).toBeCloseTo(run.width[k], 9)
      }
    }
  })

  it('for every direction seed 1..20 both widths with L2 exceed both without (the re-roll card)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const a = landscape(plain, configFree, seed).width
      const b = landscape(regularized, configL2, seed).width
      expect(Math.min(...b), `seed ${seed}`).toBeGreaterThan(Math.max(...a))
    }
  })

  it('the centre losses are 0.0744 and 0.144, the latter with the penalty ½λΣw² ≈ 0.062 (Σw² 4.143 vs 24.36)', () => {
    expect(fmt(sharp.centerLoss)).toBe('0.0744')
    expect(fmt(flat.centerLoss)).toBe('0.144')
    expect(sharp.centerLoss).toBeCloseTo(plain.final.loss, 12)
    expect(flat.centerLoss).toBeCloseTo(regularized.final.loss, 12)
    const sum = sumSquaredWeights(regularized.weights)
    expect(formatNumber(sum)).toBe('4.143')
    expect(formatNumber(sumSquaredWeights(plain.weights))).toBe('24.36')
    const penalty = 0.5 * 0.03 * sum
    expect(penalty.toFixed(3)).toBe('0.062')
    // The data term alone, from the slice's dataLoss at the centre.
    const center = lossSlice({
      config: configL2,
      dataset: dot,
      center: regularized.weights,
      directions: [randomDirection(regularized.weights, 1), randomDirection(regularized.weights, 2)],
      alpha: { min: -1, max: 1, n: 3 },
      beta: { min: -1, max: 1, n: 3 },
    })
    // Node (α, β) = (0, 0) is index j·nα + i = 1·3 + 1.
    expect(center.dataLoss[4] + penalty).toBeCloseTo(flat.centerLoss, 12)
    // docs/lectures.md's split: 0.0823 data + 0.0621 penalty.
    expect(fmt(center.dataLoss[4])).toBe('0.0823')
    expect(fmt(penalty)).toBe('0.0621')
  })

  it('the penalty raises the Hessian’s eigenvalues by at most λ = 0.03 (Weyl): the drop in λmax is where training ends', () => {
    const dataOnly = lossHessian(configFree, dot, regularized.weights).eigenvalues
    const top = dataOnly[dataOnly.length - 1]
    expect(flat.lambdaMax - top).toBeGreaterThanOrEqual(-1e-6)
    expect(flat.lambdaMax - top).toBeLessThanOrEqual(0.03 + 1e-6)
    expect(fmt(top)).toBe('7.25')
  })

  it('rescaling the hidden units (×2 in, ÷2 out) keeps the function and the filter-normalized slice, not λmax', () => {
    const rescaled = rescaleHidden(plain.weights, 2)
    const same = landscapeOf(
      { run: 'a', epoch: 800, config: configFree, dataset: dot, weights: rescaled },
      request(1),
    )
    for (let i = 0; i < sharp.values.length; i++)
      expect(Math.abs(same.values[i] - sharp.values[i])).toBeLessThan(1e-9 * Math.max(1, sharp.values[i]))
    expect(same.width).toEqual(sharp.width)
    // λmax is not invariant: 43.5 instead of 24.2.
    expect(fmt(same.lambdaMax)).toBe('43.5')
  })

  it('no card changes λ, so the trained networks are kept from card to card', () => {
    for (const card of scene.cards) {
      const after = card.action === undefined ? setup : afterCard(scene, card.id, setup)
      expect(after.lambda).toBe(0.03)
    }
  })
})
