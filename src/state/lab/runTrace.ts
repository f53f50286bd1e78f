import type { ContourLevel } from '../../core/contours'
import type { EvalMetrics, StopReason } from '../../core/mlp/types'
import type { TrainRunFrame, TrainRunKey } from '../../worker/protocol'

/**
 * Everything the page holds of one training run, appended frame by frame (`applyRunFrame`). The arrays are
 * preallocated and mutated in place, so a frame costs no allocation beyond its own buffers: canvases read
 * them through `store.subscribe` (zustand transient updates), keyed on the store's `frame` counter, and
 * only the first `count` entries are valid.
 */
export interface RunTrace {
  readonly key: TrainRunKey
  /** Epochs trained (= history rows held). */
  epoch: number
  /** Per-epoch history (the core's `TrainHistory` layout): entry e is the evaluation after epoch e + 1. */
  dataLoss: Float64Array
  loss: Float64Array
  accuracy: Float64Array
  lr: Float64Array
  /** Present when the run has a validation split. */
  valLoss: Float64Array | null
  valAccuracy: Float64Array | null
  /**
   * The epoch `grid`, `boundary`, `weightsSquared` and `steepest` belong to: `epoch` while training, less
   * after the scrubber went back (the worker draws it from its record of the weights).
   */
  view: number
  /** The worker records the weights after every `stride`-th epoch: the epochs the scrubber can show. */
  stride: number
  /** Σw² over the weight matrices at `view` (NaN before the first frame). */
  weightsSquared: number
  /** max ‖∇f‖ of the output over the view at `view` (NaN before the first frame). */
  steepest: number
  /** Network output on the frame's grid (row-major, row 0 at the bottom), null before the first frame. */
  grid: Float64Array | null
  /** The p = 0.5 rings of `grid` (grid-index space), traced in the worker; null before the first frame. */
  boundary: ContourLevel | null
  nx: number
  ny: number
  /** The grid of epoch 0 (the initial weights), kept to show that both runs start alike. */
  initialGrid: Float64Array | null
  done: boolean
  stopReason: StopReason | null
  stoppedEpoch: number | null
  restoredEpoch: number | null
  /** Metrics at the final weights, once done. */
  final: EvalMetrics | null
}

/** An empty trace with room for `capacity` epochs (it grows if a run trains more). */
export function createRunTrace(key: TrainRunKey, capacity: number): RunTrace {
  const size = Math.max(1, capacity)
  return {
    key,
    epoch: 0,
    dataLoss: new Float64Array(size),
    loss: new Float64Array(size),
    accuracy: new Float64Array(size),
    lr: new Float64Array(size),
    valLoss: null,
    valAccuracy: null,
    view: 0,
    stride: 1,
    weightsSquared: NaN,
    steepest: NaN,
    grid: null,
    boundary: null,
    nx: 0,
    ny: 0,
    initialGrid: null,
    done: false,
    stopReason: null,
    stoppedEpoch: null,
    restoredEpoch: null,
    final: null,
  }
}

function fit(array: Float64Array, needed: number): Float64Array {
  if (array.length >= needed) return array
  const grown = new Float64Array(Math.max(needed, 2 * array.length))
  grown.set(array)
  return grown
}

/**
 * Merges one run's frame: history is cut back to `frame.from` rows and the frame's rows are written after
 * them (so a reset, which restarts at row 0, needs no special case), the grid is replaced, and the end of
 * the run is recorded. `nx`, `ny` are the frame's grid size.
 */
export function applyRunFrame(trace: RunTrace, frame: TrainRunFrame, nx: number, ny: number): void {
  const end = frame.from + frame.loss.length
  trace.dataLoss = fit(trace.dataLoss, end)
  trace.loss = fit(trace.loss, end)
  trace.accuracy = fit(trace.accuracy, end)
  trace.lr = fit(trace.lr, end)
  trace.dataLoss.set(frame.dataLoss, frame.from)
  trace.loss.set(frame.loss, frame.from)
  trace.accuracy.set(frame.accuracy, frame.from)
  trace.lr.set(frame.lr, frame.from)
  if (frame.valLoss && frame.valAccuracy) {
    trace.valLoss = fit(trace.valLoss ?? new Float64Array(trace.loss.length), end)
    trace.valAccuracy = fit(trace.valAccuracy ?? new Float64Array(trace.loss.length), end)
    trace.valLoss.set(frame.valLoss, frame.from)
    trace.valAccuracy.set(frame.valAccuracy, frame.from)
  }
  trace.epoch = frame.epoch
  trace.view = frame.view ?? frame.epoch
  trace.stride = frame.stride ?? 1
  trace.weightsSquared = frame.weightsSquared ?? NaN
  trace.steepest = frame.steepest ?? NaN
  trace.grid = frame.grid
  trace.boundary = frame.boundary
  trace.nx = nx
  trace.ny = ny
  if (trace.view === 0) trace.initialGrid = frame.grid
  trace.done = frame.done
  if (!frame.done) {
    trace.stopReason = trace.stoppedEpoch = trace.restoredEpoch = trace.final = null
    return
  }
  if (frame.stopReason !== undefined) trace.stopReason = frame.stopReason
  if (frame.stoppedEpoch !== undefined) trace.stoppedEpoch = frame.stoppedEpoch
  if (frame.restoredEpoch !== undefined) trace.restoredEpoch = frame.restoredEpoch
  if (frame.final !== undefined) trace.final = frame.final
}
