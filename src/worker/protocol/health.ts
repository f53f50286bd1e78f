/**
 * The worker's life cycle as the stores see it: the client detects a failed worker (its script did not load,
 * an uncaught exception, a message that could not be deserialized, or silence: closed, terminated or hung),
 * restarts it and tells the drivers' subscribers, which send their state again; after two failed restarts in
 * a row it stops and waits for `retry()`. `ping`/`pong` is the heartbeat that notices a silent worker.
 */

/** Sent by the client while it holds state in the worker and has heard nothing for a while. */
export interface Ping {
  type: 'ping'
  /** Numbers the pings: a worker handles messages in order, so the pong of a ping sent after a command
   * proves that command has been handled. */
  seq: number
}

/** The engine's answer to `ping`, echoing its `seq`. */
export interface Pong {
  type: 'pong'
  seq: number
}

/**
 * How the worker failed: `load` (its script failed to load or evaluate before `ready`), `crashed` (an uncaught
 * exception after `ready`), `messageerror` (a message that could not be deserialized), `unresponsive` (no
 * message, not even a `pong`, within the allowed silence: it closed itself, was terminated, or hangs).
 */
export type WorkerFailureKind = 'load' | 'crashed' | 'messageerror' | 'unresponsive'

export interface WorkerFailure {
  kind: WorkerFailureKind
  /** Developer detail (the error event's text); the UI shows a translated sentence per kind. */
  message: string
}

/**
 * `ok`: running normally (or not started). `recovering`: the worker failed and a fresh one was started (the
 * `attempt`-th restart in a row); subscribers send their state again now. `failed`: restarts failed twice in
 * a row; nothing runs until `retry()`.
 */
export type WorkerHealth =
  | { status: 'ok' }
  | { status: 'recovering'; failure: WorkerFailure; attempt: number }
  | { status: 'failed'; failure: WorkerFailure }

/** What a driver offers about the worker's health (optional on the drivers: fakes may leave it out). */
export interface WorkerHealthSource {
  /** Subscribes to changes of health; returns the unsubscribe function. */
  onHealth(listener: (health: WorkerHealth) => void): () => void
  /** After `failed`: starts a fresh worker (subscribers see `recovering` and restore their state). */
  retry(): void
}
