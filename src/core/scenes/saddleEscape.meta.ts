import type { Scene } from './types'

/**
 * Scene 1, 鞍点不可怕 (docs/lectures.md S1, §4.1): the "worst network in history" y = w₁·w₂·x on one example gives
 * L = (1 − w₁w₂)², whose origin is a saddle point (H = [[0, −2], [−2, 0]], λ = ±2, escape u = [1, 1]ᵀ). From
 * exactly on the anti-diagonal, GD and momentum slide into the saddle and stay (the gradient has no component along
 * (1, 1) there, so the path never leaves the anti-diagonal); a hair off it,
 * GD idles on the plateau L ≈ 1 for ~260 steps, momentum for ~20; the Hessian button and gradient noise escape.
 * The noise seed is one with which both racers escape and stay in the view (momentum at η = 0.05 is kicked
 * far away with most seeds). The escape card starts 0.05 along u from the saddle, not on the minimum θ′ + u.
 */
export const saddleEscape: Scene = {
  id: 'saddle-escape',
  number: 1,
  title: { zh: '鞍点不可怕', en: 'Don’t fear the saddle point' },
  summary: {
    zh: '梯度为零不等于无路可走：看看海森矩阵，负特征值的方向就是下山的路。',
    en: 'A zero gradient isn’t a dead end: the Hessian’s negative eigenvalue points the way down.',
  },
  kind: 'surface',
  surface: 'saddle',
  // Opens exactly on the anti-diagonal, where card 1 says both racers stop at the saddle; card 5 moves a hair off.
  start: [1.5, -1.5],
  // Wide enough for the noise card, whose momentum racer is kicked out to |w| ≈ 3.1 before it settles.
  view: { x: [-3.5, 3.5], y: [-3.5, 3.5] },
  racers: [
    {
      label: { zh: '一般梯度下降 η = 0.01', en: 'Vanilla GD, η = 0.01' },
      optimizer: { kind: 'sgd', convention: 'lecture', lr: 0.01 },
    },
    {
      label: { zh: '动量 λ = 0.9, η = 0.05', en: 'Momentum λ = 0.9, η = 0.05' },
      optimizer: { kind: 'momentum', convention: 'lecture', lr: 0.05, momentum: 0.9 },
    },
  ],
  steps: 600,
  speed: 60,
  panels: ['surface', 'loss', 'gradNorm', 'hessian', 'cards'],
  cards: [
    {
      id: 'stuck',
      kind: 'symptom',
      title: { zh: '损失卡在 1 不动了', en: 'The loss is stuck at 1' },
      body: {
        zh: '从 (1.5, −1.5) 出发，一般梯度下降和动量法都滑到原点就停住了：损失停在 1，梯度范数趋近于 0。',
        en: 'Start at (1.5, −1.5): vanilla gradient descent and momentum both slide to the origin and stop. The loss stays at 1 and the gradient norm goes to 0.',
      },
      action: { type: 'setStart', start: [1.5, -1.5] },
    },
    {
      id: 'local-minimum',
      kind: 'belief',
      title: { zh: '卡在局部极小值了？', en: 'Stuck in a local minimum?' },
      body: {
        zh: '大家的第一反应是“卡在 local minima 了”。写 paper 时别这么说：梯度为零的临界点不只有局部极小值，还有鞍点。',
        en: 'The usual first guess is “we’re stuck in a local minimum”. Don’t write that in a paper: a critical point, where the gradient is zero, can just as well be a saddle point.',
      },
    },
    {
      id: 'worst-network',
      kind: 'example',
      title: { zh: '史上最废的 network', en: 'The worst network in history' },
      body: {
        zh: '模型 y = w₁·w₂·x，没有偏置也没有激活函数，只有一笔训练数据 x = 1、ŷ = 1。误差表面就是 L = (1 − w₁w₂)²，原点处梯度为零、L = 1。',
        en: 'The model y = w₁·w₂·x has no bias and no activation, and there is one training example, x = 1 with label ŷ = 1. The error surface is L = (1 − w₁w₂)²: at the origin the gradient is zero and L = 1.',
      },
      tex: 'L(w_1,w_2)=(\\hat y-w_1w_2x)^2=(1-w_1w_2)^2,\\qquad \\boldsymbol g(0,0)=\\boldsymbol 0',
    },
    {
      id: 'hessian',
      kind: 'math',
      title: { zh: 'Warning of Math：海森矩阵', en: 'Warning of Math: the Hessian' },
      body: {
        zh: '在临界点 θ′，泰勒级数近似只剩 ½(θ − θ′)ᵀH(θ − θ′)。原点的 H 有特征值 +2 和 −2，有正有负，所以是鞍点；沿 λ = −2 的特征向量 u = [1, 1]ᵀ 走，损失下降：L(1, 1) = 0。按下按钮，起点从 θ′ 沿 u 挪一点点（0.05），两个优化器就顺着 u 一路滑到 (1, 1)。',
        en: 'At a critical point θ′ the Taylor series approximation keeps only ½(θ − θ′)ᵀH(θ − θ′). At the origin H has eigenvalues +2 and −2, mixed signs, so it is a saddle point. Step along u = [1, 1]ᵀ, the eigenvector of λ = −2, and the loss falls: L(1, 1) = 0. The button moves the start from θ′ a little (0.05) along u, and both optimizers slide along u down to (1, 1).',
      },
      tex: 'H=\\begin{bmatrix}0&-2\\\\-2&0\\end{bmatrix},\\quad \\lambda=\\pm2,\\quad \\boldsymbol u=\\begin{bmatrix}1\\\\1\\end{bmatrix},\\quad \\boldsymbol u^{\\mathsf T}H\\boldsymbol u=\\lambda\\|\\boldsymbol u\\|^2<0',
      action: {
        type: 'sequence',
        actions: [
          { type: 'setStart', start: [0, 0] },
          { type: 'escape', distance: 0.05 },
        ],
      },
    },
    {
      id: 'plateau',
      kind: 'watch',
      title: { zh: '偏一点点，就逃得出去', en: 'A hair off, and it escapes' },
      body: {
        zh: '从 (1.5, −1.499) 出发，一般梯度下降（η = 0.01）在 L ≈ 1 的高原上徘徊约 260 步，才逃到 (1, 1)；动量法（λ = 0.9，η = 0.05）不到 20 步就出去了。',
        en: 'From (1.5, −1.499) vanilla gradient descent (η = 0.01) wanders on the plateau L ≈ 1 for about 260 steps before escaping to (1, 1). Momentum (λ = 0.9, η = 0.05) is out in under 20.',
      },
      action: { type: 'setStart', start: [1.5, -1.499] },
    },
    {
      id: 'noise',
      kind: 'watch',
      title: { zh: '加一点噪声', en: 'Add a little noise' },
      body: {
        zh: '回到正好卡住的 (1.5, −1.5)，给梯度加上标准差 0.5 的噪声：两个优化器都离开了鞍点，落到 w₁w₂ = 1 那一排局部极小值上。',
        en: 'Back at the exactly stuck (1.5, −1.5), add gradient noise with std 0.5: both optimizers leave the saddle point and land on the row of minima w₁w₂ = 1.',
      },
      action: {
        type: 'sequence',
        actions: [
          { type: 'setStart', start: [1.5, -1.5] },
          { type: 'setNoise', noise: { std: 0.5, seed: 14 } },
        ],
      },
    },
    {
      id: 'moral',
      kind: 'moral',
      title: { zh: '鞍点不可怕', en: 'Don’t fear the saddle point' },
      body: {
        zh: '梯度为零时看海森矩阵，负特征值的方向就是出路。不过实际上没人算 Hessian（太贵了）；更便宜的逃法后面会讲：小批量和动量。',
        en: 'Where the gradient is zero, the Hessian’s negative eigenvalue shows the way out. In practice nobody computes the Hessian (too costly); cheaper escapes come later: small batches and momentum.',
      },
    },
  ],
  claims: [
    {
      zh: '原点的海森矩阵 H = [[0, −2], [−2, 0]]，特征值 ±2，是鞍点；逃离方向 u ∝ (1, 1)，θ′ + u = (1, 1) 处 L = 0。',
      en: 'At the origin H = [[0, −2], [−2, 0]] with eigenvalues ±2: a saddle point. The escape direction is u ∝ (1, 1), and at θ′ + u = (1, 1), L = 0.',
    },
    {
      zh: '从正好在反对角线上的 (1.5, −1.5) 出发，梯度下降和动量法都沿着反对角线收敛到鞍点 (0, 0)（那里 L = 1、梯度为零），一直没有离开。',
      en: 'From (1.5, −1.5), exactly on the anti-diagonal, GD and momentum both converge along the anti-diagonal to the saddle point (0, 0), where L = 1 and the gradient is zero, and never leave it.',
    },
    {
      zh: '从 (1.5, −1.499) 出发，η = 0.01 的梯度下降在 L > 0.95 的高原上停留约 260 步，然后收敛到 (1, 1)。',
      en: 'From (1.5, −1.499), GD with η = 0.01 stays on the plateau L > 0.95 for about 260 steps, then converges to (1, 1).',
    },
    {
      zh: '动量法（λ = 0.9，η = 0.05）在 20 步内离开 L > 0.95 的高原。',
      en: 'Momentum (λ = 0.9, η = 0.05) leaves the plateau L > 0.95 within 20 steps.',
    },
    {
      zh: '加上标准差 0.5 的梯度噪声，两个优化器都能从 (1.5, −1.5) 逃出鞍点：最后 100 步都离原点 0.5 以上，平均损失低于 0.1（没有噪声时停在 1）。',
      en: 'With gradient noise of std 0.5 both optimizers escape the saddle point from (1.5, −1.5): over the last 100 steps they stay more than 0.5 from the origin with a mean loss below 0.1 (without noise it stays at 1).',
    },
  ],
}
