import type { PointAnalysis } from '../../core/analyzePoint'
import { isAbortError } from '../../state/services'

export interface AnalysisRequesterDeps<T> {
  /** Starts the request for `target`; must reject (with an AbortError) once `signal` aborts. */
  analyze(target: T, signal: AbortSignal): Promise<PointAnalysis>
  /** Equal keys mean equal analyses: asking again for the key just asked for does nothing. */
  keyOf(target: T): string
  onResult(target: T, analysis: PointAnalysis): void
  /** A failure that is not an abort. */
  onError(target: T, error: unknown): void
  /** Least time between two requests (100 ms: ≤ 10 per second while a racer moves). */
  minIntervalMs: number
  now(): number
  setTimer(f: () => void, ms: number): unknown
  clearTimer(timer: unknown): void
}

export interface AnalysisRequester<T> {
  /** Asks for the analysis of `target`: now, or when the interval allows (only the latest target is kept). */
  request(target: T): void
  /** Aborts the request in flight and drops the pending one. */
  dispose(): void
}

/**
 * Throttled, latest-wins analysis requests: at most one request per `minIntervalMs` (leading and trailing, so
 * the last position of a moving racer is always analysed), each new request aborting the one still in flight
 * (superseded: its answer would describe a point no longer shown), and only the newest answer delivered.
 */
export function createAnalysisRequester<T>(deps: AnalysisRequesterDeps<T>): AnalysisRequester<T> {
  let lastKey: string | null = null
  let pending: T | null = null
  let inflight: AbortController | null = null
  let lastSent = -Infinity
  let timer: unknown = null
  let disposed = false

  const send = (target: T): void => {
    inflight?.abort()
    const controller = new AbortController()
    inflight = controller
    lastSent = deps.now()
    deps.analyze(target, controller.signal).then(
      (analysis) => {
        if (inflight !== controller) return
        inflight = null
        deps.onResult(target, analysis)
      },
      (error: unknown) => {
        if (inflight !== controller) return
        inflight = null
        if (!isAbortError(error)) deps.onError(target, error)
      },
    )
  }
  const pump = (): void => {
    if (disposed || pending === null || timer !== null) return
    const wait = lastSent + deps.minIntervalMs - deps.now()
    if (wait > 0) {
      timer = deps.setTimer(() => {
        timer = null
        pump()
      }, wait)
      return
    }
    const target = pending
    pending = null
    send(target)
  }

  return {
    request(target) {
      if (disposed) return
      const key = deps.keyOf(target)
      if (key === lastKey) return
      lastKey = key
      pending = target
      pump()
    },
    dispose() {
      disposed = true
      pending = null
      if (timer !== null) deps.clearTimer(timer)
      timer = null
      inflight?.abort()
      inflight = null
    },
  }
}
