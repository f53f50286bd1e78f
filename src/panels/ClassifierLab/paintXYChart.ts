import { format } from 'd3-format'
import {
  axesMargin,
  drawAxisBottom,
  drawAxisLeft,
  drawAxisTitles,
  drawFrame,
  linearTicks,
  mathFont,
  textFont,
} from '../../render/axes'
import type { Tick } from '../../render/axes'
import { dashAt, fontPxAt, linePxAt } from '../../render/drawScale'
import type { DrawScale } from '../../render/drawScale'
import { texToUnicode } from '../../render/texLabel'

/** One curve: point k at (x[k], y[k]) for k < x.length; non-finite (and, on a log axis, non-positive) y skipped. */
export interface XYSeries {
  x: ArrayLike<number>
  y: ArrayLike<number>
  color: string
  /** Dash pattern in px at 1× (default solid). */
  dash?: readonly number[]
}

/** A dashed vertical line at `x`, with a short label at its top. */
export interface XYMark {
  x: number
  label: string
  color?: string
}

export interface XYChartSpec {
  widthPx: number
  heightPx: number
  /** The x axis' range (points outside are clipped). */
  xDomain: [number, number]
  series: readonly XYSeries[]
  /** Logarithmic y axis (losses); otherwise linear over the data's range, or `yDomain`. */
  yLog: boolean
  yDomain?: [number, number]
  xLabel: string
  yLabel: string
  marks?: readonly XYMark[]
  /** Tick labels at 1×, CSS px (default 11). */
  fontPx?: number
  /** Presenter scale: fonts, margins, curves, marks and dashes grow with it (default 1×). */
  scale?: DrawScale
}

/** Where the chart put its axes: the plot rectangle and both maps value → px. */
export interface XYChartLayout {
  plot: { left: number; top: number; width: number; height: number }
  yDomain: [number, number]
  xToPx(x: number): number
  yToPx(y: number): number
}

const CURVE_PX = 1.5
const logLabel = format('~g')

/** The y range of the series' drawable values, or null when there is none. */
function range(series: readonly XYSeries[], log: boolean): [number, number] | null {
  let lo = Infinity
  let hi = -Infinity
  for (const s of series)
    for (let k = 0; k < s.y.length; k++) {
      const v = s.y[k]
      if (!Number.isFinite(v) || (log && !(v > 0))) continue
      if (v < lo) lo = v
      if (v > hi) hi = v
    }
  return lo <= hi ? [lo, hi] : null
}

/**
 * Ticks of a log axis over [lo, hi] (lo > 0), labelled with d3's '~g' (0.05, 2, 1e+3): 1, 2 and 5 times the
 * powers of ten inside it when they are at least `minGapPx` apart on an axis `lengthPx` long, else the powers
 * of ten alone, else every second, fifth, … power (a short chart on a projector keeps its labels apart).
 */
export function logTicks(
  lo: number,
  hi: number,
  lengthPx = Infinity,
  minGapPx = 0,
): { value: number; label: string }[] {
  const decades = Math.log10(hi / lo)
  const pxPerDecade = lengthPx / decades
  const fits = (gapDecades: number) => gapDecades * pxPerDecade >= minGapPx
  // log10(5/2) ≈ 0.398 is the closest pair of 1-2-5 ticks.
  const steps = fits(Math.log10(2.5)) ? [1, 2, 5] : [1]
  let every = 1
  while (steps.length === 1 && !fits(every) && every < 100)
    every = every === 1 ? 2 : every === 2 ? 5 : every * 2
  const out: { value: number; label: string }[] = []
  for (let k = Math.floor(Math.log10(lo)); k <= Math.ceil(Math.log10(hi)); k++) {
    if (k % every !== 0) continue
    for (const m of steps) {
      const v = m * 10 ** k
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.push({ value: v, label: logLabel(v) })
    }
  }
  return out
}

/** A symbol title: one Latin or Greek letter, perhaps with one subscript or prime ('t', 'α', 'w₁'). */
const SYMBOL = /^[\p{Script=Latin}\p{Script=Greek}][\u2080-\u209c\u2032]?$/u

/** Axis titles that are words ('Loss', '回合') in the UI font; symbols ('t', 'α') in the math italic. */
export function titleFont(label: string, fontPx: number): string {
  return SYMBOL.test(label) ? mathFont(fontPx) : textFont(fontPx)
}

/**
 * A small line chart over explicit (x, y) points, the lab's own for curves whose x is not a step count (t of an
 * interpolation from −0.5 to 1.5, thinned epochs): frame, ticks and titles as `drawAxes` draws them, a log or
 * linear y axis padded by 5% (a tenth of a decade on a log axis), the curves clipped to the plot, and dashed
 * vertical marks. Everything scales with `scale` (presenter mode).
 */
export function paintXYChart(ctx: CanvasRenderingContext2D, spec: XYChartSpec): XYChartLayout {
  const fontBase = spec.fontPx ?? 11
  const fontPx = fontPxAt(spec.scale, fontBase)
  const margin = axesMargin(fontBase, spec.scale)
  const plot = {
    left: margin.left,
    top: margin.top,
    width: Math.max(1, spec.widthPx - margin.left - margin.right),
    height: Math.max(1, spec.heightPx - margin.top - margin.bottom),
  }
  const log = spec.yLog
  let [y0, y1] = spec.yDomain ?? range(spec.series, log) ?? (log ? [0.1, 1] : [0, 1])
  if (spec.yDomain === undefined) {
    if (log) {
      if (y1 <= y0) [y0, y1] = [y0 / 2, y1 * 2]
      ;[y0, y1] = [y0 / 10 ** 0.1, y1 * 10 ** 0.1]
    } else {
      const pad = y1 > y0 ? 0.05 * (y1 - y0) : Math.max(1e-9, Math.abs(y0) * 0.1)
      ;[y0, y1] = [y0 - pad, y1 + pad]
    }
  }
  const [x0, x1] = spec.xDomain
  const xToPx = (x: number) => plot.left + ((x - x0) / (x1 - x0 || 1)) * plot.width
  const f = (v: number) => (log ? Math.log10(v) : v)
  const yToPx = (y: number) => plot.top + plot.height - ((f(y) - f(y0)) / (f(y1) - f(y0) || 1)) * plot.height
  const style = { fontPx: fontBase, scale: spec.scale }
  const nx = Math.max(2, Math.floor(plot.width / (fontPx * 5)))
  const ny = Math.max(2, Math.floor(plot.height / (fontPx * 2.5)))
  const xt: Tick[] = linearTicks(x0, x1, nx).map((t) => ({ ...t, px: xToPx(t.value) }))
  const yt: Tick[] = (log ? logTicks(y0, y1) : linearTicks(y0, y1, ny)).map((t) => ({
    ...t,
    px: yToPx(t.value),
  }))

  ctx.save()
  ctx.beginPath()
  ctx.rect(plot.left, plot.top, plot.width, plot.height)
  ctx.clip()
  for (const m of spec.marks ?? []) {
    const px = xToPx(m.x)
    ctx.setLineDash(dashAt(spec.scale, [4, 3]))
    ctx.lineWidth = linePxAt(spec.scale, 1)
    ctx.strokeStyle = m.color ?? '#666666'
    ctx.beginPath()
    ctx.moveTo(px, plot.top)
    ctx.lineTo(px, plot.top + plot.height)
    ctx.stroke()
  }
  for (const s of spec.series) {
    ctx.setLineDash(s.dash === undefined ? [] : dashAt(spec.scale, s.dash))
    ctx.lineWidth = linePxAt(spec.scale, CURVE_PX)
    ctx.strokeStyle = s.color
    ctx.beginPath()
    let pen = false
    for (let k = 0; k < s.x.length; k++) {
      const v = s.y[k]
      if (!Number.isFinite(v) || (log && !(v > 0))) {
        pen = false
        continue
      }
      const px = xToPx(s.x[k])
      const py = yToPx(v)
      if (pen) ctx.lineTo(px, py)
      else ctx.moveTo(px, py)
      pen = true
    }
    ctx.stroke()
  }
  ctx.restore()

  ctx.save()
  ctx.setLineDash([])
  drawFrame(ctx, plot, '#333333', spec.scale)
  drawAxisBottom(ctx, plot, xt, style)
  drawAxisLeft(ctx, plot, yt, style)
  // drawAxisTitles takes one font for both: the x title decides (the y title is a word in both charts).
  const xTitle = texToUnicode(spec.xLabel)
  const yTitle = texToUnicode(spec.yLabel)
  const titlePx = fontPx + fontPxAt(spec.scale, 1)
  drawAxisTitles(ctx, plot, xTitle, '', titleFont(xTitle, titlePx), style)
  drawAxisTitles(ctx, plot, '', yTitle, titleFont(yTitle, titlePx), style)
  for (const m of spec.marks ?? []) {
    if (m.label === '') continue
    ctx.fillStyle = m.color ?? '#666666'
    ctx.font = mathFont(fontPx)
    ctx.textAlign = 'center'
    ctx.textBaseline = 'bottom'
    ctx.fillText(m.label, xToPx(m.x), plot.top - linePxAt(spec.scale, 2))
  }
  ctx.restore()
  return { plot, yDomain: [y0, y1], xToPx, yToPx }
}
