import { defaultConvention, optimizerMeta } from '../../core/meta'
import type { Convention, OptimizerKind, Vec2 } from '../../core/types'
import type { AffineScales } from '../../render/scales'

/** The parts of a race track the arrows read (a `RaceTrack` fits). */
export interface ArrowTrack {
  x: ArrayLike<number>
  y: ArrayLike<number>
  lr: ArrayLike<number>
  grad: ArrayLike<number>
  count: number
}

/** The lecture's momentum picture for one update, in parameter units, all drawn from `at`. */
export interface MomentumArrows {
  /** θᵗ, the point the update started from. */
  at: Vec2
  /** −ηₜ·gᵗ: the step plain gradient descent would take (red, dashed). */
  negGrad: Vec2
  /** The part of the step carried over from earlier movement, λmᵗ (blue, dashed); [0, 0] when there is none. */
  prevMove: Vec2
  /** θᵗ⁺¹ − θᵗ: the movement actually made (blue, solid). */
  newMove: Vec2
}

/**
 * True when the optimizer's step is exactly "negative gradient + a carried-over movement", so that the
 * difference Δθ − (−ηg) is the lecture's λm; the meta of the kind's convention says so (`hasVelocity`):
 * momentum in the lecture's form (m ← λm − ηg, θ ← θ + m) and the frameworks' (θ ← θ − η(λb + g), where it
 * is −ηλb), and Nesterov (−ηλm with the new m). The course's averaged momentum scales g by (1 − β), and
 * adaptive optimizers divide by σ, so for them the difference is no movement.
 */
export function hasCarriedMovement(kind: OptimizerKind, convention: Convention | undefined): boolean {
  const meta = optimizerMeta[kind]
  if (meta === undefined) return false
  return meta.conventions[convention ?? defaultConvention(kind)]?.hasVelocity === true
}

/**
 * The arrows of the update that produced the current point: at step `cursor` (the point after `cursor`
 * updates) that is update t = cursor − 1, from θᵗ to θᵗ⁺¹ = the current point, with ηₜ = lr[t] and the gradient
 * the update used, g = grad[2t..2t+1] (noise included). The worker computes only as far as the playhead, so the
 * next update is not known yet; the step just taken always is. Null at the start point (no update yet) and for
 * non-finite values (a diverged run).
 */
export function momentumArrows(
  track: ArrowTrack,
  cursor: number,
  kind: OptimizerKind,
  convention: Convention | undefined,
): MomentumArrows | null {
  const c = Math.min(Math.floor(cursor), track.count - 1)
  const t = c - 1
  if (t < 0 || t >= track.lr.length || 2 * t + 1 >= track.grad.length) return null
  const at: Vec2 = [track.x[t], track.y[t]]
  const newMove: Vec2 = [track.x[c] - at[0], track.y[c] - at[1]]
  const eta = track.lr[t]
  const negGrad: Vec2 = [-eta * track.grad[2 * t], -eta * track.grad[2 * t + 1]]
  const prevMove: Vec2 = hasCarriedMovement(kind, convention)
    ? [newMove[0] - negGrad[0], newMove[1] - negGrad[1]]
    : [0, 0]
  const all = [...at, ...newMove, ...negGrad, ...prevMove]
  return all.every(Number.isFinite) ? { at, negGrad, prevMove, newMove } : null
}

/**
 * How to scale the arrows on screen: true size (1) when the longest of them is between `minPx` and `maxPx`
 * pixels, so the solid arrow ends exactly on the current point; otherwise 'auto' (the longest drawn 70 px),
 * because real steps are often a pixel or less, or longer than the view.
 */
export function arrowScale(
  arrows: MomentumArrows,
  scales: AffineScales,
  minPx = 20,
  maxPx = 160,
): number | 'auto' {
  const px = (v: Vec2): number => Math.hypot(scales.kx * v[0], scales.ky * v[1])
  const longest = Math.max(px(arrows.negGrad), px(arrows.prevMove), px(arrows.newMove))
  return longest >= minPx && longest <= maxPx ? 1 : 'auto'
}

/** Below this many px at true size the longest arrow means "the ball has stopped": no arrows are drawn. */
export const STOPPED_PX = 0.5

/**
 * What the arrows on screen mean, for the legend: drawn to scale; scaled by `factor` (on-screen length ÷ true
 * length, rounded for display by the caller); or not drawn because the step is under `STOPPED_PX` at true size
 * (at step 400 of the momentum scene g ≈ 10⁻¹⁴: 70-px arrows on a ball that no longer moves would lie).
 */
export type ArrowNote = { kind: 'true' } | { kind: 'scaled'; factor: number } | { kind: 'stopped' }

/** The note for these arrows in this view, with `autoPx` the length 'auto' gives the longest arrow. */
export function arrowNote(arrows: MomentumArrows, scales: AffineScales, autoPx = 70): ArrowNote {
  const px = (v: Vec2): number => Math.hypot(scales.kx * v[0], scales.ky * v[1])
  const longest = Math.max(px(arrows.negGrad), px(arrows.prevMove), px(arrows.newMove))
  if (!(longest >= STOPPED_PX)) return { kind: 'stopped' }
  const scale = arrowScale(arrows, scales)
  return scale === 1 ? { kind: 'true' } : { kind: 'scaled', factor: autoPx / longest }
}
