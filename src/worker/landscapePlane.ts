import { createNetEvaluator } from '../core/landscape/netEvaluator'
import { flatten, flattenDirection } from '../core/landscape/netWeights'
import { trajectoryPlane } from '../core/landscape/trajectoryPlane'
import type { LayerWeights } from '../core/mlp/types'
import { landscapeAlong } from './landscapeReply'
import type { LandscapeSource } from './landscapeReply'
import { MAX_PATH_POINTS } from './protocol/landscape'
import type { LandscapeRun, TrainLandscapeRequest } from './protocol/landscape'

/** How far past the path's farthest point the plane reaches (the path never touches the frame). */
const SPAN_MARGIN = 1.25

/** At most `max` entries of a path, evenly spaced by index, the first and the last always kept. */
export function thinPath<T>(epochs: readonly number[], items: readonly T[], max: number): [number[], T[]] {
  const m = epochs.length
  if (m <= max) return [epochs.slice(), items.slice()]
  const picks = Array.from({ length: max }, (_, k) => Math.round((k * (m - 1)) / (max - 1)))
  return [picks.map((i) => epochs[i]), picks.map((i) => items[i])]
}

/**
 * The run's recorded path up to its epoch (`source.path`), thinned to MAX_PATH_POINTS, closed by the current
 * weights when the record skipped its epoch (a stride > 1).
 */
export function pathOf(source: LandscapeSource): { epochs: number[]; weights: LayerWeights[][] } {
  const recorded = source.path?.() ?? { epochs: [], weights: [] }
  let { epochs, weights } = recorded
  if (epochs.length === 0 || epochs[epochs.length - 1] < source.epoch) {
    epochs = [...epochs, source.epoch]
    weights = [...weights, source.weights]
  }
  const [e, w] = thinPath(epochs, weights, MAX_PATH_POINTS)
  return { epochs: e, weights: w }
}

/**
 * One run's landscape on the PCA plane of its own training path (Li et al., 2018, §7): d₁, d₂ =
 * `trajectoryPlane(path, θ)` with θ the current weights, the slice L(θ + α·d₁ + β·d₂) over [−s, s]² where
 * s = 1.25 · max_k max(|α_k|, |β_k|) (the request's span while the path is a single point), and the path's
 * honesty check: at every path point the true loss L(θ_k) (its own batch-norm statistics) and the loss the
 * plane gives its projection, L(θ + α_k·d₁ + β_k·d₂) (the center's statistics, as the slice). The two agree
 * only where the path lies in the plane.
 */
export function planeLandscapeOf(source: LandscapeSource, request: TrainLandscapeRequest): LandscapeRun {
  const { epochs, weights } = pathOf(source)
  const plane = trajectoryPlane(weights, source.weights)
  let reach = 0
  for (let k = 0; k < epochs.length; k++)
    reach = Math.max(reach, Math.abs(plane.alpha[k]), Math.abs(plane.beta[k]))
  const span = reach > 0 ? SPAN_MARGIN * reach : request.span
  const run = landscapeAlong(source, plane.directions, span, request)

  const ev = createNetEvaluator(source.config, source.dataset)
  const center = flatten(ev.layout, source.weights)
  const u = flattenDirection(ev.layout, plane.directions[0])
  const v = flattenDirection(ev.layout, plane.directions[1])
  const m = epochs.length
  const loss = new Float64Array(m)
  const planeLoss = new Float64Array(m)
  const out = new Float64Array(3)
  const theta = new Float64Array(center.params.length)
  for (let k = 0; k < m; k++) {
    const own = flatten(ev.layout, weights[k])
    ev.stats.set(own.stats)
    ev.evaluate(own.params, out)
    loss[k] = out[0]
    ev.stats.set(center.stats)
    const a = plane.alpha[k]
    const b = plane.beta[k]
    for (let i = 0; i < theta.length; i++) theta[i] = center.params[i] + a * u[i] + b * v[i]
    ev.evaluate(theta, out)
    planeLoss[k] = out[0]
  }
  return {
    ...run,
    span,
    path: {
      epochs: Float64Array.from(epochs),
      alpha: plane.alpha,
      beta: plane.beta,
      loss,
      planeLoss,
      explainedVariance: plane.explainedVariance,
    },
  }
}

/** The buffers of a landscape run to transfer (values and, on a PCA plane, the path's arrays). */
export function pathBuffers(run: LandscapeRun): ArrayBuffer[] {
  const p = run.path
  if (p === undefined) return []
  return [p.epochs, p.alpha, p.beta, p.loss, p.planeLoss].map((a) => a.buffer as ArrayBuffer)
}
