import type { Surface } from '../types'
import { setOut2, setOut3 } from './out'

/**
 * L(w₁, w₂) = w₁² − w₂², the textbook saddle: ∇L = (2w₁, −2w₂), H = diag(2, −2) everywhere. Unbounded below
 * (L → −∞ along w₂), so it has no minima and every run that leaves the w₁ axis diverges. View [−2, 2]²;
 * start (−1.5, 0.05), slightly off the ridge line w₂ = 0 that leads into the saddle.
 */
export const saddleClassic: Surface = {
  id: 'saddle-classic',
  name: { en: 'Classic saddle', zh: '经典鞍面' },
  formula: 'L(w_1,w_2)=w_1^2-w_2^2',
  description: {
    en: 'A saddle with no bottom: once a run drifts off the line w₂ = 0 it slides away forever.',
    zh: '没有底的鞍面：一旦离开 w₂ = 0 这条线，就会一直滑下去。',
  },
  axes: ['w_1', 'w_2'],
  extent: { x: [-2, 2], y: [-2, 2] },
  start: [-1.5, 0.05],
  minima: [],
  boundedBelow: false,
  logContours: false,
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
