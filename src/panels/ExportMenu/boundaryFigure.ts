import type { ContourLevel } from '../../core/contours'
import type { Extent } from '../../core/types'
import { axesMargin, drawAxes, textFont } from '../../render/axes'
import { classProbabilityLut } from '../../render/colors'
import { BOUNDARY_STYLE, drawContourRings } from '../../render/contourRings'
import type { FigureSize, FigureTarget } from '../../render/exportSurface'
import { gridImageRect, gridTransform } from '../../render/grid'
import { paintHeatmap } from '../../render/heatmap'
import type { ImageLike } from '../../render/heatmap'
import { drawDataPoints } from '../../render/points'
import { viewScales } from '../../render/scales'

/** One decision-boundary view: the network output p on an nx × ny grid over the figure's extent (rows bottom-up). */
export interface BoundaryView {
  title: string
  grid: Float64Array
  nx: number
  ny: number
  /** The p = 0.5 rings of `grid`, traced in the worker with the frame (null: none to draw). */
  boundary: ContourLevel | null
}

/** The classifier lab's views side by side over the same data. */
export interface BoundaryFigure {
  extent: Extent
  /** Column names of the data (the axes), TeX-ish. */
  axes: readonly [string, string]
  /** The data points: x row-major n × 2, y the labels. */
  data: { x: ArrayLike<number>; y: ArrayLike<number> } | null
  views: readonly BoundaryView[]
}

const INK = '#1d2330'

/** Type size of a boundary figure this wide, and the height of its title line. */
function typeOf(widthPx: number): { fontPx: number; titlePx: number } {
  const fontPx = widthPx >= 1200 ? 16 : 13
  return { fontPx, titlePx: Math.ceil(fontPx * 2) }
}

/**
 * The size of a figure `widthPx` wide whose `views` plots are square: the data's extent ([−3, 3]² for dot.csv)
 * then has equal units on both axes, as the lab shows it.
 */
export function boundaryFigureSize(widthPx: number, views: number): FigureSize {
  const { fontPx, titlePx } = typeOf(widthPx)
  const axes = axesMargin(fontPx)
  const plot = widthPx / Math.max(1, views) - axes.left - axes.right
  return { widthPx, heightPx: Math.round(plot + titlePx + axes.top + axes.bottom) }
}

/**
 * Draws the lab's decision boundaries as one figure on white: per view, a title, the prediction p in the
 * course's class colours (blue p = 0, white ½, red 1), the p = 0.5 contour as a thick black line, the data
 * points (red = 1, blue = 0) and the axes, the views side by side in equal columns. The contour is the one
 * the worker traced with the frame; nothing is traced here.
 */
export function drawBoundaryFigure(target: FigureTarget, figure: BoundaryFigure, size: FigureSize): void {
  const { ctx } = target
  const n = Math.max(1, figure.views.length)
  const { fontPx, titlePx } = typeOf(size.widthPx)
  const column = size.widthPx / n
  const axes = axesMargin(fontPx)
  const lut = classProbabilityLut()
  ctx.save()
  ctx.globalAlpha = 1
  ctx.setLineDash([])
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, size.widthPx, size.heightPx)
  figure.views.forEach((view, i) => {
    const left = i * column
    const scales = viewScales(figure.extent, {
      widthPx: size.widthPx,
      heightPx: size.heightPx,
      margin: {
        top: titlePx + axes.top,
        right: size.widthPx - left - column + axes.right,
        bottom: axes.bottom,
        left: left + axes.left,
      },
    })
    const { plot } = scales
    ctx.fillStyle = INK
    ctx.font = `600 ${textFont(fontPx + 1)}`
    ctx.textAlign = 'left'
    ctx.textBaseline = 'top'
    ctx.fillText(view.title, plot.left, Math.round(fontPx * 0.6))
    ctx.save()
    ctx.beginPath()
    ctx.rect(plot.left, plot.top, plot.width, plot.height)
    ctx.clip()
    if (view.nx >= 2 && view.ny >= 2 && view.grid.length >= view.nx * view.ny) {
      const field = { values: view.grid, nx: view.nx, ny: view.ny, min: 0, max: 1 }
      const image: ImageLike = {
        data: new Uint8ClampedArray(view.nx * view.ny * 4),
        width: view.nx,
        height: view.ny,
      }
      paintHeatmap(image, field, { palette: lut, log: false })
      const t = gridTransform(scales, figure.extent, view.nx, view.ny)
      const r = gridImageRect(t)
      target.drawImage(image, r.left, r.top, r.width, r.height)
      if (view.boundary !== null) drawContourRings(ctx, [view.boundary], t, BOUNDARY_STYLE)
    }
    if (figure.data !== null) {
      const many = figure.data.y.length > 2000
      drawDataPoints(ctx, scales, figure.data.x, figure.data.y, { radius: many ? 2 : 3.5 })
    }
    ctx.restore()
    drawAxes(ctx, scales, scales.extent, { xLabel: figure.axes[0], yLabel: figure.axes[1], fontPx })
  })
  ctx.restore()
}
