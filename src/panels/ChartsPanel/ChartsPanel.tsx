import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { sceneCatalog } from '../../core/scenes/catalog.meta'
import { racerColor } from '../../render/colors'
import { drawScaleAttr, drawScaleFor } from '../../render/drawScale'
import { texToUnicode } from '../../render/texLabel'
import type { MessageKey } from '../../i18n/en'
import { scheduleName } from '../../i18n/registryNames'
import { selectLanguage, selectRacers, selectSchedule, selectSteps } from '../../state/selectors'
import { useApp, useAppStore, useT } from '../../state/useApp'
import { useCanvasLook } from '../../state/useCanvasLook'
import { fitCanvas } from './canvasLayer'
import { CHART_IDS, createChartsPainter } from './chartsPainter'
import type { ChartId } from './chartsPainter'
import { racerLabels } from './racerLabels'
import { groupScheduleCurves } from './scheduleSamples'
import { createLayoutChannel, StabilityBandLayer, StabilityLegend } from './StabilityBand'
import { useStabilityBands } from './useStabilityBands'
import { TestLossLegend } from './TestLossLegend'
import { testLossAttrs } from './testLossSeries'
import { epochAxisApplies } from './epochAxis'
import { findSurfaceMeta } from '../../core/surfaces/meta'
import type { AppState } from '../../state/store'
import type { StepUnit } from '../../state/settings'
import './ChartsPanel.css'

const TEST_IDS: Record<ChartId, string> = { loss: 'chart-loss', gradNorm: 'chart-gradnorm', lr: 'chart-lr' }
const CAPTION: Record<ChartId, MessageKey> = {
  loss: 'chart.loss',
  gradNorm: 'chart.gradNorm',
  lr: 'charts.lrCaption',
}
const CAPTION_EPOCH: Record<'loss' | 'gradNorm', MessageKey> = {
  loss: 'chart.lossEpoch',
  gradNorm: 'chart.gradNormEpoch',
}
const ARIA: Record<ChartId, MessageKey> = {
  loss: 'charts.lossAria',
  gradNorm: 'charts.gradNormAria',
  lr: 'charts.lrAria',
}

/**
 * Loss and ‖g‖ against the step, one above the other on the same x axis (the lecture's "stuck ≠ small
 * gradient" pair), and the learning-rate schedule of every racer as η_t/η over the whole run. The canvases
 * repaint through `store.subscribe`, at most once per animation frame and only what changed; React renders
 * the frame and the schedule legend, never per frame.
 */
export function ChartsPanel() {
  const t = useT()
  const store = useAppStore()
  const racers = useApp(selectRacers)
  const schedule = useApp(selectSchedule)
  const steps = useApp(selectSteps)
  const language = useApp(selectLanguage)
  const count = useApp(selectCount)
  const surfaceId = useApp(selectSurfaceId)
  const examples = findSurfaceMeta(surfaceId)?.examples
  // The x-axis of the loss and ‖g‖ charts: the student's choice, else what the race's steps count (a new
  // scene, surface or count starts over from that).
  const unitKey = `${count ?? ''}|${surfaceId}`
  const [chosen, setChosen] = useState<{ unit: StepUnit; key: string } | null>(null)
  const xUnit: StepUnit =
    chosen !== null && chosen.key === unitKey ? chosen.unit : count === 'epochs' ? 'epochs' : 'updates'
  const showUnit = epochAxisApplies(racers, count, examples)
  const epochAxis = showUnit && xUnit === 'epochs'
  const titleId = useId()
  // The η chart's x axis: log over steps 1…T when the scene asks for it (scene 5's warm-up), until toggled.
  const sceneId = useApp((s) => s.settings.scene)
  const sceneLogX =
    sceneId !== undefined && sceneCatalog.ids.includes(sceneId) && sceneCatalog.get(sceneId).lrLogX === true
  const [logXChoice, setLogXChoice] = useState<{ scene: string | undefined; on: boolean } | null>(null)
  const lrLogX = logXChoice !== null && logXChoice.scene === sceneId ? logXChoice.on : sceneLogX
  const painterRef = useRef<ReturnType<typeof createChartsPainter> | null>(null)
  const schedulePaintRef = useRef<(() => void) | null>(null)
  const lrLogXRef = useRef(lrLogX)
  const look = useCanvasLook()
  const drawScale = useMemo(() => drawScaleFor(look.presenter, look.viewportHeightPx, look.colors), [look])
  const boxes = useRef<Record<ChartId, HTMLDivElement | null>>({ loss: null, gradNorm: null, lr: null })
  const bases = useRef<Record<ChartId, HTMLCanvasElement | null>>({ loss: null, gradNorm: null, lr: null })
  const overlays = useRef<Record<ChartId, HTMLCanvasElement | null>>({ loss: null, gradNorm: null, lr: null })
  const tips = useRef<Record<ChartId, HTMLDivElement | null>>({ loss: null, gradNorm: null, lr: null })
  const playheads = useRef<Record<ChartId, HTMLDivElement | null>>({ loss: null, gradNorm: null, lr: null })
  const bands = useStabilityBands()
  const lrLayout = useMemo(() => createLayoutChannel(), [])

  useEffect(() => {
    const raf = globalThis.requestAnimationFrame?.bind(globalThis) ?? ((f: () => void) => setTimeout(f, 16))
    const cancel = globalThis.cancelAnimationFrame?.bind(globalThis) ?? clearTimeout
    const painter = createChartsPainter({
      t,
      onLrLayout: lrLayout.set,
      xUnit: showUnit ? xUnit : 'updates',
      onXAxis({ unit, xMax, ends }) {
        const canvas = bases.current.loss
        if (canvas === null) return
        const text = ends.map((e) => `${e.id}:${+e.x.toFixed(6)}`).join(' ')
        if (canvas.dataset.xUnit !== unit) canvas.dataset.xUnit = unit
        if (canvas.dataset.xMax !== String(xMax)) canvas.dataset.xMax = String(xMax)
        if (canvas.dataset.xEnds !== text) canvas.dataset.xEnds = text
      },
      onTooltip(id, tip) {
        const el = tips.current[id]
        const box = boxes.current[id]
        if (el === null || box === null) return
        el.hidden = tip === null
        if (tip === null) return
        el.textContent = tip.text
        // Keep the tooltip on the side away from the pointer, inside the chart.
        const right = tip.x > box.clientWidth / 2
        el.style.left = right ? '' : `${Math.round(tip.x + 12)}px`
        el.style.right = right ? `${Math.round(box.clientWidth - tip.x + 12)}px` : ''
      },
      onPlayhead(id, line) {
        const el = playheads.current[id]
        if (el === null) return
        el.hidden = line === null
        if (line === null) return
        // A transform moves the line in the compositor: no canvas repaint per frame.
        el.style.transform = `translateX(${line.x}px)`
        el.style.top = `${line.top}px`
        el.style.height = `${line.height}px`
      },
    })
    painterRef.current = painter
    painter.setLrLogX(lrLogXRef.current)
    let frame: ReturnType<typeof raf> | 0 = 0
    const paintNow = (): void => {
      frame = 0
      painter.paint(store.getState())
      // The η chart's x axis, for readers and tests: its kind and where the warm-up ends on it (px of the plot).
      const axis = painter.lrAxis()
      const lr = bases.current.lr
      if (lr !== null && axis !== null) {
        lr.dataset.xScale = axis.kind
        lr.dataset.plotWidth = axis.plotWidthPx.toFixed(1)
        if (axis.warmUpEndPx === null) delete lr.dataset.warmupEndPx
        else lr.dataset.warmupEndPx = axis.warmUpEndPx.toFixed(1)
      }
      // The axis kind, for readers and tests: 'symlog' once a loss below zero is drawn.
      for (const id of CHART_IDS) {
        const scale = painter.yScale(id)
        const canvas = bases.current[id]
        if (canvas !== null && scale !== null && canvas.dataset.yScale !== scale)
          canvas.dataset.yScale = scale
      }
      // The dashed testing curves drawn (canyon vs basin) and their last values.
      const loss = bases.current.loss
      if (loss !== null) {
        const { curves, last } = testLossAttrs(store.getState().settings, store.getState().tracks)
        loss.dataset.testCurves = String(curves)
        loss.dataset.testLast = last
      }
    }
    const schedulePaint = (): void => {
      if (frame === 0) frame = raf(paintNow)
    }
    schedulePaintRef.current = schedulePaint
    const unsubscribe = store.subscribe((s, prev) => {
      if (
        s.version !== prev.version ||
        s.cursor !== prev.cursor ||
        s.tracks !== prev.tracks ||
        s.raceSteps !== prev.raceSteps ||
        s.settings.racers !== prev.settings.racers ||
        s.settings.schedule !== prev.settings.schedule ||
        s.settings.steps !== prev.settings.steps ||
        s.settings.showTestSurface !== prev.settings.showTestSurface ||
        s.settings.count !== prev.settings.count
      )
        schedulePaint()
    })

    const cleanups: (() => void)[] = []
    for (const id of CHART_IDS) {
      const box = boxes.current[id]
      const base = bases.current[id]
      const overlay = overlays.current[id]
      if (box === null || base === null || overlay === null) continue
      const resize = (): void => {
        const widthPx = Math.floor(box.clientWidth)
        const heightPx = Math.floor(box.clientHeight)
        const fontSize = parseFloat(getComputedStyle(box).fontSize) || 15
        const b = fitCanvas(base, widthPx, heightPx)
        const o = fitCanvas(overlay, widthPx, heightPx)
        const fontPx = Math.round(Math.min(18, Math.max(10, fontSize * 0.75)))
        box.dataset.drawScale = drawScaleAttr(drawScale)
        painter.setLayers(
          id,
          b && o ? { base: b, overlay: o, widthPx, heightPx, fontPx, scale: drawScale } : null,
        )
        schedulePaint()
      }
      resize()
      if (typeof ResizeObserver !== 'undefined') {
        const observer = new ResizeObserver(resize)
        observer.observe(box)
        cleanups.push(() => observer.disconnect())
      }
      const move = (e: PointerEvent): void => {
        painter.setHover(id, e.clientX - box.getBoundingClientRect().left)
        schedulePaint()
      }
      const leave = (): void => {
        painter.setHover(id, null)
        const tip = tips.current[id]
        if (tip !== null) tip.hidden = true
        schedulePaint()
      }
      box.addEventListener('pointermove', move)
      box.addEventListener('pointerdown', move)
      box.addEventListener('pointerleave', leave)
      box.addEventListener('pointercancel', leave)
      cleanups.push(() => {
        box.removeEventListener('pointermove', move)
        box.removeEventListener('pointerdown', move)
        box.removeEventListener('pointerleave', leave)
        box.removeEventListener('pointercancel', leave)
      })
    }
    schedulePaint()
    return () => {
      painterRef.current = null
      schedulePaintRef.current = null
      if (frame !== 0) cancel(frame)
      unsubscribe()
      for (const f of cleanups) f()
    }
  }, [store, t, drawScale, lrLayout, xUnit, showUnit])

  useEffect(() => {
    lrLogXRef.current = lrLogX
    painterRef.current?.setLrLogX(lrLogX)
    schedulePaintRef.current?.()
  }, [lrLogX])

  const legend = useMemo(() => {
    const visible = racers.filter((r) => !r.hidden)
    const names = racerLabels(racers, language)
    return groupScheduleCurves(
      visible.map((r) => ({ id: r.id, lr: r.optimizer.lr, schedule: r.schedule ?? schedule })),
      steps,
    ).map((c) => ({
      key: c.racerIds.join(','),
      kind: c.schedule.kind,
      color: racerColor(racers.find((r) => r.id === c.racerIds[0])?.color ?? 0),
      schedule: scheduleName(c.schedule.kind, language),
      racers:
        c.racerIds.length === visible.length && visible.length > 1
          ? t('charts.allRacers')
          : c.racerIds.map((id) => names.get(id) ?? id).join(', '),
    }))
  }, [racers, schedule, steps, language, t])

  const chart = (id: ChartId) => (
    <figure className={`chart chart-${id}`}>
      <figcaption className="chart-caption">
        {texToUnicode(t(epochAxis && id !== 'lr' ? CAPTION_EPOCH[id] : CAPTION[id]))}
      </figcaption>
      <div
        className={`chart-box chart-box-${id}`}
        ref={(el) => {
          boxes.current[id] = el
        }}
      >
        <canvas
          className="chart-base"
          data-testid={TEST_IDS[id]}
          role="img"
          aria-label={t(ARIA[id])}
          ref={(el) => {
            bases.current[id] = el
          }}
        />
        {id === 'lr' && <StabilityBandLayer bands={bands} channel={lrLayout} />}
        <canvas
          className="chart-overlay"
          aria-hidden="true"
          ref={(el) => {
            overlays.current[id] = el
          }}
        />
        <div
          className="chart-playhead"
          aria-hidden="true"
          hidden
          ref={(el) => {
            playheads.current[id] = el
          }}
        />
        <div
          className="chart-tooltip"
          hidden
          ref={(el) => {
            tips.current[id] = el
          }}
        />
      </div>
    </figure>
  )

  return (
    <section className="panel charts-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('charts.title')}</h2>
      {showUnit && (
        <div className="charts-unit" role="radiogroup" aria-label={t('charts.countLabel')}>
          <span className="charts-unit-label">{t('charts.countLabel')}</span>
          {(['updates', 'epochs'] as const).map((unit) => (
            <label key={unit}>
              <input
                type="radio"
                name={`${titleId}-unit`}
                value={unit}
                checked={xUnit === unit}
                onChange={() => setChosen({ unit, key: unitKey })}
                data-testid={`charts-unit-${unit}`}
              />
              {t(unit === 'epochs' ? 'charts.countEpochs' : 'charts.countUpdates')}
            </label>
          ))}
        </div>
      )}
      {chart('loss')}
      <TestLossLegend />
      {chart('gradNorm')}
      <p className="charts-hint">{t('charts.pairHint')}</p>
      {chart('lr')}
      <label className="charts-lr-logx">
        <input
          type="checkbox"
          data-testid="chart-lr-logx"
          checked={lrLogX}
          onChange={(e) => setLogXChoice({ scene: sceneId, on: e.currentTarget.checked })}
        />
        {t('charts.lrLogX')}
      </label>
      <ul className="charts-lr-legend" aria-label={t('charts.lrLegend')}>
        {legend.map((c) => (
          <li key={c.key} data-schedule={c.kind}>
            <span className="charts-swatch" style={{ background: c.color }} aria-hidden="true" />
            {t('charts.lrCurve', { schedule: c.schedule, racers: c.racers })}
          </li>
        ))}
      </ul>
      <StabilityLegend bands={bands} />
      <p className="charts-hint">{t('charts.lrHint')}</p>
      {bands.length > 0 && <p className="charts-hint">{t('charts.bandHint')}</p>}
    </section>
  )
}

const selectCount = (s: AppState): 'epochs' | undefined => s.settings.count
const selectSurfaceId = (s: AppState): string => s.settings.surfaceId
