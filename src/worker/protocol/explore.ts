/**
 * The explore family: views of the surface beyond a race. A progressive basin map (run-scoped:
 * `basin.start` → one `basin.level` per resolution, coarse first, until `done`; `basin.cancel` stops it),
 * the loss along a line (`slice` request) and the stability band along one racer's path (`stability`
 * request). Arrays arrive as transferred typed arrays.
 */
import type { BasinMapSpec } from '../../core/basins/types'
import type { TrajectorySpec, Vec2 } from '../../core/types'
import type { RequestOptions, RequestScoped, RunScoped } from './common'

/**
 * Starts basin maps (one or two, side by side) computed level by level: `sides[i]` starts per axis at level
 * i, increasing, each (side − 1) a multiple of the previous level's (side − 1), so every coarse start is also
 * a fine start and is not run again. Level i of every map comes before level i + 1 of any. `x.n`, `y.n` of
 * the specs are ignored (each level sets both to its side).
 */
export interface BasinStart extends RunScoped {
  type: 'basin.start'
  specs: BasinMapSpec[]
  sides: number[]
}

/** Stops the basin map of this run (nothing more is posted for it). */
export interface BasinCancel extends RunScoped {
  type: 'basin.cancel'
}

/** One finished level of a basin map: `BasinMap`'s arrays at side × side starts (row-major, y outer). */
export interface BasinLevel extends RunScoped {
  type: 'basin.level'
  /** Which of `BasinStart.specs`. */
  map: number
  level: number
  side: number
  minimum: Int32Array
  steps: Int32Array
  /** Starts actually run for this level (the rest were copied from coarser levels). */
  computed: number
  /** Milliseconds since `basin.start` arrived. */
  elapsedMs: number
  /** True for this map's last level. */
  done: boolean
}

/** Asks for L at n evenly spaced points from `from` to `to` (both included). */
export interface SliceRequest extends RequestScoped {
  type: 'slice'
  surface: string
  from: Vec2
  to: Vec2
  n: number
}

/** Reply to `SliceRequest`: values[i] = L(from + i/(n − 1)·(to − from)). */
export interface SliceReply extends RequestScoped {
  type: 'slice'
  values: Float64Array
}

/** Asks for the stability band (`stabilityBand` in the core) along the path of one trajectory spec. */
export interface StabilityRequest extends RequestScoped {
  type: 'stability'
  spec: TrajectorySpec
}

/** Reply to `StabilityRequest`: the core's `StabilityBand` arrays, per update t. */
export interface StabilityReply extends RequestScoped {
  type: 'stability'
  step: Float64Array
  limit: Float64Array
  lambdaMax: Float64Array
  factor: number
  count: number
}

export type ExploreToWorker = BasinStart | BasinCancel | SliceRequest | StabilityRequest
export type ExploreEvent = BasinLevel

/** The stability band as the main thread receives it. */
export type StabilityResult = Omit<StabilityReply, 'type' | 'requestId'>

/** What panels use of the family (the worker client implements it; tests fake it). */
export interface ExploreDriver {
  /**
   * Starts progressive basin maps (one per spec); `onLevel` gets each level of each map as it is done.
   * Returns a function that cancels them (also implied by the next `basins` call: one run at a time).
   */
  basins(specs: BasinMapSpec[], sides: number[], onLevel: (level: BasinLevel) => void): () => void
  slice(surface: string, from: Vec2, to: Vec2, n: number, options?: RequestOptions): Promise<Float64Array>
  stability(spec: TrajectorySpec, options?: RequestOptions): Promise<StabilityResult>
}
