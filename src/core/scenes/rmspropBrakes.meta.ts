import type { Scene } from './types'

/**
 * Scene 9, RMSProp 踩刹车 (docs/lectures.md S8, §4.9): L = −tanh(2(w₁ − 2)) − 0.05w₁ + w₂² from (0, 0) with η = 0.1,
 * flat → cliff at w₁ = 2 → flat. Lecture Adagrad reacts slowly (max step 0.30 = 3η at the cliff, then its
 * inflated σ leaves it at w₁ ≈ 5.95 after 200 steps; docs/lectures.md says 5.9); lecture RMSProp brakes at once, the harder the smaller α
 * (max step 0.28 at α = 0.9, 0.12 at α = 0.5), and speeds up again after the cliff (w₁ ≈ 17.1 and 19.8).
 */
export const rmspropBrakes: Scene = {
  id: 'rmsprop-brakes',
  number: 9,
  title: { zh: 'RMSProp 踩刹车', en: 'RMSProp hits the brakes' },
  summary: {
    zh: 'α 越小，σ 越看重最新的梯度，遇到陡坡能立刻减速。',
    en: 'A smaller α trusts the newest gradient, so σ reacts at once when the slope turns steep.',
  },
  kind: 'surface',
  surface: 'rmsprop-cliff',
  start: [0, 0],
  // Fitted to the paths: the RMSProp racers speed up again after the cliff and reach w₁ ≈ 17–20 in 200 steps.
  view: { x: [-1, 21], y: [-2, 2] },
  racers: [
    {
      label: { zh: 'Adagrad η = 0.1', en: 'Adagrad η = 0.1' },
      optimizer: { kind: 'adagrad', convention: 'lecture', lr: 0.1 },
    },
    {
      label: { zh: 'RMSProp α = 0.9', en: 'RMSProp α = 0.9' },
      optimizer: { kind: 'rmsprop', convention: 'lecture', lr: 0.1, rho: 0.9 },
    },
    {
      label: { zh: 'RMSProp α = 0.5', en: 'RMSProp α = 0.5' },
      optimizer: { kind: 'rmsprop', convention: 'lecture', lr: 0.1, rho: 0.5 },
    },
  ],
  steps: 200,
  speed: 20,
  panels: ['surface', 'loss', 'gradNorm', 'cards'],
  cards: [
    {
      id: 'same-parameter',
      kind: 'symptom',
      title: { zh: '同一个参数也需要不同的学习率', en: 'One parameter, several learning rates' },
      body: {
        zh: '在新月形的误差表面上，同一个方向有时平缓、有时陡峭。就算只有一个参数，固定的学习率也不够用。',
        en: 'On a crescent-shaped error surface the same direction is gentle in one place and steep in another. Even a single parameter needs a learning rate that changes over time.',
      },
    },
    {
      id: 'adagrad-adapts',
      kind: 'belief',
      title: { zh: 'Adagrad 不是会自己调吗？', en: 'Doesn’t Adagrad adapt already?' },
      body: {
        zh: 'Adagrad 的 σ 是过去所有梯度的均方根，每个梯度一样重要，所以 σ 反应很慢。',
        en: 'Adagrad’s σ is the root mean square of all past gradients, each counting the same, so σ reacts slowly.',
      },
    },
    {
      id: 'cliff',
      kind: 'example',
      title: { zh: '平地、悬崖、平地', en: 'Flat, cliff, flat' },
      body: {
        zh: 'w₁ = 2 处是一道悬崖：梯度从 0.05 猛增到 2.05，过了悬崖又回到 0.05。',
        en: 'At w₁ = 2 there is a cliff: the gradient jumps from 0.05 to 2.05, and beyond the cliff it drops back to 0.05.',
      },
      tex: 'L(w_1,w_2)=-\\tanh\\big(2(w_1-2)\\big)-0.05\\,w_1+w_2^2',
    },
    {
      id: 'rmsprop',
      kind: 'math',
      title: { zh: 'RMSProp 的更新规则', en: 'The RMSProp update' },
      body: {
        zh: 'α 越小，σ 越看重“新鲜热腾腾的”梯度。RMSProp 没有论文，出处是 Hinton 在 Coursera 上的课程视频。',
        en: 'The smaller α, the more σ weighs the fresh, piping-hot gradient. RMSProp has no paper; it is cited to Hinton’s Coursera video.',
      },
      tex: '\\sigma_i^{0}=\\sqrt{\\left(g_i^{0}\\right)^2},\\qquad \\sigma_i^{t}=\\sqrt{\\alpha\\left(\\sigma_i^{t-1}\\right)^2+(1-\\alpha)\\left(g_i^{t}\\right)^2},\\qquad \\theta_i^{t+1}\\leftarrow\\theta_i^{t}-\\frac{\\eta}{\\sigma_i^{t}}g_i^{t}',
    },
    {
      id: 'brakes',
      kind: 'watch',
      title: { zh: '踩刹车，再加速', en: 'Brake, then speed up' },
      body: {
        zh: '悬崖上的最大步长：Adagrad 0.30（3η），RMSProp α = 0.9 是 0.28，α = 0.5 只有 0.12。过了悬崖 RMSProp 又加速，200 步后到 w₁ ≈ 17.1 和 19.8；Adagrad 的 σ 被撑大了，只到 6 左右。',
        en: 'Largest step at the cliff: Adagrad 0.30 (3η), RMSProp α = 0.9 0.28, α = 0.5 only 0.12. Past the cliff RMSProp speeds up again and reaches w₁ ≈ 17.1 and 19.8 after 200 steps; Adagrad’s σ stays inflated and it gets only to about 6.',
      },
      action: { type: 'play' },
    },
    {
      id: 'moral',
      kind: 'moral',
      title: { zh: '踩刹车要及时', en: 'Brake in time' },
      body: {
        zh: 'α 越小，σ 越看重最新的梯度：遇到陡坡能立刻减速，过了陡坡也能立刻加速。',
        en: 'A smaller α trusts the newest gradient: σ brakes at once on the steep part and lets go at once after it.',
      },
    },
  ],
  claims: [
    {
      zh: 'Adagrad：悬崖上的最大步长 ≈ 0.30（3η），200 步后 w₁ ≈ 5.95（讲义写 5.9）。',
      en: 'Adagrad: largest step ≈ 0.30 (3η) at the cliff; w₁ ≈ 5.95 after 200 steps (docs/lectures.md: 5.9).',
    },
    {
      zh: 'RMSProp α = 0.9：最大步长 ≈ 0.28，200 步后 w₁ ≈ 17.1。',
      en: 'RMSProp α = 0.9: largest step ≈ 0.28; w₁ ≈ 17.1 after 200 steps.',
    },
    {
      zh: 'RMSProp α = 0.5：最大步长 ≈ 0.12，200 步后 w₁ ≈ 19.8。',
      en: 'RMSProp α = 0.5: largest step ≈ 0.12; w₁ ≈ 19.8 after 200 steps.',
    },
  ],
}
