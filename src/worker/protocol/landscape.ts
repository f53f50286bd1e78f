/**
 * The `train.landscape` request (#12): the loss landscapes of the lab's runs at their current weights, each
 * a slice L(θ + α·d₁ + β·d₂) along two filter-normalized random directions of one seed (the same seed for
 * both runs, each normalized to its own weights, as Li et al. compare networks), with its contour lines
 * traced in the worker and the numbers that say how the minima differ.
 */
import type { SurfaceContours } from '../../core/contours'
import type { RequestOptions, RequestScoped, RunScoped } from './common'
import type { TrainRunKey } from './train'

/** Asks for the landscape of every run of session `runId`; answered by `train.landscapeResult`. */
export interface TrainLandscapeRequest extends RequestScoped, RunScoped {
  type: 'train.landscape'
  /** Seed of the directions (d₁ from seed, d₂ from seed + 1), an integer in 0..2³²−1. */
  seed: number
  /** α, β ∈ [−span, span], span in (0, 10]. */
  span: number
  /** Nodes per axis, odd (the center is the middle node), 5..MAX_LANDSCAPE_NODES. */
  n: number
  /** Contour levels to trace, 1..MAX_CONTOUR_LEVELS. */
  contours: number
  /**
   * 'random' (default): the shared random directions above. 'pca': each run on the PCA plane of its own
   * recorded training path (`trajectoryPlane`), centered at its current weights, with `span` chosen by the
   * worker to hold the path (the request's span is used only when the path has no extent yet).
   */
  directions?: LandscapeDirections
}

/** How the landscapes' two directions are chosen. */
export type LandscapeDirections = 'random' | 'pca'

/** Most points of a projected training path (the recorded epochs are thinned evenly to this many). */
export const MAX_PATH_POINTS = 201

/**
 * A run's recorded training path on its PCA plane (`directions: 'pca'`): point k is the weights θ_k recorded
 * after epoch `epochs[k]` (0 = the initial weights), at coordinates α_k = ⟨θ_k − θ, d₁⟩, β_k = ⟨θ_k − θ, d₂⟩.
 */
export interface LandscapePath {
  /** Recorded epochs, ascending (thinned to at most MAX_PATH_POINTS; the last is the run's epoch). */
  epochs: Float64Array
  alpha: Float64Array
  beta: Float64Array
  /** The true loss L(θ_k) (data term + penalty, evaluation mode, every row). */
  loss: Float64Array
  /** The loss the plane gives the projection: L(θ + α_k·d₁ + β_k·d₂), what the slice shows there. */
  planeLoss: Float64Array
  /** Explained-variance ratios of d₁ and d₂ (`trajectoryPlane`). */
  explainedVariance: [number, number]
}

/** Largest side of a landscape grid. */
export const MAX_LANDSCAPE_NODES = 81

/** One run's landscape. */
export interface LandscapeRun {
  run: TrainRunKey
  /** Epochs trained when it was sampled. */
  epoch: number
  /** n×n losses (data term + penalty), row-major, row 0 at β = −span (the core's grid layout). */
  values: Float64Array
  min: number
  max: number
  contours: SurfaceContours
  /** Loss at the center (the current weights). */
  centerLoss: number
  /** Largest eigenvalue of the full loss Hessian at the center (`lossHessian`); NaN above its size limit. */
  lambdaMax: number
  /** Width along d₁ and d₂ of the region within 10% of the minimum on the lines through the center. */
  width: [number, number]
  /** This run's own α, β ∈ [−span, span] when it differs from the reply's (PCA planes). */
  span?: number
  /** The projected training path (PCA planes only). */
  path?: LandscapePath
}

/** Reply to `TrainLandscapeRequest`. */
export interface TrainLandscapeReply extends RequestScoped, RunScoped {
  type: 'train.landscapeResult'
  directions: LandscapeDirections
  seed: number
  span: number
  n: number
  runs: LandscapeRun[]
}

/** What the lab store asks the client for (implemented by `client.train.landscape`). */
export interface LandscapeDriver {
  landscape(
    payload: Pick<TrainLandscapeRequest, 'seed' | 'span' | 'n' | 'contours' | 'directions'>,
    options?: RequestOptions,
  ): Promise<TrainLandscapeReply>
}
