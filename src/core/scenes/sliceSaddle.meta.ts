import type { Scene } from './types'

/**
 * Scene 13, 一维看是极小值，二维看是鞍点 (docs/lectures.md, the book's figure 3.5): the classic saddle
 * L = w₁² − w₂² seen first through a slice along w₂ = 0, where L = w₁² has its minimum at the origin, then in
 * the plane, where H = diag(2, −2) has mixed signs. Gradient descent (η = 0.05) from (1.5, 0.001) shrinks w₁ by
 * 0.9 per step and grows w₂ by 1.1: it comes within 0.05 of the origin near step 37, as if converging, then
 * slides off along w₂ (|w₂| > 1 from step 73).
 */
export const sliceSaddle: Scene = {
  id: 'slice-saddle',
  number: 13,
  title: { zh: '一维看是极小值，二维看是鞍点', en: 'A minimum along a line, a saddle in the plane' },
  summary: {
    zh: '沿一条线切开误差表面，原点像是局部极小值；把第二个维度画出来，它其实是鞍点。',
    en: 'Slice the error surface along one line and the origin looks like a local minimum; draw the second dimension and it is a saddle point.',
  },
  kind: 'surface',
  surface: 'saddle-classic',
  start: [1.5, 0.001],
  // w₂ grows ×1.1 per step: 80 steps end at |w₂| ≈ 2.05, past |w₂| = 1 (step 73) and still in the view.
  view: { x: [-2, 2], y: [-2.5, 2.5] },
  racers: [
    {
      label: { zh: '一般梯度下降 η = 0.05', en: 'Vanilla GD, η = 0.05' },
      optimizer: { kind: 'sgd', convention: 'lecture', lr: 0.05 },
    },
  ],
  steps: 80,
  speed: 20,
  panels: ['surface', 'slice', 'loss', 'gradNorm', 'hessian', 'cards'],
  cards: [
    {
      id: 'one-line',
      kind: 'symptom',
      title: { zh: '一维的误差表面：一个极小值', en: 'A 1D error surface: a minimum' },
      body: {
        zh: '切片沿 w₂ = 0 这条线画出损失：L = w₁²，原点是它的最低点，梯度为零。',
        en: 'The slice draws the loss along the line w₂ = 0: L = w₁², lowest at the origin, where the gradient is zero.',
      },
    },
    {
      id: 'local-minimum',
      kind: 'belief',
      title: { zh: '走到局部极小值了？', en: 'A local minimum?' },
      body: {
        zh: '只看这一条线，原点就是局部极小值，梯度下降走到那里就会停下来。',
        en: 'Looking along this line only, the origin is a local minimum, and gradient descent that reaches it stops there.',
      },
    },
    {
      id: 'second-dimension',
      kind: 'example',
      title: { zh: '画出第二个维度', en: 'Draw the second dimension' },
      body: {
        zh: '按切片的“绕中点旋转 90°”，沿 w₁ = 0 再看：L = −w₂²，原点变成了最高点。同一个点，在平面上是鞍点。',
        en: 'Press the slice’s “Rotate 90°” and look along w₁ = 0: L = −w₂², and the origin is now the highest point. In the plane the same point is a saddle point.',
      },
      tex: 'L(w_1,w_2)=w_1^2-w_2^2,\\qquad L(w_1,0)=w_1^2,\\qquad L(0,w_2)=-w_2^2',
    },
    {
      id: 'hessian',
      kind: 'math',
      title: { zh: '海森矩阵说了算', en: 'The Hessian decides' },
      body: {
        zh: '原点的海森矩阵 H = diag(2, −2)：特征值有正有负，所以是鞍点，不是局部极小值。一条线只看到其中一个特征值。',
        en: 'At the origin the Hessian is H = diag(2, −2): eigenvalues of both signs, so a saddle point, not a local minimum. One line sees only one of them.',
      },
      tex: 'H=\\begin{bmatrix}2&0\\\\0&-2\\end{bmatrix},\\quad \\lambda_1=2>0,\\quad \\lambda_2=-2<0',
    },
    {
      id: 'slide-off',
      kind: 'watch',
      title: { zh: '先靠近，再滑走', en: 'Closer, then away' },
      body: {
        zh: '从 (1.5, 0.001) 出发，梯度下降（η = 0.05）每步把 w₁ 乘 0.9、把 w₂ 乘 1.1：约第 37 步离原点不到 0.05，像是收敛了；之后沿 w₂ 滑走，第 73 步起 |w₂| > 1。',
        en: 'From (1.5, 0.001) gradient descent (η = 0.05) multiplies w₁ by 0.9 and w₂ by 1.1 each step: near step 37 it is within 0.05 of the origin, as if converging; then it slides away along w₂, with |w₂| > 1 from step 73.',
      },
      action: { type: 'sequence', actions: [{ type: 'setStart', start: [1.5, 0.001] }, { type: 'play' }] },
    },
    {
      id: 'moral',
      kind: 'moral',
      title: { zh: '别只看一条线', en: 'Don’t trust one line' },
      body: {
        zh: '一维里的局部极小值，在更高的维度里可能只是鞍点：参数越多，往往越有路可走。',
        en: 'A local minimum in one dimension may be only a saddle point in more: the more parameters, the more ways down there usually are.',
      },
    },
  ],
  claims: [
    {
      zh: '沿 w₂ = 0，L = w₁² 在原点取最小值；沿 w₁ = 0，L = −w₂² 在原点取最大值；原点的 H = diag(2, −2)。',
      en: 'Along w₂ = 0, L = w₁² is lowest at the origin; along w₁ = 0, L = −w₂² is highest there; at the origin H = diag(2, −2).',
    },
    {
      zh: 'η = 0.05 从 (1.5, 0.001) 出发：第 37 步离原点不到 0.05，第 73 步起 |w₂| > 1。',
      en: 'η = 0.05 from (1.5, 0.001): within 0.05 of the origin at step 37, and |w₂| > 1 from step 73 on.',
    },
  ],
}
