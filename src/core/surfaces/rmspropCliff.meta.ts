import type { SurfaceMeta } from '../types'

/** The meta of `rmspropCliff` (./rmspropCliff.ts, where the math and its derivation are): names, view, start, minima. */
export const rmspropCliffMeta: SurfaceMeta<'rmsprop-cliff'> = {
  id: 'rmsprop-cliff',
  name: { en: 'RMSProp brakes at the cliff', zh: 'RMSProp 踩刹车' },
  formula: 'L(w_1,w_2)=-\\tanh\\big(2(w_1-2)\\big)-0.05\\,w_1+w_2^2',
  description: {
    en: 'Flat, then a sudden cliff, then flat again: an adaptive step must shrink at the cliff and grow again after it.',
    zh: '先平、再陡、又变平：自适应的步长要在陡坡前踩刹车，过后再加速。',
  },
  axes: ['w_1', 'w_2'],
  extent: { x: [-1, 7], y: [-2, 2] },
  start: [0, 0],
  minima: [],
  boundedBelow: false,
  logContours: false,
}
