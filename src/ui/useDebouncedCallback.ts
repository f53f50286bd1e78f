import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react'

/** A trailing-debounced function with explicit `flush` (run the pending call now) and `cancel`. */
export interface Debounced<A extends unknown[]> {
  /** Schedules `fn(...args)` `delayMs` after the last call; earlier pending arguments are dropped. */
  call(...args: A): void
  /** Runs the pending call at once, if any (e.g. when a slider is released). */
  flush(): void
  /** Drops the pending call. */
  cancel(): void
}

/**
 * Trailing debounce for slider drags: `call` on every `input` event and `flush` on `change` (release, or a
 * keyboard step), so a drag costs one commit per pause instead of one per pointer move. The latest `fn` is
 * always the one called, and a pending call is flushed on unmount so no edit is lost.
 */
export function useDebouncedCallback<A extends unknown[]>(
  fn: (...args: A) => void,
  delayMs: number,
): Debounced<A> {
  const fnRef = useRef(fn)
  useLayoutEffect(() => {
    fnRef.current = fn
  })
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const pending = useRef<A | null>(null)

  const cancel = useCallback(() => {
    if (timer.current !== undefined) clearTimeout(timer.current)
    timer.current = undefined
    pending.current = null
  }, [])
  const flush = useCallback(() => {
    const args = pending.current
    cancel()
    if (args !== null) fnRef.current(...args)
  }, [cancel])
  const call = useCallback(
    (...args: A) => {
      if (timer.current !== undefined) clearTimeout(timer.current)
      pending.current = args
      timer.current = setTimeout(flush, delayMs)
    },
    [delayMs, flush],
  )
  useEffect(() => flush, [flush])
  return useMemo(() => ({ call, flush, cancel }), [call, flush, cancel])
}
