import type { Surface } from '../types'
import { rosenbrockMeta } from './rosenbrock.meta'
import { setOut2, setOut3 } from './out'

/**
 * L(w₁, w₂) = (1 − w₁)² + 100(w₂ − w₁²)², Rosenbrock's banana valley (a = 1, b = 100).
 * ∇L = (−2(1 − w₁) − 400w₁(w₂ − w₁²), 200(w₂ − w₁²)); H = [[2 − 400w₂ + 1200w₁², −400w₁], [−400w₁, 200]].
 * Single minimum (1, 1) with L = 0. View [−2, 2] × [−1, 3], classic start (−1.2, 1); log-spaced contours,
 * since L spans 0 to ~2500 in view.
 */
export const rosenbrock: Surface = {
  ...rosenbrockMeta,
  f(x, y) {
    const a = 1 - x
    const b = y - x * x
    return a * a + 100 * b * b
  },
  grad(x, y, out = new Float64Array(2)) {
    const b = y - x * x
    return setOut2(out, -2 * (1 - x) - 400 * x * b, 200 * b)
  },
  hessian(x, y, out = new Float64Array(3)) {
    return setOut3(out, 2 - 400 * y + 1200 * x * x, -400 * x, 200)
  },
}
