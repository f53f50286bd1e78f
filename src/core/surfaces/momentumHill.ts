import type { Surface } from '../types'
import { setOut2, setOut3 } from './out'

/**
 * L(w₁, w₂) = w₁⁴ − 3w₁² − w₁ + w₂², the momentum ball's track of LECTURES S7 (the 1-D curve plus w₂²).
 * ∇L = (4w₁³ − 6w₁ − 1, 2w₂), H = diag(12w₁² − 6, 2). Critical points on w₂ = 0 are the roots of
 * 4w₁³ − 6w₁ − 1 = 0 (Newton-refined): a shallow local minimum w₁ = −1.1309… (L = −1.0702), a bump
 * w₁ = −0.1699… (L = 0.0841, a saddle in 2D) and the deep global minimum w₁ = 1.3008… (L = −3.5139).
 * View w₁ ∈ [−2.2, 2.2], w₂ ∈ [−1.5, 1.5]; start (−2, 0), from where plain GD stops in the shallow minimum.
 */
export const momentumHill: Surface = {
  id: 'momentum-hill',
  name: { en: 'Momentum over the hill', zh: '动量小球翻过小山' },
  formula: 'L(w_1,w_2)=w_1^4-3w_1^2-w_1+w_2^2',
  description: {
    en: 'A shallow valley, a small hill and a deeper valley: only enough momentum carries the ball over the hill.',
    zh: '浅谷、小山、深谷：只有足够的动量才能让小球翻过小山，落进更深的谷。',
  },
  axes: ['w_1', 'w_2'],
  extent: { x: [-2.2, 2.2], y: [-1.5, 1.5] },
  start: [-2, 0],
  minima: [
    [-1.1309011226299859, 0],
    [1.300839565941577, 0],
  ],
  boundedBelow: true,
  logContours: false,
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
