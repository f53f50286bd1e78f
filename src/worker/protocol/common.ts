/**
 * The envelope every message family shares: run-scoped messages carry the `runId` the client chose, requests
 * carry the client's `requestId` (echoed in the reply or in an `error`), and failures come back as `error`
 * values, never as a dead worker.
 */

/** A message about one run (a race, a training session): the runId the client chose when it started it. */
export interface RunScoped {
  runId: number
}

/** A request: the id the client chose, echoed by its reply (or by the `error` that answers it instead). */
export interface RequestScoped {
  requestId: number
}

/** Posted once by the worker entry when it is listening. */
export interface Ready {
  type: 'ready'
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

/** Options of a request made through a driver or the client. */
export interface RequestOptions {
  /** Aborting rejects the promise with `signal.reason` (an `AbortError` by default) and drops the reply. */
  signal?: AbortSignal
}
