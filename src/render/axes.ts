import { ticks } from 'd3-array'
import { tickFormat } from 'd3-scale'
import type { Extent } from '../core/types'
import type { Ctx2D } from './ctx2d'
import { fontPxAt, linePxAt } from './drawScale'
import type { DrawScale } from './drawScale'
import type { PlotRect, ViewScales } from './scales'
import { texToUnicode } from './texLabel'

/** A tick at pixel position `px` (x for a bottom axis, y for a left one); an empty label draws the mark only. */
export interface Tick {
  value: number
  px: number
  label: string
}

export interface AxisStyle {
  /** Tick-label size in CSS px (default 12). */
  fontPx?: number
  /** Colour of frame, ticks and text (default '#333333'). */
  color?: string
  /** Length of the tick marks in px, drawn outward (default 4). */
  tickPx?: number
  /** Presenter scale: multiplies `fontPx`, `tickPx` and the line widths (default 1×). */
  scale?: DrawScale
}

/** The style's font size, tick length and line width at its scale. */
function scaledAxis(style: AxisStyle): { fontPx: number; color: string; tickPx: number; lineWidth: number } {
  return {
    fontPx: fontPxAt(style.scale, style.fontPx ?? 12),
    color: style.color ?? '#333333',
    tickPx: linePxAt(style.scale, style.tickPx ?? 4),
    lineWidth: linePxAt(style.scale, 1),
  }
}

/** `${fontPx}px` in the UI sans-serif, for numbers. */
export function textFont(fontPx: number): string {
  return `${fontPx}px system-ui, -apple-system, 'Segoe UI', Roboto, 'PingFang SC', 'Noto Sans SC', sans-serif`
}

/** Italic serif for math symbols (w₁, θ), as the book typesets them. */
export function mathFont(fontPx: number): string {
  return `italic ${fontPx}px 'Times New Roman', Times, 'Noto Serif', serif`
}

/**
 * About `count` round values in [lo, hi] (d3 `ticks`: steps of 1, 2 or 5 × 10ᵏ) with labels from d3's
 * `tickFormat(lo, hi, count)` (just enough decimals, '−' U+2212 as the minus sign).
 */
export function linearTicks(lo: number, hi: number, count: number): { value: number; label: string }[] {
  const format = tickFormat(lo, hi, count)
  return ticks(lo, hi, count).map((value) => ({ value, label: format(value) }))
}

/** Draws tick marks below the plot's bottom edge and their labels under them (centred). */
export function drawAxisBottom(
  ctx: Ctx2D,
  plot: PlotRect,
  tickList: readonly Tick[],
  style: AxisStyle = {},
): void {
  const { fontPx, color, tickPx, lineWidth } = scaledAxis(style)
  const bottom = plot.top + plot.height
  ctx.beginPath()
  for (const t of tickList) {
    ctx.moveTo(t.px, bottom)
    ctx.lineTo(t.px, bottom + tickPx)
  }
  ctx.strokeStyle = color
  ctx.lineWidth = lineWidth
  ctx.stroke()
  ctx.fillStyle = color
  ctx.font = textFont(fontPx)
  ctx.textAlign = 'center'
  ctx.textBaseline = 'top'
  for (const t of tickList) if (t.label !== '') ctx.fillText(t.label, t.px, bottom + tickPx + 2)
}

/** Draws tick marks left of the plot's left edge and their labels beside them (right-aligned). */
export function drawAxisLeft(
  ctx: Ctx2D,
  plot: PlotRect,
  tickList: readonly Tick[],
  style: AxisStyle = {},
): void {
  const { fontPx, color, tickPx, lineWidth } = scaledAxis(style)
  ctx.beginPath()
  for (const t of tickList) {
    ctx.moveTo(plot.left - tickPx, t.px)
    ctx.lineTo(plot.left, t.px)
  }
  ctx.strokeStyle = color
  ctx.lineWidth = lineWidth
  ctx.stroke()
  ctx.fillStyle = color
  ctx.font = textFont(fontPx)
  ctx.textAlign = 'right'
  ctx.textBaseline = 'middle'
  for (const t of tickList) if (t.label !== '') ctx.fillText(t.label, plot.left - tickPx - 3, t.px)
}

/**
 * Draws the x title centred under the tick labels and the y title above the top of the y axis (horizontal,
 * so short symbols such as w₂ read without turning the head).
 */
export function drawAxisTitles(
  ctx: Ctx2D,
  plot: PlotRect,
  xTitle: string,
  yTitle: string,
  font: string,
  style: AxisStyle = {},
): void {
  const { fontPx, color, tickPx } = scaledAxis(style)
  ctx.fillStyle = color
  ctx.font = font
  ctx.textAlign = 'center'
  ctx.textBaseline = 'top'
  const k = fontPxAt(style.scale, 1)
  if (xTitle !== '')
    ctx.fillText(xTitle, plot.left + plot.width / 2, plot.top + plot.height + tickPx + fontPx + 6 * k)
  ctx.textBaseline = 'bottom'
  if (yTitle !== '') ctx.fillText(yTitle, plot.left, plot.top - 5 * k)
}

/** The outline of the plot area. */
export function drawFrame(ctx: Ctx2D, plot: PlotRect, color = '#333333', scale?: DrawScale): void {
  ctx.beginPath()
  ctx.rect(plot.left, plot.top, plot.width, plot.height)
  ctx.strokeStyle = color
  ctx.lineWidth = linePxAt(scale, 1)
  ctx.stroke()
}

/**
 * A margin that leaves room for `drawAxes` at this font size: tick labels and the x title below, tick labels
 * left, the y title on top.
 */
export function axesMargin(
  fontPx = 12,
  scale?: DrawScale,
): { top: number; right: number; bottom: number; left: number } {
  fontPx = fontPxAt(scale, fontPx)
  return {
    top: Math.ceil(fontPx * 1.5 + 8),
    right: Math.ceil(fontPx * 2),
    bottom: Math.ceil(fontPx * 2.4 + 12),
    left: Math.ceil(fontPx * 3 + 10),
  }
}

export interface AxesOptions extends AxisStyle {
  /** Axis titles, TeX-ish (`w_1`, `b`, `\theta_2`), rendered as Unicode in italic serif. */
  xLabel: string
  yLabel: string
}

/**
 * The surface view's axes: a frame around the plot area, round ticks (one per ~6 font sizes across, ~3 up)
 * over `extent` (normally `scales.extent`; a narrower one ticks part of the axis) with labels, and the
 * parameter names as titles (`w_1` → w₁). Draw it after the heatmap so the frame sits on top.
 */
export function drawAxes(ctx: Ctx2D, scales: ViewScales, extent: Extent, options: AxesOptions): void {
  const { fontPx, color } = scaledAxis(options)
  const { plot } = scales
  const nx = Math.max(2, Math.floor(plot.width / (fontPx * 6)))
  const ny = Math.max(2, Math.floor(plot.height / (fontPx * 3)))
  const xt = linearTicks(extent.x[0], extent.x[1], nx).map((t) => ({ ...t, px: scales.xToPx(t.value) }))
  const yt = linearTicks(extent.y[0], extent.y[1], ny).map((t) => ({ ...t, px: scales.yToPx(t.value) }))
  ctx.save()
  ctx.setLineDash([])
  ctx.globalAlpha = 1
  drawFrame(ctx, plot, color, options.scale)
  drawAxisBottom(ctx, plot, xt, options)
  drawAxisLeft(ctx, plot, yt, options)
  drawAxisTitles(
    ctx,
    plot,
    texToUnicode(options.xLabel),
    texToUnicode(options.yLabel),
    mathFont(fontPx + fontPxAt(options.scale, 1)),
    options,
  )
  ctx.restore()
}
