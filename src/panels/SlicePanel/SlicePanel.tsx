import { useContext, useEffect, useId, useRef, useState } from 'react'
import { findSurfaceMeta } from '../../core/surfaces/meta'
import type { Vec2 } from '../../core/types'
import { drawLineChart } from '../../render/lineChart'
import { selectSurface, selectView } from '../../state/selectors'
import { isAbortError, ServicesContext } from '../../state/services'
import { selectSliceDrawing, selectSliceLine } from '../../state/sliceTool'
import { useApp, useAppStore, useT } from '../../state/useApp'
import { NumberField } from '../../ui/NumberField'
import { parseNumber } from '../../ui/parseNumber'
import { defaultSliceLine, rotateSlice, SLICE_POINTS, slicePoint } from './sliceLine'
import type { SliceLine } from './sliceLine'
import './SlicePanel.css'

const checkNumber = (text: string) => {
  const v = parseNumber(text)
  return v === null ? { error: 'a number' } : { value: v }
}
const fmt = (v: number): string => String(Number(v.toPrecision(4)))

function context2d(el: HTMLCanvasElement): CanvasRenderingContext2D | null {
  try {
    return el.getContext('2d')
  } catch {
    return null
  }
}

/**
 * The loss along a line of the surface (the lecture's 1D error surface, figure 3.5): its two end points as
 * fields (keyboard first), a draw mode in which a drag on the 2D map draws the line (the map shows it with its
 * end points), a button that turns it 90° about its middle, and the 1D chart of L sampled in the worker at 101
 * points. The line lives in the settings (`Settings.slice`, the link's `slice`), present while the tool is
 * open. The values are also on the canvas (`data-values`) for readers and tests.
 */
export function SlicePanel({ initiallyOpen = false }: { initiallyOpen?: boolean }) {
  const t = useT()
  const titleId = useId()
  const store = useAppStore()
  const surface = useApp(selectSurface)
  const line = useApp(selectSliceLine)
  const drawing = useApp(selectSliceDrawing)
  const services = useContext(ServicesContext)
  const open = line !== null
  const defaultLine = (): SliceLine => {
    const s = store.getState()
    const meta = findSurfaceMeta(s.settings.surfaceId)
    return defaultSliceLine(selectView(s), { minima: selectSurface(s).minima, escapes: meta?.escapes })
  }
  const setOpen = (on: boolean): void => {
    const s = store.getState()
    if (!on) s.setSliceDrawing(false)
    s.setSlice(on ? defaultLine() : null)
  }
  // A scene that shows the slice opens it on its own line; a link's line (`slice=…`) is kept.
  useEffect(() => {
    if (initiallyOpen && store.getState().settings.slice === undefined) setOpen(true)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initiallyOpen, store])
  // A new surface starts from its own default line (the link's line belongs to the surface it was drawn on).
  const shownSurface = useRef(surface.id)
  useEffect(() => {
    if (shownSurface.current === surface.id) return
    shownSurface.current = surface.id
    if (store.getState().settings.slice !== undefined) store.getState().setSlice(defaultLine())
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [surface.id, store])
  // The draw mode ends with the panel.
  useEffect(() => () => store.getState().setSliceDrawing(false), [store])

  const [result, setResult] = useState<{ key: string; values: Float64Array } | null>(null)
  const canvas = useRef<HTMLCanvasElement | null>(null)
  const key = JSON.stringify([surface.id, line])

  useEffect(() => {
    const explore = services?.explore
    if (line === null || explore === undefined) return
    const abort = new AbortController()
    explore.slice(surface.id, line.from, line.to, SLICE_POINTS, { signal: abort.signal }).then(
      (values) => setResult({ key, values }),
      (error: unknown) => {
        if (!isAbortError(error)) setResult(null)
      },
    )
    return () => abort.abort()
  }, [services, surface.id, line, key])

  const values = result !== null && result.key === key ? result.values : null
  useEffect(() => {
    const el = canvas.current
    if (el === null || values === null) return
    const paint = (): void => {
      const w = Math.floor(el.parentElement?.clientWidth ?? 0)
      const h = Math.round(Math.min(260, Math.max(140, w * 0.45)))
      if (w < 1) return
      const dpr = Math.min(4, Math.max(1, globalThis.devicePixelRatio || 1))
      el.width = Math.round(w * dpr)
      el.height = Math.round(h * dpr)
      el.style.width = `${w}px`
      el.style.height = `${h}px`
      const ctx = context2d(el)
      if (ctx === null) return
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
      ctx.clearRect(0, 0, w, h)
      drawLineChart(ctx, {
        widthPx: w,
        heightPx: h,
        xMax: SLICE_POINTS - 1,
        xLabel: t('slice.position') + ' (%)',
        yLabel: 'L',
        yLog: false,
        yZero: false,
        marker: (SLICE_POINTS - 1) / 2,
        lineWidth: 2,
        series: [{ values, count: values.length, color: '#1f5fbf' }],
      })
    }
    paint()
    if (typeof ResizeObserver === 'undefined' || el.parentElement === null) return
    const observer = new ResizeObserver(paint)
    observer.observe(el.parentElement)
    return () => observer.disconnect()
  }, [values, t])

  const setLine = (next: SliceLine): void => store.getState().setSlice(next)
  const header = (
    <>
      <h2 id={titleId}>{t('slice.title')}</h2>
      <button type="button" aria-expanded={open} data-testid="slice-toggle" onClick={() => setOpen(!open)}>
        {t('slice.open')}
      </button>
    </>
  )
  if (line === null)
    return (
      <section className="panel slice-panel" aria-labelledby={titleId} data-testid="slice-panel">
        {header}
      </section>
    )
  const setEnd = (end: 'from' | 'to', axis: 0 | 1, v: number): void => {
    const p: Vec2 = [...line[end]]
    p[axis] = v
    setLine({ ...line, [end]: p })
  }
  const mid = slicePoint(line, 0.5)
  const field = (end: 'from' | 'to', axis: 0 | 1) => (
    <NumberField
      value={line[end][axis]}
      check={checkNumber}
      onCommit={(v) => setEnd(end, axis, v)}
      format={fmt}
      inputMode="text"
      label={`${t(end === 'from' ? 'slice.from' : 'slice.to')} ${axis === 0 ? 'w₁' : 'w₂'}`}
      testId={`slice-${end}-${axis}`}
      className="slice-number"
    />
  )

  return (
    <section className="panel slice-panel" aria-labelledby={titleId} data-testid="slice-panel">
      {header}
      <p className="slice-hint">{t('slice.hint')}</p>
      <button
        type="button"
        className="slice-draw"
        aria-pressed={drawing}
        data-testid="slice-draw"
        onClick={() => store.getState().setSliceDrawing(!drawing)}
      >
        {t('slice.draw')}
      </button>
      {drawing && (
        <p className="slice-hint" role="status" data-testid="slice-drawing">
          {t('slice.drawing')}
        </p>
      )}
      <div className="slice-fields">
        <span className="slice-label">{t('slice.from')}</span>
        {field('from', 0)}
        {field('from', 1)}
        <span className="slice-label">{t('slice.to')}</span>
        {field('to', 0)}
        {field('to', 1)}
        <button type="button" data-testid="slice-rotate" onClick={() => setLine(rotateSlice(line))}>
          {t('slice.rotate')}
        </button>
      </div>
      <div className="slice-chart">
        <canvas
          ref={canvas}
          role="img"
          data-testid="slice-chart"
          aria-label={t('slice.aria', {
            x0: fmt(line.from[0]),
            y0: fmt(line.from[1]),
            x1: fmt(line.to[0]),
            y1: fmt(line.to[1]),
          })}
          data-from={JSON.stringify(line.from)}
          data-to={JSON.stringify(line.to)}
          data-values={values === null ? '' : JSON.stringify([...values])}
        />
      </div>
      {values !== null && (
        <p className="slice-hint" data-testid="slice-readout">
          {t('slice.readout', {
            s: '50%',
            x: fmt(mid[0]),
            y: fmt(mid[1]),
            value: fmt(values[(SLICE_POINTS - 1) / 2]),
          })}
        </p>
      )}
    </section>
  )
}
