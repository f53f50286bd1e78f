import type { SurfaceMeta } from '../types'

/** The meta of `saddleClassic` (./saddleClassic.ts, where the math and its derivation are): names, view, start, minima. */
export const saddleClassicMeta: SurfaceMeta<'saddle-classic'> = {
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
  // The origin: H = diag(2, −2), so u₁ = (0, 1).
  escapes: [{ from: [0, 0], direction: [0, 1] }],
}
