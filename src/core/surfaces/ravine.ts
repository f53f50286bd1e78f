import type { Surface } from '../types'
import { ravineMeta } from './ravine.meta'
import { setOut2, setOut3 } from './out'

/**
 * L(w₁, w₂) = 0.1w₁² + 2w₂², the ill-conditioned quadratic of d2l §12.6 (κ = 20): GD zig-zags across w₂
 * while it creeps along w₁. ∇L = (0.2w₁, 4w₂), H = diag(0.2, 4). Minimum (0, 0). View and start are d2l's:
 * w₁ ∈ [−5.5, 1], w₂ ∈ [−3, 1], start (−5, −2).
 */
export const ravine: Surface = {
  ...ravineMeta,
  f(x, y) {
    return 0.1 * x * x + 2 * y * y
  },
  grad(x, y, out = new Float64Array(2)) {
    return setOut2(out, 0.2 * x, 4 * y)
  },
  hessian(_x, _y, out = new Float64Array(3)) {
    return setOut3(out, 0.2, 0, 4)
  },
}
