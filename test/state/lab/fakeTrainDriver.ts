import { traceContours } from '../../../src/core/contours'
import { DatasetError } from '../../../src/core/mlp/datasetError'
import { generateDataset } from '../../../src/core/mlp/generateDataset'
import { parseDataset } from '../../../src/core/mlp/parseDataset'
import type { TrainDriver, TrainStartPayload } from '../../../src/state/lab/trainDriver'
import type {
  ComparisonRow,
  TrainEvent,
  TrainFrame,
  TrainHessianReply,
  TrainLoadReply,
  TrainRunKey,
  WorkerErrorMessage,
} from '../../../src/worker/protocol'

export interface DriverCall {
  name: string
  args: unknown[]
}

/**
 * A recording stand-in for `client.train`: every call is logged, `start` hands out run ids 1, 2, …, `load`
 * parses or generates with the core (as the worker does), and `emit` delivers events as the client would.
 * Comparison and Hessian replies are whatever the test queues with `answerCompare` / `answerHessian`.
 */
export function createFakeTrainDriver() {
  const calls: DriverCall[] = []
  const eventListeners = new Set<(event: TrainEvent) => void>()
  const errorListeners = new Set<(error: WorkerErrorMessage) => void>()
  const starts: { runId: number; payload: TrainStartPayload }[] = []
  let runId = 0
  let current: number | undefined
  let onStart: ((runId: number) => void) | null = null
  let compareAnswer: (() => Promise<ComparisonRow[]>) | null = null
  let hessianAnswer: ((run: TrainRunKey) => Promise<TrainHessianReply>) | null = null
  const log =
    (name: string) =>
    (...args: unknown[]): void =>
      void calls.push({ name, args })

  const driver: TrainDriver = {
    start(payload) {
      calls.push({ name: 'start', args: [payload] })
      starts.push({ runId: ++runId, payload })
      current = runId
      onStart?.(runId)
      return runId
    },
    play: log('play'),
    pause: log('pause'),
    step: log('step'),
    reset: log('reset'),
    speed: log('speed'),
    seek: log('seek'),
    cancel(...args: unknown[]) {
      calls.push({ name: 'cancel', args })
      current = undefined
    },
    currentRun: () => current,
    onEvent(listener) {
      eventListeners.add(listener)
      return () => void eventListeners.delete(listener)
    },
    onError(listener) {
      errorListeners.add(listener)
      return () => void errorListeners.delete(listener)
    },
    async load(source) {
      calls.push({ name: 'load', args: [source] })
      const requestId = calls.length
      try {
        const dataset =
          source.kind === 'csv'
            ? parseDataset(source.text)
            : generateDataset(source.shape, source.n, source.noise, source.seed)
        return { type: 'train.loaded', requestId, ok: true, dataset } satisfies TrainLoadReply
      } catch (error) {
        if (!(error instanceof DatasetError)) throw error
        const { code, message, line, details } = error
        return {
          type: 'train.loaded',
          requestId,
          ok: false,
          problem: { code, message, ...(line !== undefined && { line }), details },
        } satisfies TrainLoadReply
      }
    },
    compare(payload) {
      calls.push({ name: 'compare', args: [payload] })
      return compareAnswer ? compareAnswer() : Promise.resolve([])
    },
    hessian(run) {
      calls.push({ name: 'hessian', args: [run] })
      return hessianAnswer ? hessianAnswer(run) : Promise.reject(new Error('no Hessian queued'))
    },
  }

  return {
    driver,
    calls,
    names: () => calls.map((c) => c.name),
    get starts() {
      return starts
    },
    lastStart: () => starts[starts.length - 1],
    /** The worker was restarted: the driver no longer has a current run. */
    restart() {
      current = undefined
    },
    emit(event: TrainEvent) {
      for (const listener of [...eventListeners]) listener(event)
    },
    emitError(error: WorkerErrorMessage) {
      for (const listener of [...errorListeners]) listener(error)
    },
    /** Runs `fn(runId)` inside the next `start`, as a synchronous worker answering at once would. */
    onStart(fn: ((runId: number) => void) | null) {
      onStart = fn
    },
    answerCompare(fn: () => Promise<ComparisonRow[]>) {
      compareAnswer = fn
    },
    answerHessian(fn: (run: TrainRunKey) => Promise<TrainHessianReply>) {
      hessianAnswer = fn
    },
    get listeners() {
      return eventListeners.size + errorListeners.size
    },
  }
}

/** A `train.frame` of both runs at `epoch` with `rows` new history rows each (values from `fill`). */
export function frameOf(
  runId: number,
  epoch: number,
  options: { from?: number; playing?: boolean; done?: boolean; fill?: number; nx?: number } = {},
): TrainFrame {
  const { from = 0, playing = true, done = false, fill = 0.5, nx = 4 } = options
  const rows = epoch - from
  const run = (key: TrainRunKey) => {
    const grid = new Float64Array(nx * nx).fill(fill)
    return {
      key,
      epoch,
      from,
      dataLoss: new Float64Array(rows).fill(fill),
      loss: new Float64Array(rows).fill(fill + (key === 'b' ? 0.1 : 0)),
      accuracy: new Float64Array(rows).fill(0.9),
      lr: new Float64Array(rows).fill(0.005),
      grid,
      // The p = 0.5 rings, traced as the worker traces them with every frame.
      boundary: traceContours({ values: grid, nx, ny: nx }, [0.5])[0],
      done,
      ...(done && { stopReason: 'completed' as const }),
    }
  }
  return { type: 'train.frame', runId, playing, nx, ny: nx, runs: [run('a'), run('b')] }
}
