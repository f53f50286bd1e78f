import type { Surface } from '../types'
import { tanhPlateauMeta } from './tanhPlateau.meta'
import { sech2 } from './sech2'
import { setOut2, setOut3 } from './out'

/**
 * L(w₁, w₂) = tanh²(w₁) + ¼w₂², a bowl whose rim along w₁ is a plateau (tanh² → 1, slope → 0). It is the
 * shape of the MSE-on-softmax loss of docs/lectures.md S10 (½(1 − tanh(d/2))²) in a symmetric form.
 * ∂L/∂w₁ = 2·tanh·sech², ∂²L/∂w₁² = 2·sech²·(1 − 3tanh²), ∂L/∂w₂ = w₂/2, ∂²L/∂w₂² = ½ (sech² computed without
 * cancellation). Minimum (0, 0); view [−5, 5] × [−4, 4]; start (4, 3) on the plateau, where ∂L/∂w₁ ≈ 2.7·10⁻³.
 */
export const tanhPlateau: Surface = {
  ...tanhPlateauMeta,
  f(x, y) {
    const t = Math.tanh(x)
    return t * t + 0.25 * y * y
  },
  grad(x, y, out = new Float64Array(2)) {
    return setOut2(out, 2 * Math.tanh(x) * sech2(x), 0.5 * y)
  },
  hessian(x, _y, out = new Float64Array(3)) {
    const t = Math.tanh(x)
    return setOut3(out, 2 * sech2(x) * (1 - 3 * t * t), 0, 0.5)
  },
}
