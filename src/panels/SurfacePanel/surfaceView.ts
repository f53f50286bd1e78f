import type { SliceLine } from '../../state/sliceTool'
import type { Extent, Vec2 } from '../../core/types'
import { SCREEN_SCALE } from '../../render/drawScale'
import type { DrawScale } from '../../render/drawScale'
import type { ViewScales } from '../../render/scales'
import { drawTrajectory, RACER_DASHES } from '../../render/trajectory'
import { selectView } from '../../state/selectors'
import { shownTestSurface } from './testSurfaceLayer'
import type { SurfaceGrid } from '../../state/services'
import type { AppState, AppStore } from '../../state/store'
import { createHeatmapCache, paintBase } from './baseLayer'
import type { ArrowNote } from './arrowVectors'
import type { NoiseCloudView } from '../../render/noiseCloud'
import { paintOverlay } from './overlayLayer'
import { drawSliceLine } from './sliceLayer'
import { clipToPlot, visibleTrails } from './sceneParts'
import { squareViewScales, viewAttr } from './surfaceLayout'
import { createTrailPlanner, trailChunks } from './trailPlan'

/** The panel's three stacked canvases, bottom to top. */
export interface SurfaceCanvases {
  /** Heatmap, contour lines, minima and axes: repainted when the view, grid or palette changes. */
  base: HTMLCanvasElement
  /** Trajectories, append-only: each frame adds the new points only. */
  trail: HTMLCanvasElement
  /** Markers, arrows and eigen-axes, redrawn every frame; it receives the pointer events. */
  overlay: HTMLCanvasElement
}

/** A grid and the surface it samples (a grid of the previous surface is never drawn on the new one). */
export interface SurfaceImage {
  surfaceId: string
  grid: SurfaceGrid
}

/**
 * Paints the error surface and the race on three canvases, at most once per animation frame, from the store
 * (read directly, never through React) and what the panel hands it: the size, the latest grid, the extent of a
 * running zoom gesture and the start marker being dragged. Framework-free; the panel creates it in a mount
 * effect and destroys it on unmount.
 */
export interface SurfaceView {
  /** The canvases' size in CSS px and the device pixel ratio. */
  setSize(widthPx: number, heightPx: number, dpr: number): void
  setImage(image: SurfaceImage | null): void
  /** The testing surface's grid with contours (drawn dashed while `settings.showTestSurface`), or null. */
  setTestImage(image: SurfaceImage | null): void
  /** The extent of a zoom/pan gesture in progress, or null to show the store's view. */
  setGestureView(view: Extent | null): void
  /** Where the start marker is being dragged to, or null. */
  setDragStart(point: Vec2 | null): void
  /** The slice line being drawn (shown instead of the settings' line), or null. */
  setDraftSlice(line: SliceLine | null): void
  /** The presenter scale and colour profile every layer is drawn at (default `SCREEN_SCALE`). */
  setDrawScale(scale: DrawScale): void
  /** Repaints on the next frame (new data from outside the store, e.g. a noise cloud). */
  repaint(): void
  /**
   * The view on screen now (the gesture's, else the store's, widened on one axis so that both axes have the
   * same units per pixel: `squareViewScales`), or null before the first size.
   */
  scales(): ViewScales | null
  /** The store's view (what a new gesture starts from), or null before the first size. */
  settledScales(): ViewScales | null
  destroy(): void
}

export interface SurfaceViewOptions {
  /** Called after a paint that showed a grid of the current surface (the panel's `data-grid-ready`). */
  onImagePainted?(): void
  /** Called when what the momentum arrows mean changed (to scale, scaled, stopped; null: no arrows). */
  onArrowNote?(note: ArrowNote | null): void
  /** The gradient-noise clouds to draw on the overlay now (data surfaces; none by default). */
  clouds?(): readonly NoiseCloudView[]
  /** The word written beside the testing surface's contours ("testing"), in the current language. */
  testLabel?(): string
  /** Called after a paint that drew the testing surface's grid (null: none drawn). */
  onTestPainted?(image: SurfaceImage | null): void
}

export function createSurfaceView(
  canvases: SurfaceCanvases,
  store: AppStore,
  options: SurfaceViewOptions = {},
): SurfaceView {
  const contexts = new Map<HTMLCanvasElement, CanvasRenderingContext2D | null>()
  // jsdom has no 2D context: every painter is skipped when getContext gives null.
  const context = (canvas: HTMLCanvasElement): CanvasRenderingContext2D | null => {
    if (!contexts.has(canvas)) contexts.set(canvas, canvas.getContext('2d'))
    return contexts.get(canvas)!
  }
  let size: { w: number; h: number; dpr: number } | null = null
  let image: SurfaceImage | null = null
  let testImage: SurfaceImage | null = null
  let gestureView: Extent | null = null
  let dragStart: Vec2 | null = null
  let draftSlice: SliceLine | null = null
  let drawScale: DrawScale = SCREEN_SCALE
  let frame = 0
  let baseKey = ''
  let noteKey = 'none'
  // The scales the trail canvas was last drawn with, and during a gesture a copy of it in that view.
  let trailScales: ViewScales | null = null
  let snapshot: { image: HTMLCanvasElement; from: ViewScales } | null = null
  const trails = createTrailPlanner()
  const heatmaps = createHeatmapCache()

  const schedule = (): void => {
    if (frame !== 0) return
    frame = requestFrame(() => {
      frame = 0
      paint()
    })
  }

  const scalesFor = (view: Extent): ViewScales | null => {
    if (size === null) return null
    try {
      return squareViewScales(view, size.w, size.h, drawScale)
    } catch {
      return null // a plot area without size (a tiny canvas) or an extent the store would never hold
    }
  }

  function paint(): void {
    if (size === null) return
    const s = store.getState()
    const view = gestureView ?? selectView(s)
    const scales = scalesFor(view)
    if (scales === null) return
    const key = `${size.w}x${size.h}@${size.dpr}|${viewAttr(view)}|${drawScale.text},${drawScale.line},${drawScale.profile}`
    const base = context(canvases.base)
    const surfaceId = s.settings.surfaceId
    const img = image !== null && image.surfaceId === surfaceId ? image : null
    const testId = shownTestSurface(s.settings)
    const test = testImage !== null && testImage.surfaceId === testId ? testImage : null
    const testLabel = test === null ? '' : (options.testLabel?.() ?? '')
    const nextBaseKey = `${key}|${surfaceId}|${s.settings.palette}|${testId}|${testLabel}`
    if (base !== null && nextBaseKey !== baseKey) {
      baseKey = nextBaseKey
      const testLayer = test === null ? null : { grid: test.grid, label: testLabel }
      paintBase(base, s, scales, img, size.dpr, heatmaps, drawScale, testLayer)
      if (img !== null) options.onImagePainted?.()
      options.onTestPainted?.(test)
    }
    const trail = context(canvases.trail)
    if (trail !== null) paintTrails(trail, s, scales, key, size.dpr)
    const overlay = context(canvases.overlay)
    if (overlay !== null) {
      const note = paintOverlay(overlay, s, scales, size.dpr, dragStart, drawScale, options.clouds?.() ?? [])
      const slice = draftSlice ?? s.settings.slice
      if (slice !== undefined) drawSliceLine(overlay, scales, size.dpr, slice, drawScale)
      // Two significant digits of the factor: the legend changes when the reader could see it change.
      const key = note === null ? 'none' : note.kind === 'scaled' ? note.factor.toPrecision(2) : note.kind
      if (key !== noteKey) {
        noteKey = key
        options.onArrowNote?.(note)
      }
    }
  }

  function paintTrails(
    ctx: CanvasRenderingContext2D,
    s: AppState,
    scales: ViewScales,
    key: string,
    dpr: number,
  ): void {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    if (snapshot !== null) {
      // A gesture is running: move the picture of the trails with it instead of redrawing 6 × 100,000 points
      // per frame. What param p was drawn at (k₀p + o₀) must now sit at (kp + o): scale k/k₀, shift o − (k/k₀)o₀.
      const { image, from } = snapshot
      const ax = scales.kx / from.kx
      const ay = scales.ky / from.ky
      ctx.clearRect(0, 0, scales.widthPx, scales.heightPx)
      ctx.save()
      clipToPlot(ctx, scales)
      ctx.translate(scales.ox - ax * from.ox, scales.oy - ay * from.oy)
      ctx.scale(ax, ay)
      ctx.drawImage(image, 0, 0, from.widthPx, from.heightPx)
      ctx.restore()
      return
    }
    const items = visibleTrails(s)
    const plan = trails.plan(`${key}|${items.map((i) => i.color + i.id + i.slot).join()}`, items, s.cursor)
    if (plan.clear) ctx.clearRect(0, 0, scales.widthPx, scales.heightPx)
    trailScales = scales
    if (plan.more) schedule()
    if (plan.draws.length === 0) return
    ctx.save()
    clipToPlot(ctx, scales)
    for (const d of plan.draws) {
      const { track, color, slot } = items[d.index]
      // Several racers: each its own dash pattern, so paths that coincide stay apart.
      const dash = items.length > 1 ? RACER_DASHES[slot % RACER_DASHES.length] : undefined
      // The path stops at the plot's edge (no stripes across the view from a run diverging far outside it).
      const style = {
        color,
        startMarker: false,
        currentMarker: false,
        clipBox: scales.plot,
        dash,
        scale: drawScale,
      }
      if (d.dense)
        // One device pixel, no halo, no dots: the rasterizer's fast hairline path (2M px of zig-zag in ~20 ms).
        drawTrajectory(ctx, track.x, track.y, d.to, scales, {
          ...style,
          from: d.from,
          dotRadius: 0,
          // In presenter mode the path keeps its projector width (≥ 3 px); the hairline is for the screen.
          lineWidth: drawScale.line > 1 ? 1.25 : 1 / dpr,
          halo: false,
        })
      else
        for (const [from, to] of trailChunks(d.from, d.to))
          drawTrajectory(ctx, track.x, track.y, to, scales, { ...style, from, maxDots: Infinity })
    }
    ctx.restore()
  }

  const unsubscribe = store.subscribe((s, prev) => {
    if (
      s.version !== prev.version ||
      s.cursor !== prev.cursor ||
      s.tracks !== prev.tracks ||
      s.settings !== prev.settings ||
      s.inspectPoint !== prev.inspectPoint ||
      s.inspectAnalysis !== prev.inspectAnalysis
    )
      schedule()
  })

  return {
    setSize(w, h, dpr) {
      if (size !== null && size.w === w && size.h === h && size.dpr === dpr) return
      size = { w, h, dpr }
      for (const canvas of [canvases.base, canvases.trail, canvases.overlay]) {
        canvas.width = Math.max(1, Math.round(w * dpr))
        canvas.height = Math.max(1, Math.round(h * dpr))
      }
      // Resizing cleared every canvas.
      baseKey = ''
      trails.reset()
      snapshot = null
      schedule()
    },
    setImage(next) {
      image = next
      baseKey = ''
      schedule()
    },
    setTestImage(next) {
      testImage = next
      baseKey = ''
      schedule()
    },
    setGestureView(view) {
      gestureView = view
      if (view !== null && snapshot === null && trailScales !== null) {
        const image = document.createElement('canvas')
        image.width = canvases.trail.width
        image.height = canvases.trail.height
        image.getContext('2d')?.drawImage(canvases.trail, 0, 0)
        snapshot = { image, from: trailScales }
      } else if (view === null && snapshot !== null) {
        snapshot = null
        trails.reset()
      }
      schedule()
    },
    setDragStart(point) {
      dragStart = point
      schedule()
    },
    setDraftSlice(line) {
      draftSlice = line
      schedule()
    },
    setDrawScale(scale) {
      if (
        scale.text === drawScale.text &&
        scale.line === drawScale.line &&
        scale.profile === drawScale.profile
      )
        return
      drawScale = scale
      trails.reset()
      schedule()
    },
    repaint: () => schedule(),
    scales: () => scalesFor(gestureView ?? selectView(store.getState())),
    settledScales: () => scalesFor(selectView(store.getState())),
    destroy() {
      unsubscribe()
      if (frame !== 0) cancelFrame(frame)
      frame = 0
      heatmaps.clear()
    },
  }
}

const requestFrame = (f: () => void): number =>
  typeof requestAnimationFrame === 'function'
    ? requestAnimationFrame(f)
    : (setTimeout(f, 16) as unknown as number)
const cancelFrame = (id: number): void =>
  typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame(id) : clearTimeout(id)
