import type { Surface } from '../types'
import { bealeMeta } from './beale.meta'
import { setOut2, setOut3 } from './out'

/**
 * L(w₁, w₂) = Σᵢ₌₁³ (cᵢ − w₁ + w₁w₂ⁱ)², c = (1.5, 2.25, 2.625): Beale's function. With rᵢ the residuals,
 * ∇rᵢ = (w₂ⁱ − 1, i·w₁w₂ⁱ⁻¹) and ∇²rᵢ = [[0, i·w₂ⁱ⁻¹], [i·w₂ⁱ⁻¹, i(i − 1)w₁w₂ⁱ⁻²]], so ∇L = Σ 2rᵢ∇rᵢ and
 * H = Σ 2(∇rᵢ∇rᵢᵀ + rᵢ∇²rᵢ). Single minimum (3, 0.5) with L = 0 (a saddle sits at (0, 1)). View [−4.5, 4.5]²,
 * start (−1, −1.5); log contours, since L reaches ~2·10⁵ in the corners.
 */
export const beale: Surface = {
  ...bealeMeta,
  f(x, y) {
    const y2 = y * y
    const r1 = 1.5 - x + x * y
    const r2 = 2.25 - x + x * y2
    const r3 = 2.625 - x + x * y2 * y
    return r1 * r1 + r2 * r2 + r3 * r3
  },
  grad(x, y, out = new Float64Array(2)) {
    const y2 = y * y
    const y3 = y2 * y
    const r1 = 1.5 - x + x * y
    const r2 = 2.25 - x + x * y2
    const r3 = 2.625 - x + x * y3
    return setOut2(
      out,
      2 * (r1 * (y - 1) + r2 * (y2 - 1) + r3 * (y3 - 1)),
      2 * x * (r1 + 2 * r2 * y + 3 * r3 * y2),
    )
  },
  hessian(x, y, out = new Float64Array(3)) {
    const y2 = y * y
    const y3 = y2 * y
    const r1 = 1.5 - x + x * y
    const r2 = 2.25 - x + x * y2
    const r3 = 2.625 - x + x * y3
    const a1 = y - 1
    const a2 = y2 - 1
    const a3 = y3 - 1
    const b1 = x
    const b2 = 2 * x * y
    const b3 = 3 * x * y2
    return setOut3(
      out,
      2 * (a1 * a1 + a2 * a2 + a3 * a3),
      2 * (a1 * b1 + a2 * b2 + a3 * b3 + r1 + 2 * r2 * y + 3 * r3 * y2),
      2 * (b1 * b1 + b2 * b2 + b3 * b3 + 2 * r2 * x + 6 * r3 * x * y),
    )
  },
}
