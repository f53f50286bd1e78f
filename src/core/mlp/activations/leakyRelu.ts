import type { Activation } from './activation'

/** Slope of the leaky ReLU for z ≤ 0 (PyTorch's default `negative_slope`; Keras' LeakyReLU defaults to 0.3). */
export const LEAKY_SLOPE = 0.01

/**
 * Leaky ReLU f(z) = z for z > 0, 0.01·z otherwise; f′(z) = 1 for z > 0 and 0.01 for z ≤ 0 (the value at 0 in
 * TF and PyTorch). h > 0 exactly when z > 0.
 */
export const leakyRelu: Activation = {
  id: 'leaky-relu',
  label: { en: 'Leaky ReLU (slope 0.01)', zh: 'Leaky ReLU（斜率 0.01）' },
  formula: 'f(z)=\\begin{cases}z & z>0\\\\ 0.01\\,z & z\\le 0\\end{cases}',
  derivativeFormula: "f'(z)=\\begin{cases}1 & z>0\\\\ 0.01 & z\\le 0\\end{cases}",
  f: (z) => (z > 0 ? z : LEAKY_SLOPE * z),
  derivative: (z) => (z > 0 ? 1 : LEAKY_SLOPE),
  negativeSlope: LEAKY_SLOPE,
  slope: [1, LEAKY_SLOPE, 0, 0],
  kernel: 0,
}
