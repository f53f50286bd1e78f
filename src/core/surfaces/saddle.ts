import type { Surface } from '../types'
import { setOut2, setOut3 } from './out'

/**
 * L(w₁, w₂) = (1 − w₁w₂)², the error surface of Li Hongyi's "worst network in history" y = w₁·w₂·x with one
 * example x = 1, ŷ = 1 (LECTURES S1). ∇L = −2(1 − w₁w₂)·(w₂, w₁); H = [[2w₂², 4w₁w₂ − 2], [4w₁w₂ − 2, 2w₁²]].
 * The origin is a saddle (H = [[0, −2], [−2, 0]], λ = ±2, escape along (1, 1)); every point of the hyperbola
 * w₁w₂ = 1 is a minimum with L = 0 and eigenvalues {0, 2(w₁² + w₂²)}, so `minima` lists representatives only.
 * View [−2, 2]²; start (1.5, −1.499) sits just off the anti-diagonal, so GD idles on the plateau L ≈ 1 first.
 */
export const saddle: Surface = {
  id: 'saddle',
  name: { en: 'Saddle of the worst network', zh: '史上最废 network 的鞍点' },
  formula: 'L(w_1,w_2)=(\\hat{y}-w_1 w_2 x)^2=(1-w_1 w_2)^2',
  description: {
    en: 'At the origin the gradient is zero, yet it is a saddle point: the Hessian’s negative eigenvalue shows the way down.',
    zh: '原点处梯度为零，却是鞍点：海森矩阵负特征值对应的方向就是下山的路。',
  },
  axes: ['w_1', 'w_2'],
  extent: { x: [-2, 2], y: [-2, 2] },
  start: [1.5, -1.499],
  minima: [
    [1, 1],
    [-1, -1],
    [2, 0.5],
    [0.5, 2],
    [-2, -0.5],
    [-0.5, -2],
  ],
  boundedBelow: true,
  // Log colours: the loss is below 5 % of its range over most of the view (median 1.3 of 25), so a linear
  // rainbow would paint nearly everything dark blue and hide the saddle's cross.
  logContours: true,
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
