import { contourBuffers, traceContours } from '../core/contours'
import type { LandscapeSource } from './landscapeReply'
import type { ContourLevel } from '../core/contours'
import { SpecError } from '../core/errors'
import { DatasetError } from '../core/mlp/datasetError'
import { generateDataset } from '../core/mlp/generateDataset'
import { lossHessian } from '../core/mlp/lossHessian'
import { parseDataset } from '../core/mlp/parseDataset'
import { createTrainer } from '../core/mlp/trainer'
import type { ClassifierConfig, Dataset, Trainer } from '../core/mlp/types'
import { FieldError } from './errors'
import type {
  ComparisonRow,
  PostMessage,
  TrainCompareRequest,
  TrainControl,
  TrainHessianRequest,
  TrainLoadRequest,
  TrainRunFrame,
  TrainRunKey,
  TrainStart,
} from './protocol'
import type { Timers } from './timers'
import { createTrainRecord, steepestSlope, sumSquaredWeights } from './trainRecord'
import type { TrainRecord } from './trainRecord'

/** Timer period of training, ms: one frame is posted per tick (about one display frame). */
export const TRAIN_TICK_MS = 16
/**
 * Training work per tick, ms. Epochs are trained (lockstep, one of each run at a time) until this much time
 * has passed, so a fast network finishes in a few ticks and a slow one still streams a frame every tick.
 * The rest of the tick is left free for incoming messages (pause, step, a newer run).
 */
export const TRAIN_BUDGET_MS = 12
/** The decision boundary is the network's p = 0.5 iso-line: class 1 on the side above it, class 0 below. */
export const BOUNDARY_LEVEL = 0.5

/**
 * Longest stretch of time one paced tick makes up for, ms: after a throttled or busy spell the pace resumes
 * instead of racing through the epochs it missed (the race's MAX_CATCH_UP_MS).
 */
export const TRAIN_MAX_CATCH_UP_MS = 250

/** A training session in progress: the worker side of one `runId`. */
export interface TrainSession {
  readonly runId: number
  /** Applies a control message of this run (`train.cancel` is the engine's: it disposes the session). */
  control(message: TrainControl): void
  /** Posts the loss Hessian of one run at its current weights (`train.hessianResult`). */
  replyHessian(request: TrainHessianRequest): void
  /** Every run's config, data and current weights (the lab's loss landscapes, #12). */
  sources(): LandscapeSource[]
  /** Stops the timer. */
  dispose(): void
}

interface Lane {
  key: TrainRunKey
  config: ClassifierConfig
  trainer: Trainer
  /** The weights after every recorded epoch, for the scrubber and replay. */
  record: TrainRecord
  /** History rows already posted. */
  sent: number
  /** Whether the frame that reported `done` went out. */
  doneSent: boolean
}

/**
 * Builds every run's resumable trainer (`createTrainer` validates the config against the data) and posts the
 * epoch-0 frame. Throws a `FieldError` at `runs[i].config.<field>` for a config the core rejects.
 *
 * The session has a playhead, `view`: the epoch every frame shows (each run at min(view, its epochs)). While
 * playing, each TRAIN_TICK_MS tick moves it on and trains every unfinished run, one epoch of each in turn, as
 * far as it needs: as fast as possible (`epochsPerSecond` null: until TRAIN_BUDGET_MS of the clock have
 * passed or every run is done), or at `epochsPerSecond`, anchored in time (a tick makes up for at most
 * TRAIN_MAX_CATCH_UP_MS, and a playhead that training cannot keep up with waits for it). Then it posts one
 * `train.frame` with each run's new history rows, the boundary grid of the view epoch and its p = 0.5 rings.
 * The weights of every epoch are recorded (`createTrainRecord`, at a stride when memory runs short), so
 * `train.seek` can show an earlier epoch and play replays the record up to the trained epoch before training
 * on. Runs with the same `init` start from identical weights and stay in lockstep. Playback stops when every
 * run is done and the playhead reached the end.
 */
export function createTrainSession(start: TrainStart, post: PostMessage, timers: Timers): TrainSession {
  const { runId, dataset } = start
  const { extent, nx, ny } = start.grid
  const newLane = (key: TrainRunKey, config: ClassifierConfig): Lane => {
    const trainer = createTrainer(config, dataset)
    const record = createTrainRecord(trainer.config, dataset)
    record.record(0, () => trainer.weights())
    return { key, config, trainer, record, sent: 0, doneSent: false }
  }
  const lanes: Lane[] = start.runs.map(({ key, config }, i) => {
    try {
      return newLane(key, config)
    } catch (error) {
      throw FieldError.within(error, `runs[${i}].config`, `run '${key}'`)
    }
  })

  let playing = start.autoplay
  let timer: unknown = null
  let pace: number | null = start.epochsPerSecond ?? null
  /** The playhead: the epoch the frames show. */
  let view = 0
  /** Fraction of an epoch the pace owes the playhead, and the time of the last paced tick. */
  let carry = 0
  let last = timers.now()

  const allDone = (): boolean => lanes.every((lane) => lane.trainer.done)
  const trained = (): number => Math.max(...lanes.map((lane) => lane.trainer.epoch))
  const atEnd = (): boolean => allDone() && view >= trained()

  /** One epoch of every unfinished run: the lockstep unit. */
  function trainRound(): void {
    for (const lane of lanes) {
      if (lane.trainer.done) continue
      lane.trainer.trainEpochs(1)
      lane.record.record(lane.trainer.epoch, () => lane.trainer.weights())
    }
  }

  function schedule(delay: number): void {
    if (timer === null) timer = timers.setTimeout(tick, Math.max(0, Math.min(TRAIN_TICK_MS, delay)))
  }

  function stop(): void {
    playing = false
    if (timer !== null) timers.clearTimeout(timer)
    timer = null
  }

  /** Moves the playhead as the pace says, training what it reaches; true when the frame changed. */
  function advance(t0: number): boolean {
    const before = view
    if (pace === null) {
      // As fast as possible: a replay jumps to the trained epoch, then training fills the budget.
      do trainRound()
      while (!allDone() && timers.now() - t0 < TRAIN_BUDGET_MS)
      view = trained()
      return true
    }
    carry += (pace * Math.max(0, Math.min(t0 - last, TRAIN_MAX_CATCH_UP_MS))) / 1000
    last = t0
    const steps = Math.floor(carry)
    carry -= steps
    const target = view + steps
    while (trained() < target && !allDone() && timers.now() - t0 < TRAIN_BUDGET_MS) trainRound()
    view = Math.min(target, trained())
    // Training could not keep up with the pace: the playhead waits for it rather than owing epochs.
    if (view < target) carry = 0
    return view !== before || atEnd()
  }

  function tick(): void {
    timer = null
    const t0 = timers.now()
    try {
      const changed = advance(t0)
      if (atEnd()) playing = false
      if (changed) flush()
    } catch (error) {
      stop()
      post({ type: 'error', runId, code: 'failed', message: `training stopped: ${String(error)}` })
      return
    }
    if (playing) schedule(TRAIN_TICK_MS - (timers.now() - t0))
  }

  /** Posts one frame: every run's rows since the last frame, its boundary grid at the view and, once, its end. */
  function flush(): void {
    const transfer: ArrayBuffer[] = []
    const runs = lanes.map((lane) => frameOf(lane, transfer))
    post({ type: 'train.frame', runId, playing, nx, ny, runs }, transfer)
  }

  function frameOf(lane: Lane, transfer: ArrayBuffer[]): TrainRunFrame {
    const { trainer, record } = lane
    const history = trainer.history
    const from = Math.min(lane.sent, history.epochs)
    const take = (source: Float64Array): Float64Array => {
      const copy = source.slice(from, history.epochs)
      transfer.push(copy.buffer)
      return copy
    }
    // The trained epoch is drawn from the live trainer (after early stopping: its restored weights), an
    // earlier one from the record.
    const live = view >= trainer.epoch
    const shown = live ? trainer.epoch : record.snap(view)
    const grid = live
      ? trainer.predictGrid(extent, nx, ny, new Float64Array(nx * ny))
      : record.grid(shown, extent, nx, ny)
    transfer.push(grid.buffer as ArrayBuffer)
    const boundary = boundaryOf(grid, nx, ny)
    transfer.push(...contourBuffers({ levels: [boundary], log: false }))
    const frame: TrainRunFrame = {
      key: lane.key,
      epoch: trainer.epoch,
      from,
      dataLoss: take(history.dataLoss),
      loss: take(history.loss),
      accuracy: take(history.accuracy),
      lr: take(history.lr),
      view: shown,
      stride: record.stride,
      weightsSquared: live ? sumSquaredWeights(trainer.weights()) : record.weightsSquared(shown),
      steepest: steepestSlope(grid, nx, ny, extent),
      grid,
      boundary,
      done: trainer.done,
    }
    if (history.valLoss && history.valAccuracy) {
      frame.valLoss = take(history.valLoss)
      frame.valAccuracy = take(history.valAccuracy)
    }
    lane.sent = history.epochs
    if (trainer.done && !lane.doneSent) {
      lane.doneSent = true
      const result = trainer.result()
      frame.stopReason = result.stopReason
      frame.final = result.final
      if (result.stoppedEpoch !== undefined) frame.stoppedEpoch = result.stoppedEpoch
      if (result.restoredEpoch !== undefined) frame.restoredEpoch = result.restoredEpoch
    }
    return frame
  }

  /** Starts the timer from now (the pace counts from this moment, not from when it last stopped). */
  function resume(delay: number): void {
    playing = true
    carry = 0
    last = timers.now()
    schedule(delay)
  }

  flush()
  if (playing && !allDone()) {
    playing = false
    resume(TRAIN_TICK_MS)
  } else playing = false

  return {
    runId,
    control(message) {
      switch (message.type) {
        case 'train.play':
          if (atEnd() || playing) {
            post({ type: 'train.status', runId, playing })
            return
          }
          resume(0)
          post({ type: 'train.status', runId, playing })
          return
        case 'train.pause':
          stop()
          post({ type: 'train.status', runId, playing })
          return
        case 'train.step': {
          stop()
          const n = message.epochs ?? 1
          for (let k = 0; k < n && !atEnd(); k++) {
            // Within the record the playhead moves on; past it, one more epoch is trained.
            if (view >= trained()) trainRound()
            view = Math.min(view + 1, trained())
          }
          flush()
          return
        }
        case 'train.seek':
          stop()
          view = Math.max(0, Math.min(message.epoch, trained()))
          flush()
          return
        case 'train.speed':
          pace = message.epochsPerSecond
          carry = 0
          last = timers.now()
          return
        case 'train.reset':
          stop()
          for (const lane of lanes) {
            // Validated when the session was built, so this cannot throw.
            Object.assign(lane, newLane(lane.key, lane.config))
          }
          view = 0
          flush()
          return
        case 'train.cancel':
          stop()
          return
        default:
          return assertNever(message)
      }
    },
    replyHessian({ requestId, run }) {
      const lane = lanes.find((l) => l.key === run)
      if (lane === undefined) throw new FieldError(`run '${run}' is not part of training run ${runId}`, 'run')
      const h = lossHessian(lane.trainer.config, dataset, lane.trainer.weights())
      const eigenvalues = h.eigenvalues.slice()
      post(
        {
          type: 'train.hessianResult',
          requestId,
          runId,
          run,
          epoch: lane.trainer.epoch,
          n: h.n,
          eigenvalues,
          minimumRatio: h.minimumRatio,
          tolerance: h.tolerance,
          positive: h.positive,
          negative: h.negative,
          zero: h.zero,
          gradientNorm: h.gradientNorm,
          loss: h.loss,
        },
        [eigenvalues.buffer],
      )
    },
    sources: () =>
      lanes.map((l) => ({
        run: l.key,
        epoch: l.trainer.epoch,
        config: l.trainer.config,
        dataset,
        weights: l.trainer.weights(),
        path: () => l.record.path(l.trainer.epoch),
      })),
    dispose: stop,
  }
}

/**
 * The p = 0.5 rings of an output grid, traced here rather than on the page: every frame carries them, so the
 * lab and its figure export only stroke them. A 64² grid takes well under a millisecond.
 */
function boundaryOf(grid: Float64Array, nx: number, ny: number): ContourLevel {
  return traceContours({ values: grid, nx, ny }, [BOUNDARY_LEVEL])[0] ?? { value: BOUNDARY_LEVEL, rings: [] }
}

/**
 * Answers `train.load`: parses CSV text with the core's `parseDataset` (a refused file is a normal reply
 * with `ok: false` and the parser's code, line and details, not an error) or builds a synthetic set with
 * `generateDataset` (bad parameters are a `FieldError` at `source.<field>`). The buffers are transferred.
 */
export function replyLoad({ requestId, source }: TrainLoadRequest, post: PostMessage): void {
  let dataset: Dataset
  try {
    dataset =
      source.kind === 'csv'
        ? parseDataset(source.text)
        : generateDataset(source.shape, source.n, source.noise, source.seed)
  } catch (error) {
    if (error instanceof DatasetError) {
      const { code, message, line, details } = error
      post({
        type: 'train.loaded',
        requestId,
        ok: false,
        problem: { code, message, ...(line !== undefined && { line }), details },
      })
      return
    }
    throw FieldError.within(error, 'source')
  }
  post({ type: 'train.loaded', requestId, ok: true, dataset }, [
    dataset.x.buffer as ArrayBuffer,
    dataset.y.buffer as ArrayBuffer,
  ])
}

/**
 * Answers `train.compare`: trains `config` to its end once per optimizer, each run from the same initial
 * weights over the same batches, and posts one `train.comparison` with a row per optimizer: the first epoch
 * whose training loss (data term + penalty) is ≤ `targetLoss`, the final metrics, the wall-clock time of
 * that row on `timers`, and the loss curve. A config the core rejects is a `FieldError` at
 * `optimizers[i].<key>` (an optimizer field) or `config.<field>`.
 */
export function replyComparison(request: TrainCompareRequest, post: PostMessage, timers: Timers): void {
  const { requestId, config, dataset, targetLoss } = request
  const rows: ComparisonRow[] = []
  const transfer: ArrayBuffer[] = []
  request.optimizers.forEach((optimizer, i) => {
    const t0 = timers.now()
    let trainer: Trainer
    try {
      trainer = createTrainer({ ...config, optimizer }, dataset)
    } catch (error) {
      throw relocate(error, i)
    }
    trainer.trainEpochs(config.epochs)
    const timeMs = timers.now() - t0
    const result = trainer.result()
    const loss = result.history.loss
    let epochsToTarget: number | null = null
    for (let e = 0; e < loss.length; e++) {
      if (loss[e] <= targetLoss) {
        epochsToTarget = e + 1
        break
      }
    }
    transfer.push(loss.buffer as ArrayBuffer)
    rows.push({
      optimizer,
      epochsToTarget,
      final: result.final,
      epochs: result.epochs,
      stopReason: result.stopReason,
      timeMs,
      loss,
    })
  })
  post({ type: 'train.comparison', requestId, rows }, transfer)
}

// The core names fields relative to the config it was given; point at the message's own fields instead.
function relocate(error: unknown, row: number): unknown {
  if (!(error instanceof SpecError)) return error
  const f = error.field
  if (f === 'optimizer' || f.startsWith('optimizer.'))
    return new FieldError(
      `optimizer ${row + 1}: ${error.message}`,
      `optimizers[${row}]${f.slice('optimizer'.length)}`,
    )
  return new FieldError(`config: ${error.message}`, `config.${f}`)
}

function assertNever(value: never): never {
  throw new Error(`unhandled train message ${JSON.stringify(value)}`)
}
