import { findSurfaceMeta } from '../../core/surfaces/meta'
import type { FrameKind, Racer3D, Surface3DScene } from '../../render/three/surface3dScene'
import { racerColor } from '../../render/colors'
import { selectView } from '../../state/selectors'
import { isAbortError } from '../../state/services'
import type { Services, SurfaceGrid } from '../../state/services'
import type { AppState, AppStore } from '../../state/store'

/** Grid nodes per axis of the 3D mesh: 2·96² triangles, smooth at any canvas size and cheap in software GL. */
export const MESH_NODES = 97
/** Contour levels of the 3D mesh: the 2D map's count, so the bands and lines match. */
export const MESH_CONTOUR_LEVELS = 20
/** Points of the slice line drawn on the mesh (as the slice chart). */
const SLICE_POINTS_3D = 101

/** What the view tells its panel: the grid's state and the selected racer's ball (tests read it). */
export interface Surface3DEvents {
  onStatus?(status: 'loading' | 'ready' | 'error'): void
  /** After a frame: the selected racer's shown point index and its ball on the canvas (CSS px), or null. */
  onBall?(ball: { racer: string; index: number; px: [number, number] } | null): void
  /** After a frame: how it drew the surface (tests compare a copied frame with one drawn in full). */
  onFrame?(kind: FrameKind): void
}

/**
 * Drives a `Surface3DScene` from the store, framework-free: asks the worker for the grid of the store's
 * surface and view (the `grid` message the 2D map uses, at `MESH_NODES`², with its contours), rebuilds the mesh
 * only when a new grid or palette arrives, and moves the balls and trails when points arrive or the playhead
 * moves, at most once per animation frame (the store is read directly, never through React).
 */
export interface Surface3DView {
  setSize(widthPx: number, heightPx: number, dpr: number): void
  orbit(dAzimuth: number, dElevation: number): void
  zoom(factor: number): void
  resetCamera(): void
  destroy(): void
}

export function createSurface3DView(
  scene: Surface3DScene,
  store: AppStore,
  services: Services,
  events: Surface3DEvents = {},
): Surface3DView {
  let frame = 0
  let grid: { surfaceId: string; grid: SurfaceGrid } | null = null
  let surfaceKey = ''
  let gridKey = ''
  let controller: AbortController | null = null
  let sized = false
  const racers: Racer3D[] = []
  const ids: string[] = []
  let lastBall = ''

  const schedule = (): void => {
    if (frame !== 0) return
    frame = requestAnimationFrame(() => {
      frame = 0
      paint()
    })
  }

  function requestGrid(s: AppState): void {
    const view = selectView(s)
    const key = `${s.settings.surfaceId}|${view.x.join()}|${view.y.join()}`
    if (key === gridKey) return
    gridKey = key
    controller?.abort()
    const mine = new AbortController()
    controller = mine
    events.onStatus?.('loading')
    const surfaceId = s.settings.surfaceId
    services
      .requestGrid(surfaceId, view, MESH_NODES, MESH_NODES, mine.signal, {
        contours: { count: MESH_CONTOUR_LEVELS },
      })
      .then(
        (next) => {
          if (mine.signal.aborted) return
          grid = { surfaceId, grid: next }
          events.onStatus?.('ready')
          schedule()
        },
        (error: unknown) => {
          if (mine.signal.aborted || isAbortError(error)) return
          gridKey = ''
          events.onStatus?.('error')
        },
      )
  }

  function paint(): void {
    if (!sized) return
    const s = store.getState()
    const current = grid !== null && grid.surfaceId === s.settings.surfaceId ? grid : null
    const palette = s.settings.palette
    const key = current === null ? '' : `${s.settings.surfaceId}|${palette}`
    // The mesh follows a new grid or palette only; a frame moves balls and trails.
    if (current === null) {
      if (surfaceKey !== '') scene.setSurface(null)
      surfaceKey = ''
    } else if (key !== surfaceKey || lastGrid !== current.grid) {
      surfaceKey = key
      lastGrid = current.grid
      scene.setSurface({
        grid: current.grid,
        extent: current.grid.extent,
        palette,
        log: findSurfaceMeta(current.surfaceId)?.logContours ?? false,
      })
    }
    collectRacers(s)
    scene.setRacers(racers, s.cursor)
    const kind = scene.render()
    reportBall(s)
    events.onFrame?.(kind)
  }
  let lastGrid: SurfaceGrid | null = null

  // Visible racers, the selected one last (drawn on top, as in 2D); the arrays are reused frame to frame.
  function collectRacers(s: AppState): void {
    racers.length = 0
    ids.length = 0
    let selected: number | null = null
    for (const racer of s.settings.racers) {
      const track = s.tracks.find((t) => t.id === racer.id)
      if (racer.hidden || track === undefined) continue
      if (racer.id === s.settings.selectedRacer) selected = racer.color
      else {
        racers.push({ color: racerColor(racer.color), track })
        ids.push(racer.id)
      }
    }
    if (selected !== null) {
      const id = s.settings.selectedRacer
      racers.push({ color: racerColor(selected), track: s.tracks.find((t) => t.id === id)! })
      ids.push(id)
    }
  }

  function reportBall(s: AppState): void {
    if (events.onBall === undefined) return
    const i = ids.indexOf(s.settings.selectedRacer)
    const px = i === -1 ? null : scene.ballOnScreen(i)
    const track = i === -1 ? undefined : racers[i].track
    const index = track === undefined ? -1 : Math.min(track.count, Math.floor(s.cursor) + 1) - 1
    const ball = px === null ? null : { racer: ids[i], index, px }
    const key = ball === null ? '' : `${ball.racer}|${index}|${px![0].toFixed(1)},${px![1].toFixed(1)}`
    if (key === lastBall) return
    lastBall = key
    events.onBall(ball)
  }

  // The slice tool's line (Settings.slice) on the mesh: its 101 points and their loss, from the worker.
  let sliceKey = ''
  let sliceController: AbortController | null = null
  function requestSlice(s: AppState): void {
    const line = s.settings.slice
    const key = line === undefined ? '' : JSON.stringify([s.settings.surfaceId, line])
    if (key === sliceKey) return
    sliceKey = key
    sliceController?.abort()
    sliceController = null
    const explore = services.explore
    if (line === undefined || explore === undefined) {
      scene.setSlice(null)
      schedule()
      return
    }
    const mine = new AbortController()
    sliceController = mine
    const n = SLICE_POINTS_3D
    explore.slice(s.settings.surfaceId, line.from, line.to, n, { signal: mine.signal }).then(
      (loss) => {
        if (mine.signal.aborted) return
        const x = new Float64Array(n)
        const y = new Float64Array(n)
        for (let i = 0; i < n; i++) {
          x[i] = line.from[0] + (i / (n - 1)) * (line.to[0] - line.from[0])
          y[i] = line.from[1] + (i / (n - 1)) * (line.to[1] - line.from[1])
        }
        scene.setSlice({ x, y, loss, count: n })
        schedule()
      },
      () => undefined, // no line in 3D; the slice panel reports a failure
    )
  }

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.settings.surfaceId !== prev.settings.surfaceId || s.settings.view !== prev.settings.view)
      requestGrid(s)
    if (s.settings.slice !== prev.settings.slice || s.settings.surfaceId !== prev.settings.surfaceId)
      requestSlice(s)
    if (
      s.version !== prev.version ||
      s.cursor !== prev.cursor ||
      s.tracks !== prev.tracks ||
      s.settings !== prev.settings
    )
      schedule()
  })
  requestGrid(store.getState())
  requestSlice(store.getState())

  return {
    setSize(w, h, dpr) {
      scene.setSize(w, h, dpr)
      sized = true
      schedule()
    },
    orbit(dAzimuth, dElevation) {
      scene.orbit(dAzimuth, dElevation)
      schedule()
    },
    zoom(factor) {
      scene.zoom(factor)
      schedule()
    },
    resetCamera() {
      scene.resetCamera()
      schedule()
    },
    destroy() {
      unsubscribe()
      sliceController?.abort()
      controller?.abort()
      if (frame !== 0) cancelAnimationFrame(frame)
      frame = 0
      scene.dispose()
    },
  }
}
