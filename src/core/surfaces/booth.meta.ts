import type { SurfaceMeta } from '../types'

/** The meta of `booth` (./booth.ts, where the math and its derivation are): names, view, start, minima. */
export const boothMeta: SurfaceMeta<'booth'> = {
  id: 'booth',
  name: { en: 'Booth', zh: 'Booth 函数' },
  formula: 'L(w_1,w_2)=(w_1+2w_2-7)^2+(2w_1+w_2-5)^2',
  description: {
    en: 'A tilted elliptic bowl: the steepest direction is not the direction of the minimum.',
    zh: '倾斜的椭圆碗：最陡的方向并不指向最小值。',
  },
  axes: ['w_1', 'w_2'],
  extent: { x: [-10, 10], y: [-10, 10] },
  start: [-8, -8],
  minima: [[1, 3]],
  boundedBelow: true,
  logContours: false,
}
