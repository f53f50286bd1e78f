import type { Loss } from './loss'
import { crossEntropyMeta } from './crossEntropy.meta'

/**
 * Binary cross-entropy on the probability p = σ(z): ℓ = −[y ln p + (1 − y) ln(1 − p)], computed in the stable
 * logits form ℓ = max(z, 0) − y·z + ln(1 + e^(−|z|)) for both outputs (with a linear output the sigmoid lives
 * inside the loss, as `from_logits=True`). ∂ℓ/∂z = σ(z) − y. Unlike Keras on a sigmoid output, p is not clipped
 * to [1e-7, 1 − 1e-7], so saturated outputs keep their exact loss.
 */
export const crossEntropy: Loss = {
  ...crossEntropyMeta,
  sum(z, y, count) {
    let total = 0
    for (let k = 0; k < count; k++) total += crossEntropyTerm(z[k], y[k])
    return total
  },
  gradient(z, y, count, _sigmoidOutput, scale, dz) {
    let total = 0
    for (let k = 0; k < count; k++) {
      total += crossEntropyTerm(z[k], y[k])
      dz[k] = crossEntropyGradient(z[k], y[k], scale)
    }
    return total
  },
}

/** ℓ of one row in the logits form (small enough to inline into the fused kernels). */
export function crossEntropyTerm(z: number, y: number): number {
  return (z > 0 ? z : 0) - y * z + Math.log1p(Math.exp(-Math.abs(z)))
}

/** scale·(σ(z) − y) of one row, with σ from e^(−|z|), which never overflows. */
export function crossEntropyGradient(z: number, y: number, scale: number): number {
  const e = Math.exp(-Math.abs(z))
  const s = z >= 0 ? 1 / (1 + e) : e / (1 + e)
  return scale * (s - y)
}
