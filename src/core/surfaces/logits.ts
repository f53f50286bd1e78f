import type { Surface } from '../types'
import { mseLogitsMeta, ceLogitsMeta } from './logits.meta'
import { setOut2, setOut3 } from './out'

/** σ(z) = 1/(1 + e^{−z}), evaluated so that neither branch overflows or rounds a tail to 0 too early. */
function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z))
  const e = Math.exp(z)
  return e / (1 + e)
}

/** softplus(z) = ln(1 + e^z) = max(z, 0) + ln(1 + e^{−|z|}), exact to rounding for every z. */
function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)))
}

// Both scenes depend on (y₁, y₂) only through d = y₁ − y₂: ∇L = L′(d)·(1, −1), H = L″(d)·[[1, −1], [−1, 1]].
// q = σ(−d) = 1 − y′₁ and p = σ(d) = y′₁ are computed separately, so neither is 1 minus a number near 1.

/**
 * MSE on softmax outputs, docs/lectures.md S10: logits (y₁, y₂, y₃ = −1000), label ŷ = [1, 0, 0], y′ = softmax(y),
 * L = Σᵢ(ŷᵢ − y′ᵢ)². y′₃ ≤ e^{−990} underflows to exactly 0 in double precision anywhere y₁ or y₂ exceeds −250,
 * so with d = y₁ − y₂, p = σ(d), q = 1 − p: L = 2q² = ½(1 − tanh(d/2))², L′(d) = −4q²p, L″(d) = 4q²p(2p − q).
 * A plateau at the top-left: ‖∇L‖ ≈ 6.4·10⁻⁷ at (−8, 8) and 1.2·10⁻⁸ at (−10, 10). The infimum 0 is only
 * reached as d → ∞, so there are no minima. View [−10, 10]², start (−8, 8).
 */
export const mseLogits: Surface = {
  ...mseLogitsMeta,
  f(x, y) {
    const q = sigmoid(y - x)
    return 2 * q * q
  },
  grad(x, y, out = new Float64Array(2)) {
    const q = sigmoid(y - x)
    const g = -4 * q * q * sigmoid(x - y)
    return setOut2(out, g, -g)
  },
  hessian(x, y, out = new Float64Array(3)) {
    const q = sigmoid(y - x)
    const p = sigmoid(x - y)
    const h = 4 * q * q * p * (2 * p - q)
    return setOut3(out, h, -h, h)
  },
}

/**
 * Cross-entropy on softmax outputs, docs/lectures.md S10 (same logits and label as `mseLogits`):
 * L = −Σᵢŷᵢ ln y′ᵢ = −ln y′₁ = ln(1 + e^{−d}) (softplus, evaluated stably), L′(d) = −σ(−d), L″(d) = σ(d)σ(−d).
 * A steady slope: ‖∇L‖ ≈ √2 at (−8, 8). No minima (L → 0 as d → ∞). View [−10, 10]², start (−8, 8).
 */
export const ceLogits: Surface = {
  ...ceLogitsMeta,
  f(x, y) {
    return softplus(y - x)
  },
  grad(x, y, out = new Float64Array(2)) {
    const g = -sigmoid(y - x)
    return setOut2(out, g, -g)
  },
  hessian(x, y, out = new Float64Array(3)) {
    const h = sigmoid(x - y) * sigmoid(y - x)
    return setOut3(out, h, -h, h)
  },
}
