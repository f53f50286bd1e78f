import type { Activation } from './activation'
import { leakyReluMeta } from './leakyRelu.meta'

/** Slope of the leaky ReLU for z ≤ 0 (PyTorch's default `negative_slope`; Keras' LeakyReLU defaults to 0.3). */
export const LEAKY_SLOPE = 0.01

/**
 * Leaky ReLU f(z) = z for z > 0, 0.01·z otherwise; f′(z) = 1 for z > 0 and 0.01 for z ≤ 0 (the value at 0 in
 * TF and PyTorch). h > 0 exactly when z > 0.
 */
export const leakyRelu: Activation = {
  ...leakyReluMeta,
  f: (z) => (z > 0 ? z : LEAKY_SLOPE * z),
  derivative: (z) => (z > 0 ? 1 : LEAKY_SLOPE),
  negativeSlope: LEAKY_SLOPE,
  slope: [1, LEAKY_SLOPE, 0, 0],
  kernel: 0,
}
