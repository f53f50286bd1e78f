import type { ContourLevel } from '../core/contours'
import type { Extent, Vec2 } from '../core/types'
import { axesMargin, drawAxes, textFont } from './axes'
import { lectureColors } from './colors'
import type { PaletteId } from './colors'
import { TAU } from './ctx2d'
import type { Ctx2D } from './ctx2d'
import { gridImageRect, gridTransform } from './grid'
import type { GridLike } from './grid'
import { paintHeatmap } from './heatmap'
import type { ImageLike } from './heatmap'
import { viewScales } from './scales'
import type { PlotRect, ViewScales } from './scales'
import { drawMinima, drawTrajectory } from './trajectory'
import { drawContourRings } from './contourRings'

/** The canvas subset a figure needs: the painters' `Ctx2D` plus clipping to the current path. */
export interface FigureContext extends Ctx2D {
  clip(): void
}

/**
 * Where a figure is drawn: a canvas (PNG export) or an `SvgContext` (SVG export). `drawImage` places RGBA
 * pixels (rows top-down) stretched over a rectangle, smoothed, under the current clip; a canvas does it with
 * `putImageData` into a scratch canvas and `drawImage`, the SVG context with an `<image>`.
 */
export interface FigureTarget {
  ctx: FigureContext
  drawImage(image: ImageLike, x: number, y: number, width: number, height: number): void
}

/** One racer of the figure: its path up to the playhead and its legend entry. */
export interface FigureRacer {
  /** Legend text: the optimizer's name, e.g. "Momentum". */
  label: string
  /** Second legend line, e.g. "η = 0.05 · L = 0.25" or where it diverged. */
  note: string
  /** Position in the legend (the race's legend order; the drawing order may differ). */
  legendIndex: number
  color: string
  x: ArrayLike<number>
  y: ArrayLike<number>
  /** Points drawn: 0 … count − 1 (the playhead + 1, at most the points received). */
  count: number
}

/** Everything a surface figure shows: plain data the panel gathers from the store and a fresh grid. */
export interface SurfaceFigure {
  title: string
  /** Axis names, TeX-ish (`w_1`, `b`), as the surface registry gives them. */
  axes: readonly [string, string]
  /** The part of parameter space shown (the panel's view). */
  extent: Extent
  /** The sampled surface (its own extent may differ from the view) or null for a plain background. */
  grid: (GridLike & { extent: Extent }) | null
  /** Contour lines traced in the worker, ascending; flat colour bands between them, as in the panel. */
  contours: { levels: readonly ContourLevel[]; log: boolean } | null
  palette: PaletteId
  /** Colour by log(v − min + ε) when the worker did not say (the surface's `logContours`). */
  logHint: boolean
  minima: readonly Vec2[]
  start: Vec2
  /** The visible racers, bottom to top (the selected one last). */
  racers: readonly FigureRacer[]
  legendTitle: string
}

export interface FigureSize {
  widthPx: number
  heightPx: number
}

/** Where the parts of a surface figure go, in CSS px. */
export interface SurfaceFigureLayout {
  fontPx: number
  /** The title's left end and its top. */
  title: { x: number; y: number }
  scales: ViewScales
  /** The legend's box (right of the plot on wide figures, under it on narrow ones). */
  legend: PlotRect
  /** Height of one legend entry (two lines). */
  rowPx: number
}

const PLOT_BACKGROUND = '#eceff3'
const MUTED = '#5b6475'
const INK = '#1d2330'

/**
 * The layout of a `widthPx × heightPx` figure: a title line on top, the plot with room for its axes, and the
 * legend at the right (figures ≥ 640 px wide, 26–32 % of the width, at least 200 px) or in rows under the plot. Type is 11 px
 * under 560 px, 16 px from 1200 px, else 13 px. Throws when the plot would have no area.
 */
export function surfaceFigureLayout(size: FigureSize, extent: Extent, racers: number): SurfaceFigureLayout {
  const { widthPx: w, heightPx: h } = size
  const fontPx = w >= 1200 ? 16 : w < 560 ? 11 : 13
  const rowPx = Math.ceil(fontPx * 2.8)
  const titlePx = Math.ceil(fontPx * 2.2)
  const axes = axesMargin(fontPx)
  const side = w >= 640
  const legendW = side ? Math.round(Math.min(Math.max(0.26 * w, 200), 0.32 * w)) : w - axes.left - axes.right
  const legendH = side ? h - titlePx - fontPx : fontPx * 2 + rowPx * Math.max(1, racers)
  const margin = {
    top: titlePx + axes.top,
    right: axes.right + (side ? legendW + fontPx : 0),
    bottom: axes.bottom + (side ? 0 : legendH),
    left: axes.left,
  }
  const scales = viewScales(extent, { widthPx: w, heightPx: h, margin })
  const legend: PlotRect = side
    ? { left: w - legendW - fontPx / 2, top: titlePx + axes.top, width: legendW, height: legendH }
    : { left: axes.left, top: h - legendH, width: legendW, height: legendH }
  return { fontPx, title: { x: axes.left, y: Math.round(fontPx * 0.6) }, scales, legend, rowPx }
}

/**
 * Draws a complete, self-explaining figure of the race on the surface into `target` at `size` CSS px (white
 * background): the title; the heatmap in flat bands between the contour levels (as the panel's `contourf`
 * look) and the contour lines, clipped to the plot; the minima (yellow ×); each racer's path up to the
 * playhead with its current position; the start (black dot); the axes with the parameter names; and a legend
 * of colour, label and note per racer. The same call draws the PNG (a canvas) and the SVG (`SvgContext`).
 */
export function drawSurfaceFigure(target: FigureTarget, figure: SurfaceFigure, size: FigureSize): void {
  const { ctx } = target
  const layout = surfaceFigureLayout(size, figure.extent, figure.racers.length)
  const { scales, fontPx } = layout
  const { plot } = scales
  ctx.save()
  ctx.globalAlpha = 1
  ctx.setLineDash([])
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, size.widthPx, size.heightPx)

  ctx.fillStyle = INK
  ctx.font = `600 ${textFont(fontPx + 3)}`
  ctx.textAlign = 'left'
  ctx.textBaseline = 'top'
  ctx.fillText(figure.title, layout.title.x, layout.title.y)

  ctx.save()
  ctx.beginPath()
  ctx.rect(plot.left, plot.top, plot.width, plot.height)
  ctx.clip()
  ctx.fillStyle = PLOT_BACKGROUND
  ctx.fillRect(plot.left, plot.top, plot.width, plot.height)
  if (figure.grid !== null && figure.grid.nx >= 2 && figure.grid.ny >= 2) {
    const { grid, contours } = figure
    const t = gridTransform(scales, grid.extent, grid.nx, grid.ny)
    const image: ImageLike = {
      data: new Uint8ClampedArray(grid.nx * grid.ny * 4),
      width: grid.nx,
      height: grid.ny,
    }
    paintHeatmap(image, grid, {
      palette: figure.palette,
      log: contours?.log ?? figure.logHint,
      bands: contours?.levels.length ?? 0,
    })
    const r = gridImageRect(t)
    target.drawImage(image, r.left, r.top, r.width, r.height)
    if (contours !== null) drawContourRings(ctx, contours.levels, t)
  }
  drawMinima(ctx, figure.minima, scales)
  for (const racer of figure.racers)
    drawTrajectory(ctx, racer.x, racer.y, racer.count, scales, {
      color: racer.color,
      startMarker: false,
      maxDots: 1500,
    })
  drawStart(ctx, scales.xToPx(figure.start[0]), scales.yToPx(figure.start[1]))
  ctx.restore()

  drawAxes(ctx, scales, scales.extent, { xLabel: figure.axes[0], yLabel: figure.axes[1], fontPx })
  drawLegend(ctx, figure, layout)
  ctx.restore()
}

/**
 * The legend: its title, then per racer, at its legend position, a line-and-dot swatch in its colour, its label
 * and, under it, its note.
 */
function drawLegend(ctx: FigureContext, figure: SurfaceFigure, layout: SurfaceFigureLayout): void {
  const { legend, fontPx, rowPx } = layout
  ctx.fillStyle = MUTED
  ctx.font = `600 ${textFont(fontPx)}`
  ctx.textAlign = 'left'
  ctx.textBaseline = 'top'
  ctx.fillText(figure.legendTitle, legend.left, legend.top)
  const swatch = fontPx * 1.8
  for (const racer of figure.racers) {
    const top = legend.top + fontPx * 1.8 + racer.legendIndex * rowPx
    const y = top + fontPx * 0.6
    ctx.beginPath()
    ctx.moveTo(legend.left, y)
    ctx.lineTo(legend.left + swatch, y)
    ctx.lineCap = 'round'
    ctx.strokeStyle = racer.color
    ctx.lineWidth = 3
    ctx.stroke()
    ctx.beginPath()
    ctx.moveTo(legend.left + swatch / 2 + 4, y)
    ctx.arc(legend.left + swatch / 2, y, 4, 0, TAU)
    ctx.fillStyle = racer.color
    ctx.fill()
    ctx.strokeStyle = lectureColors.halo
    ctx.lineWidth = 1.5
    ctx.stroke()
    ctx.fillStyle = INK
    ctx.font = textFont(fontPx)
    ctx.textBaseline = 'middle'
    ctx.fillText(racer.label, legend.left + swatch + 6, y)
    ctx.fillStyle = MUTED
    ctx.font = textFont(Math.max(9, fontPx - 2))
    ctx.textBaseline = 'top'
    ctx.fillText(racer.note, legend.left + swatch + 6, y + fontPx * 0.7)
  }
}

/** The start point: the lecture's black dot with a white ring (the panel's marker, 6 px). */
function drawStart(ctx: Ctx2D, x: number, y: number): void {
  if (!(Number.isFinite(x) && Number.isFinite(y))) return
  ctx.beginPath()
  ctx.moveTo(x + 6, y)
  ctx.arc(x, y, 6, 0, TAU)
  ctx.fillStyle = lectureColors.start
  ctx.fill()
  ctx.strokeStyle = lectureColors.halo
  ctx.lineWidth = 2
  ctx.stroke()
}
