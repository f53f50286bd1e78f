import type { Surface } from '../types'
import { sech2 } from './sech2'
import { setOut2, setOut3 } from './out'

/**
 * L(w₁, w₂) = tanh²(w₁) + ¼w₂², a bowl whose rim along w₁ is a plateau (tanh² → 1, slope → 0). It is the
 * shape of the MSE-on-softmax loss of LECTURES S10 (½(1 − tanh(d/2))²) in a symmetric form.
 * ∂L/∂w₁ = 2·tanh·sech², ∂²L/∂w₁² = 2·sech²·(1 − 3tanh²), ∂L/∂w₂ = w₂/2, ∂²L/∂w₂² = ½ (sech² computed without
 * cancellation). Minimum (0, 0); view [−5, 5] × [−4, 4]; start (4, 3) on the plateau, where ∂L/∂w₁ ≈ 2.7·10⁻³.
 */
export const tanhPlateau: Surface = {
  id: 'tanh-plateau',
  name: { en: 'Tanh plateau', zh: 'tanh 高原' },
  formula: 'L(w_1,w_2)=\\tanh^2(w_1)+\\tfrac14 w_2^2',
  description: {
    en: 'Far from the centre the surface is almost flat along w₁: the gradient nearly vanishes although the loss is high.',
    zh: '离中心远的地方沿 w₁ 几乎是平的：损失还很高，梯度却几乎为零。',
  },
  axes: ['w_1', 'w_2'],
  extent: { x: [-5, 5], y: [-4, 4] },
  start: [4, 3],
  minima: [[0, 0]],
  boundedBelow: true,
  logContours: false,
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
