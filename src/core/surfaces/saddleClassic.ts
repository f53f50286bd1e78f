import type { Surface } from '../types'
import { saddleClassicMeta } from './saddleClassic.meta'
import { setOut2, setOut3 } from './out'

/**
 * L(w₁, w₂) = w₁² − w₂², the textbook saddle: ∇L = (2w₁, −2w₂), H = diag(2, −2) everywhere. Unbounded below
 * (L → −∞ along w₂), so it has no minima and every run that leaves the w₁ axis diverges. View [−2, 2]²;
 * start (−1.5, 0.05), slightly off the ridge line w₂ = 0 that leads into the saddle.
 */
export const saddleClassic: Surface = {
  ...saddleClassicMeta,
  f(x, y) {
    return x * x - y * y
  },
  grad(x, y, out = new Float64Array(2)) {
    return setOut2(out, 2 * x, -2 * y)
  },
  hessian(_x, _y, out = new Float64Array(3)) {
    return setOut3(out, 2, 0, -2)
  },
}
