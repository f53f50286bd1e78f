import type { Timers } from './timers'

/** How long the client waits for a silent worker (defaults in `DEFAULT_WATCHDOG`). */
export interface WatchdogOptions {
  /** Period of the check; a worker silent this long is sent a `ping`. */
  pingMs: number
  /** A ping unanswered this long (and past every grace) means the worker is gone or stuck. */
  silenceMs: number
}

/** Ping after 0.25 s of silence, give up 0.75 s after an unanswered ping: a dead worker is noticed 1–1.25 s after it died. */
export const DEFAULT_WATCHDOG: WatchdogOptions = { pingMs: 250, silenceMs: 750 }

/**
 * Notices a worker that stopped answering (closed itself, was terminated, or runs a kernel that never
 * returns), which no event reports. While armed it checks every `pingMs`: a worker silent that long gets a
 * ping; one that has not answered a ping within `silenceMs` is reported once through `onSilent`. The deadline
 * counts from the ping, not from the last message, so a throttled background tab whose checks run late does
 * not blame the worker. Heavy work holds a grace so a busy worker is not taken for a dead one: a request's
 * grace lasts until its reply (`release`), a command's until the pong of the ping sent right behind it (the
 * worker handles messages in order, so that pong proves the command is done), or until it runs out.
 */
export interface Watchdog {
  /** Any message arrived from the worker. */
  heard(): void
  /** The pong of ping `seq` arrived. */
  pong(seq: number): void
  /** Allows silence until `ms` from now: under `key` (a requestId) until `release(key)`; without a key, until
   * a later ping is answered. */
  grace(ms: number, key?: number): void
  release(key: number): void
  /** Starts checking (a new worker), resetting the silence. */
  arm(): void
  /** Stops checking (no worker, or the client gave up). */
  disarm(): void
}

export function createWatchdog(
  timers: Timers,
  options: WatchdogOptions,
  ping: (seq: number) => void,
  onSilent: () => void,
): Watchdog {
  let armed = false
  let timer: unknown = null
  let lastHeard = 0
  let pingSentAt: number | null = null
  let anonymousGrace = 0
  let seq = 0
  /** The first ping whose pong ends the anonymous grace. */
  let graceEndsAtSeq = 0
  const graces = new Map<number, number>()

  const graceUntil = (): number => Math.max(anonymousGrace, ...graces.values())

  function schedule(): void {
    if (armed && timer === null) timer = timers.setTimeout(tick, options.pingMs)
  }

  function sendPing(now: number): void {
    pingSentAt = now
    ping(seq++)
  }

  function tick(): void {
    timer = null
    if (!armed) return
    const now = timers.now()
    if (pingSentAt !== null) {
      if (now - pingSentAt >= options.silenceMs && now >= graceUntil()) {
        armed = false
        onSilent()
        return
      }
    } else if (now - lastHeard >= options.pingMs) sendPing(now)
    schedule()
  }

  return {
    heard() {
      lastHeard = timers.now()
      pingSentAt = null
    },
    pong(answered) {
      if (answered >= graceEndsAtSeq) anonymousGrace = 0
    },
    grace(ms, key) {
      const until = timers.now() + ms
      if (key !== undefined) return void graces.set(key, until)
      anonymousGrace = Math.max(anonymousGrace, until)
      graceEndsAtSeq = seq
      // Ping right behind the command: its pong, which comes once the command is done, ends the grace.
      if (armed) sendPing(timers.now())
    },
    release(key) {
      graces.delete(key)
    },
    arm() {
      armed = true
      lastHeard = timers.now()
      pingSentAt = null
      anonymousGrace = 0
      graces.clear()
      schedule()
    },
    disarm() {
      armed = false
      if (timer !== null) timers.clearTimeout(timer)
      timer = null
    },
  }
}
