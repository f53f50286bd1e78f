import type { Loss } from './loss'

/**
 * Mean squared error ℓ = (y − out)², out = z (linear output) or σ(z) (sigmoid output); the batch loss is the
 * mean over the batch (TF `reduce_mean(square(y − out))`, the PKU course). ∂ℓ/∂z = 2(out − y)·out′.
 */
export const mse: Loss = {
  id: 'mse',
  label: { en: 'mean squared error', zh: '均方误差' },
  formula: 'L=\\frac{1}{B}\\sum_n (\\hat y^n - y^n)^2',
  sum(z, y, count, sigmoidOutput) {
    let total = 0
    if (sigmoidOutput) {
      for (let k = 0; k < count; k++) {
        const e = 1 / (1 + Math.exp(-z[k])) - y[k]
        total += e * e
      }
    } else {
      for (let k = 0; k < count; k++) {
        const e = z[k] - y[k]
        total += e * e
      }
    }
    return total
  },
  gradient(z, y, count, sigmoidOutput, scale, dz) {
    let total = 0
    if (sigmoidOutput) {
      for (let k = 0; k < count; k++) {
        const s = 1 / (1 + Math.exp(-z[k]))
        const e = s - y[k]
        total += e * e
        dz[k] = 2 * scale * e * s * (1 - s)
      }
    } else {
      for (let k = 0; k < count; k++) {
        const e = z[k] - y[k]
        total += e * e
        dz[k] = 2 * scale * e
      }
    }
    return total
  },
}
