import type { SurfaceMeta } from '../types'

/** The meta of `momentumHill` (./momentumHill.ts, where the math and its derivation are): names, view, start, minima. */
export const momentumHillMeta: SurfaceMeta<'momentum-hill'> = {
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
}
