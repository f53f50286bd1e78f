import { axesMargin, drawAxes } from '../../render/axes'
import { lectureColors } from '../../render/colors'
import { drawContourRings } from '../../render/contourRings'
import { gridImageRect, gridTransform } from '../../render/grid'
import { paintHeatmap } from '../../render/heatmap'
import { viewScales } from '../../render/scales'
import { paintFlatRegion } from './paintFlatRegion'
import type { LandscapeRun } from '../../worker/protocol'

export interface LandscapePaint {
  widthPx: number
  heightPx: number
  fontPx: number
  run: LandscapeRun
  n: number
  span: number
  /** Small canvases the grid and its flat region are drawn into, one pixel per node, reused. */
  scratch: { canvas: HTMLCanvasElement | null; mask?: HTMLCanvasElement }
}

/**
 * One network's loss landscape drawn as the playground draws its surfaces: the jet colour map on a log
 * scale (red = high loss, blue = low), the contour lines the worker traced, the region within 10% of the
 * lowest loss in white (`paintFlatRegion`), the axes α and β, and the center (the current weights) as a
 * white-ringed dot.
 */
export function paintLandscape(ctx: CanvasRenderingContext2D, p: LandscapePaint): void {
  const extent = { x: [-p.span, p.span] as [number, number], y: [-p.span, p.span] as [number, number] }
  const scales = viewScales(extent, {
    widthPx: p.widthPx,
    heightPx: p.heightPx,
    margin: axesMargin(p.fontPx),
  })
  const { n, run } = p
  if (p.scratch.canvas === null) p.scratch.canvas = document.createElement('canvas')
  const off = p.scratch.canvas
  off.width = n
  off.height = n
  const octx = off.getContext('2d')
  if (octx === null) return
  const image = octx.createImageData(n, n)
  paintHeatmap(
    image,
    { values: run.values, nx: n, ny: n, min: run.min, max: run.max },
    { palette: 'jet', log: true },
  )
  octx.putImageData(image, 0, 0)
  const transform = gridTransform(scales, extent, n, n)
  const rect = gridImageRect(transform)
  const { plot } = scales
  ctx.save()
  ctx.beginPath()
  ctx.rect(plot.left, plot.top, plot.width, plot.height)
  ctx.clip()
  ctx.imageSmoothingEnabled = true
  ctx.drawImage(off, rect.left, rect.top, rect.width, rect.height)
  drawContourRings(ctx, run.contours.levels, transform)
  p.scratch.mask ??= document.createElement('canvas')
  paintFlatRegion(ctx, run.values, n, run.min, rect, p.scratch.mask)
  const cx = scales.xToPx(0)
  const cy = scales.yToPx(0)
  ctx.beginPath()
  ctx.arc(cx, cy, 4, 0, 2 * Math.PI)
  ctx.fillStyle = lectureColors.contour
  ctx.strokeStyle = '#ffffff'
  ctx.lineWidth = 2
  ctx.fill()
  ctx.stroke()
  ctx.restore()
  drawAxes(ctx, scales, extent, { xLabel: '\\alpha', yLabel: '\\beta', fontPx: p.fontPx })
}
