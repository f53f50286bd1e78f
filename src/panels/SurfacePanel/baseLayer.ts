import { findSurfaceMeta } from '../../core/surfaces/meta'
import { drawAxes } from '../../render/axes'
import { gridImageRect, gridTransform } from '../../render/grid'
import { paintHeatmap } from '../../render/heatmap'
import type { ColorProfile, DrawScale } from '../../render/drawScale'
import type { ViewScales } from '../../render/scales'
import { drawMinima } from '../../render/trajectory'
import { selectSurface } from '../../state/selectors'
import type { SurfaceGrid } from '../../state/services'
import type { AppState } from '../../state/store'
import { drawContourRings } from '../../render/contourRings'
import { clipToPlot } from './sceneParts'
import { paintTestContours } from './testSurfaceLayer'
import { surfaceFontPx } from './surfaceLayout'
import type { SurfaceImage } from './surfaceView'

const PLOT_BACKGROUND = '#eceff3'

/**
 * The base layer: the plot's background, the heatmap image of `img` (placed where its grid lies, which during a
 * pan is not the view), its contour rings, the minima (yellow ×) and the axes, in CSS px on a canvas scaled by
 * `dpr`.
 */
export function paintBase(
  ctx: CanvasRenderingContext2D,
  s: AppState,
  scales: ViewScales,
  img: SurfaceImage | null,
  dpr: number,
  heatmaps: HeatmapCache,
  scale?: DrawScale,
  test?: { grid: SurfaceGrid; label: string } | null,
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
    const log = findSurfaceMeta(img.surfaceId)?.logContours ?? false
    const heatmap = heatmaps.get(grid, s.settings.palette, log, scale?.profile ?? 'screen')
    if (heatmap !== null) {
      const r = gridImageRect(t)
      ctx.imageSmoothingEnabled = true
      ctx.drawImage(heatmap, r.left, r.top, r.width, r.height)
    }
    if (grid.contours !== undefined) drawContourRings(ctx, grid.contours.levels, t, { scale })
  }
  // The testing surface (canyon vs basin), dashed over the training one, when shown.
  if (test != null) paintTestContours(ctx, scales, test.grid, test.label, fontPx, scale)
  drawMinima(ctx, selectSurface(s).minima, scales, { scale })
  ctx.restore()
  const [xLabel, yLabel] = findSurfaceMeta(s.settings.surfaceId)?.axes ?? ['w_1', 'w_2']
  drawAxes(ctx, scales, scales.extent, { xLabel, yLabel, fontPx, scale })
}

export interface HeatmapCache {
  /** The grid painted through the palette into a grid-sized canvas (one pixel per sample), cached. */
  get(
    grid: SurfaceGrid,
    palette: AppState['settings']['palette'],
    logHint: boolean,
    profile?: ColorProfile,
  ): HTMLCanvasElement | null
  clear(): void
}

// One image per (grid, palette): a palette switch repaints ~65k pixels (~1 ms), a frame only draws it.
export function createHeatmapCache(): HeatmapCache {
  let key: { grid: SurfaceGrid; palette: string; profile: ColorProfile } | null = null
  let canvas: HTMLCanvasElement | null = null
  return {
    get(grid, palette, logHint, profile = 'screen') {
      if (key !== null && key.grid === grid && key.palette === palette && key.profile === profile)
        return canvas
      key = { grid, palette, profile }
      canvas = document.createElement('canvas')
      canvas.width = grid.nx
      canvas.height = grid.ny
      const ctx = canvas.getContext('2d')
      if (ctx === null) return (canvas = null)
      const imageData = ctx.createImageData(grid.nx, grid.ny)
      // Flat colour bands between the traced levels (matplotlib's contourf look), so each line sits on a
      // band edge; the worker says whether the levels are log-spaced.
      const bands = grid.contours?.levels.length ?? 0
      paintHeatmap(imageData, grid, { palette, log: grid.contours?.log ?? logHint, bands, profile })
      ctx.putImageData(imageData, 0, 0)
      return canvas
    },
    clear() {
      key = null
      canvas = null
    },
  }
}
