import type { Loss } from './loss'
import { mseMeta } from './mse.meta'

/**
 * Mean squared error ℓ = (y − out)², out = z (linear output) or σ(z) (sigmoid output); the batch loss is the
 * mean over the batch (TF `reduce_mean(square(y − out))`, the PKU course). ∂ℓ/∂z = 2(out − y)·out′.
 */
export const mse: Loss = {
  ...mseMeta,
  sum(z, y, count, sigmoidOutput) {
    let total = 0
    for (let k = 0; k < count; k++) total += mseTerm(z[k], y[k], sigmoidOutput)
    return total
  },
  gradient(z, y, count, sigmoidOutput, scale, dz) {
    let total = 0
    for (let k = 0; k < count; k++) {
      total += mseTerm(z[k], y[k], sigmoidOutput)
      dz[k] = mseGradient(z[k], y[k], sigmoidOutput, scale)
    }
    return total
  },
}

/** ℓ = (out − y)² of one row (small enough to inline into the fused kernels). */
export function mseTerm(z: number, y: number, sigmoidOutput: boolean): number {
  const e = (sigmoidOutput ? 1 / (1 + Math.exp(-z)) : z) - y
  return e * e
}

/** scale·∂ℓ/∂z of one row: 2·scale·(z − y), or 2·scale·(σ − y)·σ(1 − σ) with σ = σ(z) on a sigmoid output. */
export function mseGradient(z: number, y: number, sigmoidOutput: boolean, scale: number): number {
  if (!sigmoidOutput) return 2 * scale * (z - y)
  const s = 1 / (1 + Math.exp(-z))
  return 2 * scale * (s - y) * s * (1 - s)
}
