import { adamRule, adamStateKeys } from './adam.meta'
import type { ConventionRule } from './optimizerMeta'
import { defineOptimizerMeta, hyperParam } from './optimizerMeta'

const pytorch: ConventionRule = {
  rule: adamRule(
    '\\sqrt{\\hat v} + \\epsilon',
    '\\theta &\\leftarrow \\theta - \\eta_t\\, \\lambda_{\\mathrm{wd}}\\, \\theta \\\\ ',
  ),
  stateKeys: adamStateKeys,
  hyperParams: [
    hyperParam('lr', 1e-3),
    hyperParam('beta1', 0.9),
    hyperParam('beta2', 0.999),
    hyperParam('eps', 1e-8),
    hyperParam('weightDecay', 0.01),
  ],
  note: {
    en: 'Decoupled weight decay: θ shrinks by η_t·λ before the Adam step, instead of λθ joining g (and σ).',
    zh: '解耦的权重衰减：先把 θ 缩小 η_t·λ 倍，再做 Adam，而不是把 λθ 加进梯度（和 σ）里。',
  },
}

/** AdamW (PyTorch `torch.optim.AdamW`): decoupled weight decay, then the Adam step; PyTorch only. */
export const adamwMeta = defineOptimizerMeta({
  id: 'adamw',
  name: { en: 'AdamW', zh: 'AdamW' },
  conventions: { pytorch },
  teachingLr: 0.05,
  addOrder: 6,
  capabilities: { adaptive: true, decoupledWeightDecay: true },
})
