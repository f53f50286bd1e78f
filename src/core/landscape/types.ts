import type { ClassifierConfig, Dataset, LayerWeights } from '../mlp/types'

/** An evenly spaced axis: n values from min to max inclusive, value i = min + i·(max − min)/(n − 1). */
export interface AxisSpec {
  min: number
  max: number
  n: number
}

/** What `lossSlice` evaluates: the network of `config` on `dataset` around `center`, along two directions. */
export interface LossSliceSpec {
  config: ClassifierConfig
  dataset: Dataset
  center: LayerWeights[]
  directions: [LayerWeights[], LayerWeights[]]
  alpha: AxisSpec
  beta: AxisSpec
}

/** A loss slice on an nα × nβ grid; the value at index j·nα + i is for (alpha[i], beta[j]). */
export interface LossSlice {
  alpha: Float64Array
  beta: Float64Array
  /** Data term + penalty (the `final.loss` of the trainer). */
  loss: Float64Array
  /** Data term alone. */
  dataLoss: Float64Array
  accuracy: Float64Array
}

/** What `lossLine` evaluates: the network on the segment (1 − t)·from + t·to. */
export interface LossLineSpec {
  config: ClassifierConfig
  dataset: Dataset
  from: LayerWeights[]
  to: LayerWeights[]
  t: AxisSpec
}

/** Loss along a line; value i is for t[i]. */
export interface LossLine {
  t: Float64Array
  loss: Float64Array
  dataLoss: Float64Array
  accuracy: Float64Array
}

/** The PCA plane of a training path (`trajectoryPlane`). */
export interface TrajectoryPlane {
  /** Two orthonormal directions (W and b of every layer together form a unit vector; they are orthogonal). */
  directions: [LayerWeights[], LayerWeights[]]
  /** Fraction of the offsets' total variance Σ‖θ_e − c‖² each direction explains (in [0, 1], sum ≤ 1). */
  explainedVariance: [number, number]
  /** Each recorded point's coordinates in the plane: alpha[e] = ⟨θ_e − c, d₁⟩, beta[e] = ⟨θ_e − c, d₂⟩. */
  alpha: Float64Array
  beta: Float64Array
}
