import { SpecError } from '../core/errors'
import type { ErrorCode, WorkerErrorMessage } from './protocol'

/**
 * An error that names the offending field of the message it came from (a path such as
 * `racers[1].spec.optimizer.lr`); the engine turns it into `error { field, code }`.
 */
export class FieldError extends Error {
  readonly field: string
  readonly code: ErrorCode

  constructor(message: string, field: string, code: ErrorCode = 'bad-spec') {
    super(message)
    this.name = 'FieldError'
    this.field = field
    this.code = code
  }

  /**
   * Re-homes the core's `SpecError` (its `field` is relative to the spec) under `prefix`, the spec's path in
   * the message, and prefixes its text with `label`. Other errors are returned unchanged.
   */
  static within(error: unknown, prefix: string, label = prefix): unknown {
    if (!(error instanceof SpecError)) return error
    return new FieldError(`${label}: ${error.message}`, error.field ? `${prefix}.${error.field}` : prefix)
  }
}

/**
 * The `error` message for something thrown while handling a message with the given ids. Errors that name a
 * field (`FieldError`, the core's `SpecError`) are the sender's fault (`bad-spec`); anything else is a
 * computation that failed.
 */
export function toErrorMessage(
  error: unknown,
  ids: { runId?: number; requestId?: number },
): WorkerErrorMessage {
  const message = error instanceof Error ? error.message : String(error)
  if (error instanceof FieldError)
    return { type: 'error', ...ids, message, field: error.field, code: error.code }
  if (error instanceof SpecError)
    return { type: 'error', ...ids, message, field: error.field, code: 'bad-spec' }
  return { type: 'error', ...ids, message, code: 'failed' }
}
