import type { Scene } from './types'

/**
 * Scene 11, 分类：MSE 的高原 vs 交叉熵 (docs/lectures.md S10, §4.11): three classes, label ŷ = [1, 0, 0], logits
 * (y₁, y₂) with y₃ = −1000. MSE and cross-entropy are two surfaces and a scene shows one at a time, so it
 * opens on `mse-logits` (GD η = 1 does not move from (−8, 8); Adam η = 0.1 slowly escapes) and a card switches
 * to `ce-logits` with the same racers and start (GD slides to (3.8, −3.8)); another switches back.
 */
export const mseVsCrossEntropy: Scene = {
  id: 'mse-vs-cross-entropy',
  number: 11,
  title: { zh: '分类：MSE 的高原 vs 交叉熵', en: 'MSE plateau vs cross-entropy' },
  summary: {
    zh: '换一个损失函数，就等于换了一张地形图。',
    en: 'Changing the loss function changes the whole landscape.',
  },
  kind: 'surface',
  surface: 'mse-logits',
  start: [-8, 8],
  view: { x: [-10, 10], y: [-10, 10] },
  racers: [
    {
      label: { zh: '梯度下降 η = 1', en: 'Gradient descent η = 1' },
      optimizer: { kind: 'sgd', convention: 'lecture', lr: 1 },
    },
    {
      label: { zh: 'Adam η = 0.1', en: 'Adam η = 0.1' },
      optimizer: { kind: 'adam', convention: 'lecture', lr: 0.1 },
    },
  ],
  steps: 1000,
  speed: 100,
  panels: ['surface', 'loss', 'gradNorm', 'cards'],
  cards: [
    {
      id: 'no-start',
      kind: 'symptom',
      title: { zh: '一开始就训练不起来', en: 'Training won’t even start' },
      body: {
        zh: '三个类别，标签是独热向量 ŷ = [1, 0, 0]。从左上角 (y₁, y₂) = (−8, 8) 出发，用均方误差：η = 1 的梯度下降一动不动。',
        en: 'Three classes, and the label is the one-hot vector ŷ = [1, 0, 0]. From the top-left corner (y₁, y₂) = (−8, 8) with mean squared error, gradient descent with η = 1 doesn’t move at all.',
      },
    },
    {
      id: 'small-eta',
      kind: 'belief',
      title: { zh: '学习率太小？', en: 'Learning rate too small?' },
      body: {
        zh: 'η = 1 已经不小了。问题在于这里的梯度范数只有约 6×10⁻⁷：这一块误差表面是一片高原。',
        en: 'η = 1 isn’t small. The trouble is that the gradient norm here is only about 6×10⁻⁷: this part of the error surface is a plateau.',
      },
    },
    {
      id: 'softmax',
      kind: 'example',
      title: { zh: 'softmax 之后的两种损失', en: 'Two losses after softmax' },
      body: {
        zh: 'y₃ = −1000 让 y′₃ ≈ 0。记 d = y₁ − y₂：均方误差等于 ½(1 − tanh(d/2))²，是一片 tanh 高原；交叉熵等于 ln(1 + e^(−d))，坡度一直接近 −1。',
        en: 'y₃ = −1000 makes y′₃ ≈ 0. With d = y₁ − y₂, mean squared error equals ½(1 − tanh(d/2))², a tanh plateau, while cross-entropy equals ln(1 + e^(−d)), whose slope stays near −1.',
      },
      tex: "y'_i=\\frac{\\exp(y_i)}{\\sum_j\\exp(y_j)},\\quad e_{\\text{MSE}}=\\sum_i(\\hat y_i-y'_i)^2=\\tfrac12\\Big(1-\\tanh\\tfrac{d}{2}\\Big)^2,\\quad e_{\\text{CE}}=-\\sum_i\\hat y_i\\ln y'_i=\\ln\\!\\big(1+e^{-d}\\big)",
    },
    {
      id: 'gradients',
      kind: 'math',
      title: { zh: '高原上的梯度', en: 'The gradient on the plateau' },
      body: {
        zh: '在 (−8, 8)，均方误差的梯度范数约 6.4×10⁻⁷，交叉熵的是 √2 ≈ 1.41。Adam 会把小梯度放大，能慢慢走出高原，但起步很慢。',
        en: 'At (−8, 8) the MSE gradient norm is about 6.4×10⁻⁷, the cross-entropy one √2 ≈ 1.41. Adam scales small gradients up and slowly walks off the plateau, but it is slow to start.',
      },
      tex: '\\|\\boldsymbol g_{\\text{MSE}}(-8,8)\\|\\approx6.4\\times10^{-7},\\qquad \\|\\boldsymbol g_{\\text{CE}}(-8,8)\\|\\approx\\sqrt2',
    },
    {
      id: 'cross-entropy',
      kind: 'watch',
      title: { zh: '换成交叉熵', en: 'Switch to cross-entropy' },
      body: {
        zh: '同一个起点换成交叉熵：η = 1 的梯度下降 1000 步走到 (3.8, −3.8)，损失只剩 5×10⁻⁴。最小化交叉熵就是最大化似然；PyTorch 的 CrossEntropyLoss 已经包含了 softmax。',
        en: 'Same start, cross-entropy: in 1,000 steps gradient descent with η = 1 reaches (3.8, −3.8) with a loss of 5×10⁻⁴. Minimizing cross-entropy is maximizing likelihood; PyTorch’s CrossEntropyLoss already includes the softmax.',
      },
      action: { type: 'setSurface', surface: 'ce-logits' },
    },
    {
      id: 'mse-again',
      kind: 'watch',
      title: { zh: '回到均方误差', en: 'Back to MSE' },
      body: {
        zh: '换回均方误差对比两张地形图：颜色都是左上红、右下蓝，等高线都平行于 y₁ = y₂，可是一张有坡，一张是平的。',
        en: 'Switch back to compare the two maps: both are red at the top-left and blue at the bottom-right, with contours parallel to y₁ = y₂, but one has a slope and the other is flat.',
      },
      action: { type: 'setSurface', surface: 'mse-logits' },
    },
    {
      id: 'moral',
      kind: 'moral',
      title: { zh: '损失函数也是地形', en: 'The loss is part of the landscape' },
      body: {
        zh: '换一个损失函数，就等于换了一张地形图：又一次把山“炸平”，优化的难度也跟着变了。',
        en: 'Changing the loss function changes the whole landscape: once again the mountain is blasted flat, and the optimization gets easier.',
      },
    },
  ],
  claims: [
    {
      zh: '在 (−8, 8)：‖g_MSE‖ ≈ 6.4×10⁻⁷，‖g_CE‖ ≈ 1.41；在 (−10, 10)：‖g_MSE‖ ≈ 1.2×10⁻⁸。',
      en: 'At (−8, 8): ‖g_MSE‖ ≈ 6.4×10⁻⁷ and ‖g_CE‖ ≈ 1.41; at (−10, 10): ‖g_MSE‖ ≈ 1.2×10⁻⁸.',
    },
    {
      zh: 'η = 1 的梯度下降 1000 步：在 MSE 上移动不到 10⁻³，损失仍约为 2；在交叉熵上走到 (3.8, −3.8)，L ≈ 5×10⁻⁴。',
      en: 'GD with η = 1 for 1,000 steps moves less than 10⁻³ on MSE, where the loss stays about 2, and reaches (3.8, −3.8) with L ≈ 5×10⁻⁴ on cross-entropy.',
    },
    {
      zh: 'Adam（η = 0.1）1000 步内离开 MSE 的高原，最后 L ≈ 4.5×10⁻⁵。',
      en: 'Adam (η = 0.1) leaves the MSE plateau within 1,000 steps and ends at L ≈ 4.5×10⁻⁵.',
    },
  ],
}
