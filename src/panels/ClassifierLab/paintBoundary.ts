import type { ContourLevel } from '../../core/contours'
import type { Dataset } from '../../core/mlp/types'
import type { Extent } from '../../core/types'
import { axesMargin, drawAxes } from '../../render/axes'
import type { DrawScale } from '../../render/drawScale'
import { classProbabilityLut, packRgba } from '../../render/colors'
import { BOUNDARY_STYLE, drawContourRings } from '../../render/contourRings'
import { gridImageRect, gridTransform } from '../../render/grid'
import { paintHeatmap } from '../../render/heatmap'
import { drawDataPoints } from '../../render/points'
import { viewScales } from '../../render/scales'
import type { ViewScales } from '../../render/scales'

let lut: Uint32Array | null = null
/** Blue (p = 0) through white (p = ½) to red (p = 1), the course's class colours, shared by every view. */
function probabilityLut(): Uint32Array {
  lut ??= classProbabilityLut()
  return lut
}

/** The map from the data's extent to a `widthPx × heightPx` view with room for the axes at `fontPx`. */
export function boundaryScales(
  extent: Extent,
  widthPx: number,
  heightPx: number,
  fontPx: number,
): ViewScales {
  return viewScales(extent, { widthPx, heightPx, margin: axesMargin(fontPx) })
}

/** A small canvas that holds the grid as an image, one pixel per node, reused frame after frame. */
export interface FieldScratch {
  canvas: HTMLCanvasElement | null
}

/**
 * Paints one frame of a run: the prediction p at each grid node as a colour (values outside [0, 1], which
 * a linear output can give, take the end colours; NaN after divergence the top one), stretched smoothly over
 * the plot area, and the decision boundary (the p = 0.5 rings the worker traced with the frame) as a thick
 * black line. Nothing is traced here.
 */
export function paintField(
  ctx: CanvasRenderingContext2D,
  scales: ViewScales,
  grid: Float64Array,
  nx: number,
  ny: number,
  boundary: ContourLevel | null,
  scratch: FieldScratch,
  scale?: DrawScale,
): void {
  if (!(nx >= 2 && ny >= 2) || grid.length < nx * ny) return
  if (scratch.canvas === null) scratch.canvas = document.createElement('canvas')
  const off = scratch.canvas
  if (off.width !== nx) off.width = nx
  if (off.height !== ny) off.height = ny
  const octx = off.getContext('2d')
  if (octx === null) return
  const image = octx.createImageData(nx, ny)
  const field = { values: grid, nx, ny, min: 0, max: 1 }
  paintHeatmap(image, field, { palette: probabilityLut(), log: false })
  octx.putImageData(image, 0, 0)
  const transform = gridTransform(scales, scales.extent, nx, ny)
  const rect = gridImageRect(transform)
  const { plot } = scales
  ctx.save()
  ctx.beginPath()
  ctx.rect(plot.left, plot.top, plot.width, plot.height)
  ctx.clip()
  ctx.imageSmoothingEnabled = true
  ctx.drawImage(off, rect.left, rect.top, rect.width, rect.height)
  if (boundary !== null) drawContourRings(ctx, [boundary], transform, { ...BOUNDARY_STYLE, scale })
  ctx.restore()
}

/** Above this many points they are stamped into pixels instead of drawn as outlined vector circles. */
export const SPLAT_THRESHOLD = 5000

/**
 * Paints what changes only with the data or the size: the points in the course's colours (red = 1,
 * blue = 0, blue first so red dots stay on top) and the axes named after the file's columns. Up to
 * SPLAT_THRESHOLD points are outlined circles; a big file is stamped as small discs straight into the
 * canvas pixels (`splatPoints`, a few ms for 100,000 rows where vector arcs would freeze the page).
 */
export function paintOverlay(
  ctx: CanvasRenderingContext2D,
  scales: ViewScales,
  dataset: Dataset | null,
  fontPx: number,
  scale?: DrawScale,
): void {
  if (dataset !== null) {
    if (dataset.n > SPLAT_THRESHOLD) splatPoints(ctx, scales, dataset)
    else {
      const { plot } = scales
      // Points outside the view (3 of dot.csv's 300 lie beyond ±3) are cut at the frame, as in the course.
      ctx.save()
      ctx.beginPath()
      ctx.rect(plot.left, plot.top, plot.width, plot.height)
      ctx.clip()
      drawDataPoints(ctx, scales, dataset.x, dataset.y, { radius: dataset.n > 2000 ? 2 : 3.5, scale })
      ctx.restore()
    }
  }
  const [c1, c2] = dataset?.columns ?? ['x_1', 'x_2']
  // fontPx is already at the presenter's size: only the strokes take the scale.
  drawAxes(ctx, scales, scales.extent, {
    xLabel: c1,
    yLabel: c2,
    fontPx,
    scale: scale && { ...scale, text: 1 },
  })
}

/**
 * Stamps every point inside the plot area as a disc of radius ≈ 1.2 CSS px into an ImageData at the
 * canvas' device resolution, then puts it on the (freshly cleared) canvas: O(n) writes, no path.
 */
function splatPoints(ctx: CanvasRenderingContext2D, scales: ViewScales, dataset: Dataset): void {
  const W = ctx.canvas.width
  const H = ctx.canvas.height
  const dpr = W / scales.widthPx
  const image = ctx.createImageData(W, H)
  const pixels = new Uint32Array(image.data.buffer)
  const r = Math.max(1, Math.round(1.2 * dpr))
  const stamp: number[] = []
  for (let dy = -r; dy <= r; dy++)
    for (let dx = -r; dx <= r; dx++) if (dx * dx + dy * dy <= r * r) stamp.push(dx, dy)
  const { plot, kx, ox, ky, oy } = scales
  const left = plot.left * dpr
  const right = (plot.left + plot.width) * dpr
  const top = plot.top * dpr
  const bottom = (plot.top + plot.height) * dpr
  const { x, y, n } = dataset
  for (const positive of [false, true]) {
    const colour = positive ? packRgba(255, 0, 0) : packRgba(0, 0, 255)
    for (let k = 0; k < n; k++) {
      if (y[k] >= 0.5 !== positive) continue
      const px = Math.round((ox + kx * x[2 * k]) * dpr)
      const py = Math.round((oy + ky * x[2 * k + 1]) * dpr)
      if (!(px >= left && px < right && py >= top && py < bottom)) continue
      for (let s = 0; s < stamp.length; s += 2) {
        const qx = px + stamp[s]
        const qy = py + stamp[s + 1]
        if (qx >= left && qx < right && qy >= top && qy < bottom) pixels[qy * W + qx] = colour
      }
    }
  }
  ctx.putImageData(image, 0, 0)
}
