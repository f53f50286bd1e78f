import type { Scene } from './types'

const RAW = 'feature-raw'
const STANDARDIZED = 'feature-standardized'
const START: [number, number] = [0, 0]
// λ_max of each surface's Hessian, which is constant: `maxCurvature(id, START)` of ./curvature.ts, written out
// so that this file needs no kernel; test/core/scenes/precomputed.test.ts holds them equal to the last bit.
const RAW_LAMBDA_MAX = 52849.96803639915
const STANDARDIZED_LAMBDA_MAX = 2.4650736454355773
/** η = 1/λ_max of each surface: the same η relative to the steepest curvature. */
const rawLr = 1 / RAW_LAMBDA_MAX
const standardizedLr = 1 / STANDARDIZED_LAMBDA_MAX

/**
 * Scene 10, 把山铲平：特征归一化 (docs/lectures.md S9, §4.10): a linear model y = w₁x₁ + w₂x₂ on 30 points with
 * x₁ ∈ [1, 2] and x₂ ∈ [100, 200] (`feature-raw`, κ ≈ 1.6·10⁵) against the same data standardized
 * (`feature-standardized`, κ ≈ 1.6). Both are GD with η = 1/λ_max of the surface shown (a literal common η
 * cannot work: the raw surface needs η < 3.8·10⁻⁵, the standardized one crawls at that η), so a card switches
 * surface and η together. Lecture Adagrad (η = 0.01) runs unchanged on both for comparison.
 */
export const featureNormalization: Scene = {
  id: 'feature-normalization',
  number: 10,
  title: { zh: '把山铲平：特征归一化', en: 'Flatten the mountain: feature normalization' },
  summary: {
    zh: '输入的尺度差太多，误差表面就会变得狭长；把特征标准化，山就被铲平了。',
    en: 'Wildly different input scales stretch the surface; standardize them and the mountain flattens.',
  },
  kind: 'surface',
  surface: RAW,
  start: START,
  racers: [
    {
      label: { zh: '梯度下降 η = 1/λ_max', en: 'Gradient descent η = 1/λ_max' },
      optimizer: { kind: 'sgd', convention: 'lecture', lr: rawLr },
    },
    {
      label: { zh: 'Adagrad η = 0.01', en: 'Adagrad η = 0.01' },
      optimizer: { kind: 'adagrad', convention: 'lecture', lr: 0.01 },
    },
  ],
  steps: 100_000,
  speed: 2000,
  panels: ['surface', 'loss', 'gradNorm', 'cards'],
  cards: [
    {
      id: 'convex-but-hard',
      kind: 'symptom',
      title: { zh: '凸的碗也不好走', en: 'Even a convex bowl is hard' },
      body: {
        zh: '这个误差表面是凸的，可是梯度下降走了 100 000 步还没到最小值：它沿着等高线的法线走，而不是朝着中心走。',
        en: 'This error surface is convex, yet gradient descent hasn’t reached the minimum after 100,000 steps: it follows the normal to the contours instead of heading for the centre.',
      },
      action: { type: 'toEnd' },
    },
    {
      id: 'optimizer',
      kind: 'belief',
      title: { zh: '换个更厉害的优化器？', en: 'Get a stronger optimizer?' },
      body: {
        zh: '先别急着换优化器，看看输入：x₁ 在 1 到 2 之间，x₂ 在 100 到 200 之间。',
        en: 'Before reaching for another optimizer, look at the inputs: x₁ lies between 1 and 2, x₂ between 100 and 200.',
      },
    },
    {
      id: 'scales',
      kind: 'example',
      title: { zh: '小的 x₁，大的 x₂', en: 'Small x₁, large x₂' },
      body: {
        zh: 'y = w₁x₁ + w₂x₂：x₁ 很小，改变 w₁ 几乎不影响损失，坡很缓；x₂ 很大，w₂ 动一点点损失就变很多，坡很陡。海森矩阵的两个特征值相差约 16 万倍。',
        en: 'In y = w₁x₁ + w₂x₂, x₁ is small, so changing w₁ barely changes the loss: a gentle slope. x₂ is large, so a tiny change of w₂ changes the loss a lot: a steep slope. The Hessian’s eigenvalues differ by a factor of about 160,000.',
      },
      tex: 'L(w_1,w_2)=\\frac{1}{30}\\sum_{r=1}^{30}\\left(w_1x_1^r+w_2x_2^r-\\hat y^r\\right)^2,\\qquad \\frac{\\lambda_{\\max}}{\\lambda_{\\min}}\\approx1.6\\times10^{5}',
    },
    {
      id: 'standardize',
      kind: 'math',
      title: { zh: '特征归一化（神罗天征）', en: 'Feature normalization (Shinra Tensei)' },
      body: {
        zh: '每个维度 i 减去平均值 m_i、除以标准差 σ_i，所有维度的平均值都变成 0、方差都变成 1：神罗天征，把山铲平。按下按钮换成标准化后的误差表面，η 仍然是 1/λ_max。',
        en: 'Subtract each dimension’s mean m_i and divide by its standard deviation σ_i, so every dimension has mean 0 and variance 1: Shinra Tensei flattens the mountain. The button switches to the standardized surface, with η still 1/λ_max.',
      },
      tex: '\\tilde x_i^{r}\\leftarrow\\frac{x_i^{r}-m_i}{\\sigma_i}',
      action: {
        type: 'sequence',
        actions: [
          { type: 'setSurface', surface: STANDARDIZED },
          { type: 'setRacer', index: 0, patch: { lr: standardizedLr } },
        ],
      },
    },
    {
      id: 'round',
      kind: 'watch',
      title: { zh: '狭长的椭圆变圆了', en: 'The long ellipse turns round' },
      body: {
        zh: '标准化之后等高线是胖胖的椭圆：长短轴之比约 1.3，原来约 400（两个特征彼此相关，所以椭圆是斜的）。梯度几乎直接指向中心：梯度下降 10 步之内就到了最小值附近。同样的想法放进网络里，就是批量归一化。',
        en: 'After standardizing, the contours are round ellipses: the long axis is about 1.3 times the short one instead of about 400 (tilted, because the two features are correlated). The gradient points almost at the centre: gradient descent is at the minimum within 10 steps. The same idea inside a network is batch normalization.',
      },
      action: { type: 'play' },
    },
    {
      id: 'raw-again',
      kind: 'watch',
      title: { zh: '回到原始特征', en: 'Back to the raw features' },
      body: {
        zh: '换回原始特征对比：Adagrad 靠每个参数自己的 σ 能补回一部分尺度差，但也要几千步。',
        en: 'Switch back to compare: Adagrad’s per-parameter σ makes up for part of the scale difference, but it still needs thousands of steps.',
      },
      action: {
        type: 'sequence',
        actions: [
          { type: 'setSurface', surface: RAW },
          { type: 'setRacer', index: 0, patch: { lr: rawLr } },
        ],
      },
    },
    {
      id: 'moral',
      kind: 'moral',
      title: { zh: '先把山铲平', en: 'Flatten the mountain first' },
      body: {
        zh: '输入的尺度差太多，误差表面就会变得狭长；把特征标准化，山就被铲平了。',
        en: 'Wildly different input scales stretch the error surface; standardize the features and the mountain flattens.',
      },
    },
  ],
  claims: [
    {
      zh: '原始特征的海森矩阵特征值约为 0.324 和 5.28×10⁴（κ ≈ 1.6×10⁵）；标准化后是 1.535 和 2.465（κ ≈ 1.6）。',
      en: 'The raw features’ Hessian has eigenvalues of about 0.324 and 5.28×10⁴ (κ ≈ 1.6×10⁵); standardized, 1.535 and 2.465 (κ ≈ 1.6).',
    },
    {
      zh: 'η = 1/λ_max 的梯度下降：原始特征 100 000 步后 w₁ 还不到最优值 2.96 的一半；标准化后 10 步之内就到最小值的 1% 以内。',
      en: 'GD with η = 1/λ_max: on the raw features w₁ is still below half its optimum 2.96 after 100,000 steps; standardized, it is within 1% of the minimum in at most 10 steps.',
    },
    {
      zh: 'Adagrad（η = 0.01）在原始特征上要几千步才到最小值的 1% 以内，标准化后不到一千步。',
      en: 'Adagrad (η = 0.01) needs thousands of steps to get within 1% of the minimum on the raw features, and fewer than a thousand standardized.',
    },
  ],
}
