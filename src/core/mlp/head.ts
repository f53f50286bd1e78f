import { crossEntropyGradient, crossEntropyTerm } from './losses/crossEntropy'
import { mseGradient, mseTerm } from './losses/mse'
import type { LossKind, OutputKind } from './types'

/**
 * The output unit's loss as a small integer, for the fused kernels (`shallow.ts`), which handle each row's z
 * inline instead of calling a `Loss` strategy per chunk: MSE on z (the course: the prediction is z itself),
 * MSE on σ(z), or cross-entropy in logits form (either output). The per-row formulas are the strategies' own
 * (`losses/`), so both paths round alike.
 */
export type HeadLoss = 0 | 1 | 2
export const MSE_LINEAR: HeadLoss = 0
export const MSE_SIGMOID: HeadLoss = 1
export const CROSS_ENTROPY: HeadLoss = 2

/** The code of a (loss, output) pair. */
export function headLoss(loss: LossKind, output: OutputKind): HeadLoss {
  if (loss === 'cross-entropy') return CROSS_ENTROPY
  return output === 'sigmoid' ? MSE_SIGMOID : MSE_LINEAR
}

/** ℓ(z, y) of one row. */
export function rowTerm(head: HeadLoss, z: number, y: number): number {
  return head === CROSS_ENTROPY ? crossEntropyTerm(z, y) : mseTerm(z, y, head === MSE_SIGMOID)
}

/** scale·∂ℓ/∂z of one row. */
export function rowGradient(head: HeadLoss, z: number, y: number, scale: number): number {
  return head === CROSS_ENTROPY
    ? crossEntropyGradient(z, y, scale)
    : mseGradient(z, y, head === MSE_SIGMOID, scale)
}

/**
 * 1 when the prediction (z for MSE_LINEAR, σ(z) otherwise: what `predict` returns) falls on the label's side
 * of 0.5, else 0.
 */
export function rowCorrect(head: HeadLoss, z: number, y: number): number {
  const p = head === MSE_LINEAR ? z : 1 / (1 + Math.exp(-z))
  return p > 0.5 === y > 0.5 ? 1 : 0
}
