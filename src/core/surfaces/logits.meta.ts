import type { SurfaceMeta } from '../types'

/** The meta of `mseLogits` (./logits.ts, where the math and its derivation are): names, view, start, minima. */
export const mseLogitsMeta: SurfaceMeta<'mse-logits'> = {
  id: 'mse-logits',
  name: { en: 'Classification with MSE', zh: '分类：均方误差' },
  formula:
    "L=\\sum_{i=1}^{3}(\\hat{y}_i-y'_i)^2=2\\big(1-\\sigma(y_1-y_2)\\big)^2,\\quad y'=\\operatorname{softmax}(y),\\ y_3=-1000,\\ \\hat{y}=[1,0,0]",
  description: {
    en: 'Mean squared error on softmax outputs: where the class is badly wrong the surface is flat, so gradient descent is stuck.',
    zh: '对 softmax 输出用均方误差：分类错得离谱的地方反而是一片高原，梯度下降动不了。',
  },
  axes: ['y_1', 'y_2'],
  extent: { x: [-10, 10], y: [-10, 10] },
  start: [-8, 8],
  minima: [],
  boundedBelow: true,
  logContours: false,
}

/** The meta of `ceLogits` (./logits.ts, where the math and its derivation are): names, view, start, minima. */
export const ceLogitsMeta: SurfaceMeta<'ce-logits'> = {
  id: 'ce-logits',
  name: { en: 'Classification with cross-entropy', zh: '分类：交叉熵' },
  formula:
    "L=-\\sum_{i=1}^{3}\\hat{y}_i\\ln y'_i=\\ln\\big(1+e^{-(y_1-y_2)}\\big),\\quad y'=\\operatorname{softmax}(y),\\ y_3=-1000,\\ \\hat{y}=[1,0,0]",
  description: {
    en: 'Cross-entropy on the same logits: the surface keeps a slope where MSE is flat, so training can start.',
    zh: '同样的 logits 换成交叉熵：在 MSE 平坦的地方依然有坡度，训练才能开始。',
  },
  axes: ['y_1', 'y_2'],
  extent: { x: [-10, 10], y: [-10, 10] },
  start: [-8, 8],
  minima: [],
  boundedBelow: true,
  // Log colours: the softplus rises linearly to 20 at the far corner while most of the view is below 1.
  logContours: true,
}
