import type { RaceTrack } from '../../state/raceTrack'

/**
 * Which point and which update a formula card shows at the playhead. Update t is the one that leaves point t
 * (θᵗ → θᵗ⁺¹): it used g = ∇L(θᵗ) (`grad[2t..2t+1]`), η_t = `lr[t]`, and left the state `state[key][2t+i]`.
 */
export interface CardIndex {
  /** The point at the playhead, clamped to the points received (a diverged racer stops early). */
  point: number
  /** The update shown: the next one (leaving `point`) when computed, else the last one; null before any. */
  update: number | null
  /** True when `update` leaves `point` (what happens next), false when it is the last update, which led here. */
  next: boolean
}

/**
 * The card's indices for a track holding `count` points at playhead `cursor`: the NEXT update's values when
 * the worker has computed it (update `cursor` exists once point `cursor + 1` has arrived), else the last
 * update's; null when no point has arrived yet.
 */
export function pickUpdate(count: number, cursor: number): CardIndex | null {
  if (!(count > 0)) return null
  const last = count - 1
  const point = Math.max(0, Math.min(Number.isFinite(cursor) ? Math.floor(cursor) : 0, last))
  if (last === 0) return { point, update: null, next: false }
  return point < last ? { point, update: point, next: true } : { point, update: last - 1, next: false }
}

/** The values of update t of a track, per parameter (θ₁, θ₂), in the lecture's notation. */
export interface UpdateValues {
  /** θᵗ, the point the update leaves. */
  theta: [number, number]
  /** g, the (noisy) gradient it used. */
  grad: [number, number]
  /** η_t, the scheduled learning rate it used. */
  lr: number
  /** Δθ = θᵗ⁺¹ − θᵗ, the movement it made. */
  step: [number, number]
  /** Each requested state array after the update (m, σ, s, v, rate η_t/σ, …); undefined when not received. */
  state: ([number, number] | undefined)[]
}

/** Reads update t of `track` (t < count − 1) and the state arrays named by `stateKeys`, in that order. */
export function readUpdate(track: RaceTrack, t: number, stateKeys: readonly string[]): UpdateValues {
  return {
    theta: [track.x[t], track.y[t]],
    grad: [track.grad[2 * t], track.grad[2 * t + 1]],
    lr: track.lr[t],
    step: [track.x[t + 1] - track.x[t], track.y[t + 1] - track.y[t]],
    state: stateKeys.map((key) => {
      const buf = track.state[key]
      return buf === undefined || buf.length < 2 * t + 2 ? undefined : [buf[2 * t], buf[2 * t + 1]]
    }),
  }
}
