import type { SurfaceMeta } from '../types'

/** The meta of `saddle` (./saddle.ts, where the math and its derivation are): names, view, start, minima. */
export const saddleMeta: SurfaceMeta<'saddle'> = {
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
  // The origin: H = [[0, −2], [−2, 0]], λ = ±2; u₁ = (1, 1)/√2 as `analyzePoint` rounds it.
  escapes: [{ from: [0, 0], direction: [0.7071067811865475, 0.7071067811865476] }],
}
