import { axesMargin, drawAxes } from '../../render/axes'
import { lectureColors } from '../../render/colors'
import { drawContourRings } from '../../render/contourRings'
import { gridImageRect, gridTransform } from '../../render/grid'
import { paintHeatmap } from '../../render/heatmap'
import { linePxAt } from '../../render/drawScale'
import type { DrawScale } from '../../render/drawScale'
import { viewScales } from '../../render/scales'
import { paintFlatRegion } from './paintFlatRegion'
import type { ViewScales } from '../../render/scales'
import type { LandscapePath, LandscapeRun } from '../../worker/protocol'

export interface LandscapePaint {
  widthPx: number
  heightPx: number
  fontPx: number
  run: LandscapeRun
  n: number
  span: number
  /** Small canvases the grid and its flat region are drawn into, one pixel per node, reused. */
  scratch: { canvas: HTMLCanvasElement | null; mask?: HTMLCanvasElement }
  /** The epoch on screen (the scrubber's): the projected path is drawn up to it (PCA planes). */
  view?: number
  /** Presenter scale: fonts, margins, the path and the dots grow with it (default 1×). */
  scale?: DrawScale
}

/**
 * One network's loss landscape drawn as the playground draws its surfaces: the jet colour map on a log
 * scale (red = high loss, blue = low), the contour lines the worker traced, the region within 10% of the
 * lowest loss in white (`paintFlatRegion`), the axes α and β, and the center (the current weights) as a
 * white-ringed dot. On a PCA plane (`run.path`), the projected training path too: all of it faint, the part
 * up to the epoch on screen (`view`) as the playground draws a trajectory (black dots joined by lines), and
 * the point of that epoch as a larger ringed dot.
 */
export function paintLandscape(ctx: CanvasRenderingContext2D, p: LandscapePaint): void {
  const extent = { x: [-p.span, p.span] as [number, number], y: [-p.span, p.span] as [number, number] }
  const scales = viewScales(extent, {
    widthPx: p.widthPx,
    heightPx: p.heightPx,
    margin: axesMargin(p.fontPx, p.scale),
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
  ctx.arc(cx, cy, linePxAt(p.scale, 4), 0, 2 * Math.PI)
  ctx.fillStyle = lectureColors.contour
  ctx.strokeStyle = '#ffffff'
  ctx.lineWidth = linePxAt(p.scale, 2)
  ctx.fill()
  ctx.stroke()
  if (run.path !== undefined) drawPath(ctx, scales, run.path, p.view ?? Infinity, p.scale)
  ctx.restore()
  drawAxes(ctx, scales, extent, {
    xLabel: '\\alpha',
    yLabel: '\\beta',
    fontPx: p.fontPx,
    ...(p.scale !== undefined && { scale: p.scale }),
  })
}

/** The index of the last path point at or before epoch `view` (−1 when none is). */
export function pathIndexAt(path: LandscapePath, view: number): number {
  let k = -1
  while (k + 1 < path.epochs.length && path.epochs[k + 1] <= view) k++
  return k
}

function drawPath(
  ctx: CanvasRenderingContext2D,
  scales: ViewScales,
  path: LandscapePath,
  view: number,
  scale: DrawScale | undefined,
): void {
  const { alpha, beta } = path
  const line = (upTo: number) => {
    ctx.beginPath()
    for (let k = 0; k <= upTo; k++) {
      const x = scales.xToPx(alpha[k])
      const y = scales.yToPx(beta[k])
      if (k === 0) ctx.moveTo(x, y)
      else ctx.lineTo(x, y)
    }
  }
  const last = alpha.length - 1
  ctx.setLineDash([])
  // The whole path, faint: where training went after the epoch on screen.
  line(last)
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.7)'
  ctx.lineWidth = linePxAt(scale, 1.25)
  ctx.stroke()
  const shown = pathIndexAt(path, view)
  if (shown < 0) return
  // A white halo under the black path keeps it readable on the dark blue of a minimum.
  line(shown)
  ctx.strokeStyle = lectureColors.halo
  ctx.lineWidth = linePxAt(scale, 3.5)
  ctx.stroke()
  ctx.strokeStyle = lectureColors.trajectory
  ctx.lineWidth = linePxAt(scale, 1.5)
  ctx.stroke()
  const dot = (k: number, r: number) => {
    ctx.beginPath()
    ctx.arc(scales.xToPx(alpha[k]), scales.yToPx(beta[k]), linePxAt(scale, r), 0, 2 * Math.PI)
  }
  // The start (epoch 0) as a black dot, as the playground marks a trajectory's start.
  dot(0, 3)
  ctx.fillStyle = lectureColors.start
  ctx.fill()
  dot(shown, 5)
  ctx.fillStyle = lectureColors.minimum
  ctx.strokeStyle = lectureColors.outline
  ctx.lineWidth = linePxAt(scale, 1.5)
  ctx.fill()
  ctx.stroke()
}
