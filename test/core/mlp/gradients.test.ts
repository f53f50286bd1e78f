import { describe, expect, it } from 'vitest'
import { activationIds, createObjective } from '../../../src/core/mlp/index'
import type {
  ClassifierConfig,
  Dataset,
  LayerWeights,
  Objective,
  Regularization,
} from '../../../src/core/mlp/index'
import { naiveLoss, patternWeights } from './naiveMlp'

// Nine rows (odd, so the kernels' two-rows-at-a-time loops also run their one-row tails), both classes.
const xs: [number, number][] = [
  [0.3, -1.2],
  [-0.7, 0.4],
  [1.5, 0.9],
  [-1.1, -0.6],
  [0.2, 0.25],
  [2.1, -0.3],
  [-0.4, 1.7],
  [0.9, -0.8],
  [-1.6, 1.1],
]
const ys = [1, 0, 0, 1, 1, 0, 0, 1, 0]
const data: Dataset = { x: Float64Array.from(xs.flat()), y: Float64Array.from(ys), n: xs.length }

function config(weights: LayerWeights[], over: Partial<ClassifierConfig> = {}): ClassifierConfig {
  return {
    layers: [2, 3, 2, 1],
    activation: 'tanh',
    output: 'linear',
    loss: 'mse',
    optimizer: { kind: 'sgd', lr: 0.1 },
    batchSize: 9,
    epochs: 1,
    shuffle: false,
    seed: 11,
    regularization: { kind: 'none' },
    init: { kind: 'explicit', weights },
    ...over,
  }
}

/** max_k |∂L/∂θ_k − (L(θ + h e_k) − L(θ − h e_k))/2h| relative to max(1, |∂L/∂θ_k|). */
function gradientError(objective: Objective): number {
  const theta = objective.params
  const g = new Float64Array(objective.n)
  objective.gradient(theta, g)
  const h = 1e-6
  let worst = 0
  for (let k = 0; k < objective.n; k++) {
    const t = theta[k]
    theta[k] = t + h
    const up = objective.value(theta)
    theta[k] = t - h
    const down = objective.value(theta)
    theta[k] = t
    const fd = (up - down) / (2 * h)
    worst = Math.max(worst, Math.abs(g[k] - fd) / Math.max(1, Math.abs(g[k])))
  }
  return worst
}

const regs: Regularization[] = [{ kind: 'none' }, { kind: 'l2', lambda: 0.03 }, { kind: 'l1', lambda: 0.02 }]

describe("createObjective(config).gradient, the trainer's backprop, against central differences", () => {
  for (const activation of activationIds) {
    for (const output of ['linear', 'sigmoid'] as const) {
      for (const loss of ['mse', 'cross-entropy'] as const) {
        for (const regularization of regs) {
          const name = `${activation} / ${output} output / ${loss} / ${regularization.kind}`
          it(`matches central differences and the naive loss for ${name}`, () => {
            const weights = patternWeights([2, 3, 2, 1], 0.9, activationIds.indexOf(activation) + 1)
            const cfg = config(weights, { activation, output, loss, regularization })
            const objective = createObjective(cfg, data)
            expect(gradientError(objective)).toBeLessThan(1e-7)
            const naive = naiveLoss({ weights, activation, output, loss, regularization }, xs, ys, false)
            expect(objective.value(objective.params)).toBeCloseTo(naive, 12)
          })
        }
      }
    }
  }

  it('matches central differences on a one-hidden-layer 2-11-1 net (the course shape)', () => {
    const weights = patternWeights([2, 11, 1], 1, 5)
    const objective = createObjective(config(weights, { layers: [2, 11, 1], activation: 'relu' }), data)
    expect(objective.n).toBe(45)
    expect(gradientError(objective)).toBeLessThan(1e-7)
  })

  it('matches central differences on three hidden layers with leaky ReLU and L2', () => {
    const layers = [2, 5, 4, 3, 1]
    const weights = patternWeights(layers, 0.9, 8)
    const cfg = config(weights, {
      layers,
      activation: 'leaky-relu',
      regularization: { kind: 'l2', lambda: 0.1 },
    })
    expect(gradientError(createObjective(cfg, data))).toBeLessThan(1e-7)
  })

  it('matches central differences over a batch of rows taken from the middle of the data', () => {
    const weights = patternWeights([2, 3, 2, 1], 0.9, 3)
    const objective = createObjective(config(weights), data, { rows: [2, 7] })
    expect(gradientError(objective)).toBeLessThan(1e-7)
    const naive = naiveLoss(
      { weights, activation: 'tanh', output: 'linear', loss: 'mse', regularization: { kind: 'none' } },
      xs.slice(2, 7),
      ys.slice(2, 7),
      false,
    )
    expect(objective.value(objective.params)).toBeCloseTo(naive, 12)
  })

  it('matches central differences with dropout (training mode, one frozen mask)', () => {
    const layers = [2, 6, 5, 1]
    const weights = patternWeights(layers, 0.9, 4)
    const cfg = config(weights, { layers, activation: 'relu', dropout: 0.4 })
    const train = createObjective(cfg, data, { mode: 'train', maskSeed: 7 })
    expect(gradientError(train)).toBeLessThan(1e-7)
    // The mask really acts: the training loss differs from the evaluation loss at the same weights.
    const evalLoss = createObjective(cfg, data).value(train.params)
    expect(Math.abs(train.value(train.params) - evalLoss)).toBeGreaterThan(1e-3)
    // …and stays the same mask from call to call (a fixed function of θ).
    expect(train.value(train.params)).toBe(train.value(train.params))
  })

  it('matches central differences and the naive loss with batch norm in training mode (batch statistics)', () => {
    const layers = [2, 4, 3, 1]
    const weights = patternWeights(layers, 0.9, 6).map((layer, l) =>
      l < 2
        ? { ...layer, gamma: layer.b.map((_, j) => 1 + 0.1 * j), beta: layer.b.map((_, j) => 0.05 * j - 0.1) }
        : layer,
    )
    for (const activation of ['tanh', 'relu'] as const) {
      const cfg = config(weights, {
        layers,
        activation,
        batchNorm: true,
        loss: 'cross-entropy',
        output: 'sigmoid',
      })
      const objective = createObjective(cfg, data, { mode: 'train' })
      // W1, b1, γ1, β1, W2, b2, γ2, β2, W3, b3.
      expect(objective.n).toBe(8 + 4 + 4 + 4 + 12 + 3 + 3 + 3 + 3 + 1)
      expect(gradientError(objective)).toBeLessThan(1e-7)
      const naive = naiveLoss(
        {
          weights,
          activation,
          output: 'sigmoid',
          loss: 'cross-entropy',
          regularization: { kind: 'none' },
          batchNorm: true,
        },
        xs,
        ys,
        true,
      )
      expect(objective.value(objective.params)).toBeCloseTo(naive, 12)
    }
  })

  it('matches central differences and the naive loss with batch norm in evaluation mode (moving statistics)', () => {
    const layers = [2, 4, 3, 1]
    const weights = patternWeights(layers, 0.9, 2).map((layer, l) =>
      l < 2
        ? {
            ...layer,
            gamma: layer.b.map((_, j) => 1.2 - 0.1 * j),
            beta: layer.b.map((_, j) => 0.1 * j),
            movingMean: layer.b.map((_, j) => 0.2 - 0.1 * j),
            movingVariance: layer.b.map((_, j) => 0.5 + 0.3 * j),
          }
        : layer,
    )
    const cfg = config(weights, {
      layers,
      activation: 'sigmoid',
      batchNorm: true,
      regularization: { kind: 'l2', lambda: 0.05 },
    })
    const objective = createObjective(cfg, data)
    expect(gradientError(objective)).toBeLessThan(1e-7)
    const naive = naiveLoss(
      {
        weights,
        activation: 'sigmoid',
        output: 'linear',
        loss: 'mse',
        regularization: { kind: 'l2', lambda: 0.05 },
        batchNorm: true,
      },
      xs,
      ys,
      false,
    )
    expect(objective.value(objective.params)).toBeCloseTo(naive, 12)
  })

  it('matches central differences with batch norm and dropout together', () => {
    const layers = [2, 5, 4, 1]
    const cfg = config(patternWeights(layers, 0.9, 9), {
      layers,
      activation: 'leaky-relu',
      batchNorm: true,
      dropout: 0.3,
    })
    expect(gradientError(createObjective(cfg, data, { mode: 'train', maskSeed: 3 }))).toBeLessThan(1e-7)
  })

  it('gives the L1 penalty a zero subgradient at w = 0 and ±λ elsewhere', () => {
    const weights = patternWeights([2, 2, 1], 0.5, 1)
    weights[0].W[0][0] = 0
    const base = config(weights, { layers: [2, 2, 1], activation: 'linear' })
    const plain = createObjective(base, data)
    const l1 = createObjective({ ...base, regularization: { kind: 'l1', lambda: 0.25 } }, data)
    const g0 = new Float64Array(plain.n)
    const g1 = new Float64Array(l1.n)
    plain.gradient(plain.params, g0)
    l1.gradient(l1.params, g1)
    const diff = Array.from(g1, (v, k) => v - g0[k])
    // Layout: W1 (2×2), b1 (2), W2 (2×1), b2 (1).
    expect(diff[0]).toBe(0)
    for (const k of [1, 2, 3, 6, 7]) expect(diff[k]).toBeCloseTo(0.25 * Math.sign(l1.params[k]), 15)
    for (const k of [4, 5, 8]) expect(diff[k]).toBe(0)
  })
})
