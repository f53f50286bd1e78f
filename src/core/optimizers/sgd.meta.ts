import type { Convention } from '../types'
import type { ConventionRule } from './optimizerMeta'
import { defineOptimizerMeta, hyperParam, weightDecayParam } from './optimizerMeta'

const rule: ConventionRule = {
  rule: '\\theta \\leftarrow \\theta - \\eta_t\\, g',
  stateKeys: [],
  hyperParams: [hyperParam('lr', 0.01), weightDecayParam],
  note: {
    en: 'Vanilla gradient descent: every parameter moves by the same η_t times its own slope.',
    zh: '一般梯度下降：每个参数都用同一个 η_t 乘上自己的斜率。',
  },
}
const pytorchRule: ConventionRule = { ...rule, hyperParams: [hyperParam('lr', 1e-3), weightDecayParam] }

/**
 * Plain (stochastic) gradient descent, the same in every convention: θ ← θ − η_t·g. η default (UI):
 * PyTorch's 1e−3, 0.01 elsewhere (TF.js and the course require one); 0.01 for a new racer (the lecture's).
 */
export const sgdMeta = defineOptimizerMeta({
  id: 'sgd',
  name: { en: 'Gradient descent (SGD)', zh: '梯度下降（SGD）' },
  conventions: { lecture: rule, pytorch: pytorchRule, tensorflow: rule, course: rule } satisfies Record<
    Convention,
    ConventionRule
  >,
  teachingLr: 0.01,
  addOrder: 0,
  capabilities: {},
})
