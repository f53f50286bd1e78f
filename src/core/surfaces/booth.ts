import type { Surface } from '../types'
import { boothMeta } from './booth.meta'
import { setOut2, setOut3 } from './out'

/**
 * L(w₁, w₂) = (w₁ + 2w₂ − 7)² + (2w₁ + w₂ − 5)², Booth's function: a convex quadratic with a tilted elliptic
 * bowl. ∇L = (10w₁ + 8w₂ − 34, 8w₁ + 10w₂ − 38), H = [[10, 8], [8, 10]] (λ = 2, 18). Minimum (1, 3) with
 * L = 0. View [−10, 10]², start (−8, −8).
 */
export const booth: Surface = {
  ...boothMeta,
  f(x, y) {
    const a = x + 2 * y - 7
    const b = 2 * x + y - 5
    return a * a + b * b
  },
  grad(x, y, out = new Float64Array(2)) {
    const a = x + 2 * y - 7
    const b = 2 * x + y - 5
    return setOut2(out, 2 * a + 4 * b, 4 * a + 2 * b)
  },
  hessian(_x, _y, out = new Float64Array(3)) {
    return setOut3(out, 10, 8, 10)
  },
}
