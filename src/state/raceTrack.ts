import type { TrajectoryArrays } from '../core/trajectoryLayout'
import { TRAJECTORY_PARAMS, updatesOfPoints } from '../core/trajectoryLayout'
import type { DivergenceKind, RunStatus } from '../core/types'
import type { RacerFrame } from '../worker/protocol'

/**
 * The received part of one racer's trajectory, in the layout of `TrajectoryArrays` (core/trajectoryLayout.ts):
 * point arrays (x, y, loss, gradNorm) hold `count` valid entries, update arrays (lr; grad and each state
 * array interleaved per parameter) hold `count − 1`.
 *
 * Buffers are preallocated for the whole race (steps + 1 points) rather than grown by doubling: the size is
 * known when the race starts, so appending a frame never copies and never allocates. For 6 racers × 100,000
 * steps the ~11 arrays cost at most ~53 MB, the same as a doubled buffer's final size. If a worker ever sends
 * more than announced the buffers double instead of dropping data; readers must therefore fetch `track.x`
 * afresh on each paint rather than keep the array.
 *
 * Tracks are mutable on purpose (zustand "transient updates"): the store swaps no object per frame and only
 * bumps its `version`, so canvases repaint through `store.subscribe` and React re-renders nothing.
 */
export interface RaceTrack extends TrajectoryArrays {
  readonly id: string
  /** Points received so far (index 0 is the start point). */
  count: number
  /** Points the buffers can hold. */
  capacity: number
  status: RunStatus
  /**
   * Once the worker reports divergence: the index of the first point that was not finite (`RacerFrame`'s
   * `divergedAt`), which is also the number of finite points the racer has.
   */
  divergedAt: number | null
  /** Once diverged: why (`RacerFrame`'s `divergence`), 'non-finite' when the worker did not say. */
  divergence: DivergenceKind | null
}

/** An empty track with room for `steps` updates (steps + 1 points). */
export function createRaceTrack(id: string, steps: number): RaceTrack {
  const capacity = Math.max(1, Math.floor(steps) + 1)
  const updates = capacity - 1
  return {
    id,
    count: 0,
    capacity,
    x: new Float64Array(capacity),
    y: new Float64Array(capacity),
    loss: new Float64Array(capacity),
    gradNorm: new Float64Array(capacity),
    lr: new Float64Array(updates),
    grad: new Float64Array(TRAJECTORY_PARAMS * updates),
    state: Object.create(null) as Record<string, Float64Array>,
    status: 'ok',
    divergedAt: null,
    divergence: null,
  }
}

/**
 * Writes a chunk of new points into the track at `chunk.from` (so a repeated chunk is harmless) and returns
 * true, or returns false and changes nothing when the chunk would leave a gap after the received points.
 * The number of new points is `chunk.count` when the arrays are at least that long (arrays may be padded),
 * else the arrays' length; update arrays hold the updates that made those points (`updatesOfPoints`).
 */
export function appendRaceChunk(track: RaceTrack, chunk: RacerFrame): boolean {
  const from = chunk.from
  if (!Number.isInteger(from) || from < 0 || from > track.count) return false
  const n =
    Number.isInteger(chunk.count) && chunk.count >= 0 && chunk.count <= chunk.x.length
      ? chunk.count
      : chunk.x.length
  const updates = updatesOfPoints(from, n)
  const uFrom = updates.first
  const uLen = Math.min(updates.end - updates.first, chunk.lr.length)
  ensureCapacity(track, Math.max(from + n, uFrom + uLen + 1))
  copyInto(track.x, from, chunk.x, n)
  copyInto(track.y, from, chunk.y, n)
  copyInto(track.loss, from, chunk.loss, n)
  copyInto(track.gradNorm, from, chunk.gradNorm, n)
  copyInto(track.lr, uFrom, chunk.lr, uLen)
  copyInto(track.grad, TRAJECTORY_PARAMS * uFrom, chunk.grad, TRAJECTORY_PARAMS * uLen)
  if (chunk.testLoss !== undefined) {
    track.testLoss ??= new Float64Array(track.capacity).fill(NaN)
    copyInto(track.testLoss, from, chunk.testLoss, n)
  }
  for (const key of Object.keys(chunk.state)) {
    let buf = track.state[key]
    if (buf === undefined) buf = track.state[key] = new Float64Array(TRAJECTORY_PARAMS * (track.capacity - 1))
    copyInto(buf, TRAJECTORY_PARAMS * uFrom, chunk.state[key], TRAJECTORY_PARAMS * uLen)
  }
  track.count = Math.max(track.count, from + n)
  track.status = chunk.status
  track.divergedAt = chunk.status === 'diverged' && chunk.divergedAt !== undefined ? chunk.divergedAt : null
  track.divergence = chunk.status === 'diverged' ? (chunk.divergence ?? 'non-finite') : null
  return true
}

function copyInto(target: Float64Array, offset: number, src: ArrayLike<number>, len: number): void {
  const m = Math.min(len, src.length)
  if (m === src.length) target.set(src, offset)
  else if (src instanceof Float64Array) target.set(src.subarray(0, m), offset)
  else for (let i = 0; i < m; i++) target[offset + i] = src[i]
}

function ensureCapacity(track: RaceTrack, points: number): void {
  if (points <= track.capacity) return
  const capacity = Math.max(points, 2 * track.capacity)
  const grow = (a: Float64Array, size: number): Float64Array => {
    const b = new Float64Array(size)
    b.set(a)
    return b
  }
  track.x = grow(track.x, capacity)
  track.y = grow(track.y, capacity)
  track.loss = grow(track.loss, capacity)
  track.gradNorm = grow(track.gradNorm, capacity)
  if (track.testLoss !== undefined) track.testLoss = grow(track.testLoss, capacity)
  track.lr = grow(track.lr, capacity - 1)
  track.grad = grow(track.grad, TRAJECTORY_PARAMS * (capacity - 1))
  for (const key of Object.keys(track.state))
    track.state[key] = grow(track.state[key], TRAJECTORY_PARAMS * (capacity - 1))
  track.capacity = capacity
}
