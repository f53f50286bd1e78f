import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SpecError } from '../../../src/core/errors'
import { createObjective, lossHessian, parseDataset, trainClassifier } from '../../../src/core/mlp/index'
import type { ClassifierConfig, LayerWeights } from '../../../src/core/mlp/index'
import { patternWeights } from './naiveMlp'

const dot = parseDataset(readFileSync(new URL('../../../public/dot.csv', import.meta.url), 'utf8'))
const small = { x: dot.x.slice(0, 80), y: dot.y.slice(0, 40), n: 40 }

function config(weights: LayerWeights[], over: Partial<ClassifierConfig> = {}): ClassifierConfig {
  return {
    layers: [2, 4, 1],
    activation: 'tanh',
    output: 'linear',
    loss: 'mse',
    optimizer: { kind: 'sgd', lr: 0.005 },
    batchSize: 32,
    epochs: 1,
    shuffle: false,
    seed: 1,
    regularization: { kind: 'none' },
    init: { kind: 'explicit', weights },
    ...over,
  }
}

describe('lossHessian(config, dataset, weights)', () => {
  it('matches second differences of the loss value itself (no gradient involved) on a smooth net', () => {
    const weights = patternWeights([2, 4, 1], 0.9, 3)
    const cfg = config(weights, { regularization: { kind: 'l2', lambda: 0.03 } })
    const { n, hessian } = lossHessian(cfg, small, weights)
    expect(n).toBe(17)
    const f = createObjective(cfg, small, { weights })
    const theta = f.params
    const h = 1e-4
    const shifted = (i: number, si: number, j: number, sj: number): number => {
      const t = theta.slice()
      t[i] += si * h
      t[j] += sj * h
      return f.value(t)
    }
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) {
        const fd =
          (shifted(i, 1, j, 1) - shifted(i, 1, j, -1) - shifted(i, -1, j, 1) + shifted(i, -1, j, -1)) /
          (4 * h * h)
        expect(Math.abs(hessian[i * n + j] - fd)).toBeLessThan(2e-6 * Math.max(1, Math.abs(fd)))
      }
    }
  })

  it('is symmetric, and L2 adds exactly λ to the diagonal of the weights, nothing to biases', () => {
    const weights = patternWeights([2, 4, 1], 0.9, 5)
    const plain = lossHessian(config(weights), small, weights)
    const l2 = lossHessian(config(weights, { regularization: { kind: 'l2', lambda: 0.25 } }), small, weights)
    const n = plain.n
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        expect(plain.hessian[i * n + j]).toBe(plain.hessian[j * n + i])
        // Layout: W1 0..7, b1 8..11, W2 12..15, b2 16.
        const weight = i < 8 || (i >= 12 && i < 16)
        const expected = i === j && weight ? 0.25 : 0
        expect(Math.abs(l2.hessian[i * n + j] - plain.hessian[i * n + j] - expected)).toBeLessThan(1e-8)
      }
    }
  })

  it('reports the spectrum of its Hessian and the minimum ratio (#λ > tol)/n with tol = 1e−6·max|λ|', () => {
    const weights = patternWeights([2, 4, 1], 1.2, 7)
    const r = lossHessian(config(weights), small, weights)
    let trace = 0
    for (let i = 0; i < r.n; i++) trace += r.hessian[i * r.n + i]
    expect(r.eigenvalues.reduce((s, v) => s + v, 0)).toBeCloseTo(trace, 10)
    for (let k = 1; k < r.n; k++) expect(r.eigenvalues[k]).toBeGreaterThanOrEqual(r.eigenvalues[k - 1])
    const maxAbs = Math.max(...Array.from(r.eigenvalues, Math.abs))
    expect(r.tolerance).toBeCloseTo(1e-6 * maxAbs, 18)
    const positive = Array.from(r.eigenvalues).filter((v) => v > r.tolerance).length
    const negative = Array.from(r.eigenvalues).filter((v) => v < -r.tolerance).length
    expect(r.positive).toBe(positive)
    expect(r.negative).toBe(negative)
    expect(r.zero).toBe(r.n - positive - negative)
    expect(r.minimumRatio).toBe(positive / r.n)
    // Away from a minimum this net's loss curves down somewhere: not every direction is a wall.
    expect(r.negative).toBeGreaterThan(0)
    expect(r.minimumRatio).toBeLessThan(1)
    // Along the most negative eigenvector the loss bends down: vᵀHv = λ₀ < 0 (Li Hongyi's escape direction).
    const { eigenvectors } = lossHessian(config(weights), small, weights, { vectors: true })
    const v = eigenvectors!.subarray(0, r.n)
    const f = createObjective(config(weights), small, { weights })
    const eps = 1e-3
    const along = (s: number) => f.value(f.params.map((p, k) => p + s * eps * v[k]))
    const curvature = (along(1) - 2 * along(0) + along(-1)) / (eps * eps)
    expect(curvature).toBeCloseTo(r.eigenvalues[0], 4)
    expect(r.eigenvalues[0]).toBeLessThan(0)
  })

  it('is taken over all 45 parameters of the trained course net, in evaluation mode, with its loss and ‖∇L‖', () => {
    const course: ClassifierConfig = {
      ...config(patternWeights([2, 11, 1], 1, 2)),
      layers: [2, 11, 1],
      activation: 'relu',
      epochs: 200,
      regularization: { kind: 'l2', lambda: 0.03 },
      init: { kind: 'normal', seed: 4 },
    }
    const trained = trainClassifier(course, dot)
    const r = lossHessian(course, dot, trained.weights)
    expect(r.n).toBe(45)
    expect(r.loss).toBeCloseTo(trained.final.loss, 12)
    expect(r.gradientNorm).toBeGreaterThan(0)
    expect(r.gradientNorm).toBeLessThan(1)
    // The flat parameter vector is accepted too and gives the same matrix.
    expect(Array.from(lossHessian(course, dot, trained.params).hessian)).toEqual(Array.from(r.hessian))
  })

  it('throws a SpecError for a flat vector with batch norm, a wrong length, or too many parameters', () => {
    const weights = patternWeights([2, 4, 1], 1, 1)
    expect(() => lossHessian(config(weights, { batchNorm: true }), small, new Float64Array(25))).toThrow(
      SpecError,
    )
    expect(() => lossHessian(config(weights), small, new Float64Array(3))).toThrow(/17 parameters/)
    const big = [2, 32, 32, 1]
    expect(() =>
      lossHessian(config(patternWeights(big), { layers: big }), small, patternWeights(big)),
    ).toThrow(/at most 600 parameters/)
  })
})
