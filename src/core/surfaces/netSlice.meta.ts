import type { SurfaceMeta } from '../types'

/**
 * The meta of `netSlice` (./netSlice.ts): the classifier's own loss along two filter-normalized random
 * directions through a center θ_c (src/core/landscape). The default is the PKU course's 2-11-1 net trained
 * on dot.csv; a link or the lab can name another (`TrajectorySpec.net`). α = β = 0 is the center.
 */
export const netSliceMeta: SurfaceMeta<'net-slice'> = {
  id: 'net-slice',
  name: { en: 'The network along two directions', zh: '沿两个方向看网络的损失' },
  formula: 'L(\\alpha,\\beta)=L(\\theta_c+\\alpha d_1+\\beta d_2)',
  description: {
    en: 'A real network’s loss (the 2-11-1 net on dot.csv), sliced along two random directions through its trained weights θ_c.',
    zh: '真实网络（dot.csv 上的 2-11-1 网络）的损失：沿两个随机方向、经过训练后权重 θ_c 的切片。',
  },
  axes: ['\\alpha', '\\beta'],
  extent: { x: [-1, 1], y: [-1, 1] },
  start: [-0.8, 0.6],
  minima: [],
  boundedBelow: true,
  logContours: true,
}
