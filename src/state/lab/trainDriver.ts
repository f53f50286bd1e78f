import type {
  ComparisonRow,
  DataSourcePayload,
  TrainCompareRequest,
  TrainEvent,
  TrainHessianReply,
  TrainLoadReply,
  TrainRunKey,
  TrainStart,
  WorkerErrorMessage,
} from '../../worker/protocol'

/** What `TrainDriver.start` sends (the driver adds the message type and the runId). */
export type TrainStartPayload = Omit<TrainStart, 'type' | 'runId'>
/** What `TrainDriver.compare` sends. */
export type ComparePayload = Omit<TrainCompareRequest, 'type' | 'requestId'>

/**
 * The lab store's view of the worker, injected by main.tsx (the worker client's `client.train` fits as is)
 * and by tests (a fake). `start` replaces the current session and returns its run id; events carry their run
 * id, so the store drops stale ones. Controls act on the current session and are answered by a
 * `train.frame` or `train.status` event (src/worker/protocol.ts).
 */
export interface TrainDriver {
  start(payload: TrainStartPayload): number
  play(): void
  pause(): void
  /** Pauses and trains `epochs` more epochs (default 1). */
  step(epochs?: number): void
  /** Pauses and goes back to epoch 0. */
  reset(): void
  cancel(): void
  /**
   * The run id the driver considers current (undefined when none: after a worker restart). When given, the
   * store starts a fresh run instead of sending controls to a session the worker no longer has.
   */
  currentRun?(): number | undefined
  /** Subscribes to `train.frame` / `train.status`; returns the unsubscribe function. */
  onEvent(listener: (event: TrainEvent) => void): () => void
  /** Subscribes to errors of the current session (a rejected config, a crash). */
  onError(listener: (error: WorkerErrorMessage) => void): () => void
  /** Parses CSV text or generates a data set (in the worker); a refused file resolves with `ok: false`. */
  load(source: DataSourcePayload): Promise<TrainLoadReply>
  compare(payload: ComparePayload): Promise<ComparisonRow[]>
  /** The loss Hessian of run `run` of the current session at its current weights. */
  hessian(run: TrainRunKey): Promise<TrainHessianReply>
}
