import type { Scene } from './types'

/**
 * Scene 6, 批量大小：蓄力 vs 连发 (docs/lectures.md S5, §4.6), modelled: the core has no mini-batch surface, so this
 * scene uses the standardized linear regression of `feature-standardized` (30 examples; one full-batch update
 * = one epoch) and stands in for batch size 1 with Gaussian gradient noise of std 1, between the spread of
 * this data's per-example gradients at the minimum (≈ 0.36) and at the start (≈ 5.3). Real batch-1 noise
 * shrinks near the minimum; constant Gaussian noise does not, so the noisy path keeps jittering there.
 */
export const batchSize: Scene = {
  id: 'batch-size',
  number: 6,
  title: { zh: '批量大小：蓄力 vs 连发', en: 'Full batch vs batch size 1' },
  summary: {
    zh: '大批量一步走得稳但要等很久；小批量步步有噪声，却常常走得更好。',
    en: 'A big batch takes one steady step per epoch; a small batch takes many noisy ones, and often does better.',
  },
  kind: 'surface',
  surface: 'feature-standardized',
  start: [-1.5, -1],
  racers: [
    {
      label: { zh: '梯度下降 η = 0.05', en: 'Gradient descent η = 0.05' },
      optimizer: { kind: 'sgd', convention: 'lecture', lr: 0.05 },
    },
  ],
  steps: 300,
  speed: 30,
  panels: ['surface', 'loss', 'cards'],
  cards: [
    {
      id: 'epoch',
      kind: 'symptom',
      title: { zh: '一个回合更新几次？', en: 'How many updates per epoch?' },
      body: {
        zh: '一个回合（epoch）要把所有训练数据看一遍。全批量一个回合只更新一次；批量大小为 1 时，这里的 30 笔数据一个回合要更新 30 次。',
        en: 'One epoch sees all the training data once. Full batch makes one update per epoch; with batch size 1, the 30 examples here make 30 updates per epoch.',
      },
    },
    {
      id: 'cooldown',
      kind: 'belief',
      title: { zh: '大批量一定比较好？', en: 'Is the big batch always better?' },
      body: {
        zh: '全批量“蓄力时间长、技能冷却长，但是威力大”，每一步都很稳；批量大小为 1 的每一步都有噪声，看起来很糟。',
        en: 'Full batch has a long charge-up and a long skill cooldown, but its hit is powerful and every step is steady. Batch size 1 is noisy at every step and looks bad.',
      },
    },
    {
      id: 'batch-one',
      kind: 'example',
      title: { zh: '批量大小 = 1', en: 'Batch size = 1' },
      body: {
        zh: '打开梯度噪声来代替批量大小 1：每次只看一笔数据，梯度 = 全体的梯度 + 噪声，路径曲曲折折。这里用标准差 1 的高斯噪声；这份数据单笔梯度的噪声在起点约 5.3，在最小值处约 0.36。',
        en: 'Switch on gradient noise to stand in for batch size 1: each update sees one example, so its gradient is the full gradient plus noise, and the path zig-zags. Gaussian noise of std 1 plays that part here; the per-example gradient noise of this data is about 5.3 at the start and 0.36 at the minimum.',
      },
      action: { type: 'setNoise', noise: { std: 1, seed: 1 } },
    },
    {
      id: 'batch-loss',
      kind: 'math',
      title: { zh: '每个批量有自己的损失', en: 'Each batch has its own loss' },
      body: {
        zh: '批量 B 的损失 L_B 只平均 B 笔数据的误差。它的梯度等于 L 的梯度加上噪声，B 越小噪声越大；每个回合开始前先打乱（shuffle），重新分批。',
        en: 'The loss L_B of batch B averages the errors of B examples only. Its gradient is L’s gradient plus noise, the more so the smaller B; before every epoch the data is shuffled and split into new batches.',
      },
      tex: 'L=\\frac{1}{N}\\sum_{n=1}^{N}e_n,\\qquad L_B=\\frac{1}{|B|}\\sum_{n\\in B}e_n',
    },
    {
      id: 'per-epoch',
      kind: 'watch',
      title: { zh: '按回合来比', en: 'Compare per epoch' },
      body: {
        zh: '同样 10 个回合：全批量只更新了 10 次，离最小值还远；批量大小 1 更新了 300 次，早就在最小值附近打转。有 GPU 并行时，大批量一个回合反而更快。',
        en: 'Over the same 10 epochs full batch has made 10 updates and is still far from the minimum; batch size 1 has made 300 and is already circling it. With GPU parallelism, though, a big batch finishes an epoch faster.',
      },
      action: { type: 'toEnd' },
    },
    {
      id: 'full-batch',
      kind: 'watch',
      title: { zh: '回到全批量', en: 'Back to full batch' },
      body: {
        zh: '关掉噪声：全批量每一步都让损失下降，平稳地收敛到最小值。',
        en: 'Switch the noise off: with the full batch every step lowers the loss, and it converges smoothly to the minimum.',
      },
      action: { type: 'setNoise', noise: { std: 0, seed: 1 } },
    },
    {
      id: 'moral',
      kind: 'moral',
      title: { zh: '有噪声不一定是坏事', en: 'Noise is not always bad' },
      body: {
        zh: '大批量一步走得稳但要等很久；小批量步步有噪声，却常常走得更好：一个批量的梯度为零时，下一个批量的不一定为零。',
        en: 'A big batch takes one steady step per epoch; a small batch takes many noisy ones and often does better: where one batch’s gradient is zero, the next batch’s usually isn’t.',
      },
    },
  ],
  claims: [
    {
      zh: '全批量（没有噪声，η = 0.05）：损失每一步都下降，300 步后到达最小值。',
      en: 'Full batch (no noise, η = 0.05): the loss falls at every step and reaches the minimum within 300 steps.',
    },
    {
      zh: '批量大小 1 的替身（噪声标准差 1）：超过三分之一的更新让损失上升，但最后 100 步平均离最小值不到 0.2。',
      en: 'The batch-size-1 stand-in (noise std 1): more than a third of the updates raise the loss, yet over the last 100 steps it stays within 0.2 of the minimum on average.',
    },
    {
      zh: '噪声标准差 1 介于这份数据单笔梯度噪声在最小值处（≈ 0.36）和在起点处（≈ 5.3）之间。',
      en: 'The noise std 1 lies between this data’s per-example gradient noise at the minimum (≈ 0.36) and at the start (≈ 5.3).',
    },
    {
      zh: '同样 10 个回合：全批量 10 次更新后损失比最优值高 1 以上；批量大小 1 的 300 次更新后高不到 0.1。',
      en: 'Over the same 10 epochs: after 10 full-batch updates the loss is more than 1 above the optimum; after 300 batch-size-1 updates it is less than 0.1 above.',
    },
  ],
}
