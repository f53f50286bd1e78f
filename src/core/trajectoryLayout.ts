/**
 * The layout of a 2D run's recorded arrays, declared once for the three places that hold them: the core's
 * `Trajectory` (a whole run), the worker's `RacerFrame` (a chunk of new points) and the store's `RaceTrack`
 * (the points received so far). Plain data, so the main thread imports it as freely as `core/types`.
 *
 * Points are indexed k = 0, 1, …: point 0 is the start, point k the position after update k. Updates are
 * indexed t = 0, 1, …: update t moves point t to point t + 1, so n points were made by n − 1 updates and the
 * update arrays are one shorter than the point arrays. Per-parameter update arrays (`grad`, every `state`
 * entry) interleave the two parameters: entry 2t + i belongs to parameter i (0 = x, 1 = y) of update t.
 */
export interface TrajectoryArrays {
  /** θ₁ of each point. */
  x: Float64Array
  /** θ₂ of each point. */
  y: Float64Array
  /** L(x, y) at each point. */
  loss: Float64Array
  /** ‖∇L(x, y)‖ at each point, the true gradient (the lecture's "stuck ≠ small gradient" chart). */
  gradNorm: Float64Array
  /** η_t, the learning rate update t used. */
  lr: Float64Array
  /** The (noisy) gradient update t used, interleaved [gx, gy]. */
  grad: Float64Array
  /**
   * The optimizer's internal state after each update, by name (m, σ, v, …), interleaved per parameter:
   * `state.m[2t + i]` is m of parameter i after update t, the value that made point t + 1.
   */
  state: Record<string, Float64Array>
  /**
   * L_test(x, y) at each point, on the surface meta's `testSurface` (canyon vs basin); absent when the surface
   * has none. A point array like `loss`.
   */
  testLoss?: Float64Array
}

/** Parameters of a 2D run: the stride of the interleaved update arrays. */
export const TRAJECTORY_PARAMS = 2

/** Updates recorded with `points` points: points − 1 (none before the start point exists). */
export function updatesOf(points: number): number {
  return Math.max(0, points - 1)
}

/**
 * The updates that produced points `from .. from + count − 1`: updates `first .. end − 1`. Update t makes
 * point t + 1 and the start point has none, so a chunk from 0 holds one update fewer than points, and a
 * later chunk as many. Appending chunk after chunk in order therefore rebuilds the whole run's layout.
 */
export function updatesOfPoints(from: number, count: number): { first: number; end: number } {
  const first = Math.max(from - 1, 0)
  return { first, end: Math.max(from + count - 1, first) }
}
