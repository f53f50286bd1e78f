import { nice } from 'd3-array'
import { format } from 'd3-format'
import { drawAxisBottom, drawAxisLeft, drawAxisTitles, drawFrame, linearTicks, textFont } from './axes'
import type { Tick } from './axes'
import type { Ctx2D } from './ctx2d'
import { logXDecades, logXPx, logXStep } from './logX'
import { dashAt, fontPxAt, linePxAt } from './drawScale'
import type { DrawScale } from './drawScale'
import type { PlotRect } from './scales'
import { formatValue, superscript, texToUnicode } from './texLabel'

/** One curve: value k (at step k) is `values[offset + k·stride]`, for k < count. */
export interface LineSeries {
  values: ArrayLike<number>
  /** Number of points (steps 0 … count−1). */
  count: number
  color: string
  /** Shown in the legend when given. */
  label?: string
  /** Dash pattern in px at 1× (default solid): a testing loss next to its solid training loss. */
  dash?: readonly number[]
  /** Distance between consecutive points in `values` (default 1); 2 reads one parameter of an interleaved state. */
  stride?: number
  /** Index of point 0 in `values` (default 0). */
  offset?: number
  /** x distance between consecutive points in the axis' unit (default 1; 1/⌈N/B⌉ on an epoch axis). */
  xPerPoint?: number
}

export interface LineChartSpec {
  widthPx: number
  heightPx: number
  series: readonly LineSeries[]
  /** Right end of the x axis in steps; points beyond it are not drawn (the axis does not rescale as a run grows). */
  xMax: number
  /** Logarithmic y axis (loss and ‖g‖ charts); zero, negative and non-finite values are skipped. */
  yLog: boolean
  /** Axis titles, TeX-ish allowed (`\|g\|`, `\eta^t`). */
  yLabel: string
  xLabel: string
  /** A step to mark with a dashed vertical line (e.g. the step under the cursor). */
  marker?: number
  /** Default 11. */
  fontPx?: number
  /** Axis and text colour (default '#333333'). */
  color?: string
  /** Curve width in px (default 1.25). */
  lineWidth?: number
  /** Fixed y range instead of the data's (values outside are pinned to the plot edge). */
  yDomain?: [number, number]
  /** Linear axis only: stretch the range to include 0 (default true, right for η_t). */
  yZero?: boolean
  /** Presenter scale: multiplies `fontPx` (and the margins it sets), the curves, the grid and the legend (default 1×). */
  scale?: DrawScale
  /**
   * Symmetric log y axis (`symlog`) instead of a linear one when `yLog` is false: every finite value is drawn,
   * negative losses included; ticks at 0, ±1, ±10, … Default false.
   */
  ySymlog?: boolean
  /**
   * Log x axis over steps 1…xMax (`logX.ts`): update t is drawn at step t + 1, ticks at 1, 10, 100, … Default
   * false (linear over 0…xMax).
   */
  xLog?: boolean
}

/** Where the chart put things, for hit-testing a hover position. */
export interface LineChartLayout {
  plot: PlotRect
  yDomain: [number, number]
  yLog: boolean
  /** True for a symmetric log axis (`symlog`). */
  ySymlog: boolean
  xMax: number
  /** True for a log x axis (`LineChartSpec.xLog`). */
  xLog: boolean
  /** The y ticks drawn (unlabelled ones are minor ticks). */
  yTicks: Tick[]
  xToPx(step: number): number
  yToPx(value: number): number
  pxToStep(px: number): number
}

const stepFormat = format('~s')

/**
 * The symmetric log transform of a symlog axis: sign(v)·log₁₀(1 + |v|). Linear near 0 (slope 1/ln 10), a
 * decade per decade for |v| ≫ 1, defined and odd on all of ℝ, so losses below zero keep their place.
 */
export function symlog(v: number): number {
  return Math.sign(v) * Math.log10(1 + Math.abs(v))
}

/**
 * The symlog axis's tick values that bracket [lo, hi]: the largest of {0, ±10ᵏ (k ≥ 0)} ≤ lo and the smallest
 * ≥ hi, never equal. [0, 1] for an empty or non-finite range.
 */
export function symlogDomain(lo: number, hi: number): [number, number] {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi)) return [0, 1]
  const down = (v: number): number =>
    v >= 1 ? 10 ** Math.floor(log10Snap(v)) : v >= 0 ? 0 : v >= -1 ? -1 : -(10 ** Math.ceil(log10Snap(-v)))
  const up = (v: number): number =>
    v <= -1 ? -(10 ** Math.floor(log10Snap(-v))) : v <= 0 ? 0 : v <= 1 ? 1 : 10 ** Math.ceil(log10Snap(v))
  const d0 = down(lo)
  let d1 = up(hi)
  if (d1 <= d0) d1 = d0 >= 1 ? d0 * 10 : d0 >= 0 ? 1 : d0 === -1 ? 0 : d0 / 10
  return [d0, d1]
}

/** How close (in decades) a log axis' data may come to a whole-decade end before the end moves out a decade. */
const LOG_EDGE = 0.05

// log10 rounded to an integer when it is one up to round-off (log10(1e-7) may come out as −6.999…).
function log10Snap(v: number): number {
  const l = Math.log10(v)
  const r = Math.round(l)
  return Math.abs(l - r) < 1e-9 ? r : l
}

function dataRange(spec: LineChartSpec, lastStep: number): [number, number] | null {
  let lo = Infinity
  let hi = -Infinity
  for (const s of spec.series) {
    const stride = s.stride ?? 1
    const offset = s.offset ?? 0
    const n = Math.min(
      s.count,
      Math.floor(lastStep / (s.xPerPoint ?? 1) + 1e-9) + 1,
      Math.floor((s.values.length - offset - 1) / stride) + 1,
    )
    for (let k = 0; k < n; k++) {
      const v = s.values[offset + k * stride]
      if (v - v !== 0 || (spec.yLog && !(v > 0))) continue
      if (v < lo) lo = v
      if (v > hi) hi = v
    }
  }
  return lo <= hi ? [lo, hi] : null
}

function yDomainOf(spec: LineChartSpec, xMax: number): [number, number] {
  if (spec.yDomain !== undefined) {
    const [d0, d1] = spec.yDomain
    if (!(Number.isFinite(d0) && Number.isFinite(d1) && d0 < d1 && (!spec.yLog || d0 > 0)))
      throw new Error(`invalid yDomain [${d0}, ${d1}]${spec.yLog ? ' for a log axis' : ''}`)
    return [d0, d1]
  }
  const range = dataRange(spec, Math.floor(xMax))
  if (spec.yLog) {
    if (range === null) return [1, 10]
    // A curve within 5% of a decade of the frame would sit on the axis line (a loss of 0.1007 on a floor of
    // 0.1): such an end gets one more decade.
    const l0 = log10Snap(range[0])
    const l1 = log10Snap(range[1])
    const e0 = Math.floor(l0) - (l0 - Math.floor(l0) < LOG_EDGE ? 1 : 0)
    const e1 = Math.max(e0 + 1, Math.ceil(l1) + (Math.ceil(l1) - l1 < LOG_EDGE ? 1 : 0))
    // 1/10⁴ rather than 10⁻⁴, which comes out as 0.00009999…
    const pow10 = (e: number): number => (e < 0 ? 1 / 10 ** -e : 10 ** e)
    return [pow10(e0), pow10(e1)]
  }
  if (spec.ySymlog === true) return range === null ? [0, 1] : symlogDomain(range[0], range[1])
  let [lo, hi] = range ?? [0, 1]
  if (spec.yZero ?? true) {
    lo = Math.min(lo, 0)
    hi = Math.max(hi, 0)
  }
  if (lo === hi) {
    const pad = Math.abs(lo) > 0 ? Math.abs(lo) / 2 : 1
    lo -= pad
    hi += pad
  }
  return nice(lo, hi, 5)
}

// Tick values and labels of the y axis: whole decades (10⁻⁷ …, thinned to fit, unlabelled 2…9·10ᵉ minor ticks
// while there are ≤ 4 decades) on a log axis; d3 ticks on a linear one, in ×10ⁿ form for tiny or huge values
// (η = 10⁻⁶ would otherwise read 0.000001).
function yTickValues(
  domain: [number, number],
  yLog: boolean,
  heightPx: number,
  fontPx: number,
  ySymlog = false,
) {
  const out: { value: number; label: string }[] = []
  if (!yLog && ySymlog) {
    // 0 and ±10ᵏ inside the domain, labelled 0, ±1, ±10, ±10², … (thinned to fit, 0 always labelled).
    const values: number[] = []
    for (let e = 12; e >= 0; e--) values.push(-(10 ** e))
    values.push(0)
    for (let e = 0; e <= 12; e++) values.push(10 ** e)
    const inside = values.filter((v) => v >= domain[0] && v <= domain[1])
    const maxLabels = Math.max(2, Math.floor(heightPx / (fontPx * 1.8)))
    const every = Math.max(1, Math.ceil((inside.length - 1) / (maxLabels - 1)))
    const zero = inside.indexOf(0)
    return inside.map((value, i) => {
      const e = Math.round(Math.log10(Math.abs(value)))
      const text =
        value === 0 ? '0' : `${value < 0 ? '−' : ''}${e <= 1 ? String(10 ** e) : `10${superscript(e)}`}`
      return { value, label: zero < 0 || (i - zero) % every === 0 ? text : '' }
    })
  }
  if (yLog) {
    const e0 = Math.round(log10Snap(domain[0]))
    const e1 = Math.round(log10Snap(domain[1]))
    const maxLabels = Math.max(2, Math.floor(heightPx / (fontPx * 1.8)))
    const every = Math.max(1, Math.ceil((e1 - e0) / (maxLabels - 1)))
    for (let e = e0; e <= e1; e++) {
      const value = 10 ** e
      out.push({ value, label: (e - e0) % every === 0 ? `10${superscript(e)}` : '' })
      if (e < e1 && e1 - e0 <= 4) for (let m = 2; m <= 9; m++) out.push({ value: m * value, label: '' })
    }
    return out
  }
  const count = Math.max(2, Math.floor(heightPx / (fontPx * 2.5)))
  const ticks = linearTicks(domain[0], domain[1], count)
  const big = Math.max(...ticks.map((t) => Math.abs(t.value)))
  const sci = big >= 1e5 || (big > 0 && big < 1e-3)
  const labelled = sci ? ticks.map((t) => ({ value: t.value, label: formatValue(t.value) })) : ticks
  // A plot shorter than its labels (large type on a short chart): label every k-th tick so that labels keep
  // 1.2 em apart, counting from the top (the η chart's 1.0).
  const gapPx =
    ticks.length > 1 ? (heightPx * (ticks[1].value - ticks[0].value)) / (domain[1] - domain[0]) : heightPx
  const every = Math.max(1, Math.ceil((fontPx * 1.2) / Math.max(1e-9, gapPx)))
  const last = labelled.length - 1
  return every === 1 ? labelled : labelled.map((t, i) => ((last - i) % every === 0 ? t : { ...t, label: '' }))
}

/**
 * The chart's geometry without drawing: the y domain and ticks, a plot area inside margins sized from
 * `fontPx` (the left one wide enough for the longest y label), and the x map step ↦ px over [0, xMax]. Log
 * domains are whole decades around the data ([10^⌊log₁₀ min⌋, 10^⌈log₁₀ max⌉]); linear ones are d3-`nice`d
 * and include 0 unless `yZero` is false. With no drawable value the domain is [1, 10] (log) or [0, 1]. Throws on
 * a bad stride/offset or a `yDomain` that is empty, non-finite or (log) not positive.
 */
export function lineChartLayout(spec: LineChartSpec): LineChartLayout {
  for (const s of spec.series) {
    const stride = s.stride ?? 1
    const offset = s.offset ?? 0
    if (!(Number.isInteger(stride) && stride >= 1 && Number.isInteger(offset) && offset >= 0))
      throw new Error(`invalid series stride ${stride} / offset ${offset}`)
  }
  const fontPx = fontPxAt(spec.scale, spec.fontPx ?? 11)
  const xMax = spec.xMax > 0 ? spec.xMax : 1
  const domain = yDomainOf(spec, xMax)
  const top = Math.ceil(fontPx * 1.6 + 6)
  const height = Math.max(1, spec.heightPx - top - Math.ceil(fontPx * 2.4 + 12))
  const symlogAxis = !spec.yLog && spec.ySymlog === true
  const ticks = yTickValues(domain, spec.yLog, height, fontPx, symlogAxis)
  // ~0.6 em per character of a system sans-serif digit, plus tick mark and gap.
  const widest = Math.max(2, ...ticks.map((t) => t.label.length))
  const left = Math.ceil(Math.max(fontPx * 2.5, widest * fontPx * 0.62) + 10)
  const plot: PlotRect = {
    left,
    top,
    width: Math.max(1, spec.widthPx - left - Math.ceil(fontPx * 1.5 + 4)),
    height,
  }
  const [d0, d1] = domain
  const g0 = spec.yLog ? log10Snap(d0) : symlogAxis ? symlog(d0) : d0
  const g1 = spec.yLog ? log10Snap(d1) : symlogAxis ? symlog(d1) : d1
  const ky = -plot.height / (g1 - g0)
  const oy = plot.top + plot.height - ky * g0
  const kx = plot.width / xMax
  const yToPx = spec.yLog
    ? (v: number): number => oy + ky * Math.log10(v)
    : symlogAxis
      ? (v: number): number => oy + ky * symlog(v)
      : (v: number): number => oy + ky * v
  return {
    plot,
    yDomain: domain,
    yLog: spec.yLog,
    ySymlog: symlogAxis,
    xMax,
    xLog: spec.xLog === true,
    yTicks: ticks.map((t) => ({ ...t, px: yToPx(t.value) })),
    xToPx:
      spec.xLog === true
        ? (step) => plot.left + logXPx(step, xMax, plot.width)
        : (step) => plot.left + kx * step,
    yToPx,
    pxToStep:
      spec.xLog === true ? (px) => logXStep(px - plot.left, xMax, plot.width) : (px) => (px - plot.left) / kx,
  }
}

/**
 * A small chart of per-step series: loss and ‖g‖ against step on a log y axis, η_t on a linear one. Values
 * that a log axis cannot show (0, negative) and non-finite ones are skipped and break the curve. For long
 * runs each pixel column draws the first, minimum, maximum and last point that fall in it (M4 decimation),
 * so 100 000 points cost ~4 vertices per column and a single spike still shows: the lecture's point is that
 * ‖g‖ stays spiky while the loss flattens. Ticks: whole decades (10⁻⁷ …) on log axes, d3 ticks otherwise.
 * Returns the layout, for hover.
 */
export function drawLineChart(ctx: Ctx2D, spec: LineChartSpec): LineChartLayout {
  const layout = lineChartLayout(spec)
  const { plot } = layout
  const fontPx = fontPxAt(spec.scale, spec.fontPx ?? 11)
  const k = linePxAt(spec.scale, 1)
  const color = spec.color ?? '#333333'
  const style = { fontPx: spec.fontPx ?? 11, color, scale: spec.scale }
  const yTicks = layout.yTicks
  const nx = Math.max(2, Math.floor(plot.width / (fontPx * 5)))
  const xTicks: Tick[] = layout.xLog
    ? logXDecades(layout.xMax).map((s) => ({ value: s, label: stepFormat(s), px: layout.xToPx(s - 1) }))
    : linearTicks(0, layout.xMax, nx).map((t) => ({
        value: t.value,
        label: stepFormat(t.value),
        px: layout.xToPx(t.value),
      }))

  ctx.save()
  ctx.globalAlpha = 1
  ctx.setLineDash([])
  // Light grid lines at labelled y ticks: reading a value off a log axis needs them.
  ctx.beginPath()
  for (const t of yTicks) {
    if (t.label === '') continue
    ctx.moveTo(plot.left, t.px)
    ctx.lineTo(plot.left + plot.width, t.px)
  }
  ctx.strokeStyle = '#e3e3e3'
  ctx.lineWidth = k
  ctx.stroke()

  ctx.lineJoin = 'round'
  ctx.lineCap = 'butt'
  ctx.lineWidth = (spec.lineWidth ?? 1.25) * k
  for (const s of spec.series) {
    ctx.setLineDash(s.dash === undefined ? [] : dashAt(spec.scale, s.dash))
    drawSeries(ctx, s, layout, spec.yLog)
  }
  ctx.setLineDash([])

  if (spec.marker !== undefined && spec.marker >= 0 && spec.marker <= layout.xMax) {
    const x = layout.xToPx(spec.marker)
    ctx.beginPath()
    ctx.moveTo(x, plot.top)
    ctx.lineTo(x, plot.top + plot.height)
    ctx.setLineDash(dashAt(spec.scale, [3, 3]))
    ctx.strokeStyle = '#666666'
    ctx.lineWidth = k
    ctx.stroke()
    ctx.setLineDash([])
  }

  drawFrame(ctx, plot, color, spec.scale)
  drawAxisBottom(ctx, plot, xTicks, style)
  drawAxisLeft(ctx, plot, yTicks, style)
  drawAxisTitles(ctx, plot, texToUnicode(spec.xLabel), texToUnicode(spec.yLabel), textFont(fontPx), style)
  drawLegend(ctx, spec.series, plot, fontPx, k)
  ctx.restore()
  return layout
}

function drawSeries(ctx: Ctx2D, s: LineSeries, layout: LineChartLayout, yLog: boolean): void {
  const stride = s.stride ?? 1
  const offset = s.offset ?? 0
  const n = Math.min(
    s.count,
    Math.floor(layout.xMax / (s.xPerPoint ?? 1) + 1e-9) + 1,
    Math.floor((s.values.length - offset - 1) / stride) + 1,
  )
  const { plot } = layout
  const yTop = plot.top
  const yBottom = plot.top + plot.height
  const colsPerStep = (plot.width / layout.xMax) * (s.xPerPoint ?? 1)
  const x0 = plot.left
  let pen = false
  // Per pixel column: first, minimum, maximum and last point (index and value).
  let col = -1
  let fk = 0
  let fv = 0
  let mink = 0
  let minv = 0
  let maxk = 0
  let maxv = 0
  let lk = 0
  let lv = 0
  const emit = (k: number, v: number): void => {
    const y = layout.yToPx(v)
    const yc = y < yTop ? yTop : y > yBottom ? yBottom : y
    if (pen) ctx.lineTo(x0 + k * colsPerStep, yc)
    else ctx.moveTo(x0 + k * colsPerStep, yc)
    pen = true
  }
  const flush = (): void => {
    if (col < 0) return
    emit(fk, fv)
    const a = mink < maxk ? mink : maxk
    const b = mink < maxk ? maxk : mink
    if (a !== fk && a !== lk) emit(a, a === mink ? minv : maxv)
    if (b !== fk && b !== lk && b !== a) emit(b, b === mink ? minv : maxv)
    if (lk !== fk) emit(lk, lv)
    col = -1
  }
  ctx.beginPath()
  for (let k = 0; k < n; k++) {
    const v = s.values[offset + k * stride]
    if (v - v !== 0 || (yLog && !(v > 0))) {
      flush()
      pen = false
      continue
    }
    const c = Math.floor(k * colsPerStep)
    if (c !== col) {
      flush()
      col = c
      fk = mink = maxk = lk = k
      fv = minv = maxv = lv = v
    } else {
      if (v < minv) {
        minv = v
        mink = k
      }
      if (v > maxv) {
        maxv = v
        maxk = k
      }
      lk = k
      lv = v
    }
  }
  flush()
  ctx.strokeStyle = s.color
  ctx.stroke()
}

function drawLegend(
  ctx: Ctx2D,
  series: readonly LineSeries[],
  plot: PlotRect,
  fontPx: number,
  k: number,
): void {
  const labelled = series.filter((s) => s.label !== undefined && s.label !== '')
  if (labelled.length === 0) return
  const right = plot.left + plot.width - 4 * k
  ctx.font = textFont(fontPx)
  ctx.textAlign = 'right'
  ctx.textBaseline = 'middle'
  labelled.forEach((s, row) => {
    const y = plot.top + 4 * k + fontPx * 0.6 + row * (fontPx + 4 * k)
    ctx.beginPath()
    ctx.moveTo(right - 16 * k, y)
    ctx.lineTo(right, y)
    ctx.strokeStyle = s.color
    ctx.lineWidth = 2 * k
    ctx.stroke()
    const text = texToUnicode(s.label ?? '')
    ctx.strokeStyle = '#ffffff'
    ctx.lineWidth = 3 * k
    ctx.strokeText(text, right - 20 * k, y)
    ctx.fillStyle = s.color
    ctx.fillText(text, right - 20 * k, y)
  })
}
