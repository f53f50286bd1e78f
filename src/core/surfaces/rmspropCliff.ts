import type { Surface } from '../types'
import { rmspropCliffMeta } from './rmspropCliff.meta'
import { sech2 } from './sech2'
import { setOut2, setOut3 } from './out'

/**
 * L(w₁, w₂) = −tanh(2(w₁ − 2)) − 0.05w₁ + w₂², docs/lectures.md S8's flat → steep → flat track (a cliff at w₁ = 2)
 * plus w₂². With u = 2(w₁ − 2): ∂L/∂w₁ = −2sech²(u) − 0.05, ∂²L/∂w₁² = 8sech²(u)·tanh(u), ∂L/∂w₂ = 2w₂,
 * ∂²L/∂w₂² = 2. ∂L/∂w₁ < 0 everywhere and L → −∞ like −0.05w₁, so the surface is unbounded below and has no
 * minima: runs keep going right. View w₁ ∈ [−1, 7], w₂ ∈ [−2, 2]; start (0, 0).
 */
export const rmspropCliff: Surface = {
  ...rmspropCliffMeta,
  f(x, y) {
    return -Math.tanh(2 * (x - 2)) - 0.05 * x + y * y
  },
  grad(x, y, out = new Float64Array(2)) {
    return setOut2(out, -2 * sech2(2 * (x - 2)) - 0.05, 2 * y)
  },
  hessian(x, _y, out = new Float64Array(3)) {
    const u = 2 * (x - 2)
    return setOut3(out, 8 * sech2(u) * Math.tanh(u), 0, 2)
  },
}
