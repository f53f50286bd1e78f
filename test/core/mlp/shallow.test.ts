// The one-hidden-layer fast path (src/core/mlp/shallow.ts) checked against independent sources: central
// differences of the loss, the naive nested-array MLP (naiveMlp.ts) and a step differentiated numerically.
// Row counts are odd and not multiples of four, widths not multiples of four, so the four-row blocks, the
// even/odd row sums and the four-unit blocks all run their tails; width 32 uses the sign bit of the ReLU masks.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { activationIds, createObjective, createTrainer, parseDataset } from '../../../src/core/mlp/index'
import type {
  ClassifierConfig,
  Dataset,
  LayerWeights,
  Objective,
  Regularization,
  ActivationKind,
} from '../../../src/core/mlp/index'
import { naiveLogits, naiveLoss, patternWeights } from './naiveMlp'

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
  [1.2, 1.4],
  [-0.2, -1.9],
]
const ys = [1, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0]
const small: Dataset = { x: Float64Array.from(xs.flat()), y: Float64Array.from(ys), n: xs.length }
const csv = parseDataset(readFileSync(new URL('../../../public/dot.csv', import.meta.url), 'utf8'))
/** The first n rows of dot.csv. */
const dotHead = (n: number): Dataset => ({ x: csv.x.subarray(0, 2 * n), y: csv.y.subarray(0, n), n })
const rowsOf = (d: Dataset): [number, number][] =>
  Array.from({ length: d.n }, (_, s) => [d.x[2 * s], d.x[2 * s + 1]])

function config(weights: LayerWeights[], over: Partial<ClassifierConfig> = {}): ClassifierConfig {
  return {
    layers: [2, weights[0].b.length, 1],
    activation: 'relu',
    output: 'linear',
    loss: 'mse',
    optimizer: { kind: 'sgd', lr: 0.1 },
    batchSize: 7,
    epochs: 1,
    shuffle: false,
    seed: 3,
    regularization: { kind: 'none' },
    init: { kind: 'explicit', weights },
    ...over,
  }
}

/** max_k |∂L/∂θ_k − central difference| relative to max(1, |∂L/∂θ_k|). */
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
    worst = Math.max(worst, Math.abs(g[k] - (up - down) / (2 * h)) / Math.max(1, Math.abs(g[k])))
  }
  return worst
}

describe('createObjective(config) on one hidden layer (the fused kernels)', () => {
  for (const activation of activationIds) {
    for (const output of ['linear', 'sigmoid'] as const) {
      for (const loss of ['mse', 'cross-entropy'] as const) {
        for (const units of [1, 5, 32]) {
          const name = `2-${units}-1 ${activation} / ${output} output / ${loss}`
          it(`has the gradient of central differences and the naive loss for ${name}`, () => {
            // Weights shrink with the width, keeping logits moderate (the naive cross-entropy takes ln σ(z)
            // directly, which loses digits once |z| is large; the core uses the stable logits form).
            const scale = 0.9 / Math.sqrt(units)
            const weights = patternWeights([2, units, 1], scale, units + activationIds.indexOf(activation))
            const regularization = { kind: 'l2', lambda: 0.05 } as const
            const cfg = config(weights, { activation, output, loss, regularization })
            for (const mode of ['eval', 'train'] as const) {
              const objective = createObjective(cfg, small, { mode })
              expect(objective.n).toBe(4 * units + 1)
              expect(gradientError(objective)).toBeLessThan(1e-7)
              const naive = naiveLoss({ weights, activation, output, loss, regularization }, xs, ys, false)
              expect(objective.value(objective.params)).toBeCloseTo(naive, 12)
            }
          })
        }
      }
    }
  }

  it('gives unit 31 of a 2-32-1 ReLU net (the sign bit of the activity masks) its gradient', () => {
    const weights = patternWeights([2, 32, 1], 0.9, 4)
    // Unit 31 is active on some rows and inactive on others, so its bit really decides.
    const z31 = xs.map(([a, b]) => weights[0].b[31] + a * weights[0].W[0][31] + b * weights[0].W[1][31])
    expect(z31.some((z) => z > 0) && z31.some((z) => z <= 0)).toBe(true)
    const objective = createObjective(config(weights), small)
    const g = new Float64Array(objective.n)
    objective.gradient(objective.params, g)
    // ∂L/∂W₂[31] = (2/N)Σ_s (z_s − y_s)·relu(z31_s), from the naive logits.
    const out = naiveLogits(net(weights, 'relu'), xs, false)
    let expected = 0
    for (let s = 0; s < xs.length; s++) expected += (2 / xs.length) * (out[s] - ys[s]) * Math.max(0, z31[s])
    expect(g[3 * 32 + 31]).toBeCloseTo(expected, 13)
    expect(expected).not.toBe(0)
  })
})

function net(weights: LayerWeights[], activation: string, output: 'linear' | 'sigmoid' = 'linear') {
  return { weights, activation, output, loss: 'mse' as const, regularization: { kind: 'none' as const } }
}

describe('createTrainer(config).evaluate() on one hidden layer over 297, 298 and 299 rows of dot.csv', () => {
  // Evaluated in chunks of 256 rows and 41, 42 or 43: the last block of four rows is partial in every way.
  for (const activation of activationIds) {
    for (const [output, loss] of [
      ['linear', 'mse'],
      ['sigmoid', 'mse'],
      ['linear', 'cross-entropy'],
    ] as const) {
      it(`equals the naive loss and accuracy for 2-11-1 ${activation} / ${output} output / ${loss}`, () => {
        const weights = patternWeights([2, 11, 1], 1.1, 7)
        const regularization = { kind: 'l1', lambda: 0.01 } as const
        const naive = { weights, activation, output, loss, regularization }
        const linear = output === 'linear' && loss === 'mse'
        for (const n of [297, 298, 299]) {
          const data = dotHead(n)
          const rows = rowsOf(data)
          const trainer = createTrainer(config(weights, { activation, output, loss, regularization }), data)
          const metrics = trainer.evaluate()
          expect(metrics.loss).toBeCloseTo(naiveLoss(naive, rows, Array.from(data.y), false), 12)
          const z = naiveLogits(naive, rows, false)
          const p = z.map((v) => (linear ? v : 1 / (1 + Math.exp(-v))))
          expect(metrics.accuracy).toBe(p.filter((v, s) => v > 0.5 === data.y[s] > 0.5).length / n)
          // The prediction function is the same network.
          expect(trainer.predict(rows[n - 1][0], rows[n - 1][1])).toBeCloseTo(p[n - 1], 12)
        }
      })
    }
  }
})

/**
 * The expected parameters after one epoch of SGD in file-order batches of `batch` rows: each update steps along
 * central differences of the naive batch loss (+ penalty), with no code shared with the core.
 */
function naiveEpoch(
  weights: LayerWeights[],
  activation: string,
  regularization: Regularization,
  rows: [number, number][],
  labels: number[],
  batch: number,
  lr: number,
): number[] {
  const H = weights[0].b.length
  let theta = weights.flatMap((l) => [...l.W.flat(), ...l.b])
  const unflat = (v: number[]): LayerWeights[] => [
    { W: [v.slice(0, H), v.slice(H, 2 * H)], b: v.slice(2 * H, 3 * H) },
    { W: v.slice(3 * H, 4 * H).map((w) => [w]), b: [v[4 * H]] },
  ]
  for (let from = 0; from < rows.length; from += batch) {
    const to = Math.min(from + batch, rows.length)
    const loss = (v: number[]) =>
      naiveLoss(
        { ...net(unflat(v), activation), regularization },
        rows.slice(from, to),
        labels.slice(from, to),
        true,
      )
    const h = 1e-6
    const grad = theta.map((_, k) => {
      const up = theta.slice()
      const down = theta.slice()
      up[k] += h
      down[k] -= h
      return (loss(up) - loss(down)) / (2 * h)
    })
    theta = theta.map((v, k) => v - lr * grad[k])
  }
  return theta
}

describe('createTrainer(config).trainEpochs on one hidden layer', () => {
  // ReLU with MSE on a linear output and at most 12 units runs the unrolled kernel (L2 folded in, L1 added
  // after), 13 units the row-block kernels; the other activations always the latter.
  const cases: [ActivationKind, number, Regularization][] = [
    ['relu', 5, { kind: 'l2', lambda: 0.1 }],
    ['relu', 12, { kind: 'l1', lambda: 0.05 }],
    ['relu', 13, { kind: 'l2', lambda: 0.1 }],
    ['relu', 3, { kind: 'none' }],
    ['leaky-relu', 5, { kind: 'l2', lambda: 0.1 }],
    ['sigmoid', 5, { kind: 'l1', lambda: 0.05 }],
  ]
  for (const [activation, units, regularization] of cases) {
    const name = `2-${units}-1 ${activation} with ${regularization.kind}`
    it(`makes θ ← θ − η∇L_B per batch of 7 rows (11 rows: batches 7 + 4) for ${name}`, () => {
      const weights = patternWeights([2, units, 1], 0.8 / Math.sqrt(units / 4), 9)
      const cfg = config(weights, { activation, regularization, optimizer: { kind: 'sgd', lr: 0.2 } })
      const trainer = createTrainer(cfg, small)
      trainer.trainEpochs(1)
      expect(trainer.updates).toBe(2)
      const expected = naiveEpoch(weights, activation, regularization, xs, ys, 7, 0.2)
      Array.from(trainer.params).forEach((v, k) => expect(Math.abs(v - expected[k])).toBeLessThan(1e-8))
    })
  }

  it('adds the chunks of a batch over 256 rows (299 rows: chunks 256 + 43) for 2-11-1 relu with L2', () => {
    const data = dotHead(299)
    const weights = patternWeights([2, 11, 1], 0.6, 3)
    const regularization = { kind: 'l2', lambda: 0.03 } as const
    const cfg = config(weights, { regularization, batchSize: 299, optimizer: { kind: 'sgd', lr: 0.1 } })
    const trainer = createTrainer(cfg, data)
    trainer.trainEpochs(1)
    expect(trainer.updates).toBe(1)
    const expected = naiveEpoch(weights, 'relu', regularization, rowsOf(data), Array.from(data.y), 299, 0.1)
    Array.from(trainer.params).forEach((v, k) => expect(Math.abs(v - expected[k])).toBeLessThan(1e-8))
  })
})
