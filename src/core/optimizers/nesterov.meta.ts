import type { ConventionRule, StateKeySpec } from './optimizerMeta'
import { defineOptimizerMeta, hyperParam, weightDecayParam } from './optimizerMeta'

const buffer: StateKeySpec = {
  key: 'm',
  name: { en: 'momentum buffer (sum of past gradients)', zh: '动量缓冲（过去梯度的加权和）' },
  tex: 'm',
}
const framework: ConventionRule = {
  rule: '\\begin{aligned} m &\\leftarrow \\lambda\\, m + g \\\\ \\theta &\\leftarrow \\theta - \\eta_t\\,(g + \\lambda\\, m) \\end{aligned}',
  stateKeys: [buffer],
  hyperParams: [hyperParam('lr', 0.01), hyperParam('momentum', 0.9), weightDecayParam],
  hasVelocity: true,
  note: {
    en: 'Nesterov looks ahead: the step uses the gradient plus the updated buffer, not the buffer alone.',
    zh: 'Nesterov 会“往前看”：这一步用的是梯度加上更新后的动量，而不只是动量。',
  },
}

/** Nesterov momentum in the frameworks' form (PyTorch `nesterov=True`, TF.js `useNesterov`) only. */
export const nesterovMeta = defineOptimizerMeta({
  id: 'nesterov',
  name: { en: 'Nesterov momentum', zh: 'Nesterov 动量法' },
  conventions: { pytorch: framework, tensorflow: framework },
  teachingLr: 0.05,
  addOrder: 5,
  capabilities: {},
})
