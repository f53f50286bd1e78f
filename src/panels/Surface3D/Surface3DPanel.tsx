import { useEffect, useId, useRef, useState } from 'react'
import { selectLanguage, selectSurface } from '../../state/selectors'
import { useServices } from '../../state/services'
import { useApp, useAppStore, useT } from '../../state/useApp'
import { isSoftwareWebGL } from '../../render/three/webglSupport'
import { attachOrbitInput, ZOOM_FACTOR } from './surface3dInput'
import { createSurface3DView } from './surface3dView'
import type { Surface3DView } from './surface3dView'
import './Surface3D.css'

type Status = 'loading' | 'ready' | 'error' | 'failed'

/**
 * The error surface in 3D: a lit mesh with the 2D map's colours and contour lines, every visible racer a ball
 * on its current point with its trail, at the playhead the 2D map and the charts share. Drag, pinch, the wheel
 * and the keyboard (the canvas is focusable) turn and zoom the camera. three.js arrives with the scene module
 * by `import()`, after this panel's own (lazy) chunk; where it cannot start, the panel says so.
 *
 * For tests and the embed bridge, the section carries `data-ready` once a surface is drawn and
 * `data-ball-racer`, `data-ball-index` (the selected racer's point under its ball) and `data-ball-px` (where
 * that ball is on the canvas, CSS px), written directly, never through React.
 */
export function Surface3DPanel() {
  const t = useT()
  const store = useAppStore()
  const services = useServices()
  const surface = useApp(selectSurface)
  const language = useApp(selectLanguage)
  const [status, setStatus] = useState<Status>('loading')
  const sectionRef = useRef<HTMLElement>(null)
  const stageRef = useRef<HTMLDivElement>(null)
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const viewRef = useRef<Surface3DView | null>(null)
  const helpId = useId()

  useEffect(() => {
    const stage = stageRef.current
    const canvas = canvasRef.current
    const section = sectionRef.current
    if (!stage || !canvas || !section) return
    let cancelled = false
    let cleanup = (): void => undefined
    import('../../render/three/surface3dScene').then(
      ({ createSurface3DScene }) => {
        if (cancelled) return
        let view: Surface3DView
        try {
          // A CPU renderer (SwiftShader) cannot draw the mesh 60 times a second: no multisampling there, and the
          // surface is kept in a layer that frames copy while only the racers move.
          const software = isSoftwareWebGL()
          const scene = createSurface3DScene(canvas, { antialias: !software, cacheSurface: software })
          view = createSurface3DView(scene, store, services, {
            onStatus: (s) => {
              setStatus(s)
              if (s === 'ready') section.dataset.ready = '1'
            },
            onBall: (ball) => {
              if (ball === null) {
                delete section.dataset.ballIndex
                delete section.dataset.ballPx
                delete section.dataset.ballRacer
                return
              }
              section.dataset.ballRacer = ball.racer
              section.dataset.ballIndex = String(ball.index)
              section.dataset.ballPx = `${ball.px[0].toFixed(1)},${ball.px[1].toFixed(1)}`
            },
            onFrame: (kind) => {
              if (section.dataset.frame !== kind) section.dataset.frame = kind
            },
          })
        } catch {
          // No WebGL context after all (lost, blocked, out of contexts): say so rather than show a blank box.
          setStatus('failed')
          return
        }
        viewRef.current = view
        const detach = attachOrbitInput(canvas, view)
        const sync = (): void => {
          const rect = stage.getBoundingClientRect()
          if (rect.width > 0 && rect.height > 0)
            view.setSize(rect.width, rect.height, window.devicePixelRatio || 1)
        }
        sync()
        const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(sync) : null
        resize?.observe(stage)
        cleanup = () => {
          resize?.disconnect()
          detach()
          view.destroy()
          viewRef.current = null
        }
      },
      () => {
        if (!cancelled) setStatus('failed')
      },
    )
    return () => {
      cancelled = true
      cleanup()
    }
  }, [store, services])

  const name = surface.name[language]
  return (
    <section className="panel surface3d-panel" data-testid="surface3d-panel" ref={sectionRef}>
      <div className="surface-head">
        <h2>{t('surface3d.title', { name })}</h2>
        <div className="surface-tools" role="group" aria-label={t('control.view')}>
          <button
            type="button"
            data-testid="surface3d-zoom-in"
            aria-label={t('control.zoomIn')}
            title={t('control.zoomIn')}
            onClick={() => viewRef.current?.zoom(ZOOM_FACTOR)}
          >
            +
          </button>
          <button
            type="button"
            data-testid="surface3d-zoom-out"
            aria-label={t('control.zoomOut')}
            title={t('control.zoomOut')}
            onClick={() => viewRef.current?.zoom(1 / ZOOM_FACTOR)}
          >
            −
          </button>
          <button
            type="button"
            className="surface3d-reset"
            data-testid="surface3d-reset"
            onClick={() => viewRef.current?.resetCamera()}
          >
            {t('surface3d.resetCamera')}
          </button>
        </div>
      </div>
      <div className="surface3d-stage" ref={stageRef}>
        <canvas
          className="surface3d-canvas"
          ref={canvasRef}
          data-testid="surface3d-canvas"
          role="img"
          tabIndex={0}
          aria-label={t('surface3d.canvasLabel', { name })}
          aria-describedby={helpId}
        />
        {status !== 'ready' && (
          <p className="surface-status" role={status === 'loading' ? 'status' : 'alert'}>
            {t(
              status === 'loading'
                ? 'surface3d.loading'
                : status === 'error'
                  ? 'surface.gridFailed'
                  : 'surface3d.failed',
            )}
          </p>
        )}
      </div>
      <p className="surface-hint" aria-hidden="true">
        {t('surface3d.hint')}
      </p>
      <p id={helpId} className="visually-hidden">
        {t('surface3d.help')}
      </p>
    </section>
  )
}
