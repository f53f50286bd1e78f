import { adamKernel, createAdamCore } from './adam'
import { adamwMeta } from './adamw.meta'
import type { OptimizerEntry } from './optimizerEntry'
import { hyper } from './optimizerEntry'

/**
 * AdamW (PyTorch `torch.optim.AdamW`): θ ← θ − η_t·λ_wd·θ, then the Adam step with ε 1e−8 on the gradient
 * at the old θ. `weightDecay` is this decoupled λ_wd (default 0.01, PyTorch's). Defined for `pytorch` only:
 * TF.js has no AdamW and the lecture and the course do not write it, so other conventions are rejected by
 * validation; an omitted convention means `pytorch`. State as Adam's: `m`, `v`, `rate`.
 */
export const adamw: OptimizerEntry = {
  ...adamwMeta,
  create(spec, n) {
    return createAdamCore(spec, n, hyper(spec, 'eps'), 0, hyper(spec, 'weightDecay'))
  },
  run2d: (spec) => adamKernel(spec, hyper(spec, 'eps'), 0, hyper(spec, 'weightDecay')),
}
