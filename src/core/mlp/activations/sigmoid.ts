import type { Activation } from './activation'
import { sigmoidMeta } from './sigmoid.meta'

/** Logistic sigmoid σ(z) = 1/(1 + e^(−z)) ∈ (0, 1); σ′(z) = σ(z)(1 − σ(z)) = h − h². */
export const sigmoid: Activation = {
  ...sigmoidMeta,
  f: (z) => 1 / (1 + Math.exp(-z)),
  derivative: (z) => {
    const s = 1 / (1 + Math.exp(-z))
    return s * (1 - s)
  },
  negativeSlope: 1,
  smooth(h, len) {
    for (let k = 0; k < len; k++) h[k] = 1 / (1 + Math.exp(-h[k]))
  },
  slope: [0, 0, 1, -1],
  kernel: 2,
}
