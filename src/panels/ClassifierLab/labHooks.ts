import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { RefObject } from 'react'
import { useStore } from 'zustand'
import type { MessageKey } from '../../i18n/en'
import { translate } from '../../i18n/translate'
import type { MessageParams } from '../../i18n/translate'
import { selectLanguage } from '../../state/lab/labSelectors'
import type { LabState, LabStore } from '../../state/lab/labStore'

/** Reads the lab store through a module-level selector; re-renders when the result changes (`Object.is`). */
export function useLab<T>(store: LabStore, selector: (state: LabState) => T): T {
  return useStore(store, selector)
}

/** `t(key, params)` in the lab's language. */
export function useLabT(store: LabStore): (key: MessageKey, params?: MessageParams) => string {
  const language = useLab(store, selectLanguage)
  return useCallback((key, params) => translate(language, key, params), [language])
}

/**
 * Calls the store's `compute` action while a run exists: once at mount, then after each new epoch or run, at most once every
 * `everyMs` (a trailing call catches the last epoch). Worker analyses that follow training (the landscapes,
 * the interpolation lines) use it so a fast run does not flood the worker.
 */
export function useWhileTraining(
  store: LabStore,
  compute: 'computeLandscape' | 'computeInterpolation',
  everyMs: number,
): void {
  useEffect(() => {
    let last = 0
    let timer: ReturnType<typeof setTimeout> | null = null
    const request = () => {
      timer = null
      last = Date.now()
      void store.getState()[compute]()
    }
    const schedule = () => {
      if (timer !== null) return
      timer = setTimeout(request, Math.max(0, last + everyMs - Date.now()))
    }
    if (store.getState().run.runId !== null) schedule()
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.run.runId !== null && (s.run.epoch !== prev.run.epoch || s.run.runId !== prev.run.runId))
        schedule()
    })
    return () => {
      unsubscribe()
      if (timer !== null) clearTimeout(timer)
    }
  }, [store, compute, everyMs])
}

const schedule = (fn: () => void): (() => void) => {
  if (typeof requestAnimationFrame === 'function') {
    const handle = requestAnimationFrame(fn)
    return () => cancelAnimationFrame(handle)
  }
  const handle = setTimeout(fn, 16)
  return () => clearTimeout(handle)
}

/**
 * Runs `paint(state)` after every render (its canvas may be new or resized) and, through `store.subscribe`,
 * at most once per animation frame when `changed(state, prev)` says so: zustand's transient updates, so
 * frames from the worker repaint canvases without re-rendering React.
 */
export function useLabPainter(
  store: LabStore,
  changed: (state: LabState, prev: LabState) => boolean,
  paint: (state: LabState) => void,
): void {
  const latest = useRef({ paint, changed })
  useLayoutEffect(() => {
    latest.current = { paint, changed }
    paint(store.getState())
  })
  useEffect(() => {
    let cancel: (() => void) | null = null
    const unsubscribe = store.subscribe((state, prev) => {
      if (cancel !== null || !latest.current.changed(state, prev)) return
      cancel = schedule(() => {
        cancel = null
        latest.current.paint(store.getState())
      })
    })
    return () => {
      unsubscribe()
      cancel?.()
    }
  }, [store])
}

/**
 * The element's height in CSS px when its stylesheet lets the height, not the width, set the size of what it
 * holds (`--lab-fit: height`, which the embed sets on a boundary view's box), else 0. The embed's frame gives
 * the box its height; the square canvas then takes min(width, height).
 */
export function useFitHeight(ref: RefObject<HTMLElement | null>): number {
  const [height, setHeight] = useState(0)
  useEffect(() => {
    const el = ref.current
    if (el === null || typeof getComputedStyle !== 'function') return
    const measure = (): void => {
      const fits = getComputedStyle(el).getPropertyValue('--lab-fit').trim() === 'height'
      const h = fits ? Math.floor(el.getBoundingClientRect().height) : 0
      setHeight((prev) => (prev === h ? prev : h))
    }
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [ref])
  return height
}

/**
 * The CSS width of an element, tracked with a ResizeObserver (0 where there is none, e.g. in jsdom). Measured in a
 * layout effect, so the first painted frame already has the right width: a canvas drawn at a fallback width for
 * one frame would stick out of a 320 px phone and scroll the page sideways.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0)
  useLayoutEffect(() => {
    const el = ref.current
    if (el === null) return
    setWidth(Math.floor(el.getBoundingClientRect().width))
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0)
      setWidth((prev) => (prev === w ? prev : w))
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [ref])
  return width
}
