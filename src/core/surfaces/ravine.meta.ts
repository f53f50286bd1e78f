import type { SurfaceMeta } from '../types'

/** The meta of `ravine` (./ravine.ts, where the math and its derivation are): names, view, start, minima. */
export const ravineMeta: SurfaceMeta<'ravine'> = {
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
}
