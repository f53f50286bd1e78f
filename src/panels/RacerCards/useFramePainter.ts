import { useEffect, useLayoutEffect, useRef } from 'react'
import type { AppState } from '../../state/store'
import { useAppStore } from '../../state/useApp'

/**
 * Runs `paint(state)` after every React render (the DOM it writes into may be new) and, through
 * `store.subscribe`, at most once per animation frame when points arrive, the playhead moves or a race
 * starts: zustand's transient updates, so the live numbers never re-render React.
 */
export function useFramePainter(paint: (state: AppState) => void): void {
  const store = useAppStore()
  const latest = useRef(paint)
  useLayoutEffect(() => {
    latest.current = paint
    paint(store.getState())
  })
  useEffect(() => {
    let frame = 0
    const run = () => {
      frame = 0
      latest.current(store.getState())
    }
    const unsubscribe = store.subscribe((s, prev) => {
      if (frame !== 0) return
      if (s.version !== prev.version || s.cursor !== prev.cursor || s.tracks !== prev.tracks)
        frame = requestAnimationFrame(run)
    })
    return () => {
      unsubscribe()
      if (frame !== 0) cancelAnimationFrame(frame)
    }
  }, [store])
}

/** Sets an element's text only when it changed (no layout work for an unchanged number). */
export function setText(el: Element | null | undefined, text: string): void {
  if (el != null && el.textContent !== text) el.textContent = text
}
