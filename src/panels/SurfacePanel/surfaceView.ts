import { surfaces } from '../../core/surfaces/index'
import type { Extent, Vec2 } from '../../core/types'
import { drawMomentumArrows } from '../../render/arrows'
import { drawAxes } from '../../render/axes'
import { racerColor } from '../../render/colors'
import { drawEigenAxes } from '../../render/eigenAxes'
import { gridImageRect, gridTransform } from '../../render/grid'
import { paintHeatmap } from '../../render/heatmap'
import { viewScales } from '../../render/scales'
import type { ViewScales } from '../../render/scales'
import { drawCurrentMarker, drawMinima, drawTrajectory } from '../../render/trajectory'
import type { RaceTrack } from '../../state/raceTrack'
import { selectSelectedRacer, selectSurface, selectView } from '../../state/selectors'
import type { SurfaceGrid } from '../../state/services'
import type { AppState, AppStore } from '../../state/store'
import { arrowScale, momentumArrows } from './arrowVectors'
import { drawContourRings } from './drawContourRings'
import { drawDivergedCross, drawInspectMarker, drawStartMarker } from './markers'
import { surfaceFontPx, surfaceMargin, viewAttr } from './surfaceLayout'
import { createTrailPlanner, trailChunks } from './trailPlan'
import type { TrailItem } from './trailPlan'

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
  /** The extent of a zoom/pan gesture in progress, or null to show the store's view. */
  setGestureView(view: Extent | null): void
  /** Where the start marker is being dragged to, or null. */
  setDragStart(point: Vec2 | null): void
  /** The view on screen now (the gesture's, else the store's), or null before the first size. */
  scales(): ViewScales | null
  /** The store's view (what a new gesture starts from), or null before the first size. */
  settledScales(): ViewScales | null
  destroy(): void
}

export interface SurfaceViewOptions {
  /** Called after a paint that showed a grid of the current surface (the panel's `data-grid-ready`). */
  onImagePainted?(): void
}

const PLOT_BACKGROUND = '#eceff3'

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
  let gestureView: Extent | null = null
  let dragStart: Vec2 | null = null
  let frame = 0
  let baseKey = ''
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
      return viewScales(view, { widthPx: size.w, heightPx: size.h, margin: surfaceMargin(size.w) })
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
    const key = `${size.w}x${size.h}@${size.dpr}|${viewAttr(view)}`
    const base = context(canvases.base)
    const surfaceId = s.settings.surfaceId
    const img = image !== null && image.surfaceId === surfaceId ? image : null
    const nextBaseKey = `${key}|${surfaceId}|${s.settings.palette}`
    if (base !== null && nextBaseKey !== baseKey) {
      baseKey = nextBaseKey
      paintBase(base, s, scales, img, size.dpr, heatmaps)
      if (img !== null) options.onImagePainted?.()
    }
    const trail = context(canvases.trail)
    if (trail !== null) paintTrails(trail, s, scales, key, size.dpr)
    const overlay = context(canvases.overlay)
    if (overlay !== null) paintOverlay(overlay, s, scales, size.dpr, dragStart)
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
    const plan = trails.plan(`${key}|${items.map((i) => i.color + i.id).join()}`, items, s.cursor)
    if (plan.clear) ctx.clearRect(0, 0, scales.widthPx, scales.heightPx)
    trailScales = scales
    if (plan.more) schedule()
    if (plan.draws.length === 0) return
    ctx.save()
    clipToPlot(ctx, scales)
    for (const d of plan.draws) {
      const { track, color } = items[d.index]
      const style = { color, startMarker: false, currentMarker: false }
      if (d.dense)
        // One device pixel, no halo, no dots: the rasterizer's fast hairline path (2M px of zig-zag in ~20 ms).
        drawTrajectory(ctx, track.x, track.y, d.to, scales, {
          ...style,
          from: d.from,
          dotRadius: 0,
          lineWidth: 1 / dpr,
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

/** The visible racers' trails, the selected one last (drawn on top), each with its track and colour. */
function visibleTrails(s: AppState): (TrailItem & { id: string; track: RaceTrack })[] {
  const byId = new Map(s.tracks.map((t) => [t.id, t]))
  const items: (TrailItem & { id: string; track: RaceTrack })[] = []
  let selected: (TrailItem & { id: string; track: RaceTrack }) | null = null
  for (const racer of s.settings.racers) {
    const track = byId.get(racer.id)
    if (racer.hidden || track === undefined) continue
    const item = { id: racer.id, track, color: racerColor(racer.color) }
    if (racer.id === s.settings.selectedRacer) selected = item
    else items.push(item)
  }
  if (selected !== null) items.push(selected)
  return items
}

/** (x, y) moved into the plot area shrunk by `inset` px on every side. */
function clampToPlot(scales: ViewScales, x: number, y: number, inset: number): [number, number] {
  const { left, top, width, height } = scales.plot
  return [
    Math.min(left + width - inset, Math.max(left + inset, x)),
    Math.min(top + height - inset, Math.max(top + inset, y)),
  ]
}

function clipToPlot(ctx: CanvasRenderingContext2D, scales: ViewScales): void {
  const { left, top, width, height } = scales.plot
  ctx.beginPath()
  ctx.rect(left, top, width, height)
  ctx.clip()
}

function paintBase(
  ctx: CanvasRenderingContext2D,
  s: AppState,
  scales: ViewScales,
  img: SurfaceImage | null,
  dpr: number,
  heatmaps: HeatmapCache,
): void {
  const { plot } = scales
  const fontPx = surfaceFontPx(scales.widthPx)
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
  ctx.clearRect(0, 0, scales.widthPx, scales.heightPx)
  ctx.save()
  clipToPlot(ctx, scales)
  ctx.fillStyle = PLOT_BACKGROUND
  ctx.fillRect(plot.left, plot.top, plot.width, plot.height)
  if (img !== null) {
    const { grid } = img
    // The grid may cover another extent than the view (a pan not yet resampled): place it where it belongs.
    const t = gridTransform(scales, grid.extent, grid.nx, grid.ny)
    const heatmap = heatmaps.get(grid, s.settings.palette, surfaces[img.surfaceId]?.logContours ?? false)
    if (heatmap !== null) {
      const r = gridImageRect(t)
      ctx.imageSmoothingEnabled = true
      ctx.drawImage(heatmap, r.left, r.top, r.width, r.height)
    }
    if (grid.contours !== undefined) drawContourRings(ctx, grid.contours.levels, t)
  }
  drawMinima(ctx, selectSurface(s).minima, scales)
  ctx.restore()
  const [xLabel, yLabel] = surfaces[s.settings.surfaceId]?.axes ?? ['w_1', 'w_2']
  drawAxes(ctx, scales, scales.extent, { xLabel, yLabel, fontPx })
}

function paintOverlay(
  ctx: CanvasRenderingContext2D,
  s: AppState,
  scales: ViewScales,
  dpr: number,
  dragStart: Vec2 | null,
): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
  ctx.clearRect(0, 0, scales.widthPx, scales.heightPx)
  ctx.save()
  clipToPlot(ctx, scales)
  const fontPx = surfaceFontPx(scales.widthPx)
  const head = Math.floor(s.cursor) + 1
  const shown = (t: RaceTrack): number => Math.max(0, Math.min(t.count, head))
  const selected = selectSelectedRacer(s)
  const selectedTrack = selected && s.tracks.find((t) => t.id === selected.id)
  const selectedPoint: Vec2 | null =
    selectedTrack && shown(selectedTrack) > 0
      ? [selectedTrack.x[shown(selectedTrack) - 1], selectedTrack.y[shown(selectedTrack) - 1]]
      : null

  const analysis = s.inspectAnalysis
  // The point the Hessian panel analyses: the inspected one, else the selected racer's, else the start.
  const eigenAt = s.inspectPoint ?? selectedPoint ?? s.settings.start
  if (analysis !== null)
    drawEigenAxes(ctx, scales, eigenAt, analysis.eigenvectors, analysis.eigenvalues, { fontPx })

  if (s.settings.showArrows && selected && !selected.hidden && selectedTrack) {
    const { kind, convention } = selected.optimizer
    const arrows = momentumArrows(selectedTrack, s.cursor, kind, convention)
    if (arrows !== null)
      drawMomentumArrows(ctx, scales, arrows.at, arrows.negGrad, arrows.prevMove, arrows.newMove, {
        scaleToPx: arrowScale(arrows, scales),
      })
  }

  for (const item of visibleTrails(s)) {
    const n = shown(item.track)
    if (n === 0) continue
    const x = item.track.x[n - 1]
    const y = item.track.y[n - 1]
    // A diverged racer ends at its last finite point; once the playhead gets there it is crossed out. That
    // point is usually far off screen (|θ| ~ 10¹⁵⁰), so the ✕ stays at the plot's edge, on the side it left by.
    if (item.track.status === 'diverged' && n === item.track.count) {
      const [cx, cy] = clampToPlot(scales, scales.xToPx(x), scales.yToPx(y), 9)
      drawDivergedCross(ctx, cx, cy)
    } else drawCurrentMarker(ctx, scales, [x, y], item.color)
  }

  const start = dragStart ?? s.settings.start
  drawStartMarker(ctx, scales.xToPx(start[0]), scales.yToPx(start[1]), dragStart !== null)
  if (s.inspectPoint !== null)
    drawInspectMarker(ctx, scales.xToPx(s.inspectPoint[0]), scales.yToPx(s.inspectPoint[1]))
  ctx.restore()
}

interface HeatmapCache {
  /** The grid painted through the palette into a grid-sized canvas (one pixel per sample), cached. */
  get(grid: SurfaceGrid, palette: AppState['settings']['palette'], logHint: boolean): HTMLCanvasElement | null
  clear(): void
}

// One image per (grid, palette): a palette switch repaints ~65k pixels (~1 ms), a frame only draws it.
function createHeatmapCache(): HeatmapCache {
  let key: { grid: SurfaceGrid; palette: string } | null = null
  let canvas: HTMLCanvasElement | null = null
  return {
    get(grid, palette, logHint) {
      if (key !== null && key.grid === grid && key.palette === palette) return canvas
      key = { grid, palette }
      canvas = document.createElement('canvas')
      canvas.width = grid.nx
      canvas.height = grid.ny
      const ctx = canvas.getContext('2d')
      if (ctx === null) return (canvas = null)
      const imageData = ctx.createImageData(grid.nx, grid.ny)
      // Flat colour bands between the traced levels (matplotlib's contourf look), so each line sits on a
      // band edge; the worker says whether the levels are log-spaced.
      const bands = grid.contours?.levels.length ?? 0
      paintHeatmap(imageData, grid, { palette, log: grid.contours?.log ?? logHint, bands })
      ctx.putImageData(imageData, 0, 0)
      return canvas
    },
    clear() {
      key = null
      canvas = null
    },
  }
}

const requestFrame = (f: () => void): number =>
  typeof requestAnimationFrame === 'function'
    ? requestAnimationFrame(f)
    : (setTimeout(f, 16) as unknown as number)
const cancelFrame = (id: number): void =>
  typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame(id) : clearTimeout(id)
