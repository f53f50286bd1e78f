import type { Timers } from '../../src/worker/timers'

/** A hand-driven clock for the engine: time moves only when a test says so. */
export interface FakeClock extends Timers {
  /** Runs every timer due within the next `ms` milliseconds, in time order, then sets the time. */
  advance(ms: number): void
  /** Moves to the next pending timer (or stays, if it is overdue) and runs it; false when none is pending. */
  runNext(): boolean
  /** Moves the time on without running any timer (a throttled or busy thread): they fire late. */
  skip(ms: number): void
  /** Timers waiting to fire. */
  readonly pending: number
  readonly time: number
}

export function createFakeClock(start = 0): FakeClock {
  let time = start
  let lastHandle = 0
  const timers = new Map<number, { at: number; callback: () => void }>()

  const next = (): [number, { at: number; callback: () => void }] | undefined => {
    let best: [number, { at: number; callback: () => void }] | undefined
    for (const entry of timers) if (!best || entry[1].at < best[1].at) best = entry
    return best
  }

  return {
    now: () => time,
    setTimeout(callback, ms) {
      timers.set(++lastHandle, { at: time + Math.max(0, ms), callback })
      return lastHandle
    },
    clearTimeout(handle) {
      timers.delete(handle as number)
    },
    advance(ms) {
      const end = time + ms
      for (let entry = next(); entry && entry[1].at <= end; entry = next()) {
        timers.delete(entry[0])
        time = Math.max(time, entry[1].at)
        entry[1].callback()
      }
      time = end
    },
    runNext() {
      const entry = next()
      if (!entry) return false
      timers.delete(entry[0])
      time = Math.max(time, entry[1].at)
      entry[1].callback()
      return true
    },
    skip(ms) {
      time += ms
    },
    get pending() {
      return timers.size
    },
    get time() {
      return time
    },
  }
}
