import { surfaceContours } from '../core/contours'
import { flatWidth } from '../core/landscape/flatWidth'
import { lossSlice } from '../core/landscape/lossSlice'
import { randomDirection } from '../core/landscape/randomDirection'
import { lossHessian, MAX_HESSIAN_PARAMS } from '../core/mlp/lossHessian'
import type { ClassifierConfig, Dataset, LayerWeights } from '../core/mlp/types'
import type { LandscapeRun, TrainLandscapeRequest } from './protocol/landscape'
import type { TrainRunKey } from './protocol/train'

/** One run as the landscape needs it: its config, data and current weights. */
export interface LandscapeSource {
  run: TrainRunKey
  epoch: number
  config: ClassifierConfig
  dataset: Dataset
  weights: LayerWeights[]
  /** The recorded weights up to `epoch`, ascending (epoch 0 first): the PCA planes' path and interpolation. */
  path?: () => { epochs: number[]; weights: LayerWeights[][] }
}

/**
 * One run's landscape: the n×n `lossSlice` over [−span, span]² along randomDirection(θ, seed) and
 * randomDirection(θ, seed + 1), its contours (log-spaced when the range spans decades), the loss at the
 * center, λmax of the full loss Hessian, and the flat widths on the two lines through the center.
 */
export function landscapeOf(source: LandscapeSource, request: TrainLandscapeRequest): LandscapeRun {
  const { weights } = source
  const { seed, span } = request
  const d1 = randomDirection(weights, seed)
  const d2 = randomDirection(weights, (seed + 1) >>> 0)
  return landscapeAlong(source, [d1, d2], span, request)
}

/**
 * The landscape of one run along the given directions d₁, d₂ over [−span, span]² with `request.n` nodes per
 * axis: the slice, its contours, the center's loss, λmax and the flat widths (see `landscapeOf`).
 */
export function landscapeAlong(
  source: LandscapeSource,
  [d1, d2]: [LayerWeights[], LayerWeights[]],
  span: number,
  request: Pick<TrainLandscapeRequest, 'n' | 'contours'>,
): LandscapeRun {
  const { config, dataset, weights } = source
  const { n } = request
  const axis = { min: -span, max: span, n }
  const slice = lossSlice({ config, dataset, center: weights, directions: [d1, d2], alpha: axis, beta: axis })
  const values = slice.loss
  let min = Infinity
  let max = -Infinity
  for (const v of values) {
    if (!Number.isFinite(v)) continue
    if (v < min) min = v
    if (v > max) max = v
  }
  if (min > max) min = max = NaN
  const contours = surfaceContours({ values, nx: n, ny: n, min, max }, request.contours, true)
  const mid = (n - 1) >> 1
  const rowAlpha = values.subarray(mid * n, mid * n + n)
  const colBeta = Float64Array.from({ length: n }, (_, j) => values[j * n + mid])
  let lambdaMax = NaN
  const params = weights.reduce((s, l) => s + l.b.length * (l.W.length + 1), 0)
  if (params <= MAX_HESSIAN_PARAMS && !config.batchNorm) {
    const h = lossHessian(config, dataset, weights)
    lambdaMax = h.eigenvalues[h.eigenvalues.length - 1]
  }
  return {
    run: source.run,
    epoch: source.epoch,
    values,
    min,
    max,
    contours,
    centerLoss: values[mid * n + mid],
    lambdaMax,
    width: [flatWidth(rowAlpha, slice.alpha), flatWidth(colBeta, slice.beta)],
  }
}
