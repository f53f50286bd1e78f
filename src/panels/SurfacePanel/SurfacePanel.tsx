import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { drawScaleAttr, drawScaleFor } from '../../render/drawScale'
import { formatValue } from '../../render/texLabel'
import {
  selectHasInspectAnalysis,
  selectInspectPoint,
  selectLanguage,
  selectShowArrows,
  selectStart,
  selectSurface,
  selectView,
} from '../../state/selectors'
import { useServices } from '../../state/services'
import { selectSliceDrawing } from '../../state/sliceTool'
import { useCanvasLook } from '../../state/useCanvasLook'
import { useApp, useAppStore, useT } from '../../state/useApp'
import { workerNoticeText } from '../../state/workerNoticeText'
import { createGridLoader } from './gridLoader'
import type { GridStatus } from './gridLoader'
import { attachSurfaceInput, ZOOM_STEP } from './surfaceInput'
import { gridNodesFor, plotAttr, viewAttr, zoomViewBy } from './surfaceLayout'
import { createNoiseClouds } from './noiseClouds'
import type { NoiseClouds } from './noiseClouds'
import { createSurfaceView } from './surfaceView'
import type { SurfaceView } from './surfaceView'
import type { ArrowNote } from './arrowVectors'
import { arrowNoteText } from './arrowNoteText'
import { gridArgmin, testSurfaceIdOf } from './testSurfaceLayer'
import { TestSurfaceToggle } from './TestSurfaceToggle'
import './SurfacePanel.css'

/**
 * The error surface with the race on it: the heatmap and contour lines of the chosen surface (sampled and
 * traced in the worker), the axes, the minima (yellow ×), the start point (black dot: click to place, drag to
 * move), every visible racer's path up to the playhead, the lecture's momentum arrows and the Hessian's
 * eigen-axes. Wheel, drag and pinch zoom and pan. Canvases repaint from the store, never through React.
 */
export function SurfacePanel() {
  const t = useT()
  const store = useAppStore()
  const services = useServices()
  const surface = useApp(selectSurface)
  const view = useApp(selectView)
  const start = useApp(selectStart)
  const language = useApp(selectLanguage)
  const showArrows = useApp(selectShowArrows)
  const inspectPoint = useApp(selectInspectPoint)
  const hasAnalysis = useApp(selectHasInspectAnalysis)
  // The slice tool's draw mode: one pointer draws the slice line (the stage's data-slice-drawing).
  const sliceDrawing = useApp(selectSliceDrawing)
  const [status, setStatus] = useState<GridStatus>('loading')
  // While the worker is stopped after failed restarts the grid waits: say so instead of "Computing…".
  const workerNotice = useApp((s) => s.workerNotice)
  const workerStopped = workerNotice?.phase === 'failed'
  const [gridReady, setGridReady] = useState(false)
  const stageRef = useRef<HTMLDivElement>(null)
  const baseRef = useRef<HTMLCanvasElement>(null)
  const trailRef = useRef<HTMLCanvasElement>(null)
  const overlayRef = useRef<HTMLCanvasElement>(null)
  const helpId = useId()
  const look = useCanvasLook()
  const drawScale = useMemo(() => drawScaleFor(look.presenter, look.viewportHeightPx, look.colors), [look])
  const drawScaleRef = useRef(drawScale)
  const viewRef = useRef<{ view: SurfaceView; sync: () => void } | null>(null)
  // What the momentum arrows mean (to scale, scaled ×k, stopped): written by the painter, never by React.
  const arrowNoteRef = useRef<HTMLLIElement>(null)
  const lastNote = useRef<ArrowNote | null>(null)
  const tRef = useRef(t)
  const showNote = (note: ArrowNote | null): void => {
    lastNote.current = note
    const el = arrowNoteRef.current
    if (el === null) return
    el.dataset.kind = note?.kind ?? 'none'
    el.textContent = note === null ? '' : arrowNoteText(note, tRef.current)
  }
  const showNoteRef = useRef(showNote)
  useEffect(() => {
    tRef.current = t
    showNoteRef.current(lastNote.current)
  }, [t])
  // Touch "explore": one finger pans the plot instead of scrolling the page (the stage's data-explore).
  const [explore, setExplore] = useState(false)

  useEffect(() => {
    const stage = stageRef.current
    const base = baseRef.current
    const trail = trailRef.current
    const overlay = overlayRef.current
    if (!stage || !base || !trail || !overlay) return
    let clouds: NoiseClouds | null = null
    const surfaceView = createSurfaceView({ base, trail, overlay }, store, {
      onImagePainted: () => setGridReady(true),
      onArrowNote: (note) => showNoteRef.current(note),
      clouds: () => clouds?.current() ?? [],
      testLabel: () => tRef.current('surface.testingLabel'),
      // What testing surface the map shows, and where its drawn grid is lowest: for readers and the e2e tests.
      onTestPainted: (img) => {
        const at = img === null ? null : gridArgmin(img.grid)
        if (img === null || at === null) {
          delete stage.dataset.testSurface
          delete stage.dataset.testArgmin
        } else {
          stage.dataset.testSurface = img.surfaceId
          stage.dataset.testArgmin = `${at[0]},${at[1]}`
        }
      },
    })
    // The gradient-noise clouds of a data surface; each racer's spread goes on the stage as data-cloud-<id>.
    clouds = createNoiseClouds(services, store, surfaceView.repaint, (spreads) => {
      for (const key of Object.keys(stage.dataset)) if (key.startsWith('cloud')) delete stage.dataset[key]
      for (const [id, spread] of spreads) stage.dataset[`cloud${id.toUpperCase()}`] = String(spread)
    })
    surfaceView.setDrawScale(drawScaleRef.current)
    const loader = createGridLoader(services, surfaceView.setImage, setStatus)
    // The testing surface's grid and contours (a surface whose meta names one), drawn while shown.
    const testLoader = createGridLoader(services, surfaceView.setTestImage, () => {})
    const detachInput = attachSurfaceInput(overlay, surfaceView, store, {
      exploring: () => stage.dataset.explore === '1',
    })

    // Size the canvases to the stage and ask for the grid of the store's view at ~1 node per 2 px.
    const sync = (): void => {
      const rect = stage.getBoundingClientRect()
      if (!(rect.width > 0 && rect.height > 0)) return
      surfaceView.setSize(rect.width, rect.height, window.devicePixelRatio || 1)
      const scales = surfaceView.settledScales()
      if (scales === null) return
      // What is shown (the store's view widened to square units) and where: for the e2e tests' aspect check.
      stage.dataset.shownView = viewAttr(scales.extent)
      stage.dataset.plot = plotAttr(scales)
      stage.dataset.drawScale = drawScaleAttr(drawScaleRef.current)
      const s = store.getState()
      // Sample what is shown, not only the store's view: the widened margins need their heatmap too.
      loader.request(
        s.settings.surfaceId,
        scales.extent,
        gridNodesFor(scales.plot.width),
        gridNodesFor(scales.plot.height),
        s.settings.net === undefined ? '' : JSON.stringify(s.settings.net),
      )
      const testId = testSurfaceIdOf(s.settings)
      if (testId !== undefined)
        testLoader.request(
          testId,
          scales.extent,
          gridNodesFor(scales.plot.width),
          gridNodesFor(scales.plot.height),
        )
    }
    viewRef.current = { view: surfaceView, sync }
    sync()
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(sync) : null
    resize?.observe(stage)
    // A window moved to a screen with another pixel ratio resizes nothing: watch the ratio itself.
    let ratio: MediaQueryList | null = null
    const watchRatio = (): void => {
      ratio?.removeEventListener('change', onRatio)
      ratio = window.matchMedia?.(`(resolution: ${window.devicePixelRatio || 1}dppx)`) ?? null
      ratio?.addEventListener('change', onRatio)
    }
    const onRatio = (): void => {
      watchRatio()
      sync()
    }
    watchRatio()
    const unsubscribe = store.subscribe((s, prev) => {
      const otherNet = s.settings.net !== prev.settings.net
      if (s.settings.surfaceId !== prev.settings.surfaceId || otherNet) {
        // An inspected point and its analysis belong to the surface they were picked on.
        s.setInspectPoint(null)
        s.setInspectAnalysis(null)
      }
      if (
        s.settings.surfaceId !== prev.settings.surfaceId ||
        s.settings.view !== prev.settings.view ||
        otherNet
      )
        sync()
    })
    return () => {
      viewRef.current = null
      unsubscribe()
      ratio?.removeEventListener('change', onRatio)
      resize?.disconnect()
      detachInput()
      loader.destroy()
      testLoader.destroy()
      clouds?.destroy()
      surfaceView.destroy()
    }
  }, [store, services])

  // The presenter scale and colour profile: margins and ticks change with it, so the view re-syncs.
  useEffect(() => {
    drawScaleRef.current = drawScale
    viewRef.current?.view.setDrawScale(drawScale)
    viewRef.current?.sync()
  }, [drawScale])

  const zoom = (factor: number): void => {
    const s = store.getState()
    s.setView(zoomViewBy(selectView(s), factor))
  }
  const name = surface.name[language]
  const fmt = (v: number): string => formatValue(v, 4)

  return (
    <section
      className="panel surface-panel"
      data-testid="surface-panel"
      data-view={viewAttr(view)}
      data-start={`${start[0]},${start[1]}`}
      data-grid-ready={gridReady ? '1' : undefined}
    >
      <div className="surface-head">
        <h2>{t('surface.title', { name })}</h2>
        <div className="surface-tools" role="group" aria-label={t('control.view')}>
          <button
            type="button"
            data-testid="zoom-in"
            aria-label={t('control.zoomIn')}
            title={t('control.zoomIn')}
            onClick={() => zoom(ZOOM_STEP)}
          >
            +
          </button>
          <button
            type="button"
            data-testid="zoom-out"
            aria-label={t('control.zoomOut')}
            title={t('control.zoomOut')}
            onClick={() => zoom(1 / ZOOM_STEP)}
          >
            −
          </button>
          <button type="button" data-testid="reset-view" onClick={() => store.getState().setView(null)}>
            {t('control.resetView')}
          </button>
          <button
            type="button"
            className="surface-explore"
            aria-pressed={explore}
            title={t('surface.exploreHint')}
            onClick={() => setExplore((on) => !on)}
            data-testid="surface-explore"
          >
            {t('surface.explore')}
          </button>
        </div>
      </div>
      <div
        className="surface-stage"
        ref={stageRef}
        data-explore={explore ? '1' : undefined}
        data-slice-drawing={sliceDrawing ? '1' : undefined}
      >
        <canvas className="surface-layer" ref={baseRef} aria-hidden="true" />
        <canvas className="surface-layer" ref={trailRef} aria-hidden="true" />
        <canvas
          className="surface-layer surface-input"
          ref={overlayRef}
          data-testid="surface-canvas"
          data-main-figure
          role="img"
          tabIndex={0}
          aria-label={t('surface.canvasLabel', { name, x: fmt(start[0]), y: fmt(start[1]) })}
          aria-describedby={helpId}
        />
        {/* Later grids (after a zoom) load under the old picture: only the first one is announced. */}
        {(status === 'error' || (status === 'loading' && !gridReady)) && (
          <p className="surface-status" role={status === 'error' || workerStopped ? 'alert' : 'status'}>
            {workerStopped
              ? workerNoticeText(t, workerNotice, 'plain')
              : t(status === 'error' ? 'surface.gridFailed' : 'surface.loading')}
          </p>
        )}
      </div>
      {sliceDrawing && (
        <p className="surface-slice-mode" role="status" data-testid="surface-slice-mode">
          <span>{t('slice.drawing')}</span>
          <button
            type="button"
            data-testid="surface-slice-done"
            onClick={() => store.getState().setSliceDrawing(false)}
          >
            {t('slice.drawDone')}
          </button>
        </p>
      )}
      <p className="surface-hint surface-hint-pointer" aria-hidden="true">
        {t('surface.hint')}
      </p>
      <p className="surface-hint surface-hint-touch" data-testid="surface-touch-hint">
        {t('surface.touchHint')}
      </p>
      <p id={helpId} className="visually-hidden">
        {t('surface.help')}
      </p>
      {showArrows && (
        <ul className="surface-legend" data-testid="surface-arrow-legend">
          <li>
            <span className="swatch swatch-neg-gradient" aria-hidden="true" />
            {t('surface.arrowNegGradient')}
          </li>
          <li>
            <span className="swatch swatch-previous" aria-hidden="true" />
            {t('surface.arrowPrevious')}
          </li>
          <li>
            <span className="swatch swatch-movement" aria-hidden="true" />
            {t('surface.arrowMovement')}
          </li>
          <li ref={arrowNoteRef} className="surface-arrow-note" data-testid="surface-arrow-scale" />
        </ul>
      )}
      <TestSurfaceToggle />
      {surface.examples !== undefined && (
        <p className="surface-legend" data-testid="surface-cloud-legend">
          {t('surface.noiseCloud')}
        </p>
      )}
      {hasAnalysis && (
        <p className="surface-legend" data-testid="surface-eigen-legend">
          {t('surface.eigenLegend')}
        </p>
      )}
      {inspectPoint !== null && (
        <div className="surface-inspect" role="status">
          <span>{t('surface.inspecting', { x: fmt(inspectPoint[0]), y: fmt(inspectPoint[1]) })}</span>
          <button
            type="button"
            data-testid="surface-follow-racer"
            onClick={() => store.getState().setInspectPoint(null)}
          >
            {t('surface.followRacer')}
          </button>
        </div>
      )}
    </section>
  )
}
