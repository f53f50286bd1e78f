import type { SurfaceMeta } from '../types'

/** The meta of `rosenbrock` (./rosenbrock.ts, where the math and its derivation are): names, view, start, minima. */
export const rosenbrockMeta: SurfaceMeta<'rosenbrock'> = {
  id: 'rosenbrock',
  name: { en: 'Rosenbrock banana', zh: 'Rosenbrock 香蕉函数' },
  formula: 'L(w_1,w_2)=(1-w_1)^2+100\\,(w_2-w_1^2)^2',
  description: {
    en: 'A curved, flat-bottomed valley: finding it is easy, following it to the minimum at (1, 1) is hard.',
    zh: '弯弯的平底山谷：找到谷底不难，沿着它走到 (1, 1) 的最小值却很难。',
  },
  axes: ['w_1', 'w_2'],
  extent: { x: [-2, 2], y: [-1, 3] },
  start: [-1.2, 1],
  minima: [[1, 1]],
  boundedBelow: true,
  logContours: true,
}
