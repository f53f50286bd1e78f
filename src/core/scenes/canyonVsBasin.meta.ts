import type { Scene } from './types'

/**
 * Scene 7, 峡谷与盆地 (docs/lectures.md S6, §4.7): two minima of equal training loss, a wide basin at (−1.36, 0) and a
 * narrow canyon at (1.49, 0); the testing loss is the training loss shifted by δ = (0.3, 0) (`testSurface`).
 * GD from the canyon wall ends in the canyon, where the test loss is 0.74 against 0.15 at the basin minimum
 * (docs/lectures.md's 0.65 vs 0.04 leave out the surface's weak 0.05‖w‖² bowl). Gradient noise of std 3 annealed to 0
 * over 3 000 steps, a stand-in for small-batch noise, carries about 9 runs in 10 to the basin (270 of seeds
 * 1..300 here, 269/300 in docs/lectures.md); the card's seed is one of them.
 */
export const canyonVsBasin: Scene = {
  id: 'canyon-vs-basin',
  number: 7,
  title: { zh: '峡谷与盆地', en: 'Canyon vs basin' },
  summary: {
    zh: '训练和测试的误差表面稍有偏移，峡谷里的最小值就会前功尽弃。',
    en: 'Shift the surface a little and a minimum in a narrow canyon stops being good.',
  },
  kind: 'surface',
  surface: 'canyon-basin',
  testSurface: 'canyon-basin-test',
  start: [1.3, 0.15],
  racers: [
    {
      label: { zh: '梯度下降 η = 0.05', en: 'Gradient descent η = 0.05' },
      optimizer: { kind: 'sgd', convention: 'lecture', lr: 0.05 },
    },
  ],
  steps: 5000,
  speed: 500,
  panels: ['surface', 'loss', 'cards'],
  cards: [
    {
      id: 'large-batch',
      kind: 'symptom',
      title: { zh: '训练一样好，测试却更差', en: 'Same training, worse testing' },
      body: {
        zh: 'Keskar 等人把小批量（256）和大批量（数据集的 10%）调到训练准确率一样高，大批量的测试结果还是比较差。',
        en: 'Keskar et al. tuned a small batch (256) and a large batch (10% of the data set) to the same training accuracy, and the large batch still tested worse.',
      },
    },
    {
      id: 'not-training',
      kind: 'belief',
      title: { zh: '是训练没练好吗？', en: 'Was training the problem?' },
      body: {
        zh: '不是。两个最小值的训练损失几乎一样低（约 0.10），差别在最小值的形状：宽的还是窄的。',
        en: 'No. Both minima have almost the same low training loss (about 0.10); they differ in shape, wide or narrow.',
      },
    },
    {
      id: 'two-wells',
      kind: 'example',
      title: { zh: '盆地与峡谷', en: 'Basin and canyon' },
      body: {
        zh: '这张误差表面有两个一样深的最小值：左边是宽而平的盆地（平坦最小值），右边是窄而陡的峡谷（尖锐最小值）。测试的误差表面就是训练的误差表面向右平移 0.3。',
        en: 'This error surface has two equally deep minima: a wide, flat basin on the left (a flat minimum) and a narrow, steep canyon on the right (a sharp minimum). The testing surface is the training surface shifted right by 0.3.',
      },
      tex: 'L_{\\text{test}}(\\boldsymbol w)=L(\\boldsymbol w-\\boldsymbol\\delta),\\qquad \\boldsymbol\\delta=(0.3,\\,0)',
    },
    {
      id: 'shift',
      kind: 'math',
      title: { zh: '平移以后', en: 'After the shift' },
      body: {
        zh: '盆地的最小值平移一点，损失几乎不变（0.10 → 0.15）；峡谷的最小值一平移就落到谷壁上（0.10 → 0.74）。',
        en: 'Shift the basin minimum a little and its loss hardly changes (0.10 → 0.15); shift the canyon minimum and it lands on the canyon wall (0.10 → 0.74).',
      },
      tex: 'L_{\\text{test}}(\\boldsymbol w^*_{\\text{basin}})\\approx0.15,\\qquad L_{\\text{test}}(\\boldsymbol w^*_{\\text{canyon}})\\approx0.74',
    },
    {
      id: 'gd-canyon',
      kind: 'watch',
      title: { zh: '全批量掉进峡谷', en: 'Full batch falls into the canyon' },
      body: {
        zh: '从 (1.3, 0.15) 出发，η = 0.05 的梯度下降直接滑进峡谷：训练损失 0.10，测试损失 0.74。',
        en: 'From (1.3, 0.15) gradient descent with η = 0.05 slides straight into the canyon: training loss 0.10, testing loss 0.74.',
      },
      action: { type: 'toEnd' },
    },
    {
      id: 'noise',
      kind: 'watch',
      title: { zh: '噪声把它震出峡谷', en: 'Noise shakes it out' },
      body: {
        zh: '加上梯度噪声（标准差 3，在 3 000 步内降到 0），像小批量一样：窄峡谷待不住，大约十次里有九次落进盆地。',
        en: 'Add gradient noise (std 3, annealed to 0 over 3,000 steps), as a small batch would: the narrow canyon can’t hold it, and about nine runs in ten settle in the basin.',
      },
      action: { type: 'setNoise', noise: { std: 3, seed: 1, annealSteps: 3000 } },
    },
    {
      id: 'moral',
      kind: 'moral',
      title: { zh: '平坦的最小值泛化得更好', en: 'Flat minima generalize better' },
      body: {
        zh: '训练和测试的误差表面稍有偏移，峡谷里的最小值就前功尽弃。小批量的噪声常把我们带到盆地里，不过为什么会这样，还是一个开放的研究问题。',
        en: 'When the testing surface is shifted a little, a minimum in a canyon is wasted. Small-batch noise tends to lead us to basins, but why is still an open research question.',
      },
    },
  ],
  claims: [
    {
      zh: '两个最小值的训练损失都约为 0.10（盆地 0.102，峡谷 0.101）。',
      en: 'Both minima have a training loss of about 0.10 (basin 0.102, canyon 0.101).',
    },
    {
      zh: 'η = 0.05 的梯度下降从 (1.3, 0.15) 停在峡谷的最小值：测试损失 0.74，盆地的最小值只有 0.15（讲义的 0.65 和 0.04 是没有 0.05‖w‖² 这一项的值）。',
      en: 'GD with η = 0.05 from (1.3, 0.15) stops at the canyon minimum: testing loss 0.74, against 0.15 at the basin minimum (docs/lectures.md’s 0.65 and 0.04 are without the 0.05‖w‖² term).',
    },
    {
      zh: '噪声标准差 3、在 3 000 步内退火到 0：种子 1 到 300 里约 270 个落进盆地（讲义 269/300），场景用的种子也落进盆地。',
      en: 'With noise std 3 annealed to 0 over 3,000 steps, about 270 of seeds 1 to 300 end in the basin (docs/lectures.md: 269/300), the scene’s seed among them.',
    },
  ],
}
