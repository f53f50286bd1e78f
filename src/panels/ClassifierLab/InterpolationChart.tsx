import { useLayoutEffect, useMemo, useRef } from 'react'
import { drawScaleAttr, drawScaleFor } from '../../render/drawScale'
import { selectMode, selectNetA } from '../../state/lab/labSelectors'
import type { LabState, LabStore } from '../../state/lab/labStore'
import { useCanvasLook } from '../../state/useCanvasLook'
import { formatNumber } from '../../ui/formatNumber'
import type { InterpolationLine } from '../../worker/protocol'
import { fitCanvas } from './canvasFit'
import { useElementWidth, useLab, useLabT, useWhileTraining } from './labHooks'
import { RUN_COLORS, runName } from './labText'
import { paintXYChart } from './paintXYChart'
import type { XYSeries } from './paintXYChart'

/** Least time between two requests while training streams (as the landscapes). */
const THROTTLE_MS = 400
const HEIGHT = 200
/** The line between the two networks: neither run's colour (Okabe–Ito reddish purple is the validation's). */
export const BETWEEN_COLOR = '#6a3d9a'

const selectInterpolation = (s: LabState) => s.interpolation

/** The index of t = `value` on a line's axis (−1 when it is not a node). */
export function indexOfT(line: InterpolationLine, value: number): number {
  for (let i = 0; i < line.t.length; i++) if (Math.abs(line.t[i] - value) < 1e-9) return i
  return -1
}

/**
 * Goodfellow et al.'s (2015) one-dimensional view (#12), under the landscapes: the loss (log axis) and the
 * accuracy of the networks on straight lines in weight space against t, from each network's initial weights
 * (t = 0) to its current ones (t = 1), and from network a to network b (the data term), computed in the
 * worker as training streams (at most every 400 ms). The numbers at t = 0 and t = 1 are said in words.
 */
export function InterpolationChart({ store }: { store: LabStore }) {
  const t = useLabT(store)
  const state = useLab(store, selectInterpolation)
  const mode = useLab(store, selectMode)
  const a = useLab(store, selectNetA)
  const wrap = useRef<HTMLDivElement>(null)
  const lossCanvas = useRef<HTMLCanvasElement>(null)
  const accCanvas = useRef<HTMLCanvasElement>(null)
  const look = useCanvasLook()
  const scale = useMemo(() => drawScaleFor(look.presenter, look.viewportHeightPx, look.colors), [look])
  const full = useElementWidth(wrap) || 360
  // Side by side from 720 px, stacked below.
  const width = Math.max(260, full >= 720 ? Math.floor((full - 12) / 2) : full)
  const height = Math.round(HEIGHT * (1 + (scale.text - 1) / 2))

  useWhileTraining(store, 'computeInterpolation', THROTTLE_MS)

  const lines = state.reply?.lines ?? []
  const name = (key: 'a' | 'b') => runName(t, mode, key, a)
  const colorOf = (l: InterpolationLine) => (l.id === 'ab' ? BETWEEN_COLOR : RUN_COLORS[l.id].main)
  const labelOf = (l: InterpolationLine) =>
    l.id === 'ab'
      ? t('lab.interp.between', { a: name('a'), b: name('b') })
      : t('lab.interp.fromInit', { name: name(l.id) })

  useLayoutEffect(() => {
    if (lines.length === 0) return
    const x0 = lines[0].t[0]
    const x1 = lines[0].t[lines[0].t.length - 1]
    const marks = [
      { x: 0, label: '' },
      { x: 1, label: '' },
    ]
    const charts: [HTMLCanvasElement | null, XYSeries[], boolean, string][] = [
      [
        lossCanvas.current,
        lines.map((l) => ({ x: l.t, y: l.id === 'ab' ? l.dataLoss : l.loss, color: colorOf(l) })),
        true,
        t('lab.curves.loss'),
      ],
      [
        accCanvas.current,
        lines.map((l) => ({ x: l.t, y: l.accuracy, color: colorOf(l) })),
        false,
        t('lab.curves.accuracy'),
      ],
    ]
    for (const [canvas, series, yLog, yLabel] of charts) {
      const ctx = fitCanvas(canvas, width, height)
      if (ctx === null) continue
      paintXYChart(ctx, {
        widthPx: width,
        heightPx: height,
        xDomain: [x0, x1],
        series,
        yLog,
        ...(!yLog && { yDomain: [0, 1] as [number, number] }),
        xLabel: 't',
        yLabel,
        marks,
        scale,
      })
    }
  })

  const byId = new Map(lines.map((l) => [l.id, l]))
  const at = (id: 'a' | 'b', value: number) => {
    const line = byId.get(id)
    const i = line === undefined ? -1 : indexOfT(line, value)
    return line === undefined || i < 0 ? NaN : line.loss[i]
  }
  const attr = (v: number) => (Number.isFinite(v) ? v : '')
  const fmt = (v: number) => (Number.isFinite(v) ? formatNumber(v, 3) : '—')
  const epoch = lines[0]?.epoch ?? 0
  return (
    <section
      className="lab-section"
      aria-labelledby="lab-interp-title"
      data-testid="lab-interpolation"
      data-epoch={lines.length > 0 ? epoch : ''}
      data-end-a={attr(at('a', 1))}
      data-end-b={attr(at('b', 1))}
      data-start-a={attr(at('a', 0))}
      data-start-b={attr(at('b', 0))}
    >
      <h3 id="lab-interp-title">{t('lab.interp.title')}</h3>
      <p className="lab-help">{t('lab.interp.intro')}</p>
      {state.status === 'failed' && (
        <p className="lab-problem" role="alert">
          {t('lab.interp.failed', { message: state.error ?? '' })}
        </p>
      )}
      {lines.length === 0 && <p className="lab-help">{t('lab.interp.waiting')}</p>}
      <div
        ref={wrap}
        className="lab-interp-charts"
        data-testid="lab-interpolation-charts"
        data-draw-scale={drawScaleAttr(scale)}
        hidden={lines.length === 0}
      >
        <canvas ref={lossCanvas} role="img" aria-label={t('lab.interp.lossChart')} />
        <canvas ref={accCanvas} role="img" aria-label={t('lab.interp.accuracyChart')} />
      </div>
      {lines.length > 0 && (
        <>
          <ul className="lab-curves-legend" data-testid="lab-interpolation-legend">
            {lines.map((l) => (
              <li key={l.id} style={{ color: colorOf(l) }}>
                <i aria-hidden="true" />
                <span>{labelOf(l)}</span>
              </li>
            ))}
          </ul>
          <p className="lab-help" data-testid="lab-interpolation-ends">
            {t('lab.interp.ends', {
              epoch,
              a0: fmt(at('a', 0)),
              b0: fmt(at('b', 0)),
              a1: fmt(at('a', 1)),
              b1: fmt(at('b', 1)),
            })}
          </p>
          {lines.length === 2 && <p className="lab-help">{t('lab.interp.noBetween')}</p>}
        </>
      )}
    </section>
  )
}
