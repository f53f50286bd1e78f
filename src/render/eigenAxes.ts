import { ANALYSIS_TOLERANCES } from '../core/limits'
import { drawArrow } from './arrows'
import { lectureColors } from './colors'
import type { Ctx2D } from './ctx2d'
import { dashAt, fontPxAt, linePxAt } from './drawScale'
import type { DrawScale } from './drawScale'
import { textFont } from './axes'
import { pixelPoint } from './scales'
import type { DrawScales, ParamLike } from './scales'
import { snapZero } from './snapZero'
import { formatValue } from './texLabel'

export interface EigenAxesOptions {
  /** Half-length of each axis on either side of the point, px (default 40). */
  lengthPx?: number
  /**
   * λ counts as zero (flat) when |λ| ≤ zeroTolerance·max(1, max|λ|); default the core's
   * `ANALYSIS_TOLERANCES.eigRel`, so the picture agrees with `analyzePoint`'s verdict.
   */
  zeroTolerance?: number
  /** Write "λ₁ = −2" beyond one end of each axis, the end with more room on the canvas (default true). */
  labels?: boolean
  fontPx?: number
  /** Presenter scale: multiplies the length, the strokes, the dashes and the labels' font (default 1×). */
  scale?: DrawScale
}

/**
 * The Hessian's eigen-axes at `point` (docs/lectures.md S1): a line through the point along each eigenvector u_k,
 * styled by the sign of λ_k. λ > 0 (the surface curves up: a wall) is a white line with a dark outline;
 * λ < 0 (it curves down: the escape direction, θ = θ′ + u lowers L) is highlighted as a magenta double arrow;
 * λ ≈ 0 (flat, e.g. along the valley xy = 1) is a grey dashed line. Eigenvectors are in parameter units, so with
 * unequal axis scales the two lines are drawn as they really lie on this map and need not look perpendicular.
 */
export function drawEigenAxes(
  ctx: Ctx2D,
  scales: DrawScales,
  point: ParamLike,
  eigenvectors: readonly [ParamLike, ParamLike],
  eigenvalues: readonly [number, number],
  options: EigenAxesOptions = {},
): void {
  const { labels = true, scale } = options
  const k = linePxAt(scale, 1)
  const lengthPx = (options.lengthPx ?? 40) * k
  const fontPx = fontPxAt(scale, options.fontPx ?? 12)
  const tol =
    (options.zeroTolerance ?? ANALYSIS_TOLERANCES.eigRel) * Math.max(1, ...eigenvalues.map(Math.abs))
  const cx = scales.ox + scales.kx * point[0]
  const cy = scales.oy + scales.ky * point[1]
  if (!(Number.isFinite(cx) && Number.isFinite(cy))) return
  const axes = [0, 1].map((k) => {
    const u = eigenvectors[k]
    const dx = scales.kx * u[0]
    const dy = scales.ky * u[1]
    const len = Math.hypot(dx, dy)
    const lambda = eigenvalues[k]
    const sign = Math.abs(lambda) <= tol ? 0 : Math.sign(lambda)
    return {
      k,
      lambda,
      sign,
      ux: dx / len,
      uy: dy / len,
      ok: len > 0 && Number.isFinite(len) && !Number.isNaN(lambda),
    }
  })
  // Walls and flat directions first, the escape route on top.
  const order = axes.filter((a) => a.ok).sort((a, b) => b.sign - a.sign)
  ctx.save()
  ctx.globalAlpha = 1
  for (const a of order) {
    const x0 = cx - a.ux * lengthPx
    const y0 = cy - a.uy * lengthPx
    const x1 = cx + a.ux * lengthPx
    const y1 = cy + a.uy * lengthPx
    if (a.sign < 0) {
      const style = { color: lectureColors.escape, width: 2.5, headPx: 10, scale }
      drawArrow(ctx, pixelPoint(cx, cy), pixelPoint(x1, y1), style)
      drawArrow(ctx, pixelPoint(cx, cy), pixelPoint(x0, y0), style)
      continue
    }
    ctx.beginPath()
    ctx.moveTo(x0, y0)
    ctx.lineTo(x1, y1)
    ctx.lineCap = 'round'
    if (a.sign > 0) {
      ctx.setLineDash([])
      ctx.strokeStyle = lectureColors.outline
      ctx.lineWidth = 4 * k
      ctx.stroke()
      ctx.strokeStyle = lectureColors.curvingUp
      ctx.lineWidth = 2 * k
      ctx.stroke()
    } else {
      ctx.setLineDash(dashAt(scale, [5, 4]))
      ctx.strokeStyle = lectureColors.flat
      ctx.lineWidth = 2 * k
      ctx.stroke()
    }
  }
  ctx.setLineDash([])
  if (labels) {
    ctx.font = textFont(fontPx)
    ctx.textBaseline = 'middle'
    ctx.lineJoin = 'round'
    const gap = lengthPx + 6 * k
    // Round-off (−4.44×10⁻¹⁶ for a zero eigenvalue) reads 0.
    const lambdaScale = Math.max(...order.map((a) => Math.abs(a.lambda)).filter(Number.isFinite), 0)
    for (const a of order) {
      const text = `λ${a.k === 0 ? '₁' : '₂'} = ${formatValue(snapZero(a.lambda, lambdaScale))}`
      // Label the end of the axis with more room around it, so a point near the border keeps its label.
      const textPx = 0.6 * fontPx * text.length
      const room = (dir: number): number => {
        const x = cx + dir * a.ux * gap
        const y = cy + dir * a.uy * gap
        const x0 = dir * a.ux >= 0 ? x : x - textPx
        return Math.min(x0, scales.widthPx - x0 - textPx, y - fontPx / 2, scales.heightPx - y - fontPx / 2)
      }
      const dir = room(1) >= room(-1) ? 1 : -1
      const x = cx + dir * a.ux * gap
      const y = cy + dir * a.uy * gap
      ctx.textAlign = dir * a.ux >= 0 ? 'left' : 'right'
      // A white outline under the text keeps it legible on the dark end of any palette.
      ctx.strokeStyle = lectureColors.halo
      ctx.lineWidth = 3 * k
      ctx.strokeText(text, x, y)
      ctx.fillStyle = a.sign < 0 ? lectureColors.escape : lectureColors.outline
      ctx.fillText(text, x, y)
    }
  }
  ctx.restore()
}
