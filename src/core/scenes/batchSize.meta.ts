import type { Scene } from './types'

/**
 * Scene 6, 批量大小：蓄力 vs 连发 (docs/lectures.md S5, §4.6), with true mini-batches: three gradient-descent
 * racers (η = 0.03) on `mini-batch-linear`, a linear regression whose loss is the mean over 30 seeded examples,
 * with batch sizes 30 (the full batch), 5 and 1. Steps count epochs (`count: 'epochs'`): in 10 epochs the
 * full batch makes 10 updates, batch 5 makes 60 and batch 1 makes 300, each batch drawn without replacement
 * from a seeded permutation per epoch. The numbers the cards quote are what this race produces; the claims
 * and test/core/scenes/batchSize.test.ts hold them to it.
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
  surface: 'mini-batch-linear',
  start: [-1.5, -1],
  racers: [
    {
      label: { zh: '全批量（B = 30）', en: 'Full batch (B = 30)' },
      optimizer: { kind: 'sgd', convention: 'lecture', lr: 0.03 },
    },
    {
      label: { zh: '批量大小 B = 5', en: 'Batch size B = 5' },
      optimizer: { kind: 'sgd', convention: 'lecture', lr: 0.03 },
      batch: 5,
    },
    {
      label: { zh: '批量大小 B = 1', en: 'Batch size B = 1' },
      optimizer: { kind: 'sgd', convention: 'lecture', lr: 0.03 },
      batch: 1,
    },
  ],
  steps: 10,
  count: 'epochs',
  speed: 30,
  panels: ['surface', 'loss', 'cards'],
  cards: [
    {
      id: 'epoch',
      kind: 'symptom',
      title: { zh: '一个回合更新几次？', en: 'How many updates per epoch?' },
      body: {
        zh: '一个回合（epoch）要把 30 笔训练数据都看一遍。全批量一个回合只更新 1 次，批量大小 5 更新 6 次，批量大小 1 更新 30 次。图例里数着每个优化器更新了几次。',
        en: 'One epoch sees all 30 training examples once. Full batch makes 1 update per epoch, batch size 5 makes 6 and batch size 1 makes 30. The legend counts each racer’s updates.',
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
        zh: '批量大小 1 的每次更新只看一笔数据，梯度就是那一笔的梯度，路径曲曲折折。每个优化器旁边的点是它在这里可能抽到的每个批量的一步 −ηg_B：B = 1 时散得很开，B = 5 时收拢一些，全批量只有一点。',
        en: 'Each update of batch size 1 sees one example, so its gradient is that example’s gradient and the path zig-zags. The dots by each racer are the step −ηg_B of every batch it could draw there: wide apart for B = 1, closer for B = 5, a single dot for the full batch.',
      },
    },
    {
      id: 'batch-loss',
      kind: 'math',
      title: { zh: '每个批量有自己的损失', en: 'Each batch has its own loss' },
      body: {
        zh: '批量 B 的损失 L_B 只平均 B 笔数据的误差。它的梯度平均起来等于 L 的梯度，但会散开，B 越小散得越开；每个回合开始前先打乱（shuffle），重新分批。',
        en: 'The loss L_B of batch B averages the errors of B examples only. On average its gradient is L’s gradient, but it scatters, the more so the smaller B; before every epoch the data is shuffled and split into new batches.',
      },
      tex: 'L=\\frac{1}{N}\\sum_{n=1}^{N}e_n,\\qquad L_B=\\frac{1}{|B|}\\sum_{n\\in B}e_n',
    },
    {
      id: 'per-epoch',
      kind: 'watch',
      title: { zh: '按回合来比', en: 'Compare per epoch' },
      body: {
        zh: '同样 10 个回合：全批量只更新了 10 次，损失还有 3.16，离最小值（0.438）还远；批量大小 5 更新了 60 次，批量大小 1 更新了 300 次，损失都已降到 0.44 左右。有 GPU 并行时，大批量一个回合反而更快。',
        en: 'Over the same 10 epochs full batch has made 10 updates and its loss is still 3.16, far from the minimum (0.438); batch size 5 has made 60 updates and batch size 1 has made 300, and both are down to about 0.44. With GPU parallelism, though, a big batch finishes an epoch faster.',
      },
      action: { type: 'toEnd' },
    },
    {
      id: 'full-batch',
      kind: 'watch',
      title: { zh: '全批量每一步都下降', en: 'Every full-batch step goes down' },
      body: {
        zh: '看损失曲线：全批量每一步都让损失下降，平稳而慢；批量大小 1 的曲线上上下下，超过三分之一的更新让损失上升。',
        en: 'Look at the loss chart: every full-batch step lowers the loss, smoothly and slowly; the curve of batch size 1 goes up and down, and more than a third of its updates raise the loss.',
      },
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
      zh: '10 个回合：全批量更新 10 次、批量大小 5 更新 60 次、批量大小 1 更新 300 次。',
      en: 'In 10 epochs: full batch makes 10 updates, batch size 5 makes 60, batch size 1 makes 300.',
    },
    {
      zh: '全批量（η = 0.03）：损失每一步都下降，10 次更新后为 3.16，最小值为 0.438。',
      en: 'Full batch (η = 0.03): the loss falls at every step and is 3.16 after 10 updates; the minimum is 0.438.',
    },
    {
      zh: '批量大小 5 的 60 次更新和批量大小 1 的 300 次更新之后，损失都在 0.44 左右（离最小值不到 0.01）。',
      en: 'After 60 updates of batch size 5 and 300 of batch size 1 the loss is about 0.44 (within 0.01 of the minimum).',
    },
    {
      zh: '批量大小 1：超过三分之一的更新让损失上升。',
      en: 'Batch size 1: more than a third of the updates raise the loss.',
    },
    {
      zh: '批量梯度的散布随批量变大而缩小，全批量时为零。',
      en: 'The spread of the batch gradients shrinks as the batch grows and is zero for the full batch.',
    },
  ],
}
