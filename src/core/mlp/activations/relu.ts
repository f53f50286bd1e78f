import type { Activation } from './activation'
import { reluMeta } from './relu.meta'

/**
 * ReLU f(z) = max(0, z); f′(z) = 1 for z > 0 and 0 for z ≤ 0 (0 at the kink, as TF and PyTorch). h = f(z) is
 * > 0 exactly when z > 0, so f′ = [h > 0].
 */
export const relu: Activation = {
  ...reluMeta,
  f: (z) => (z > 0 ? z : 0),
  derivative: (z) => (z > 0 ? 1 : 0),
  negativeSlope: 0,
  slope: [1, 0, 0, 0],
  kernel: 0,
}
