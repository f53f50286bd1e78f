import type { Layout } from './layout'
import type { Regularization } from './types'

/**
 * The regularization term over the weight matrices only (biases and batch-norm γ/β carry no penalty: "bias has
 * nothing to do with smoothness", Li Hongyi): L2 = λ·½Σw² (TF `l2_loss`, the PKU course), L1 = λ·Σ|w|.
 */
export function penaltyValue(reg: Regularization, params: Float64Array, layout: Layout): number {
  if (reg.kind === 'none') return 0
  let total = 0
  for (let l = 0; l < layout.layers; l++) {
    const start = layout.wOff[l]
    const end = start + layout.sizes[l] * layout.sizes[l + 1]
    if (reg.kind === 'l2') for (let k = start; k < end; k++) total += params[k] * params[k]
    else for (let k = start; k < end; k++) total += Math.abs(params[k])
  }
  return reg.kind === 'l2' ? 0.5 * reg.lambda * total : reg.lambda * total
}

/**
 * Adds the penalty's gradient to `grad`: λ·w for L2 (the update w ← (1 − ηλ)w − η∂L/∂w, "weight decay"), and
 * the subgradient λ·sign(w) for L1, with sign(0) = 0.
 */
export function addPenaltyGradient(
  reg: Regularization,
  params: Float64Array,
  grad: Float64Array,
  layout: Layout,
): void {
  if (reg.kind === 'none') return
  const lambda = reg.lambda
  for (let l = 0; l < layout.layers; l++) {
    const start = layout.wOff[l]
    const end = start + layout.sizes[l] * layout.sizes[l + 1]
    if (reg.kind === 'l2') {
      for (let k = start; k < end; k++) grad[k] += lambda * params[k]
    } else {
      for (let k = start; k < end; k++) {
        const w = params[k]
        grad[k] += w > 0 ? lambda : w < 0 ? -lambda : 0
      }
    }
  }
}
