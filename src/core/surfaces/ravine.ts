import type { Surface } from '../types'
import { setOut2, setOut3 } from './out'

/**
 * L(w₁, w₂) = 0.1w₁² + 2w₂², the ill-conditioned quadratic of d2l §12.6 (κ = 20): GD zig-zags across w₂
 * while it creeps along w₁. ∇L = (0.2w₁, 4w₂), H = diag(0.2, 4). Minimum (0, 0). View and start are d2l's:
 * w₁ ∈ [−5.5, 1], w₂ ∈ [−3, 1], start (−5, −2).
 */
export const ravine: Surface = {
  id: 'ravine',
  name: { en: 'Ravine (d2l)', zh: '狭长山谷（d2l）' },
  formula: 'L(w_1,w_2)=0.1\\,w_1^2+2\\,w_2^2',
  description: {
    en: 'Steep across, gentle along: gradient descent zig-zags between the walls and crawls towards the minimum.',
    zh: '横向陡、纵向缓：梯度下降在两壁之间来回震荡，沿谷底却走得很慢。',
  },
  axes: ['w_1', 'w_2'],
  extent: { x: [-5.5, 1], y: [-3, 1] },
  start: [-5, -2],
  minima: [[0, 0]],
  boundedBelow: true,
  logContours: false,
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
