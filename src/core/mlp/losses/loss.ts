import type { LossKind, MlpChoice } from '../types'

/** What the UI shows of a loss: its id, names and TeX (the `*.meta.ts` files). */
export type LossMeta = MlpChoice<LossKind>

/**
 * A data term ℓ(z, y) of the output unit's pre-activation z and the label y ∈ {0, 1}. `sigmoidOutput` says
 * whether the network's output is σ(z) (output 'sigmoid') or z itself (output 'linear'). The batch loss is the
 * mean (1/B)·Σℓ.
 */
export interface Loss extends LossMeta {
  /** Σ_k ℓ(z[k], y[k]) over k < count. */
  sum(z: Float64Array, y: Float64Array, count: number, sigmoidOutput: boolean): number
  /** Same sum, and writes dz[k] = scale·∂ℓ/∂z[k] (scale = 1/B makes it the gradient of the batch mean). */
  gradient(
    z: Float64Array,
    y: Float64Array,
    count: number,
    sigmoidOutput: boolean,
    scale: number,
    dz: Float64Array,
  ): number
}
