import type { SurfaceMeta } from '../types'

// The minima are the exact least-squares solutions that `createLeastSquares` computes in ./featureScaling.ts,
// written out so the main thread needs no arithmetic; test/core/surfaces/precomputed.test.ts holds them equal
// to the last bit.

/** The meta of `featureRaw` (./featureScaling.ts, where the math and its derivation are): names, view, start, minima. */
export const featureRawMeta: SurfaceMeta<'feature-raw'> = {
  id: 'feature-raw',
  name: { en: 'Raw features (x₂ ≫ x₁)', zh: '未归一化的特征（x₂ ≫ x₁）' },
  formula:
    'L(w_1,w_2)=\\frac{1}{30}\\sum_{r=1}^{30}\\left(w_1x_1^r+w_2x_2^r-\\hat{y}^r\\right)^2,\\ x_1\\in[1,2],\\ x_2\\in[100,200]',
  description: {
    en: 'x₂ is a hundred times larger than x₁, so the surface is a long narrow ellipse: steep along w₂, flat along w₁.',
    zh: 'x₂ 比 x₁ 大一百倍，误差表面成了狭长的椭圆：沿 w₂ 很陡，沿 w₁ 很平。',
  },
  axes: ['w_1', 'w_2'],
  extent: { x: [-3, 9], y: [-0.05, 0.15] },
  start: [0, 0],
  minima: [[2.958832753254688, 0.05045381353826672]],
  boundedBelow: true,
  logContours: true,
}

/** The meta of `featureStandardized` (./featureScaling.ts, where the math and its derivation are): names, view, start, minima. */
export const featureStandardizedMeta: SurfaceMeta<'feature-standardized'> = {
  id: 'feature-standardized',
  name: { en: 'Standardized features', zh: '标准化后的特征' },
  formula:
    'L(w_1,w_2)=\\frac{1}{30}\\sum_{r=1}^{30}\\left(w_1\\tilde{x}_1^r+w_2\\tilde{x}_2^r-(\\hat{y}^r-\\bar{y})\\right)^2,\\ \\tilde{x}_i^r=\\frac{x_i^r-m_i}{\\sigma_i}',
  description: {
    en: 'After standardizing each feature the contours are nearly circles: the gradient points at the minimum.',
    zh: '把每个特征标准化之后，等高线几乎是圆：梯度直接指向最小值，山被铲平了。',
  },
  axes: ['w_1', 'w_2'],
  extent: { x: [-2, 3.5], y: [-1.5, 4] },
  start: [0, 0],
  minima: [[0.7678819978331715, 1.2945604611761492]],
  boundedBelow: true,
  logContours: false,
}
