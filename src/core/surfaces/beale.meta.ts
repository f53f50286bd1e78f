import type { SurfaceMeta } from '../types'

/** The meta of `beale` (./beale.ts, where the math and its derivation are): names, view, start, minima. */
export const bealeMeta: SurfaceMeta<'beale'> = {
  id: 'beale',
  name: { en: 'Beale', zh: 'Beale 函数' },
  formula: 'L(w_1,w_2)=(1.5-w_1+w_1w_2)^2+(2.25-w_1+w_1w_2^2)^2+(2.625-w_1+w_1w_2^3)^2',
  description: {
    en: 'Flat plains and sharp ridges around a single minimum at (3, 0.5): step sizes that suit one region fail in another.',
    zh: '平原和陡脊围着唯一的最小值 (3, 0.5)：在一处合适的步长，到另一处就不行了。',
  },
  axes: ['w_1', 'w_2'],
  extent: { x: [-4.5, 4.5], y: [-4.5, 4.5] },
  start: [-1, -1.5],
  minima: [[3, 0.5]],
  boundedBelow: true,
  logContours: true,
}
