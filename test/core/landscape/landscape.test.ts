import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  filterNormalize,
  flatWidth,
  lossLine,
  lossSlice,
  randomDirection,
  trajectoryPlane,
} from '../../../src/core/index'
import { classifierPresets } from '../../../src/core/scenes/classifierPresets.meta'
import { parseDataset, trainClassifier } from '../../../src/core/mlp/index'
import type { ClassifierConfig, Dataset, LayerWeights } from '../../../src/core/mlp/index'
import { SpecError } from '../../../src/core/errors'
import { naiveLogits, naiveLoss, patternWeights } from '../mlp/naiveMlp'
import type { NaiveNet } from '../mlp/naiveMlp'

const dot: Dataset = parseDataset(readFileSync(new URL('../../../public/dot.csv', import.meta.url), 'utf8'))
const xs: [number, number][] = Array.from({ length: dot.n }, (_, i) => [dot.x[2 * i], dot.x[2 * i + 1]])
const ys = Array.from(dot.y)
const course: ClassifierConfig = classifierPresets.course.config

/** center + a·d1 + b·d2 on nested arrays, batch-norm fields kept from the center. */
function combine(
  c: LayerWeights[],
  d1: LayerWeights[],
  d2: LayerWeights[],
  a: number,
  b: number,
): LayerWeights[] {
  return c.map((layer, l) => ({
    ...layer,
    W: layer.W.map((row, i) => row.map((w, j) => w + a * d1[l].W[i][j] + b * d2[l].W[i][j])),
    b: layer.b.map((v, j) => v + a * d1[l].b[j] + b * d2[l].b[j]),
  }))
}

function naiveNet(config: ClassifierConfig, weights: LayerWeights[]): NaiveNet {
  return {
    weights,
    activation: config.activation,
    output: config.output,
    loss: config.loss,
    regularization: config.regularization,
    batchNorm: config.batchNorm,
  }
}

/** Fraction of rows whose prediction (z for linear+MSE, σ(z) otherwise) is on the label's side of 0.5. */
function naiveAccuracy(net: NaiveNet): number {
  const z = naiveLogits(net, xs, false)
  const linear = net.output === 'linear' && net.loss === 'mse'
  let ok = 0
  z.forEach((v, s) => {
    const p = linear ? v : 1 / (1 + Math.exp(-v))
    if (p > 0.5 === ys[s] > 0.5) ok++
  })
  return ok / xs.length
}

const closeTo = (a: number, b: number, tol = 1e-9) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)))

describe('filterNormalize', () => {
  it('rescales each unit’s column to the center’s column norm and zeroes the biases (hand case)', () => {
    const center: LayerWeights[] = [
      {
        W: [
          [3, 0, 1],
          [4, 2, 0],
        ],
        b: [1, 1, 1],
      },
    ]
    const direction: LayerWeights[] = [
      {
        W: [
          [1, 0, 0],
          [0, 0, 2],
        ],
        b: [5, 6, 7],
      },
    ]
    // Column 0: ‖(3,4)‖ = 5, ‖(1,0)‖ = 1 → ×5. Column 1: zero direction column stays zero. Column 2:
    // ‖(1,0)‖ = 1, ‖(0,2)‖ = 2 → ×½.
    expect(filterNormalize(direction, center)).toEqual([
      {
        W: [
          [5, 0, 0],
          [0, 0, 1],
        ],
        b: [0, 0, 0],
      },
    ])
  })

  it('makes a column zero where the center’s column is zero', () => {
    const out = filterNormalize([{ W: [[2]], b: [1] }], [{ W: [[0]], b: [3] }])
    expect(out).toEqual([{ W: [[0]], b: [0] }])
  })
})

describe('randomDirection', () => {
  const center = patternWeights([2, 5, 3, 1])
  it('is seeded, filter-normalized and bias-free', () => {
    const d = randomDirection(center, 7)
    expect(randomDirection(center, 7)).toEqual(d)
    expect(randomDirection(center, 8)).not.toEqual(d)
    d.forEach((layer, l) => {
      expect(layer.b.every((v) => v === 0)).toBe(true)
      for (let k = 0; k < layer.b.length; k++) {
        const nd = Math.hypot(...layer.W.map((r) => r[k]))
        const nc = Math.hypot(...center[l].W.map((r) => r[k]))
        closeTo(nd, nc, 1e-12)
      }
    })
  })
  it('rejects a seed that is not finite', () => {
    expect(() => randomDirection(center, NaN)).toThrow(SpecError)
  })
})

describe('lossSlice against a naive nested-array forward pass', () => {
  const cases: { name: string; config: ClassifierConfig; center: LayerWeights[] }[] = [
    { name: 'course 2-11-1 ReLU MSE', config: course, center: patternWeights([2, 11, 1], 1.2, 3) },
    {
      name: 'course with L2 λ = 0.03',
      config: { ...course, regularization: { kind: 'l2', lambda: 0.03 } },
      center: patternWeights([2, 11, 1], 1.2, 4),
    },
    {
      name: 'tanh 2-6-4-1, cross-entropy on a sigmoid output, L1, batch norm',
      config: {
        ...course,
        layers: [2, 6, 4, 1],
        activation: 'tanh',
        output: 'sigmoid',
        loss: 'cross-entropy',
        regularization: { kind: 'l1', lambda: 0.01 },
        batchNorm: true,
      },
      center: patternWeights([2, 6, 4, 1], 0.9, 5).map((layer, l) =>
        l < 2
          ? {
              ...layer,
              gamma: layer.b.map((_, j) => 1 + 0.1 * j),
              beta: layer.b.map((_, j) => 0.05 * j - 0.1),
              movingMean: layer.b.map((_, j) => 0.2 - 0.07 * j),
              movingVariance: layer.b.map((_, j) => 0.5 + 0.3 * j),
            }
          : layer,
      ),
    },
  ]
  for (const { name, config, center } of cases) {
    it(`${name}: loss, data loss and accuracy at every node to 1e-9`, () => {
      const d1 = randomDirection(center, 11)
      const d2 = randomDirection(center, 12)
      const slice = lossSlice({
        config,
        dataset: dot,
        center,
        directions: [d1, d2],
        alpha: { min: -1, max: 0.5, n: 4 },
        beta: { min: -0.3, max: 0.9, n: 3 },
      })
      expect(Array.from(slice.alpha)).toEqual([-1, -0.5, 0, 0.5])
      expect(slice.beta[0]).toBe(-0.3)
      expect(slice.beta[2]).toBe(0.9)
      closeTo(slice.beta[1], 0.3, 1e-15)
      for (let j = 0; j < 3; j++) {
        for (let i = 0; i < 4; i++) {
          const net = naiveNet(config, combine(center, d1, d2, slice.alpha[i], slice.beta[j]))
          const idx = j * 4 + i
          closeTo(slice.loss[idx], naiveLoss(net, xs, ys, false))
          closeTo(slice.dataLoss[idx], naiveLoss({ ...net, regularization: { kind: 'none' } }, xs, ys, false))
          expect(slice.accuracy[idx]).toBe(naiveAccuracy(net))
        }
      }
    })
  }

  it('at the center equals the trainer’s final loss and accuracy', () => {
    const config: ClassifierConfig = { ...course, epochs: 30, regularization: { kind: 'l2', lambda: 0.03 } }
    const result = trainClassifier(config, dot)
    const d = randomDirection(result.weights, 1)
    const slice = lossSlice({
      config,
      dataset: dot,
      center: result.weights,
      directions: [d, d],
      alpha: { min: -1, max: 1, n: 3 },
      beta: { min: -1, max: 1, n: 3 },
    })
    closeTo(slice.loss[4], result.final.loss, 1e-12)
    closeTo(slice.dataLoss[4], result.final.dataLoss, 1e-12)
    expect(slice.accuracy[4]).toBe(result.final.accuracy)
  })

  it('names the field it refuses', () => {
    const center = patternWeights([2, 11, 1])
    const d = randomDirection(center, 1)
    const base = {
      config: course,
      dataset: dot,
      center,
      directions: [d, d] as [LayerWeights[], LayerWeights[]],
    }
    const axis = { min: -1, max: 1, n: 5 }
    expect(() => lossSlice({ ...base, alpha: { ...axis, n: 1 }, beta: axis })).toThrow(/alpha\.n/)
    expect(() => lossSlice({ ...base, alpha: axis, beta: { min: 1, max: 1, n: 3 } })).toThrow(/beta\.max/)
    const bad = [{ ...d[0], b: [1, 2] }, d[1]]
    expect(() => lossSlice({ ...base, directions: [d, bad], alpha: axis, beta: axis })).toThrow(
      /directions\[1\]\[0\]\.b/,
    )
  })
})

describe('lossLine against a naive forward pass', () => {
  it('interpolates and extrapolates (1 − t)·from + t·to, to 1e-9', () => {
    const config: ClassifierConfig = { ...course, regularization: { kind: 'l2', lambda: 0.03 } }
    const from = patternWeights([2, 11, 1], 1, 8)
    const to = patternWeights([2, 11, 1], 0.5, 9)
    const line = lossLine({ config, dataset: dot, from, to, t: { min: -0.5, max: 1.5, n: 9 } })
    expect(line.t[2]).toBe(0)
    expect(line.t[6]).toBe(1)
    for (let i = 0; i < 9; i++) {
      const t = line.t[i]
      const w = from.map((layer, l) => ({
        W: layer.W.map((row, r) => row.map((v, j) => (1 - t) * v + t * to[l].W[r][j])),
        b: layer.b.map((v, j) => (1 - t) * v + t * to[l].b[j]),
      }))
      const net = naiveNet(config, w)
      closeTo(line.loss[i], naiveLoss(net, xs, ys, false))
      closeTo(line.dataLoss[i], naiveLoss({ ...net, regularization: { kind: 'none' } }, xs, ys, false))
      expect(line.accuracy[i]).toBe(naiveAccuracy(net))
    }
  })
})

describe('trajectoryPlane', () => {
  const shape = (v: number[]): LayerWeights[] => [{ W: [[v[0], v[1]]], b: [v[2]] }]

  it('explained-variance ratios and coordinates by hand', () => {
    // Offsets from the last point: (3, 0, 0), (0, 1, 0), (0, 0, 0); XᵀX = diag(9, 1, 0), total 10.
    const plane = trajectoryPlane([shape([4, 1, 1]), shape([1, 2, 1]), shape([1, 1, 1])])
    expect(plane.explainedVariance[0]).toBeCloseTo(0.9, 12)
    expect(plane.explainedVariance[1]).toBeCloseTo(0.1, 12)
    // The first point sits at α ≤ 0: d₁ = −e₁, so α = (−3, 0, 0); β of the second point is ±1.
    expect(Array.from(plane.alpha)).toEqual([-3, -0, -0].map((v) => expect.closeTo(v, 12)))
    expect(Math.abs(plane.beta[1])).toBeCloseTo(1, 12)
    expect(plane.directions[0][0].W[0][0]).toBeCloseTo(-1, 12)
  })

  it('gives orthonormal directions that reproduce a path lying in a plane exactly', () => {
    const layers = [2, 11, 1]
    const c = patternWeights(layers, 1, 21)
    const u = patternWeights(layers, 1, 22)
    const v = patternWeights(layers, 1, 23)
    const coords = Array.from({ length: 30 }, (_, e) => [
      Math.cos(e / 5) * (30 - e),
      Math.sin(e / 3) * (30 - e) * 0.4,
    ])
    coords.push([0, 0])
    const path = coords.map(([a, b]) => combine(c, u, v, a, b))
    const plane = trajectoryPlane(path)
    const flat = (w: LayerWeights[]) => w.flatMap((l) => [...l.W.flat(), ...l.b])
    const [d1, d2] = plane.directions.map(flat)
    const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0)
    closeTo(dot(d1, d1), 1, 1e-12)
    closeTo(dot(d2, d2), 1, 1e-12)
    expect(Math.abs(dot(d1, d2))).toBeLessThan(1e-12)
    closeTo(plane.explainedVariance[0] + plane.explainedVariance[1], 1, 1e-12)
    const center = flat(c)
    path.forEach((w, e) => {
      const target = flat(w)
      target.forEach((x, k) => closeTo(center[k] + plane.alpha[e] * d1[k] + plane.beta[e] * d2[k], x, 1e-10))
    })
    expect(plane.alpha[0]).toBeLessThanOrEqual(0)
    expect(plane.beta[0]).toBeLessThanOrEqual(0)
  })

  it('completes the basis for a straight path and uses a given center', () => {
    const plane = trajectoryPlane([shape([3, 1, 1]), shape([2, 1, 1])], shape([1, 1, 1]))
    expect(plane.explainedVariance[0]).toBeCloseTo(1, 12)
    expect(plane.explainedVariance[1]).toBe(0)
    expect(Array.from(plane.alpha)).toEqual([-2, -1])
    const flat = (w: LayerWeights[]) => w.flatMap((l) => [...l.W.flat(), ...l.b])
    const [d1, d2] = plane.directions.map(flat)
    expect(Math.abs(d1.reduce((s, x, i) => s + x * d2[i], 0))).toBeLessThan(1e-15)
    expect(Math.hypot(...d2)).toBeCloseTo(1, 15)
  })

  it('refuses an empty list or mismatched shapes', () => {
    expect(() => trajectoryPlane([])).toThrow(SpecError)
    expect(() => trajectoryPlane([shape([1, 1, 1]), [{ W: [[1]], b: [1] }]])).toThrow(
      /weightsPerEpoch\[1\]\[0\]/,
    )
  })
})

describe('flatWidth', () => {
  it('measures the run within 10% of the minimum around it, by hand', () => {
    const t = [-2, -1, 0, 1, 2, 3]
    // min 1 at t = 0; the limit is 1.1: t = −1 (1.05) and t = 1 (1.1) are in, t = 2 (1.2) is out.
    expect(flatWidth([5, 1.05, 1, 1.1, 1.2, 1], t)).toBe(2)
    // A sharp minimum: only the center is within 10%.
    expect(flatWidth([3, 2, 1, 2, 3, 4], t)).toBe(0)
    expect(flatWidth([NaN, NaN], [0, 1])).toBeNaN()
  })
})
