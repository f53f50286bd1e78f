import type { OptimizerSpec, ScheduleSpec, Vec2 } from '../types'

/** One axis of a basin map's starts: n points from min to max inclusive (n = 1: min alone). */
export interface BasinAxis {
  min: number
  max: number
  n: number
}

/** What `basinMap` computes: every start of a grid run like `runTrajectory` (no noise). Plain data. */
export interface BasinMapSpec {
  surface: string
  optimizer: OptimizerSpec
  schedule?: ScheduleSpec
  /** Updates per start, 1..`MAX_BASIN_STEPS`. */
  steps: number
  x: BasinAxis
  y: BasinAxis
  /** Euclidean distance within which a point counts as at a listed minimum (> 0, finite). */
  tolerance: number
}

/** A start's outcome in `BasinMap.minimum`: a listed minimum's index, or one of these. */
export const BASIN_NONE = -1
export const BASIN_DIVERGED = -2

/** The result of `basinMap`, row-major with y outer: cell k = j·x.n + i is the start (xᵢ, yⱼ). */
export interface BasinMap {
  /** The index into `minima` of the minimum the final point lies within tolerance of, −1 none, −2 diverged. */
  minimum: Int32Array
  /**
   * For a minimum: the index of the first point (0 = the start) within tolerance of that minimum. For −2:
   * the run's `divergedAt`. For −1: −1.
   */
  steps: Int32Array
  /** The surface's listed minima (`SurfaceMeta.minima`), in their order. */
  minima: Vec2[]
  x: BasinAxis
  y: BasinAxis
}
