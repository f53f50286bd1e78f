import type { Activation } from './activation'
import { tanhMeta } from './tanh.meta'

/** Hyperbolic tangent f(z) = tanh z ∈ (−1, 1); f′(z) = 1 − tanh²z = 1 − h². */
export const tanh: Activation = {
  ...tanhMeta,
  f: (z) => Math.tanh(z),
  derivative: (z) => {
    const t = Math.tanh(z)
    return 1 - t * t
  },
  negativeSlope: 1,
  smooth(h, len) {
    for (let k = 0; k < len; k++) h[k] = Math.tanh(h[k])
  },
  slope: [1, 1, 0, -1],
  kernel: 1,
}
