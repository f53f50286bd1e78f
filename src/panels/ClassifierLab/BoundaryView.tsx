import { useLayoutEffect, useMemo, useRef } from 'react'
import { drawScaleAttr, drawScaleFor } from '../../render/drawScale'
import { useCanvasLook } from '../../state/useCanvasLook'
import { selectData, selectLanguage, selectMode, selectNetA } from '../../state/lab/labSelectors'
import type { LabState, LabStore } from '../../state/lab/labStore'
import { formatNumber } from '../../ui/formatNumber'
import type { TrainRunKey } from '../../worker/protocol'
import { fitCanvas } from './canvasFit'
import { useElementWidth, useFitHeight, useLab, useLabPainter, useLabT } from './labHooks'
import { percent, runName } from './labText'
import { boundaryScales, paintField, paintOverlay } from './paintBoundary'
import type { FieldScratch } from './paintBoundary'

const MIN_SIZE = 200
const MAX_SIZE = 900
/** The smallest view a frame's height may shrink it to (an embed in a short iframe). */
const MIN_FIT_SIZE = 96

const setText = (el: Element | null, text: string): void => {
  if (el !== null && el.textContent !== text) el.textContent = text
}

/**
 * One decision-boundary view: two stacked canvases, the network output and its 0.5 rings (repainted by
 * every frame, through `store.subscribe`, at most once per animation frame) under the data points and axes
 * (repainted only when the data, size or language change), with the epoch counter and metrics below.
 */
export function BoundaryView({ store, run }: { store: LabStore; run: TrainRunKey }) {
  const t = useLabT(store)
  const mode = useLab(store, selectMode)
  const net = useLab(store, selectNetA)
  const data = useLab(store, selectData)
  const language = useLab(store, selectLanguage)
  const wrap = useRef<HTMLDivElement>(null)
  const field = useRef<HTMLCanvasElement>(null)
  const overlay = useRef<HTMLCanvasElement>(null)
  const counter = useRef<HTMLSpanElement>(null)
  const metrics = useRef<HTMLSpanElement>(null)
  const validation = useRef<HTMLSpanElement>(null)
  const weights = useRef<HTMLSpanElement>(null)
  const note = useRef<HTMLParagraphElement>(null)
  const scratch = useRef<FieldScratch>({ canvas: null })
  const width = useElementWidth(wrap)
  const fitHeight = useFitHeight(wrap)
  const look = useCanvasLook()
  const scale = useMemo(() => drawScaleFor(look.presenter, look.viewportHeightPx, look.colors), [look])
  const byWidth = Math.min(MAX_SIZE, Math.max(MIN_SIZE, width || 320))
  const size =
    fitHeight > 0 ? Math.max(MIN_FIT_SIZE, Math.min(width || byWidth, fitHeight, MAX_SIZE)) : byWidth
  const fontPx = (size < 320 ? 10 : size > 600 ? 14 : 12) * scale.text
  const name = runName(t, mode, run, net)

  useLayoutEffect(() => {
    const ctx = fitCanvas(overlay.current, size, size)
    if (ctx !== null)
      paintOverlay(ctx, boundaryScales(data.extent, size, size, fontPx), data.dataset, fontPx, scale)
  }, [data, size, fontPx, language, scale])

  useLabPainter(
    store,
    (s, prev) => s.frame !== prev.frame || s.data !== prev.data,
    (s: LabState) => {
      const trace = s.traces[run]
      // Both runs of the regularization experiment train network A; 'compare' trains A and B.
      const epochs = s.settings.mode === 'compare' ? s.settings[run].epochs : s.settings.a.epochs
      // Everything below is of the epoch on screen (the scrubber's), not necessarily the last trained one.
      setText(counter.current, t('lab.view.epoch', { epoch: trace.view, epochs }))
      const last = trace.view - 1
      const final = trace.view === trace.epoch ? trace.final : null
      const loss = final?.loss ?? (last >= 0 ? trace.loss[last] : NaN)
      const accuracy = final?.accuracy ?? (last >= 0 ? trace.accuracy[last] : NaN)
      setText(
        metrics.current,
        last >= 0 ? t('lab.view.metrics', { loss: formatNumber(loss), accuracy: percent(accuracy) }) : '',
      )
      const valLoss =
        final?.valLoss ?? (last >= 0 && trace.valLoss !== null ? trace.valLoss[last] : undefined)
      const valAccuracy =
        final?.valAccuracy ?? (last >= 0 && trace.valAccuracy !== null ? trace.valAccuracy[last] : undefined)
      setText(
        validation.current,
        valLoss !== undefined && valAccuracy !== undefined
          ? t('lab.view.valMetrics', { loss: formatNumber(valLoss), accuracy: percent(valAccuracy) })
          : '',
      )
      setText(
        weights.current,
        Number.isFinite(trace.weightsSquared)
          ? t('lab.view.weights', {
              sum: formatNumber(trace.weightsSquared),
              slope: formatNumber(trace.steepest),
            })
          : '',
      )
      const ended =
        trace.stopReason === 'diverged'
          ? t('lab.view.diverged')
          : trace.stopReason === 'early-stopping' &&
              trace.stoppedEpoch !== null &&
              trace.restoredEpoch !== null
            ? t('lab.view.earlyStopped', { stopped: trace.stoppedEpoch, restored: trace.restoredEpoch })
            : ''
      setText(note.current, ended)
      field.current?.setAttribute('aria-label', t('lab.view.canvas', { name, epoch: trace.view }))
      // Until a new run's first frame arrives, the previous picture stays (no blank flash on every edit).
      if (trace.grid === null) return
      const ctx = fitCanvas(field.current, size, size)
      if (ctx === null) return
      paintField(
        ctx,
        boundaryScales(s.data.extent, size, size, fontPx),
        trace.grid,
        trace.nx,
        trace.ny,
        trace.boundary,
        scratch.current,
        scale,
      )
    },
  )

  return (
    <figure className="lab-view" data-testid={`lab-view-${run}`}>
      <figcaption className="lab-view-title" data-testid={`lab-view-title-${run}`}>
        {name}
      </figcaption>
      <div
        ref={wrap}
        className="lab-view-canvas"
        style={fitHeight > 0 ? undefined : { height: size }}
        data-size={size}
        data-draw-scale={drawScaleAttr(scale)}
      >
        <canvas ref={field} role="img" aria-label={t('lab.view.canvas', { name, epoch: 0 })} />
        <canvas ref={overlay} aria-hidden="true" />
      </div>
      <div className="lab-view-status">
        <span ref={counter} className="lab-epoch" data-testid={`lab-epoch-${run}`} />
        <span ref={metrics} className="lab-metrics" data-testid={`lab-metrics-${run}`} />
        <span ref={validation} className="lab-metrics" />
        <span ref={weights} className="lab-metrics" data-testid={`lab-weights-${run}`} />
      </div>
      <p ref={note} className="lab-view-note" />
    </figure>
  )
}
