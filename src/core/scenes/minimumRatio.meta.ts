import type { Scene } from './types'

/**
 * Scene 2, 最小值比例 (docs/lectures.md S2, §4.2): minimum ratio = (number of positive Hessian eigenvalues) / (number
 * of eigenvalues). On the saddle surface GD from (1.5, −1.5) stops at the saddle (λ = ±2, ratio ½); from
 * (1.5, −1.499) it reaches the valley floor near (1, 1), where the eigenvalues are 0 and 4 (flat along the
 * valley): the zero one is not positive, so the ratio is ½ there too and the Hessian alone cannot call it a
 * minimum. The dot.csv net of the course preset (45 parameters) gets its real 45 × 45 Hessian: after training
 * the ratio is below 1, some eigenvalues are negative and ‖g‖ is not zero (Lee's "wait a minute").
 */
export const minimumRatio: Scene = {
  id: 'minimum-ratio',
  number: 2,
  title: { zh: '最小值比例', en: 'Minimum ratio check-up' },
  summary: {
    zh: '在高维空间里，真正四面都是墙的局部极小值其实很少见。',
    en: 'In high dimensions, a minimum walled in on every side is surprisingly rare.',
  },
  kind: 'surface',
  surface: 'saddle',
  start: [1.5, -1.5],
  view: { x: [-2, 2], y: [-2, 2] },
  racers: [
    {
      label: { zh: '一般梯度下降 η = 0.01', en: 'Vanilla GD, η = 0.01' },
      optimizer: { kind: 'sgd', convention: 'lecture', lr: 0.01 },
    },
  ],
  steps: 2000,
  speed: 200,
  panels: ['surface', 'gradNorm', 'hessian', 'classifier', 'cards'],
  classifier: { preset: 'course' },
  cards: [
    {
      id: 'stopped',
      kind: 'symptom',
      title: { zh: '训练停了，停在哪里？', en: 'Training stopped: but where?' },
      body: {
        zh: '梯度下降走到梯度范数几乎为零就不动了。这一点是局部极小值还是鞍点？看海森矩阵的特征值就知道。',
        en: 'Gradient descent stops once the gradient norm is almost zero. Is that point a local minimum or a saddle point? The Hessian’s eigenvalues tell.',
      },
      action: { type: 'toEnd' },
    },
    {
      id: 'walls',
      kind: 'belief',
      title: { zh: '走不动，就是局部极小值？', en: 'Stuck means a local minimum?' },
      body: {
        zh: '局部极小值要求每个方向都往上弯，也就是所有特征值都为正。参数有几百万个时，这个条件其实很难满足。',
        en: 'A local minimum needs every direction to curve up: all eigenvalues positive. With millions of parameters that is a tall order.',
      },
    },
    {
      id: 'three-body',
      kind: 'example',
      title: { zh: '《三体》里的石棺', en: 'The sealed coffin of The Three-Body Problem' },
      body: {
        zh: '《三体》里，君士坦丁堡的魔法师能从封死的石棺里取出东西：在三维空间里无路可走，在四维空间里却处处是路。误差表面也一样，低维里像局部极小值的地方，高维里常常还有路。',
        en: 'In The Three-Body Problem a magician in Constantinople takes things out of a sealed coffin: no way out in three dimensions, ways everywhere in four. Error surfaces are alike: what looks like a local minimum in low dimensions often has a way down in high dimensions.',
      },
    },
    {
      id: 'definition',
      kind: 'math',
      title: { zh: '最小值比例的定义', en: 'The definition' },
      body: {
        zh: '最小值比例 = 正特征值的个数 / 特征值的总数。二维里只有 0、½、1 三种值：鞍点是 ½，真正的局部极小值是 1。',
        en: 'Minimum ratio = number of positive eigenvalues / total number of eigenvalues. In 2D it can only be 0, ½ or 1: a saddle point gives ½, a true local minimum 1.',
      },
      tex: '\\text{minimum ratio}=\\frac{\\#\\{i:\\lambda_i>0\\}}{\\#\\{\\lambda_i\\}}',
    },
    {
      id: 'saddle',
      kind: 'watch',
      title: { zh: '停在鞍点', en: 'Stopped at the saddle point' },
      body: {
        zh: '从 (1.5, −1.5) 出发的梯度下降停在原点：特征值 −2 和 +2，最小值比例 ½。',
        en: 'Gradient descent from (1.5, −1.5) stops at the origin: eigenvalues −2 and +2, minimum ratio ½.',
      },
      action: { type: 'setStart', start: [1.5, -1.5] },
    },
    {
      id: 'valley-floor',
      kind: 'watch',
      title: { zh: '停在谷底', en: 'Stopped on the valley floor' },
      body: {
        zh: '从 (1.5, −1.499) 出发，梯度下降到达 (1, 1) 附近的谷底：特征值约为 0 和 4。沿着山谷的方向是平的，零特征值不算正的，比例还是 ½，光看海森矩阵判断不了。',
        en: 'From (1.5, −1.499) gradient descent reaches the valley floor near (1, 1): eigenvalues about 0 and 4. Along the valley it is flat; a zero eigenvalue is not positive, so the ratio is ½ again and the Hessian alone cannot decide.',
      },
      action: { type: 'setStart', start: [1.5, -1.499] },
    },
    {
      id: 'network',
      kind: 'watch',
      title: { zh: '真实网络的体检', en: 'A real network’s check-up' },
      body: {
        zh: 'dot.csv 上的 2-11-1 网络有 45 个参数，海森矩阵是 45 × 45。照课程设置训练完，最小值比例小于 1：还有往下弯的方向，梯度也不是零。',
        en: 'The 2-11-1 network on dot.csv has 45 parameters, so its Hessian is 45 × 45. Trained with the course’s settings, its minimum ratio is below 1: some directions still curve down, and the gradient isn’t zero either.',
      },
    },
    {
      id: 'moral',
      kind: 'moral',
      title: { zh: '真正的局部极小值很少见', en: 'True local minima are rare' },
      body: {
        zh: '训练卡住时，多半是鞍点，而不是四面是墙的局部极小值。Wait a minute：真要走到临界点需要特别的训练方法，一般梯度下降常常在梯度还不小时就停了。',
        en: 'When training is stuck, it is usually at a saddle point, not a minimum walled in on every side. Wait a minute: reaching a true critical point takes special training; plain gradient descent usually stalls while the gradient is still not small.',
      },
    },
  ],
  claims: [
    {
      zh: '梯度下降从 (1.5, −1.5) 停在原点：特征值 −2 和 +2，最小值比例 ½（鞍点）。',
      en: 'GD from (1.5, −1.5) stops at the origin: eigenvalues −2 and +2, minimum ratio ½ (a saddle point).',
    },
    {
      zh: '梯度下降从 (1.5, −1.499) 停在 (1, 1) 附近的谷底：特征值 0 和 2(w₁² + w₂²) ≈ 4，零特征值不算正的，比例 ½，判断为退化点。',
      en: 'GD from (1.5, −1.499) stops on the valley floor near (1, 1): eigenvalues 0 and 2(w₁² + w₂²) ≈ 4. The zero one is not positive, so the ratio is ½ and the point is degenerate.',
    },
    {
      zh: '按课程设置训练好的 dot.csv 网络（45 个参数）：最小值比例 < 1，有负特征值，梯度范数不为零，所以不是局部极小值。',
      en: 'The dot.csv network trained with the course preset (45 parameters): minimum ratio < 1 with negative eigenvalues and a nonzero gradient norm, so it is not a local minimum.',
    },
  ],
}
