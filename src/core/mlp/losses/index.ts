import type { LossKind, OutputKind } from '../types'
import type { Loss } from './loss'
import { mse } from './mse'
import { crossEntropy } from './crossEntropy'

export type { Loss, LossMeta } from './loss'
export { lossMetas, lossIds } from './meta'

/** Registry of data terms with their kernels, in UI order (`lossIds`, ./meta.ts). */
export const losses: Record<LossKind, Loss> = { mse, 'cross-entropy': crossEntropy }

/**
 * The network's prediction from the output pre-activation z: z itself for a linear output trained with MSE
 * (the course), σ(z) otherwise (a sigmoid output, or the probability a logits-form cross-entropy implies).
 * Class 1 when the prediction is > 0.5, so the decision boundary is always its 0.5 contour.
 */
export function toPrediction(z: number, output: OutputKind, loss: LossKind): number {
  return output === 'linear' && loss === 'mse' ? z : 1 / (1 + Math.exp(-z))
}
