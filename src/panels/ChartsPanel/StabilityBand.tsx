import { useEffect, useRef } from 'react'
import type { LineChartLayout } from '../../render/lineChart'
import { racerColor } from '../../render/colors'
import { selectLanguage, selectRacers } from '../../state/selectors'
import { useApp, useT } from '../../state/useApp'
import { fitCanvas } from './canvasLayer'
import { racerLabels } from './racerLabels'
import { firstUnstable, paintStabilityBands } from './stabilityLayer'
import type { BandCurve } from './stabilityLayer'
import type { RacerBand } from './useStabilityBands'

/** Where the learning-rate chart was last drawn: the painter publishes, the band layer listens. */
export interface LayoutChannel {
  set(layout: LineChartLayout | null, dx: number): void
  get(): { layout: LineChartLayout | null; dx: number }
  listen(listener: () => void): () => void
}

export function createLayoutChannel(): LayoutChannel {
  let current: { layout: LineChartLayout | null; dx: number } = { layout: null, dx: 0 }
  const listeners = new Set<() => void>()
  return {
    set(layout, dx) {
      if (layout === current.layout && dx === current.dx) return
      current = { layout, dx }
      for (const l of listeners) l()
    },
    get: () => current,
    listen(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
}

/**
 * The stability bands drawn over the learning-rate chart (a canvas of its own inside the chart's box, so the
 * schedule painter stays as it was): each visible racer's stable limit limit_t/η from its worker-computed
 * band, repainted when the chart's layout or the bands change.
 */
export function StabilityBandLayer({ bands, channel }: { bands: RacerBand[]; channel: LayoutChannel }) {
  const canvas = useRef<HTMLCanvasElement | null>(null)
  const racers = useApp(selectRacers)
  useEffect(() => {
    const el = canvas.current
    const box = el?.parentElement
    if (!el || !box) return
    const curves: BandCurve[] = bands.flatMap((b) => {
      const racer = racers.find((r) => r.id === b.id)
      if (racer === undefined || racer.hidden) return []
      return [{ id: b.id, color: racerColor(racer.color), base: b.base, limit: b.limit, step: b.step }]
    })
    const paint = (): void => {
      const { layout, dx } = channel.get()
      const target = fitCanvas(el, Math.floor(box.clientWidth), Math.floor(box.clientHeight))
      el.dataset.bands = String(layout === null ? 0 : curves.length)
      if (target === null || layout === null) return
      paintStabilityBands(target, layout, dx, curves)
    }
    paint()
    const stop = channel.listen(paint)
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(paint)
    observer?.observe(box)
    return () => {
      stop()
      observer?.disconnect()
    }
  }, [bands, racers, channel])
  return <canvas ref={canvas} className="chart-band" data-testid="chart-stability" aria-hidden="true" />
}

/** One line per visible racer: the step where η_t first exceeds the stable limit, or that it never does. */
export function StabilityLegend({ bands }: { bands: RacerBand[] }) {
  const t = useT()
  const racers = useApp(selectRacers)
  const language = useApp(selectLanguage)
  const names = racerLabels(racers, language)
  const rows = bands.flatMap((b) => {
    const racer = racers.find((r) => r.id === b.id)
    if (racer === undefined || racer.hidden) return []
    const first = firstUnstable(b)
    const name = names.get(b.id) ?? b.id
    return [
      {
        id: b.id,
        color: racerColor(racer.color),
        first,
        text:
          first >= 0
            ? t('charts.bandBounces', { racer: name, step: first })
            : t('charts.bandStable', { racer: name }),
      },
    ]
  })
  if (rows.length === 0) return null
  return (
    <ul className="charts-lr-legend charts-band-legend" aria-label={t('charts.bandLegend')}>
      {rows.map((r) => (
        <li key={r.id} data-first-unstable={r.first}>
          <span
            className="charts-swatch charts-swatch-band"
            style={{ borderColor: r.color }}
            aria-hidden="true"
          />
          {r.text}
        </li>
      ))}
    </ul>
  )
}
