import type { Scene } from './types'

/**
 * Scene 5, 学习率调度：衰减与预热 (docs/lectures.md S4 fixes, §4.5): the same lecture Adagrad at η = 0.3 on the Pokémon
 * valley with (a) exponential decay η^t = 0.3·0.99995^t, (b) warm-up: `warmup-inverse-sqrt` with W = 1000,
 * η^t = 0.3·min((t+1)/1000, √(1000/(t+1))), the lecture's "1 000 steps up, then η·√(1000/t)" with t counted
 * from 1, (c) η^t = 1/√(t+1), which turns the RMS Adagrad into the 2017 "sum" Adagrad step for step, and Adam at
 * η = 0.3 as a reference; the unscheduled Adagrad of scene 4 runs last for comparison.
 */
export const decayAndWarmUp: Scene = {
  id: 'decay-and-warm-up',
  number: 5,
  title: { zh: '学习率调度：衰减与预热', en: 'Decay and warm-up' },
  summary: {
    zh: '离终点越近，就越该踩刹车；一开始先小步探路，等 σ 统计可靠了再加速。',
    en: 'Brake as you near the goal; start with small exploring steps until σ is trustworthy.',
  },
  kind: 'surface',
  surface: 'pokemon',
  start: [-120, -4],
  view: { x: [-200, -100], y: [-5, 7] },
  racers: [
    {
      label: { zh: 'Adagrad，η^t = 0.3·0.99995^t', en: 'Adagrad, η^t = 0.3·0.99995^t' },
      optimizer: { kind: 'adagrad', convention: 'lecture', lr: 0.3 },
      schedule: { kind: 'exponential', decay: 0.99995, decaySteps: 1 },
    },
    {
      label: {
        zh: 'Adagrad，预热 1 000 步后 0.3·√(1000/t)',
        en: 'Adagrad, warm-up 1,000, then 0.3·√(1000/t)',
      },
      optimizer: { kind: 'adagrad', convention: 'lecture', lr: 0.3 },
      schedule: { kind: 'warmup-inverse-sqrt', warmupSteps: 1000 },
    },
    {
      label: { zh: 'Adagrad，η^t = 1/√(t+1)', en: 'Adagrad, η^t = 1/√(t+1)' },
      optimizer: { kind: 'adagrad', convention: 'lecture', lr: 1 },
      schedule: { kind: 'inverse-sqrt' },
    },
    {
      label: { zh: 'Adam η = 0.3', en: 'Adam η = 0.3' },
      optimizer: { kind: 'adam', convention: 'lecture', lr: 0.3 },
    },
    {
      label: { zh: 'Adagrad η = 0.3，没有调度', en: 'Adagrad η = 0.3, no schedule' },
      optimizer: { kind: 'adagrad', convention: 'lecture', lr: 0.3 },
    },
  ],
  steps: 100_000,
  speed: 2000,
  panels: ['surface', 'loss', 'schedule', 'cards'],
  // On a linear axis the 1,000-step warm-up is 1% of the chart; on log x it is 3/5 of it.
  lrLogX: true,
  cards: [
    {
      id: 'fixed-eta',
      kind: 'symptom',
      title: { zh: '固定的 η 在终点太大', en: 'A fixed η is too big at the end' },
      body: {
        zh: '上一个场景里，Adagrad 在终点附近喷了出去：σ_w 太小了，固定的 η 就显得太大。',
        en: 'In the last scene Adagrad shot off near the end: once σ_w is tiny, a fixed η is too big.',
      },
    },
    {
      id: 'smaller-eta',
      kind: 'belief',
      title: { zh: '全程把 η 调小？', en: 'Just use a smaller η?' },
      body: {
        zh: '全程都用小 η，前面就走得很慢。我们要的是会随时间变化的 η^t：这就是学习率调度。',
        en: 'A small η all the way makes the early steps slow. What we want is an η^t that changes over time: learning rate scheduling.',
      },
    },
    {
      id: 'decay',
      kind: 'example',
      title: { zh: '学习率衰减', en: 'Learning rate decay' },
      body: {
        zh: 'η^t = 0.3·0.99995^t：越接近终点，η^t 越小，喷不出去了，约 6 000 步就收敛。',
        en: 'η^t = 0.3·0.99995^t: the nearer the end, the smaller η^t. No more spurts; it converges in about 6,000 steps.',
      },
      tex: '\\eta^{t}=\\eta\\cdot0.99995^{\\,t}',
      action: { type: 'showRacers', indices: [0, 4] },
    },
    {
      id: 'warm-up',
      kind: 'math',
      title: { zh: '预热：一个黑科技', en: 'Warm-up, the black magic' },
      body: {
        zh: '先升后降：前 1 000 步 η^t 从 0.0003 线性升到 0.3，之后是 0.3·√(1000/t)（t 从 1 数起），就是 Transformer 的公式把峰值归一化成 η。σ 是统计出来的，一开始数据太少并不准，所以先小步探路（残差网络也是先用 0.01 再用 0.1；想深究可以看 RAdam）。',
        en: 'Up, then down: for 1,000 steps η^t rises linearly from 0.0003 to 0.3, then follows 0.3·√(1000/t) (t counted from 1), the Transformer formula normalised to peak η. σ is a statistic and is unreliable early, so explore with small steps first (ResNet also trains with 0.01 before 0.1; RAdam goes deeper).',
      },
      tex: '\\eta^{t}=\\eta\\cdot\\min\\!\\left(\\frac{t+1}{1000},\\sqrt{\\frac{1000}{t+1}}\\right)\\ \\propto\\ d_{\\text{model}}^{-0.5}\\min\\!\\left(s^{-0.5},\\,s\\cdot1000^{-1.5}\\right),\\ s=t+1',
      action: { type: 'showRacers', indices: [1, 4] },
    },
    {
      id: 'inverse-sqrt',
      kind: 'math',
      title: { zh: '2017 年的 Adagrad', en: 'The 2017 Adagrad' },
      body: {
        zh: 'η^t = η/√(t+1) 配上均方根的 σ，正好就是 2017 年课程里“梯度平方直接求和”的 Adagrad。η = 1 时平稳地走到 (−188.4, 2.67)。',
        en: 'η^t = η/√(t+1) with the root-mean-square σ is exactly the 2017 lecture’s Adagrad, which sums the squared gradients. With η = 1 it runs smoothly to (−188.4, 2.67).',
      },
      tex: '\\frac{\\eta/\\sqrt{t+1}}{\\sigma_i^{t}}=\\frac{\\eta}{\\sqrt{\\sum_{j=0}^{t}\\left(g_i^{j}\\right)^2}}',
      action: { type: 'showRacers', indices: [2, 4] },
    },
    {
      id: 'adam',
      kind: 'watch',
      title: { zh: 'Adam 也可以', en: 'Adam works too' },
      body: {
        zh: 'Adam = RMSProp + Momentum。η = 0.3、β 用 PyTorch 的默认值，约 3 300 步就平稳收敛。',
        en: 'Adam = RMSProp + Momentum. With η = 0.3 and PyTorch’s default β it converges smoothly in about 3,300 steps.',
      },
      action: { type: 'showRacers', indices: [0, 1, 2, 3, 4] },
    },
    {
      id: 'moral',
      kind: 'moral',
      title: { zh: 'η 也要随时间变', en: 'Let η change over time' },
      body: {
        zh: '离终点越近，就越该踩刹车；一开始先小步探路，等 σ 的统计可靠了再加速。',
        en: 'Brake as you near the goal; start with small exploring steps until σ is trustworthy.',
      },
    },
  ],
  claims: [
    {
      zh: '指数衰减 η^t = 0.3·0.99995^t：100 000 步内没有一次 |Δw| > 0.5 的跳跃，约 6 000 步收敛（|b − b*| < 1 之后不再离开）。',
      en: 'Exponential decay η^t = 0.3·0.99995^t: no jump with |Δw| > 0.5 in 100,000 steps; converged by about 6,000 steps (|b − b*| < 1 from then on).',
    },
    {
      zh: '预热 1 000 步后 0.3·√(1000/t)（warmup-inverse-sqrt，W = 1000）：没有跳跃，最后到 (−188.4, 2.67)。',
      en: 'Warm-up for 1,000 steps, then 0.3·√(1000/t) (warmup-inverse-sqrt, W = 1000): no jumps, and it ends at (−188.4, 2.67).',
    },
    {
      zh: 'η = 1，η^t = η/√(t+1)：与 2017 年“求和”的 Adagrad 每一步都相同；除了第一步 η·sign(g) 以外没有跳跃，最后到 (−188.4, 2.67)。',
      en: 'η = 1 with η^t = η/√(t+1): the same, step for step, as the 2017 “sum” Adagrad; no jumps after the first step (which is η·sign(g)), and it ends at (−188.4, 2.67).',
    },
    {
      zh: 'Adam η = 0.3：约 3 300 步到 |b − b*| < 1，没有跳跃。',
      en: 'Adam with η = 0.3: |b − b*| < 1 after about 3,300 steps, with no jumps.',
    },
  ],
}
