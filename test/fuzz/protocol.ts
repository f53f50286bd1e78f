/** Messages between the fuzz sandbox (test thread) and its worker thread. */

/** Run `targets[target](...args)` (see targets.ts); args are structured-cloned. */
export interface CallRequest {
  id: number
  target: string
  args: unknown[]
}

/**
 * How a call ended: 'ok' (returned a well-formed result), 'SpecError' / 'DatasetError' (the core refused the
 * input, as it should), 'bad-result' (returned, but with NaN fields or a wrong shape: `detail` says which),
 * 'throw' (any other exception, e.g. a TypeError: `detail` is `Name: message`); the sandbox adds 'hang' (no
 * answer within the timeout) and 'crash' (the worker died, e.g. out of memory). 'ready' announces the worker.
 */
export type Outcome =
  'ok' | 'SpecError' | 'DatasetError' | 'bad-result' | 'throw' | 'hang' | 'crash' | 'ready'

export interface CallReply {
  id: number
  outcome: Outcome
  /** Time the call took inside the worker (the timeout, for a hang). */
  ms: number
  detail?: string
}
