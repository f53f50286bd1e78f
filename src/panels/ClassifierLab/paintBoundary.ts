import type { Dataset } from '../../core/mlp/types'
import type { Extent } from '../../core/types'
import { axesMargin, drawAxes } from '../../render/axes'
import { classProbabilityLut } from '../../render/colors'
import { contourPaths, drawContours } from '../../render/contours'
import { gridImageRect, gridTransform } from '../../render/grid'
import { paintHeatmap } from '../../render/heatmap'
import { drawDataPoints } from '../../render/points'
import { viewScales } from '../../render/scales'
import type { ViewScales } from '../../render/scales'

/** The decision boundary: the contour of the network's prediction at 0.5 (class 1 above, class 0 below). */
export const BOUNDARY_LEVEL = 0.5

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
 * the plot area, and the p = 0.5 contour (d3-contour's marching squares) as a thick black line.
 */
export function paintField(
  ctx: CanvasRenderingContext2D,
  scales: ViewScales,
  grid: Float64Array,
  nx: number,
  ny: number,
  scratch: FieldScratch,
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
  drawContours(ctx, contourPaths(field, [BOUNDARY_LEVEL]), transform, {
    color: '#000000',
    alpha: 0.9,
    lineWidth: 2,
    majorEvery: 0,
  })
  ctx.restore()
}

/**
 * Paints what changes only with the data or the size: the points in the course's colours (red = 1,
 * blue = 0; smaller dots for big files) and the axes named after the file's columns.
 */
export function paintOverlay(
  ctx: CanvasRenderingContext2D,
  scales: ViewScales,
  dataset: Dataset | null,
  fontPx: number,
): void {
  if (dataset !== null) {
    const radius = dataset.n > 20_000 ? 1.2 : dataset.n > 2000 ? 2 : 3.5
    drawDataPoints(ctx, scales, dataset.x, dataset.y, { radius, outlineWidth: radius > 2 ? 1 : 0.5 })
  }
  const [c1, c2] = dataset?.columns ?? ['x_1', 'x_2']
  drawAxes(ctx, scales, scales.extent, { xLabel: c1, yLabel: c2, fontPx })
}
