/**
 * The wire protocol between the main thread and the numeric worker: types only, imported by both sides
 * (comlink's `src/protocol.ts` is the model). Every message is plain structured-clone data with a string
 * literal `type`. Run-scoped messages carry the `runId` the client chose; request/response pairs carry the
 * client's `requestId`, echoed in the reply or in an `error`.
 *
 * Playback model. The worker owns a *playhead* (`cursor`, a step index: 0 is the start point, k the point
 * after update k). It computes each racer only as far as the playhead has gone and streams the points as
 * they appear, once each (`race.frames`, append-only per run). Moving the playhead back (seek, reset, step
 * with n < 0) sends only `race.cursor`: the client already holds those points and shows the first
 * `cursor + 1` of each racer.
 *
 * Extending: a new family (the classifier's `train.*`) declares its messages in its own file and adds them to
 * `ToWorker` / `FromWorker` below; request/response pairs also get a line in `Requests`.
 */
import type { Extent, OptimizerSpec, RunStatus, TrajectorySpec } from '../core/types'
import type { PointAnalysis } from '../core/analyzePoint'
import type { SurfaceContours } from '../core/contours'
import type { Grid } from '../core/grid'
import type { DatasetErrorCode, DatasetErrorDetails } from '../core/mlp/datasetError'
import type { ClassifierConfig, Dataset, DatasetKind, EvalMetrics, StopReason } from '../core/mlp/types'

// ---------------------------------------------------------------------------------------------- to worker

/** One contestant of a race: an optimizer run on a surface, named by the client (unique within the race). */
export interface Racer {
  id: string
  spec: TrajectorySpec
}

/**
 * Starts a race, replacing any previous one (its messages are ignored from then on). The playhead starts at
 * 0; the worker answers with a `race.frames` holding every racer's start point. Specs are validated by the
 * core; a bad one is answered with an `error` carrying `field` (`racers[i].spec.<path>`) and no race runs.
 */
export interface RaceStart {
  type: 'race.start'
  runId: number
  racers: Racer[]
  /** Playback speed in steps per second, 1..10 000. */
  speed: number
  /** Start playing at once (true) or wait for `race.play`. */
  autoplay: boolean
}
/** Starts or resumes playback; at the end of the race it first rewinds to 0 (a media player's replay). */
export interface RacePlay {
  type: 'race.play'
  runId: number
}
export interface RacePause {
  type: 'race.pause'
  runId: number
}
/** Pauses and moves the playhead by `n` steps (default 1; negative steps back), clamped to the race. */
export interface RaceStep {
  type: 'race.step'
  runId: number
  n?: number
}
/** Moves the playhead to step `step` (clamped to the end), computing up to it if needed; keeps playing. */
export interface RaceSeek {
  type: 'race.seek'
  runId: number
  step: number
}
/** Changes the playback speed (steps per second, 1..10 000) without touching the playhead. */
export interface RaceSpeed {
  type: 'race.speed'
  runId: number
  stepsPerSecond: number
}
/** Jump to the end: computes every racer to its end at once, pauses, sends it all, then `race.finished`. */
export interface RaceToEnd {
  type: 'race.toEnd'
  runId: number
}
/** Pauses and rewinds the playhead to 0 (nothing is recomputed: runs are deterministic). */
export interface RaceReset {
  type: 'race.reset'
  runId: number
}
/** Stops the race and frees its buffers; no further messages are sent for it. */
export interface RaceCancel {
  type: 'race.cancel'
  runId: number
}

/** Race messages that act on a running race (all but `race.start`). */
export type RaceControl =
  RacePlay | RacePause | RaceStep | RaceSeek | RaceSpeed | RaceToEnd | RaceReset | RaceCancel

export type RaceToWorker = RaceStart | RaceControl

/** Samples the surface `surface` (registry id) on an nx × ny grid over `extent` (2..2048 nodes per axis). */
export interface GridRequest {
  type: 'grid'
  requestId: number
  surface: string
  extent: Extent
  nx: number
  ny: number
  /** Also trace `count` contour levels (1..MAX_CONTOUR_LEVELS) in the worker: 20–90 ms at 256². */
  contours?: ContourRequest
}

/** What contour lines a grid request wants: `count` levels by the core's `contourLevels` rule. */
export interface ContourRequest {
  count: number
}

/** Asks for the gradient / Hessian analysis of surface `surface` at (x, y). */
export interface AnalyzeRequest {
  type: 'analyze'
  requestId: number
  surface: string
  x: number
  y: number
}

// ------------------------------------------------------------------------- train.* (the classifier lab)
//
// Training model. A `train.start` builds one or two classifier runs ('a' and 'b') over the same data and
// trains them in lockstep, one epoch of each at a time, in chunks of about `TRAIN_BUDGET_MS` of work per
// timer tick. Every tick posts one `train.frame` with each run's new history rows and its decision boundary
// on the grid. Data sets, optimizer comparisons and Hessians are request/response pairs.

/** Which of the lab's runs a message concerns: 'a' (left, "without") and 'b' (right, "with"). */
export type TrainRunKey = 'a' | 'b'

/** The nx × ny grid of inputs (x1, x2) over `extent` on which each frame samples the network's output. */
export interface TrainGridSpec {
  extent: Extent
  /** Nodes per axis, 2..256. */
  nx: number
  ny: number
}

/**
 * Starts training, replacing any previous session (its messages are ignored from then on). Each config is
 * validated by the core against `dataset`; a bad one is answered with an `error` at
 * `runs[i].config.<path>` and nothing trains. The worker answers with a `train.frame` at epoch 0 (the initial
 * boundaries) and, with `autoplay`, keeps training until every run is done.
 */
export interface TrainStart {
  type: 'train.start'
  runId: number
  /** One or two runs with distinct keys. Runs with the same `init` start from identical weights. */
  runs: { key: TrainRunKey; config: ClassifierConfig }[]
  /** The data every run trains on (structured-cloned; the sender keeps its copy). */
  dataset: Dataset
  grid: TrainGridSpec
  autoplay: boolean
}
/** Resumes training (nothing happens once every run is done). */
export interface TrainPlay {
  type: 'train.play'
  runId: number
}
export interface TrainPause {
  type: 'train.pause'
  runId: number
}
/** Pauses and trains `epochs` more epochs of every unfinished run (default 1), then posts one frame. */
export interface TrainStep {
  type: 'train.step'
  runId: number
  epochs?: number
}
/** Pauses and rebuilds every run at epoch 0 from its config (the same initial weights), posting that frame. */
export interface TrainReset {
  type: 'train.reset'
  runId: number
}
/** Ends the session; no further messages are sent for it. */
export interface TrainCancel {
  type: 'train.cancel'
  runId: number
}

/** Train messages that act on a running session (all but `train.start`). */
export type TrainControl = TrainPlay | TrainPause | TrainStep | TrainReset | TrainCancel

/**
 * Where a data set comes from: CSV text, parsed in the worker by the core's `parseDataset` (so a
 * 100,000-row file never blocks the page), or a seeded synthetic set of `generateDataset`.
 */
export type DataSourcePayload =
  | { kind: 'csv'; text: string }
  | { kind: 'generated'; shape: DatasetKind; n: number; noise: number; seed: number }

/** Builds a data set; answered by `train.loaded`. */
export interface TrainLoadRequest {
  type: 'train.load'
  requestId: number
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
export interface TrainCompareRequest {
  type: 'train.compare'
  requestId: number
  /** The network; its `optimizer` is replaced by each entry of `optimizers`. */
  config: ClassifierConfig
  /** 1..8 optimizers, one row each, in this order. */
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
export interface TrainComparisonReply {
  type: 'train.comparison'
  requestId: number
  rows: ComparisonRow[]
}

/**
 * Asks for the loss Hessian over all weights of run `run` of session `runId`, at its current weights (the
 * core's `lossHessian`: data term + penalty, evaluation mode). Answered by `train.hessianResult`.
 */
export interface TrainHessianRequest {
  type: 'train.hessian'
  requestId: number
  runId: number
  run: TrainRunKey
}

/** Reply to `TrainHessianRequest`: the spectrum and Li Hongyi's minimum ratio (the n×n matrix stays). */
export interface TrainHessianReply {
  type: 'train.hessianResult'
  requestId: number
  runId: number
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

/** Everything the main thread may send. */
export type ToWorker = RaceToWorker | GridRequest | AnalyzeRequest | TrainToWorker

// -------------------------------------------------------------------------------------------- from worker

/** Posted once by the worker entry when it is listening. */
export interface Ready {
  type: 'ready'
}

/**
 * The points of one racer that are new since the previous `race.frames` of this run (append-only).
 * Point-indexed arrays (x, y, loss, gradNorm) hold points `from .. from + count − 1`. Update-indexed arrays
 * (lr, grad, state) hold the updates that produced those points: updates `max(from − 1, 0) .. from + count − 2`
 * (update k makes point k + 1), so simply appending every message reproduces the core's `Trajectory` layout.
 * The buffers are transferred (fresh copies; the worker keeps its own).
 */
export interface RacerFrame {
  id: string
  /** Index of the first point in this message (0 = the start point). */
  from: number
  /** Number of points in x, y, loss, gradNorm; 0 when only the status changed. */
  count: number
  x: Float64Array
  y: Float64Array
  /** L(x, y) at each point. */
  loss: Float64Array
  /** ‖∇L(x, y)‖ at each point. */
  gradNorm: Float64Array
  /** η_t of each update. */
  lr: Float64Array
  /** The (noisy) gradient each update used, interleaved [gx, gy]. */
  grad: Float64Array
  /** The optimizer state after each update, interleaved per parameter (`Trajectory.state` layout). */
  state: Record<string, Float64Array>
  /** 'diverged' once the racer hit a non-finite value; it then stops while the others go on. */
  status: RunStatus
  /**
   * When diverged: the index of the first point that was not finite (`Trajectory.divergedAt`), which is also
   * the number of finite points the racer has; none is sent past it.
   */
  divergedAt?: number
  /** Newton only: updates so far that took no step because the Hessian was singular. */
  singularSteps?: number
}

/**
 * New points after the playhead moved forward: one message per timer tick, batching every racer that has
 * news (new points or a status change). `cursor` is the playhead after this batch.
 */
export interface RaceFrames {
  type: 'race.frames'
  runId: number
  cursor: number
  playing: boolean
  racers: RacerFrame[]
}

/** The playhead or the playing state changed with no new points (pause, play, seek back, reset, …). */
export interface RaceCursor {
  type: 'race.cursor'
  runId: number
  cursor: number
  playing: boolean
}

/** The playhead reached the end of every racer (its last step, or its last finite point). Playback stops. */
export interface RaceFinished {
  type: 'race.finished'
  runId: number
  cursor: number
}

/** What the client's race listeners receive. */
export type RaceEvent = RaceFrames | RaceCursor | RaceFinished

/**
 * A sampled surface (the core's `Grid`): `values[j·nx + i]` = L(xᵢ, yⱼ) on the nodes of `extent`, row 0 at
 * the bottom (y₀); `min`/`max` are the smallest and largest finite values (NaN when none is finite). `contours`
 * is there when the request asked for it.
 */
export type GridResult = Grid & { contours?: SurfaceContours }

/**
 * Reply to `GridRequest`; `values` is transferred. With `contours` asked for, the traced levels (log-spaced
 * when the surface's `logContours` or the range rule says so); their rings share one transferred buffer.
 */
export interface GridReply extends Grid {
  type: 'grid'
  requestId: number
  contours?: SurfaceContours
}

/** Reply to `AnalyzeRequest`. */
export interface AnalysisReply {
  type: 'analysis'
  requestId: number
  result: PointAnalysis
}

/**
 * Why a message failed: `bad-message` (malformed: not an object, unknown type, wrong field types),
 * `bad-spec` (the core rejected a spec; see `field`), `failed` (the computation threw), `crashed` (the
 * worker itself failed; produced by the client from the Worker's error event).
 */
export type ErrorCode = 'bad-message' | 'bad-spec' | 'failed' | 'crashed'

/**
 * An error, sent back as a value so the worker never dies silently. It names the run or request it belongs
 * to when the failed message had one.
 */
export interface WorkerErrorMessage {
  type: 'error'
  runId?: number
  requestId?: number
  message: string
  /** The offending field as a path inside the message sent (e.g. `racers[1].spec.optimizer.lr`, `nx`). */
  field?: string
  code: ErrorCode
}

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
  /** Network output at each grid node after `epoch` epochs: row-major nx × ny, row 0 at the bottom. */
  grid: Float64Array
  done: boolean
  stopReason?: StopReason
  /** Early stopping: the epoch after which it stopped, and the epoch whose weights it restored. */
  stoppedEpoch?: number
  restoredEpoch?: number
  /** When done: the metrics at the final weights (the restored ones after early stopping). */
  final?: EvalMetrics
}

/** New training progress: one message per tick, step or reset, with every run of the session. */
export interface TrainFrame {
  type: 'train.frame'
  runId: number
  /** True while the session keeps training on its timer. */
  playing: boolean
  nx: number
  ny: number
  runs: TrainRunFrame[]
}

/** The playing state changed with no new epochs (pause, or play once everything is done). */
export interface TrainStatus {
  type: 'train.status'
  runId: number
  playing: boolean
}

/** What the client's training listeners receive. */
export type TrainEvent = TrainFrame | TrainStatus

/** Everything the worker may send. */
export type FromWorker =
  | Ready
  | RaceEvent
  | GridReply
  | AnalysisReply
  | WorkerErrorMessage
  | TrainEvent
  | TrainLoadReply
  | TrainComparisonReply
  | TrainHessianReply

/** Request messages and the reply each gets (replies echo `requestId`; failures come as `error`). */
export interface Requests {
  grid: { request: GridRequest; reply: GridReply }
  analyze: { request: AnalyzeRequest; reply: AnalysisReply }
  'train.load': { request: TrainLoadRequest; reply: TrainLoadReply }
  'train.compare': { request: TrainCompareRequest; reply: TrainComparisonReply }
  'train.hessian': { request: TrainHessianRequest; reply: TrainHessianReply }
}
export type RequestType = keyof Requests

/** How the engine sends: `postMessage` of a worker scope or a MessagePort, with the buffers to transfer. */
export type PostMessage = (message: FromWorker, transfer?: Transferable[]) => void
