import type { ConventionRule, OptimizerEntry } from './optimizerEntry'
import { hyper, hyperParam } from './optimizerEntry'
import { adamRule, adamStateKeys, createAdamCore, adamKernel } from './adam'

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

/**
 * AdamW (PyTorch `torch.optim.AdamW`): θ ← θ − η_t·λ_wd·θ, then the Adam step with ε 1e−8 on the gradient
 * at the old θ. `weightDecay` is this decoupled λ_wd (default 0.01, PyTorch's). Defined for `pytorch` only:
 * TF.js has no AdamW and the lecture and the course do not write it, so other conventions are rejected by
 * validation; an omitted convention means `pytorch`. State as Adam's: `m`, `v`, `rate`.
 */
export const adamw: OptimizerEntry = {
  id: 'adamw',
  name: { en: 'AdamW', zh: 'AdamW' },
  conventions: { pytorch },
  create(spec, n) {
    return createAdamCore(spec, n, hyper(spec, 'eps'), 0, hyper(spec, 'weightDecay'))
  },
  run2d: (spec) => adamKernel(spec, hyper(spec, 'eps'), 0, hyper(spec, 'weightDecay')),
}
