import type { SurfaceMeta } from '../types'

/**
 * The meta of `miniBatchLinear` (./miniBatch.ts, where the math and the data are): names, view, start, the
 * exact minimum (written out; test/core/surfaces/precomputed.test.ts holds it equal to the data's) and the
 * number of examples that mini-batches are cut from.
 */
export const miniBatchLinearMeta: SurfaceMeta<'mini-batch-linear'> = {
  id: 'mini-batch-linear',
  name: { en: 'Linear regression, 30 examples', zh: '线性回归（30 笔数据）' },
  formula:
    'L(w_1,w_2)=\\frac{1}{30}\\sum_{n=1}^{30}e_n,\\quad e_n=\\left(w_1x_1^n+w_2x_2^n-\\hat{y}^n\\right)^2',
  description: {
    en: 'A loss that is a mean over 30 examples: a batch of B of them gives its own loss L_B, whose gradient scatters around the gradient of L.',
    zh: '损失是 30 笔数据的平均：取其中 B 笔组成一个批量，就有它自己的损失 L_B，其梯度散落在 L 的梯度周围。',
  },
  axes: ['w_1', 'w_2'],
  extent: { x: [-2.5, 3.5], y: [-2, 4] },
  start: [-1.5, -1],
  minima: [[0.8703255849214522, 1.9625065520483442]],
  boundedBelow: true,
  logContours: false,
  examples: 30,
}
