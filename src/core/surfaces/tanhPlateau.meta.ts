import type { SurfaceMeta } from '../types'

/** The meta of `tanhPlateau` (./tanhPlateau.ts, where the math and its derivation are): names, view, start, minima. */
export const tanhPlateauMeta: SurfaceMeta<'tanh-plateau'> = {
  id: 'tanh-plateau',
  name: { en: 'Tanh plateau', zh: 'tanh 高原' },
  formula: 'L(w_1,w_2)=\\tanh^2(w_1)+\\tfrac14 w_2^2',
  description: {
    en: 'Far from the centre the surface is almost flat along w₁: the gradient nearly vanishes although the loss is high.',
    zh: '离中心远的地方沿 w₁ 几乎是平的：损失还很高，梯度却几乎为零。',
  },
  axes: ['w_1', 'w_2'],
  extent: { x: [-5, 5], y: [-4, 4] },
  start: [4, 3],
  minima: [[0, 0]],
  boundedBelow: true,
  logContours: false,
}
