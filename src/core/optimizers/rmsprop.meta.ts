import type { Convention } from '../types'
import type { ConventionRule, StateKeySpec } from './optimizerMeta'
import { defineOptimizerMeta, hyperParam, rateKey, weightDecayParam } from './optimizerMeta'

const sigma: StateKeySpec = {
  key: 'sigma',
  name: { en: 'RMS of recent gradients', zh: '近期梯度的均方根' },
  tex: '\\sigma_t',
}
const meanSquare = (key: string, tex: string): StateKeySpec => ({
  key,
  name: { en: 'moving average of squared gradients', zh: '梯度平方的移动平均' },
  tex,
})
const rate = rateKey('\\eta_t/\\sigma')

const lecture: ConventionRule = {
  rule: '\\begin{aligned} \\sigma_0 &= |g_0|, \\quad \\sigma_t = \\sqrt{\\alpha\\,\\sigma_{t-1}^2 + (1-\\alpha)\\, g_t^2} \\\\ \\theta &\\leftarrow \\theta - \\frac{\\eta_t}{\\sigma_t}\\, g \\end{aligned}',
  stateKeys: [sigma, rateKey('\\eta_t/\\sigma_t')],
  hyperParams: [hyperParam('lr', 0.01), hyperParam('rho', 0.9), weightDecayParam],
  note: {
    en: 'A small α trusts the fresh gradient, so σ reacts at once to a cliff. The first step is exactly η·sign(g); no ε.',
    zh: 'α 越小越看重新鲜的梯度，遇到陡坡 σ 立刻变大（踩刹车）。第一步正好是 η·sign(g)；没有 ε。',
  },
}
const pytorch: ConventionRule = {
  rule: '\\begin{aligned} v &\\leftarrow \\alpha\\, v + (1-\\alpha)\\, g^2, \\quad \\sigma = \\sqrt{v} + \\epsilon \\\\ m &\\leftarrow \\lambda\\, m + g/\\sigma \\\\ \\theta &\\leftarrow \\theta - \\eta_t\\, m \\end{aligned}',
  stateKeys: [
    meanSquare('v', 'v'),
    { key: 'm', name: { en: 'momentum buffer (λ = 0: g/σ)', zh: '动量缓冲（λ = 0 时即 g/σ）' }, tex: 'm' },
    rate,
  ],
  hyperParams: [
    hyperParam('lr', 0.01),
    hyperParam('rho', 0.99),
    hyperParam('eps', 1e-8),
    hyperParam('momentum', 0),
    weightDecayParam,
  ],
  note: {
    en: 'PyTorch averages with α = 0.99 (slow) and adds ε outside the root; its momentum buffer is off by default.',
    zh: 'PyTorch 的 α 默认 0.99（反应较慢），ε 加在根号外；动量默认关闭。',
  },
}
const tensorflow: ConventionRule = {
  rule: '\\begin{aligned} s &\\leftarrow \\alpha\\, s + (1-\\alpha)\\, g^2, \\quad \\sigma = \\sqrt{s + \\epsilon} \\\\ \\mathit{mom} &\\leftarrow \\lambda\\, \\mathit{mom} + \\frac{\\eta_t}{\\sigma}\\, g \\\\ \\theta &\\leftarrow \\theta - \\mathit{mom} \\end{aligned}',
  stateKeys: [
    meanSquare('ms', 's'),
    {
      key: 'mom',
      name: { en: 'momentum of the steps (λ = 0: the step)', zh: '步长的动量（λ = 0 时即这一步）' },
      tex: '\\mathit{mom}',
    },
    rate,
  ],
  hyperParams: [
    hyperParam('lr', 0.01),
    hyperParam('rho', 0.9),
    hyperParam('momentum', 0),
    hyperParam('eps', 1e-7),
    weightDecayParam,
  ],
  note: {
    en: 'TF.js (decay ρ = 0.9) puts ε inside the root and η inside its momentum accumulator.',
    zh: 'TF.js（衰减率 ρ = 0.9）把 ε 放在根号里，并把 η 放进它的动量累加器。',
  },
}
const course: ConventionRule = {
  rule: '\\begin{aligned} v &\\leftarrow \\beta\\, v + (1-\\beta)\\, g^2, \\quad \\sigma = \\sqrt{v} \\\\ \\theta &\\leftarrow \\theta - \\frac{\\eta_t}{\\sigma}\\, g \\end{aligned}',
  stateKeys: [meanSquare('v', 'v'), rate],
  hyperParams: [hyperParam('lr', 0.01), hyperParam('rho', 0.9, '\\beta'), weightDecayParam],
  note: {
    en: 'The course’s hand-written RMSProp: v starts at 0 (so the first step is η·sign(g)/√(1−β)), no ε.',
    zh: '北大课程手写的 RMSProp：v 从 0 开始（第一步是 η·sign(g)/√(1−β)），没有 ε。',
  },
}

/** RMSProp: the rate η_t/σ with σ from an exponential average of squared gradients. */
export const rmspropMeta = defineOptimizerMeta({
  id: 'rmsprop',
  name: { en: 'RMSProp', zh: 'RMSProp' },
  conventions: { lecture, pytorch, tensorflow, course } satisfies Record<Convention, ConventionRule>,
  teachingLr: 0.05,
  addOrder: 2,
  capabilities: { adaptive: true },
})
