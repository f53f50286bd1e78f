import type { Convention } from '../types'
import type { ConventionRule, StateKeySpec } from './optimizerMeta'
import { defineOptimizerMeta, hyperParam, rateKey, weightDecayParam } from './optimizerMeta'

const sigma: StateKeySpec = {
  key: 'sigma',
  name: { en: 'root mean square of past gradients', zh: '过去梯度的均方根' },
  tex: '\\sigma_t',
}
const sum: StateKeySpec = { key: 's', name: { en: 'sum of squared gradients', zh: '梯度平方和' }, tex: 's' }
const rate = rateKey('\\eta_t/\\sigma')

const lecture: ConventionRule = {
  rule: '\\begin{aligned} \\sigma_t &= \\sqrt{\\tfrac{1}{t+1}\\textstyle\\sum_{\\tau=0}^{t} g_\\tau^2} \\\\ \\theta &\\leftarrow \\theta - \\frac{\\eta_t}{\\sigma_t}\\, g \\end{aligned}',
  stateKeys: [sigma, rateKey('\\eta_t/\\sigma_t')],
  hyperParams: [hyperParam('lr', 0.1), weightDecayParam],
  note: {
    en: 'σ is the root mean square of all past gradients (σ₀ = |g₀|, so the first step is η·sign(g)); no ε and no built-in 1/√t decay.',
    zh: 'σ 是过去所有梯度的均方根（σ₀ = |g₀|，第一步正好是 η·sign(g)）；没有 ε，也没有内建的 1/√t 衰减。',
  },
}
const pytorch: ConventionRule = {
  rule: '\\begin{aligned} s &\\leftarrow s + g^2 \\\\ \\sigma &= \\sqrt{s} + \\epsilon \\\\ \\theta &\\leftarrow \\theta - \\frac{\\eta_t}{\\sigma}\\, g \\end{aligned}',
  stateKeys: [sum, rate],
  hyperParams: [
    hyperParam('lr', 0.01),
    hyperParam('initialAccumulator', 0),
    hyperParam('eps', 1e-10),
    weightDecayParam,
  ],
  note: {
    en: 'A sum, not a mean: the effective rate decays like 1/√t by itself. ε is added outside the root.',
    zh: '累加而不是平均：有效学习率自己就会像 1/√t 一样衰减。ε 加在根号外。',
  },
}
const tensorflow: ConventionRule = {
  rule: '\\begin{aligned} s &\\leftarrow s + g^2 \\\\ \\sigma &= \\sqrt{s + \\epsilon} \\\\ \\theta &\\leftarrow \\theta - \\frac{\\eta_t}{\\sigma}\\, g \\end{aligned}',
  stateKeys: [sum, rate],
  hyperParams: [
    hyperParam('lr', 0.01),
    hyperParam('initialAccumulator', 0.1),
    hyperParam('eps', 1e-7),
    weightDecayParam,
  ],
  note: {
    en: 'TF.js starts the accumulator at 0.1 and puts ε inside the root, so early steps are smaller than PyTorch’s.',
    zh: 'TF.js 的累加器从 0.1 开始，ε 放在根号里，所以前几步比 PyTorch 的小。',
  },
}
const course: ConventionRule = {
  rule: '\\begin{aligned} s &\\leftarrow s + g^2 \\\\ \\sigma &= \\sqrt{s} \\\\ \\theta &\\leftarrow \\theta - \\frac{\\eta_t}{\\sigma}\\, g \\end{aligned}',
  stateKeys: [sum, rate],
  hyperParams: [hyperParam('lr', 0.1), weightDecayParam],
  note: {
    en: 'The course’s hand-written Adagrad: the plain sum of squares, no ε.',
    zh: '北大课程手写的 Adagrad：直接累加梯度平方，没有 ε。',
  },
}

/** Adagrad: a per-parameter rate η_t/σ from the history of squared gradients (docs/conventions.md). */
export const adagradMeta = defineOptimizerMeta({
  id: 'adagrad',
  name: { en: 'Adagrad', zh: 'Adagrad' },
  conventions: { lecture, pytorch, tensorflow, course } satisfies Record<Convention, ConventionRule>,
  teachingLr: 0.05,
  addOrder: 4,
  capabilities: { adaptive: true },
  cardNotes: [
    {
      id: 'adagradInverseSqrt',
      when: { convention: 'lecture', schedule: 'inverse-sqrt' },
      text: {
        en: "With η_t = η/√(t+1) this RMS Adagrad is exactly the 2017 lecture's Adagrad, which divides by the root of the plain sum of squares.",
        zh: '配上 η_t = η/√(t+1)，这个均方根版 Adagrad 就和 2017 年课程的 Adagrad（除以梯度平方和的平方根）完全相同。',
      },
    },
  ],
})
