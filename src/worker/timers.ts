/**
 * The clock the worker plays races with, injectable so tests drive time by hand (no global fake timers).
 * `now()` is in milliseconds; handles are opaque.
 */
export interface Timers {
  now(): number
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/** The real clock: `performance.now()` and the global timer functions (a worker has both). */
export const systemTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}
