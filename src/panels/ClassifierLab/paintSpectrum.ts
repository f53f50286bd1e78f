import { drawFrame, textFont } from '../../render/axes'
import { lectureColors } from '../../render/colors'
import type { Ctx2D } from '../../render/ctx2d'
import { fontPxAt, linePxAt } from '../../render/drawScale'
import type { DrawScale } from '../../render/drawScale'
import { formatNumber } from '../../ui/formatNumber'

/**
 * The signed logarithm of the spectrum's y axis: s(λ) = sign(λ)·log₁₀(1 + |λ|/c). It is odd and increasing,
 * linear (≈ λ/(c·ln 10)) for |λ| ≪ c and logarithmic beyond, so negative and positive eigenvalues spanning
 * many decades both stay visible around a common zero.
 */
export function symlog(v: number, c: number): number {
  return Math.sign(v) * Math.log10(1 + Math.abs(v) / c)
}

/**
 * The linear threshold c for a spectrum: the power of ten at or below max(10⁻⁶·max|λ|, tolerance), so about
 * six decades show on either side, the ticks fall on round values, and what the minimum ratio counts as 0
 * (|λ| ≤ tolerance) stays in the linear band around zero.
 */
export function symlogThreshold(values: ArrayLike<number>, tolerance: number): number {
  let max = 0
  for (let i = 0; i < values.length; i++)
    if (Number.isFinite(values[i])) max = Math.max(max, Math.abs(values[i]))
  if (!(max > 0)) return 1
  return 10 ** Math.floor(Math.log10(Math.max(1e-6 * max, tolerance > 0 ? tolerance : 0)))
}

export interface SpectrumSpec {
  widthPx: number
  heightPx: number
  /** Eigenvalues, ascending. */
  values: Float64Array
  /** |λ| ≤ tolerance counts as zero (flat). */
  tolerance: number
  /** Default 11 (times `scale.text`). */
  fontPx?: number
  /** Presenter scale: multiplies the font (and the margins it sets), the lines and the dots (default 1×). */
  scale?: DrawScale
}

/** What `paintSpectrum` needs of a 2D context: the painters' slice and `measureText` for the tick labels. */
export type SpectrumContext = Ctx2D & { measureText(text: string): { width: number } }

/**
 * The Hessian's eigenvalues as dots, index (ascending) across and symlog value up: the lecture's colours for
 * an escape direction (λ < 0, magenta), flat (grey) and curving up (dark). A line at 0 and decade ticks
 * ±10ᵏ on the left.
 */
export function paintSpectrum(ctx: SpectrumContext, spec: SpectrumSpec): void {
  const { values, tolerance, scale } = spec
  const fontPx = fontPxAt(scale, spec.fontPx ?? 11)
  const k = linePxAt(scale, 1)
  const n = values.length
  const c = symlogThreshold(values, tolerance)
  let top = 1
  for (let i = 0; i < n; i++)
    if (Number.isFinite(values[i])) top = Math.max(top, Math.abs(symlog(values[i], c)))
  top = Math.ceil(top)
  // A tick at ±c·10ᵏ sits exactly at s = ±log₁₀(1 + 10ᵏ); every other decade when there are many.
  const every = top > 4 ? 2 : 1
  const ticks: { s: number; label: string }[] = [{ s: 0, label: '0' }]
  for (let k = every; Math.log10(1 + 10 ** k) <= top; k += every) {
    for (const sign of [1, -1])
      ticks.push({ s: sign * Math.log10(1 + 10 ** k), label: formatNumber(sign * c * 10 ** k, 2) })
  }
  ctx.save()
  ctx.font = textFont(fontPx)
  let labelWidth = 0
  for (const tick of ticks) labelWidth = Math.max(labelWidth, ctx.measureText(tick.label).width)
  // Room for half a label above the top tick and below the bottom one, and for the dots at the ends.
  const pad = Math.ceil(Math.max(8 * k, fontPx * 0.6))
  const plot = {
    left: Math.ceil(labelWidth) + Math.ceil(10 * k),
    top: pad,
    width: Math.max(1, spec.widthPx - Math.ceil(labelWidth) - Math.ceil(10 * k) - pad),
    height: Math.max(1, spec.heightPx - 2 * pad),
  }
  const yOf = (s: number) => plot.top + plot.height / 2 - (s / top) * (plot.height / 2)
  const xOf = (i: number) => plot.left + ((i + 0.5) / Math.max(1, n)) * plot.width

  ctx.fillStyle = '#333333'
  ctx.textAlign = 'right'
  ctx.textBaseline = 'middle'
  ctx.lineWidth = k
  for (const tick of ticks) {
    const y = yOf(tick.s)
    ctx.strokeStyle = tick.s === 0 ? '#333333' : '#e3e3e3'
    ctx.beginPath()
    ctx.moveTo(plot.left, y)
    ctx.lineTo(plot.left + plot.width, y)
    ctx.stroke()
    ctx.fillText(tick.label, plot.left - 4 * k, y)
  }
  const r = linePxAt(scale, n > 200 ? 1.5 : 3)
  for (const [colour, test] of [
    [lectureColors.escape, (v: number) => v < -tolerance],
    [lectureColors.flat, (v: number) => Math.abs(v) <= tolerance],
    ['#1d2330', (v: number) => v > tolerance],
  ] as const) {
    ctx.beginPath()
    for (let i = 0; i < n; i++) {
      const v = values[i]
      if (!test(v)) continue
      const x = xOf(i)
      const y = yOf(symlog(v, c))
      ctx.moveTo(x + r, y)
      ctx.arc(x, y, r, 0, 2 * Math.PI)
    }
    ctx.fillStyle = colour
    ctx.fill()
  }
  drawFrame(ctx, plot, '#333333', scale)
  ctx.restore()
}
