import { useEffect, useId, useRef, useState } from 'react'
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
import { useApp, useAppStore, useT } from '../../state/useApp'
import { workerNoticeText } from '../../state/workerNoticeText'
import { createGridLoader } from './gridLoader'
import type { GridStatus } from './gridLoader'
import { attachSurfaceInput, ZOOM_STEP } from './surfaceInput'
import { gridNodesFor, viewAttr, zoomViewBy } from './surfaceLayout'
import { createSurfaceView } from './surfaceView'
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

  useEffect(() => {
    const stage = stageRef.current
    const base = baseRef.current
    const trail = trailRef.current
    const overlay = overlayRef.current
    if (!stage || !base || !trail || !overlay) return
    const surfaceView = createSurfaceView({ base, trail, overlay }, store, {
      onImagePainted: () => setGridReady(true),
    })
    const loader = createGridLoader(services, surfaceView.setImage, setStatus)
    const detachInput = attachSurfaceInput(overlay, surfaceView, store)

    // Size the canvases to the stage and ask for the grid of the store's view at ~1 node per 2 px.
    const sync = (): void => {
      const rect = stage.getBoundingClientRect()
      if (!(rect.width > 0 && rect.height > 0)) return
      surfaceView.setSize(rect.width, rect.height, window.devicePixelRatio || 1)
      const scales = surfaceView.settledScales()
      if (scales === null) return
      const s = store.getState()
      loader.request(
        s.settings.surfaceId,
        selectView(s),
        gridNodesFor(scales.plot.width),
        gridNodesFor(scales.plot.height),
        s.settings.net === undefined ? '' : JSON.stringify(s.settings.net),
      )
    }
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
      unsubscribe()
      ratio?.removeEventListener('change', onRatio)
      resize?.disconnect()
      detachInput()
      loader.destroy()
      surfaceView.destroy()
    }
  }, [store, services])

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
        </div>
      </div>
      <div className="surface-stage" ref={stageRef}>
        <canvas className="surface-layer" ref={baseRef} aria-hidden="true" />
        <canvas className="surface-layer" ref={trailRef} aria-hidden="true" />
        <canvas
          className="surface-layer surface-input"
          ref={overlayRef}
          data-testid="surface-canvas"
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
      <p className="surface-hint" aria-hidden="true">
        {t('surface.hint')}
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
        </ul>
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
