import type { Scene } from './types'

/**
 * Scene 4, Adagrad 冲到终点又喷出去 (docs/lectures.md S4, §4.4): the lecture's original Adagrad (σ = root mean square of
 * all past gradients, no ε, no decay) at η = 0.3 on the Pokémon valley (mean loss) crosses to the end in about
 * 5 000 steps, then shoots off along w from about step 18 000 on and keeps doing so (book Fig 3.27). The
 * number of jumps is chaotic after the first spurt: about 800 in this run against the ≈ 3 700 of the numpy
 * simulation in docs/lectures.md, and η·(1 ± 10⁻¹²) already gives counts several times apart; the first spurt's step
 * does not move. A card switches to η = 1 (jumps of up to ~8 from the start).
 */
export const adagradSpurts: Scene = {
  id: 'adagrad-spurts',
  number: 4,
  title: { zh: 'Adagrad 冲到终点又喷出去', en: 'Adagrad shoots off near the finish' },
  summary: {
    zh: '在平坦处积累了太多小梯度，σ 变得太小，步伐突然暴增。',
    en: 'Too many tiny gradients shrink σ, and the step suddenly explodes.',
  },
  kind: 'surface',
  surface: 'pokemon',
  start: [-120, -4],
  view: { x: [-200, -100], y: [-5, 7] },
  racers: [
    {
      label: { zh: 'Adagrad（课程版）η = 0.3', en: 'Adagrad (lecture) η = 0.3' },
      optimizer: { kind: 'adagrad', convention: 'lecture', lr: 0.3 },
    },
  ],
  steps: 100_000,
  speed: 2000,
  panels: ['surface', 'loss', 'gradNorm', 'cards'],
  cards: [
    {
      id: 'spurt',
      kind: 'symptom',
      title: { zh: '快到终点，却喷了出去', en: 'At the finish, it shoots off' },
      body: {
        zh: '最原始的 Adagrad（σ 是过去所有梯度的均方根），η = 0.3：约 5 000 步就穿过峡谷走到终点附近，可是大约第 18 000 步突然沿 w 方向“喷”了出去。',
        en: 'The original Adagrad (σ = root mean square of all past gradients) with η = 0.3 crosses the canyon to near the end in about 5,000 steps, but around step 18,000 it suddenly shoots off along w.',
      },
      action: { type: 'play' },
    },
    {
      id: 'too-big',
      kind: 'belief',
      title: { zh: '学习率太大了？', en: 'Learning rate too big?' },
      body: {
        zh: '第一反应是 η 太大。可是前 18 000 步它走得好好的，η 从来没变过；变了的是 σ。',
        en: 'The first guess is that η is too big. But for 18,000 steps it ran fine with the very same η. What changed is σ.',
      },
    },
    {
      id: 'sigma-shrinks',
      kind: 'example',
      title: { zh: 'σ_w 在谷底越缩越小', en: 'σ_w shrinks on the valley floor' },
      body: {
        zh: '到了谷底，w 方向的梯度很小。一步一步累积的都是小梯度，σ_w 越来越小，η/σ_w 越来越大，终于有一步暴增。',
        en: 'On the valley floor the w-gradient is tiny. Step after step only tiny gradients pile up, so σ_w keeps shrinking and η/σ_w keeps growing, until one step explodes.',
      },
    },
    {
      id: 'rms',
      kind: 'math',
      title: { zh: '均方根的 σ', en: 'σ as a root mean square' },
      body: {
        zh: '喷出去以后梯度变大，σ_w 被撑大，步伐变小，“摩擦力”把它拉回来（这不是简谐运动）；然后小梯度又开始累积，再喷一次。',
        en: 'After a spurt the gradient is large, σ_w swells, the steps shrink and friction pulls it back (this is not simple harmonic motion). Then tiny gradients pile up again, and it shoots again.',
      },
      tex: '\\theta_i^{t+1}\\leftarrow\\theta_i^{t}-\\frac{\\eta}{\\sigma_i^{t}}\\,g_i^{t},\\qquad \\sigma_i^{t}=\\sqrt{\\frac{1}{t+1}\\sum_{j=0}^{t}\\left(g_i^{j}\\right)^2}',
    },
    {
      id: 'count',
      kind: 'watch',
      title: { zh: '数一数喷了几次', en: 'Count the spurts' },
      body: {
        zh: '100 000 步里 |Δw| > 0.5 的跳跃有几百到几千次（这次约 800 次，讲义的 numpy 模拟约 3 700 次）。第一次喷发以后路径是混沌的：η 只改 10⁻¹²，次数就差好几倍。',
        en: 'In 100,000 steps there are hundreds to thousands of jumps with |Δw| > 0.5 (about 800 here, about 3,700 in the notes’ numpy run). After the first spurt the path is chaotic: changing η by one part in 10¹² changes the count several-fold.',
      },
      action: { type: 'toEnd' },
    },
    {
      id: 'eta-one',
      kind: 'watch',
      title: { zh: 'η = 1 呢？', en: 'And η = 1?' },
      body: {
        zh: 'η = 1 时一开始就乱跳，|Δw| 最大约 8，最后的损失也比最优值差。',
        en: 'With η = 1 it jumps from the start, with |Δw| up to about 8, and the final loss is worse than the optimum.',
      },
      action: { type: 'setRacer', index: 0, patch: { lr: 1 } },
    },
    {
      id: 'moral',
      kind: 'moral',
      title: { zh: '小梯度攒多了也危险', en: 'Tiny gradients add up to trouble' },
      body: {
        zh: '在平坦处积累了太多小梯度，σ 变得太小，步伐突然暴增。解法是让 η 也随时间变化：学习率调度（下一个场景）。',
        en: 'Too many tiny gradients shrink σ and the step suddenly explodes. The fix is to let η change over time as well: learning rate scheduling (next scene).',
      },
    },
  ],
  claims: [
    {
      zh: 'η = 0.3 的 Adagrad 约 5 000 步到终点附近（|b − b*| < 1）。',
      en: 'Adagrad with η = 0.3 is near the end (|b − b*| < 1) after about 5,000 steps.',
    },
    {
      zh: '第一次 |Δw| > 0.5 的跳跃出现在约第 18 000 步，之后 100 000 步内反复出现几百到几千次（这次约 800 次；讲义的 numpy 模拟约 3 700 次，因为喷发后的路径是混沌的）。',
      en: 'The first jump with |Δw| > 0.5 comes at about step 18,000, and they recur hundreds to thousands of times in 100,000 steps (about 800 here; the notes’ numpy run counted about 3,700, because the path after a spurt is chaotic).',
    },
    {
      zh: '混沌：η 改成 0.3·(1 ± 10⁻¹²)，第一次喷发仍在同一步，但跳跃次数相差好几倍。',
      en: 'Chaos: with η = 0.3·(1 ± 10⁻¹²) the first spurt comes at the same step, but the jump counts differ several-fold.',
    },
    {
      zh: 'η = 1：|Δw| 最大约 8，最终损失明显高于最优值 10 194。',
      en: 'η = 1: jumps of |Δw| up to about 8, and a final loss well above the optimum 10,194.',
    },
  ],
}
