// An independent, deliberately plain MLP (nested arrays, one row at a time, formulas straight from
// docs/conventions.md and the lecture) that the tests compare the core's flat, fused kernels against.
import type { LayerWeights, Regularization } from '../../../src/core/mlp/index'

export const naiveActivations: Record<string, (z: number) => number> = {
  relu: (z) => Math.max(0, z),
  'leaky-relu': (z) => (z > 0 ? z : 0.01 * z),
  tanh: (z) => Math.tanh(z),
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  linear: (z) => z,
}

export interface NaiveNet {
  weights: LayerWeights[]
  activation: string
  output: 'linear' | 'sigmoid'
  loss: 'mse' | 'cross-entropy'
  regularization: Regularization
  batchNorm?: boolean
  /** masks[layer][row][unit]: dropout multipliers of hidden layers (training mode). */
  masks?: number[][][]
}

const sigma = (z: number): number => 1 / (1 + Math.exp(-z))

/** Output-unit pre-activations of every row; `train` uses batch statistics for batch norm. */
export function naiveLogits(net: NaiveNet, xs: [number, number][], train: boolean): number[] {
  let acts: number[][] = xs.map((x) => [x[0], x[1]])
  const f = naiveActivations[net.activation]
  net.weights.forEach((layer, l) => {
    const units = layer.b.length
    let z = acts.map((a) => {
      const row: number[] = []
      for (let j = 0; j < units; j++) {
        let v = layer.b[j]
        for (let i = 0; i < a.length; i++) v += a[i] * layer.W[i][j]
        row.push(v)
      }
      return row
    })
    const hidden = l < net.weights.length - 1
    if (!hidden) {
      acts = z
      return
    }
    if (net.batchNorm) {
      const gamma = layer.gamma ?? z[0].map(() => 1)
      const beta = layer.beta ?? z[0].map(() => 0)
      const mean: number[] = []
      const variance: number[] = []
      for (let j = 0; j < units; j++) {
        if (train) {
          const m = z.reduce((s, r) => s + r[j], 0) / z.length
          mean.push(m)
          variance.push(z.reduce((s, r) => s + (r[j] - m) ** 2, 0) / z.length)
        } else {
          mean.push(layer.movingMean?.[j] ?? 0)
          variance.push(layer.movingVariance?.[j] ?? 1)
        }
      }
      z = z.map((r) => r.map((v, j) => (gamma[j] * (v - mean[j])) / Math.sqrt(variance[j] + 1e-5) + beta[j]))
    }
    acts = z.map((r, s) => r.map((v, j) => f(v) * (train && net.masks ? net.masks[l][s][j] : 1)))
  })
  return acts.map((r) => r[0])
}

/** Mean data term + penalty over the rows. */
export function naiveLoss(net: NaiveNet, xs: [number, number][], ys: number[], train: boolean): number {
  const z = naiveLogits(net, xs, train)
  let total = 0
  z.forEach((v, s) => {
    const y = ys[s]
    if (net.loss === 'mse') {
      const out = net.output === 'sigmoid' ? sigma(v) : v
      total += (y - out) ** 2
    } else {
      const p = sigma(v)
      total += -(y * Math.log(p) + (1 - y) * Math.log(1 - p))
    }
  })
  return total / xs.length + naivePenalty(net)
}

export function naivePenalty(net: NaiveNet): number {
  const reg = net.regularization
  if (reg.kind === 'none') return 0
  let sum = 0
  for (const layer of net.weights)
    for (const row of layer.W) for (const w of row) sum += reg.kind === 'l2' ? w * w : Math.abs(w)
  return reg.kind === 'l2' ? 0.5 * reg.lambda * sum : reg.lambda * sum
}

/** Seeded-looking but plain weights: a deterministic pattern, not the core's RNG. */
export function patternWeights(layers: number[], scale = 0.8, seed = 1): LayerWeights[] {
  let k = seed
  const next = () => {
    k += 1
    return scale * Math.sin(12.9898 * k + 78.233 * seed)
  }
  const out: LayerWeights[] = []
  for (let l = 0; l < layers.length - 1; l++) {
    const W = Array.from({ length: layers[l] }, () => Array.from({ length: layers[l + 1] }, next))
    out.push({ W, b: Array.from({ length: layers[l + 1] }, () => 0.3 * next()) })
  }
  return out
}
