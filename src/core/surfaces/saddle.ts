import type { Surface } from '../types'
import { saddleMeta } from './saddle.meta'
import { setOut2, setOut3 } from './out'

/**
 * L(w₁, w₂) = (1 − w₁w₂)², the error surface of Li Hongyi's "worst network in history" y = w₁·w₂·x with one
 * example x = 1, ŷ = 1 (docs/lectures.md S1). ∇L = −2(1 − w₁w₂)·(w₂, w₁); H = [[2w₂², 4w₁w₂ − 2], [4w₁w₂ − 2, 2w₁²]].
 * The origin is a saddle (H = [[0, −2], [−2, 0]], λ = ±2, escape along (1, 1)); every point of the hyperbola
 * w₁w₂ = 1 is a minimum with L = 0 and eigenvalues {0, 2(w₁² + w₂²)}, so `minima` lists representatives only.
 * View [−2, 2]²; start (1.5, −1.499) sits just off the anti-diagonal, so GD idles on the plateau L ≈ 1 first.
 */
export const saddle: Surface = {
  ...saddleMeta,
  f(x, y) {
    const r = 1 - x * y
    return r * r
  },
  grad(x, y, out = new Float64Array(2)) {
    const r = 1 - x * y
    return setOut2(out, -2 * r * y, -2 * r * x)
  },
  hessian(x, y, out = new Float64Array(3)) {
    return setOut3(out, 2 * y * y, 4 * x * y - 2, 2 * x * x)
  },
}
