/**
 * The `train.interpolation` request (#12): Goodfellow et al.'s (2015) one-dimensional look at the lab's
 * networks, the loss and accuracy on straight lines in weight space, (1 − t)·θ_from + t·θ_to: from each run's
 * initial weights to its current ones, and from run a's current weights to run b's (without → with L2).
 */
import type { RequestOptions, RequestScoped, RunScoped } from './common'
import type { TrainRunKey } from './train'

/** Asks for the interpolation lines of session `runId`; answered by `train.interpolationResult`. */
export interface TrainInterpolationRequest extends RequestScoped, RunScoped {
  type: 'train.interpolation'
  /** t from `min` to `max` (−10 ≤ min < max ≤ 10) in n evenly spaced values, n in 3..MAX_INTERPOLATION_POINTS. */
  t: { min: number; max: number; n: number }
}

/** Most values of t per line. */
export const MAX_INTERPOLATION_POINTS = 401

/**
 * One line. `'a'`, `'b'`: run a's (b's) initial weights (t = 0) to its current weights (t = 1), under its own
 * config, so `loss` is its own objective (data term + its penalty). `'ab'`: run a's current weights (t = 0)
 * to run b's (t = 1), under run a's config; `dataLoss` is the data term both runs share.
 */
export interface InterpolationLine {
  id: TrainRunKey | 'ab'
  /** Epochs trained by the endpoints' runs when it was computed. */
  epoch: number
  t: Float64Array
  loss: Float64Array
  dataLoss: Float64Array
  accuracy: Float64Array
}

/** Reply to `TrainInterpolationRequest`; no `'ab'` line when the two networks' weights differ in shape. */
export interface TrainInterpolationReply extends RequestScoped, RunScoped {
  type: 'train.interpolationResult'
  lines: InterpolationLine[]
}

/** What the lab store asks the client for (implemented by `client.train.interpolation`). */
export interface InterpolationDriver {
  interpolation(
    payload: Pick<TrainInterpolationRequest, 't'>,
    options?: RequestOptions,
  ): Promise<TrainInterpolationReply>
}
