import type { Convention } from '../types'
import type { ConventionRule, StateKeySpec } from './optimizerMeta'
import { defineOptimizerMeta, hyperParam, rateKey, weightDecayParam } from './optimizerMeta'

/** The state keys of Adam and AdamW: raw moments m, v (PyTorch's exp_avg, exp_avg_sq) and the rate. */
export const adamStateKeys: readonly StateKeySpec[] = [
  { key: 'm', name: { en: 'first moment (momentum)', zh: '一阶矩（动量）' }, tex: 'm' },
  { key: 'v', name: { en: 'second moment (mean of g²)', zh: '二阶矩（g² 的平均）' }, tex: 'v' },
  rateKey('\\eta_t/\\sigma'),
]

const moments =
  'm &\\leftarrow \\beta_1 m + (1-\\beta_1)\\, g, \\quad v \\leftarrow \\beta_2 v + (1-\\beta_2)\\, g^2 \\\\ \\hat m &= \\frac{m}{1-\\beta_1^{\\,t+1}}, \\quad \\hat v = \\frac{v}{1-\\beta_2^{\\,t+1}} \\\\ '
/** TeX of the Adam step with the given σ; AdamW prepends its decay line. */
export const adamRule = (sigma: string, prefix = ''): string =>
  `\\begin{aligned} ${prefix}${moments}\\sigma &= ${sigma} \\\\ \\theta &\\leftarrow \\theta - \\frac{\\eta_t}{\\sigma}\\, \\hat m \\end{aligned}`

const params = (eps: number | undefined) => [
  hyperParam('lr', 0.01),
  hyperParam('beta1', 0.9),
  hyperParam('beta2', 0.999),
  ...(eps === undefined ? [] : [hyperParam('eps', eps)]),
  weightDecayParam,
]
const lecture: ConventionRule = {
  rule: adamRule('\\sqrt{\\hat v} + \\epsilon'),
  stateKeys: adamStateKeys,
  hyperParams: params(1e-8),
  note: {
    en: 'Adam = RMSProp + Momentum, bias-corrected (t counts from 1 inside β^t). The first step is ≈ η·sign(g).',
    zh: 'Adam = RMSProp + Momentum，并做偏差修正（β 的指数从 1 开始数）。第一步约等于 η·sign(g)。',
  },
}
const pytorch: ConventionRule = {
  ...lecture,
  hyperParams: [hyperParam('lr', 1e-3), ...params(1e-8).slice(1)],
}
const tensorflow: ConventionRule = {
  ...lecture,
  hyperParams: [hyperParam('lr', 1e-3), ...params(1e-7).slice(1)],
  note: {
    en: 'TF.js adds ε = 1e−7 after the root of the bias-corrected v̂ (not the Keras “ε-hat” form).',
    zh: 'TF.js 在偏差修正后的 v̂ 开根号之后加 ε = 1e−7（不是 Keras 的 “ε-hat” 写法）。',
  },
}
const course: ConventionRule = {
  rule: adamRule('\\sqrt{\\hat v}'),
  stateKeys: adamStateKeys,
  hyperParams: params(undefined),
  note: {
    en: 'The course’s hand-written Adam: bias-corrected, no ε.',
    zh: '北大课程手写的 Adam：有偏差修正，没有 ε。',
  },
}

/** Adam (Kingma & Ba), bias-corrected; ε per convention (none in the course). */
export const adamMeta = defineOptimizerMeta({
  id: 'adam',
  name: { en: 'Adam', zh: 'Adam' },
  conventions: { lecture, pytorch, tensorflow, course } satisfies Record<Convention, ConventionRule>,
  teachingLr: 0.05,
  addOrder: 3,
  capabilities: { adaptive: true },
})
