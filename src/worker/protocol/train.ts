/**
 * The `train.*` family: the classifier lab.
 *
 * Training model. A `train.start` builds one or two classifier runs ('a' and 'b') over the same data and
 * trains them in lockstep, one epoch of each at a time, in chunks of about `TRAIN_BUDGET_MS` of work per
 * timer tick. Every tick posts one `train.frame` with each run's new history rows and its decision boundary
 * on the grid (the network's output and its p = 0.5 rings, traced in the worker). Data sets, optimizer
 * comparisons and Hessians are request/response pairs.
 */
import type { ContourLevel } from '../../core/contours'
import type { DatasetErrorCode, DatasetErrorDetails } from '../../core/mlp/datasetError'
import type { ClassifierConfig, Dataset, DatasetKind, EvalMetrics, StopReason } from '../../core/mlp/types'
import type { Extent, OptimizerSpec } from '../../core/types'
import type { RequestOptions, RequestScoped, RunScoped, WorkerErrorMessage } from './common'
import type { WorkerHealthSource } from './health'

/** Which of the lab's runs a message concerns: 'a' (left, "without") and 'b' (right, "with"). */
export type TrainRunKey = 'a' | 'b'

// ---------------------------------------------------------------------------------------------- session

/** The nx × ny grid of inputs (x1, x2) over `extent` on which each frame samples the network's output. */
export interface TrainGridSpec {
  extent: Extent
  /** Nodes per axis, 2..MAX_TRAIN_GRID. */
  nx: number
  ny: number
}

/**
 * Starts training, replacing any previous session (its messages are ignored from then on). Each config is
 * validated by the core against `dataset`; a bad one is answered with an `error` at
 * `runs[i].config.<path>` and nothing trains. The worker answers with a `train.frame` at epoch 0 (the initial
 * boundaries) and, with `autoplay`, keeps training until every run is done.
 */
export interface TrainStart extends RunScoped {
  type: 'train.start'
  /** One or two runs with distinct keys. Runs with the same `init` start from identical weights. */
  runs: { key: TrainRunKey; config: ClassifierConfig }[]
  /** The data every run trains on (structured-cloned; the sender keeps its copy). */
  dataset: Dataset
  grid: TrainGridSpec
  autoplay: boolean
  /**
   * Pace of training while playing, epochs per second in MIN_EPOCHS_PER_SECOND..MAX_EPOCHS_PER_SECOND
   * (core/limits), or null / absent: as fast as possible (TRAIN_BUDGET_MS of training per tick).
   */
  epochsPerSecond?: number | null
}
/** Resumes training (nothing happens once every run is done). */
export interface TrainPlay extends RunScoped {
  type: 'train.play'
}
export interface TrainPause extends RunScoped {
  type: 'train.pause'
}
/** Pauses and trains `epochs` more epochs of every unfinished run (default 1), then posts one frame. */
export interface TrainStep extends RunScoped {
  type: 'train.step'
  epochs?: number
}
/** Pauses and rebuilds every run at epoch 0 from its config (the same initial weights), posting that frame. */
export interface TrainReset extends RunScoped {
  type: 'train.reset'
}
/** Changes the pace (see `TrainStart.epochsPerSecond`); nothing is posted. */
export interface TrainSpeed extends RunScoped {
  type: 'train.speed'
  epochsPerSecond: number | null
}
/**
 * Pauses and shows epoch `epoch` (clamped to 0..epochs trained) from the session's record, without training
 * or forgetting anything: the epoch scrubber. Answered by a `train.frame` whose runs' `view` is the epoch
 * shown (the latest recorded one ≤ `epoch`, see `TrainRunFrame.stride`). Play replays the record from
 * there at the pace, then trains on.
 */
export interface TrainSeek extends RunScoped {
  type: 'train.seek'
  epoch: number
}
/** Ends the session; no further messages are sent for it. */
export interface TrainCancel extends RunScoped {
  type: 'train.cancel'
}

/** Train messages that act on a running session (all but `train.start`). */
export type TrainControl =
  TrainPlay | TrainPause | TrainStep | TrainReset | TrainSpeed | TrainSeek | TrainCancel

/**
 * One run's news in a `train.frame`. History rows are per epoch (row e = the evaluation after epoch e + 1, as
 * the core's `TrainHistory`): this message holds rows `from .. epoch − 1`. A client truncates its copy of the
 * run's history to `from` rows and appends these, which also handles `train.reset` (from = 0). All buffers
 * are fresh copies, transferred.
 */
export interface TrainRunFrame {
  key: TrainRunKey
  /** Epochs trained so far. */
  epoch: number
  /** Index of the first history row in this message. */
  from: number
  /** Data term over the training rows, per epoch. */
  dataLoss: Float64Array
  /** Data term + penalty (what the optimizer minimizes), per epoch. */
  loss: Float64Array
  /** Fraction of training rows on the right side of 0.5, per epoch. */
  accuracy: Float64Array
  /** η of the epoch's last update. */
  lr: Float64Array
  /** Data term over the validation rows, per epoch, when the config has a validation split. */
  valLoss?: Float64Array
  valAccuracy?: Float64Array
  /**
   * The epoch whose boundary this frame carries (`grid`, `boundary`, `weightsSquared`, `steepest`): `epoch`
   * while training, less after the scrubber moved back. Absent: `epoch`.
   */
  view?: number
  /** The session records the weights after every `stride`-th epoch (1 unless memory ran short). */
  stride?: number
  /** Σw² over the weight matrices (not biases) at `view`: what L2 regularization keeps small. */
  weightsSquared?: number
  /** max ‖∇f‖ of the output over the grid at `view` (forward differences between neighbouring nodes). */
  steepest?: number
  /** Network output at each grid node after `view` epochs: row-major nx × ny, row 0 at the bottom. */
  grid: Float64Array
  /**
   * The decision boundary: the p = 0.5 iso-line of `grid`, traced in the worker (`traceContours`), its rings
   * in grid-index space sharing one transferred buffer. The page only strokes it.
   */
  boundary: ContourLevel
  done: boolean
  stopReason?: StopReason
  /** Early stopping: the epoch after which it stopped, and the epoch whose weights it restored. */
  stoppedEpoch?: number
  restoredEpoch?: number
  /** When done: the metrics at the final weights (the restored ones after early stopping). */
  final?: EvalMetrics
}

/** New training progress: one message per tick, step or reset, with every run of the session. */
export interface TrainFrame extends RunScoped {
  type: 'train.frame'
  /** True while the session keeps training on its timer. */
  playing: boolean
  nx: number
  ny: number
  runs: TrainRunFrame[]
}

/** The playing state changed with no new epochs (pause, or play once everything is done). */
export interface TrainStatus extends RunScoped {
  type: 'train.status'
  playing: boolean
}

/** What the client's training listeners receive. */
export type TrainEvent = TrainFrame | TrainStatus

// --------------------------------------------------------------------------------------------- requests

/**
 * Where a data set comes from: CSV text, parsed in the worker by the core's `parseDataset` (so a
 * 100,000-row file never blocks the page), or a seeded synthetic set of `generateDataset`.
 */
export type DataSourcePayload =
  | { kind: 'csv'; text: string }
  | { kind: 'generated'; shape: DatasetKind; n: number; noise: number; seed: number }

/** Builds a data set; answered by `train.loaded`. */
export interface TrainLoadRequest extends RequestScoped {
  type: 'train.load'
  source: DataSourcePayload
}

/**
 * Why a CSV was refused: the core's `DatasetError` as data. `message` is English and starts with
 * "Line N: " when `line` is set; `code`, `line` and `details` let the page say the same in Chinese.
 */
export interface DatasetProblem {
  code: DatasetErrorCode
  message: string
  line?: number
  details: DatasetErrorDetails
}

/** Reply to `TrainLoadRequest`: the data set (buffers transferred) or the reason the file was refused. */
export type TrainLoadReply =
  | { type: 'train.loaded'; requestId: number; ok: true; dataset: Dataset }
  | { type: 'train.loaded'; requestId: number; ok: false; problem: DatasetProblem }

/**
 * Trains `config` once per optimizer (everything else equal: same data, initial weights, batches) and
 * replies with one row each (`train.comparison`): the course's optimizer comparison table.
 */
export interface TrainCompareRequest extends RequestScoped {
  type: 'train.compare'
  /** The network; its `optimizer` is replaced by each entry of `optimizers`. */
  config: ClassifierConfig
  /** 1..MAX_COMPARE_ROWS optimizers, one row each, in this order. */
  optimizers: OptimizerSpec[]
  dataset: Dataset
  /** "Epochs to reach" counts epochs until the training loss (data term + penalty) is ≤ this, finite ≥ 0. */
  targetLoss: number
}

/** One row of the optimizer comparison. */
export interface ComparisonRow {
  optimizer: OptimizerSpec
  /** First epoch (1-based) after which the training loss was ≤ the target; null when it never was. */
  epochsToTarget: number | null
  /** Metrics at the end (after early stopping restored its best weights, if it fired). */
  final: EvalMetrics
  /** Epochs trained. */
  epochs: number
  stopReason: StopReason
  /** Wall-clock milliseconds the worker spent training this row (not counting the others). */
  timeMs: number
  /** Training loss (data term + penalty) after each epoch: the row's loss curve. */
  loss: Float64Array
}

/** Reply to `TrainCompareRequest`; the `loss` buffers are transferred. */
export interface TrainComparisonReply extends RequestScoped {
  type: 'train.comparison'
  rows: ComparisonRow[]
}

/**
 * Asks for the loss Hessian over all weights of run `run` of session `runId`, at its current weights (the
 * core's `lossHessian`: data term + penalty, evaluation mode). Answered by `train.hessianResult`.
 */
export interface TrainHessianRequest extends RequestScoped, RunScoped {
  type: 'train.hessian'
  run: TrainRunKey
}

/** Reply to `TrainHessianRequest`: the spectrum and Li Hongyi's minimum ratio (the n×n matrix stays). */
export interface TrainHessianReply extends RequestScoped, RunScoped {
  type: 'train.hessianResult'
  run: TrainRunKey
  /** The epoch the weights are from. */
  epoch: number
  /** Number of parameters (45 for 2-11-1). */
  n: number
  /** Ascending (transferred). */
  eigenvalues: Float64Array
  /** (number of λ > tolerance) / n. */
  minimumRatio: number
  /** |λ| ≤ tolerance counts as zero (flat). */
  tolerance: number
  positive: number
  negative: number
  zero: number
  /** ‖∇L‖ at the weights. */
  gradientNorm: number
  /** The loss the Hessian is of (data term + penalty). */
  loss: number
}

export type TrainToWorker =
  TrainStart | TrainControl | TrainLoadRequest | TrainCompareRequest | TrainHessianRequest

// ------------------------------------------------------------------------------------------------- driver

/** What `TrainDriver.start` sends (the driver adds the message type and the runId). */
export type TrainStartPayload = Omit<TrainStart, 'type' | 'runId'>
/** What `TrainDriver.compare` sends (the driver adds the message type and the requestId). */
export type ComparePayload = Omit<TrainCompareRequest, 'type' | 'requestId'>

/**
 * The train family as an API: what the lab store drives (src/state/lab/trainDriver.ts) and the worker
 * client implements (`client.train`); tests pass a fake. `start` replaces the current session and returns
 * its run id; events carry their run id, so the store drops stale ones. Controls act on the current session
 * and are answered by a `train.frame` or `train.status` event.
 */
export interface TrainDriver {
  /** Starts training (replacing the current session) and returns its runId; older runs' messages are dropped. */
  start(payload: TrainStartPayload): number
  play(): void
  pause(): void
  /** Pauses and trains `epochs` more epochs (default 1). */
  step(epochs?: number): void
  /** Pauses and goes back to epoch 0 (the same initial weights). */
  reset(): void
  /** Sets the pace: epochs per second, or null for as fast as possible. */
  speed?(epochsPerSecond: number | null): void
  /** Pauses and shows recorded epoch `epoch` (the scrubber). */
  seek?(epoch: number): void
  /** Ends the current session; its late messages are dropped. */
  cancel(): void
  /**
   * The run id the driver considers current (undefined when none: after `cancel` or a worker restart). When
   * given, the store starts a fresh run instead of sending controls to a session the worker no longer has.
   */
  currentRun?(): number | undefined
  /** Subscribes to `train.frame` / `train.status` of the current session; returns the unsubscribe function. */
  onEvent(listener: (event: TrainEvent) => void): () => void
  /** Subscribes to errors of the current session, or of no run or request (a crash). */
  onError(listener: (error: WorkerErrorMessage) => void): () => void
  /** Parses CSV text or generates a data set in the worker; a refused file resolves with `ok: false`. */
  load(source: DataSourcePayload, options?: RequestOptions): Promise<TrainLoadReply>
  /** Trains the config once per optimizer and resolves with the comparison rows. */
  compare(payload: ComparePayload, options?: RequestOptions): Promise<ComparisonRow[]>
  /** The loss Hessian of run `run` of the current session at its current weights. */
  hessian(run: TrainRunKey, options?: RequestOptions): Promise<TrainHessianReply>
  /** Worker failures and restarts (src/worker/protocol/health.ts), when the driver reports them. */
  onHealth?: WorkerHealthSource['onHealth']
  /** Starts a fresh worker after restarts failed (health `failed`). */
  retry?: WorkerHealthSource['retry']
}
