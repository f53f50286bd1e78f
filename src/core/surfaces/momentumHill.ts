import type { Surface } from '../types'
import { momentumHillMeta } from './momentumHill.meta'
import { setOut2, setOut3 } from './out'

/**
 * L(w₁, w₂) = w₁⁴ − 3w₁² − w₁ + w₂², the momentum ball's track of docs/lectures.md S7 (the 1-D curve plus w₂²).
 * ∇L = (4w₁³ − 6w₁ − 1, 2w₂), H = diag(12w₁² − 6, 2). Critical points on w₂ = 0 are the roots of
 * 4w₁³ − 6w₁ − 1 = 0 (Newton-refined): a shallow local minimum w₁ = −1.1309… (L = −1.0702), a bump
 * w₁ = −0.1699… (L = 0.0841, a saddle in 2D) and the deep global minimum w₁ = 1.3008… (L = −3.5139).
 * View w₁ ∈ [−2.2, 2.2], w₂ ∈ [−1.5, 1.5]; start (−2, 0), from where plain GD stops in the shallow minimum.
 */
export const momentumHill: Surface = {
  ...momentumHillMeta,
  f(x, y) {
    const x2 = x * x
    return x2 * x2 - 3 * x2 - x + y * y
  },
  grad(x, y, out = new Float64Array(2)) {
    return setOut2(out, 4 * x * x * x - 6 * x - 1, 2 * y)
  },
  hessian(x, _y, out = new Float64Array(3)) {
    return setOut3(out, 12 * x * x - 6, 0, 2)
  },
}
