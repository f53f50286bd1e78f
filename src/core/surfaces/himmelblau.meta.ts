import type { SurfaceMeta } from '../types'

/** The meta of `himmelblau` (./himmelblau.ts, where the math and its derivation are): names, view, start, minima. */
export const himmelblauMeta: SurfaceMeta<'himmelblau'> = {
  id: 'himmelblau',
  name: { en: 'Himmelblau', zh: 'Himmelblau 函数' },
  formula: 'L(w_1,w_2)=(w_1^2+w_2-11)^2+(w_1+w_2^2-7)^2',
  description: {
    en: 'Four equally good minima: which one a run finds depends only on where it starts and how it moves.',
    zh: '四个一样好的最小值：走到哪一个，只取决于起点和优化器怎么走。',
  },
  axes: ['w_1', 'w_2'],
  extent: { x: [-5, 5], y: [-5, 5] },
  start: [0, 0],
  minima: [
    [3, 2],
    [-2.805118086952745, 3.131312518250573],
    [-3.779310253377747, -3.2831859912861696],
    [3.5844283403304917, -1.8481265269644034],
  ],
  boundedBelow: true,
  logContours: true,
}
