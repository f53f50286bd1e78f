import { useEffect, useLayoutEffect, useRef } from 'react'
import type { AppState } from '../../state/store'
import { useAppStore, useT } from '../../state/useApp'
import { formatNumber } from '../../ui/formatNumber'

/**
 * A racer's live progress in the legend: the updates it has made at the playhead, the epochs they amount to
 * (when the race counts epochs: updates / ⌈N/B⌉) and its loss there, e.g. "300 updates · 10 epochs ·
 * L = 0.443". Written by a frame painter, never by React; `data-updates`, `data-epochs` and `data-loss` carry
 * the exact values for tests.
 */
export function RacerProgress({
  racerId,
  perEpoch,
  epochs,
}: {
  racerId: string
  perEpoch: number
  epochs: boolean
}) {
  const t = useT()
  const el = useRef<HTMLSpanElement>(null)
  usePainter((s) => {
    const span = el.current
    if (span === null) return
    const track = s.tracks.find((tr) => tr.id === racerId)
    if (track === undefined || track.count === 0) {
      span.textContent = ''
      return
    }
    const k = Math.max(0, Math.min(Math.floor(s.cursor), track.count - 1))
    const loss = track.loss[k]
    const e = k / perEpoch
    const text = epochs
      ? t('transport.progressEpochs', { n: k, e: formatNumber(e, 3), loss: formatNumber(loss, 3) })
      : t('transport.progress', { n: k, loss: formatNumber(loss, 3) })
    if (span.textContent !== text) span.textContent = text
    span.dataset.updates = String(k)
    span.dataset.epochs = String(e)
    span.dataset.loss = String(loss)
  })
  return <span ref={el} className="racer-chip-progress" data-testid={`racer-progress-${racerId}`} />
}

/** `paint` after every render and at most once per animation frame when points arrive or the playhead moves. */
function usePainter(paint: (s: AppState) => void): void {
  const store = useAppStore()
  const latest = useRef(paint)
  useLayoutEffect(() => {
    latest.current = paint
    paint(store.getState())
  })
  useEffect(() => {
    let frame = 0
    const unsubscribe = store.subscribe((s, prev) => {
      if (frame !== 0) return
      if (s.version !== prev.version || s.cursor !== prev.cursor || s.tracks !== prev.tracks)
        frame = requestAnimationFrame(() => {
          frame = 0
          latest.current(store.getState())
        })
    })
    return () => {
      unsubscribe()
      if (frame !== 0) cancelAnimationFrame(frame)
    }
  }, [store])
}
