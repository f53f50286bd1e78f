import { lectureColors } from './colors'
import type { Ctx2D } from './ctx2d'
import { dashAt, linePxAt } from './drawScale'
import type { DrawScale } from './drawScale'
import { pixelPoint } from './scales'
import type { AffineScales, ParamLike, PixelPoint } from './scales'

export interface ArrowStyle {
  color: string
  /** Dashed shaft (the head stays solid). Default false. */
  dashed?: boolean
  /** Shaft width in px (default 2.5: wide enough that the colour, not the halo, is what one sees). */
  width?: number
  /** Head length in px (default 11); shortened to 45 % of the arrow when the arrow is shorter than ~2 heads. */
  headPx?: number
  /** Presenter scale: multiplies the shaft, the head, the halo and the dashes (default 1×). */
  scale?: DrawScale
  /** A white halo so the arrow reads on the rainbow (default true). */
  halo?: boolean
}

/** Dash pattern of dashed arrows, px on/off. */
export const ARROW_DASH = [6, 4]

/**
 * Draws an arrow from `from` to `to` (pixels): a shaft that stops at the head's base, then a filled
 * triangular head with its tip exactly at `to`. Nothing is drawn for a zero-length arrow (no direction).
 */
export function drawArrow(ctx: Ctx2D, from: PixelPoint, to: PixelPoint, style: ArrowStyle): void {
  const [x0, y0] = from
  const [x1, y1] = to
  const dx = x1 - x0
  const dy = y1 - y0
  const len = Math.hypot(dx, dy)
  if (!(len > 0) || !Number.isFinite(len)) return
  const k = linePxAt(style.scale, 1)
  const width = (style.width ?? 2.5) * k
  const head = Math.min((style.headPx ?? 11) * k, 0.45 * len)
  const ux = dx / len
  const uy = dy / len
  const bx = x1 - ux * head
  const by = y1 - uy * head
  // Head half-width: a 2:1 (length : half-width) head, never thinner than the shaft.
  const hw = Math.max(head / 2, width)
  const traceHead = (): void => {
    ctx.beginPath()
    ctx.moveTo(x1, y1)
    ctx.lineTo(bx - uy * hw, by + ux * hw)
    ctx.lineTo(bx + uy * hw, by - ux * hw)
    ctx.closePath()
  }
  const traceShaft = (): void => {
    ctx.beginPath()
    ctx.moveTo(x0, y0)
    ctx.lineTo(bx, by)
  }
  ctx.save()
  ctx.globalAlpha = 1
  ctx.lineCap = 'butt'
  ctx.lineJoin = 'miter'
  if (style.halo ?? true) {
    ctx.strokeStyle = lectureColors.halo
    ctx.setLineDash([])
    traceShaft()
    ctx.lineWidth = width + 2 * k
    ctx.stroke()
    traceHead()
    ctx.lineWidth = 2 * k
    ctx.stroke()
  }
  ctx.strokeStyle = style.color
  ctx.fillStyle = style.color
  ctx.setLineDash(style.dashed === true ? dashAt(style.scale, ARROW_DASH) : [])
  traceShaft()
  ctx.lineWidth = width
  ctx.stroke()
  ctx.setLineDash([])
  traceHead()
  ctx.fill()
  ctx.restore()
}

/**
 * The factor that brings a length of `lengthPx` into [minPx, maxPx] (1 when it already is), so arrows too
 * small to see or too long for the view keep their direction but get a readable length. 0 for a zero or
 * non-finite length, which has no direction to keep.
 */
export function clampLengthFactor(lengthPx: number, minPx: number, maxPx: number): number {
  if (!(lengthPx > 0) || !Number.isFinite(lengthPx)) return 0
  if (lengthPx < minPx) return minPx / lengthPx
  if (lengthPx > maxPx) return maxPx / lengthPx
  return 1
}

export interface MomentumArrowOptions {
  /**
   * Multiplier from parameter units to on-screen length, applied to all three vectors alike before the
   * clamp (so the sum relation survives): 1 draws true size, 'auto' (default) makes the longest arrow
   * `autoPx` long. Real steps (η = 0.01) are often a pixel or less, hence 'auto'.
   */
  scaleToPx?: number | 'auto'
  /** Length of the longest arrow under 'auto', px (default 70). */
  autoPx?: number
  /** Shorter arrows are lengthened to this, px (default 14). */
  minPx?: number
  /** Longer arrows are shortened to this, px (default 160). */
  maxPx?: number
  width?: number
  headPx?: number
  /** Presenter scale: multiplies the shaft, the head, the halo and the dashes (default 1×). */
  scale?: DrawScale
}

/**
 * The lecture's momentum picture at point p (docs/lectures.md S7): the negative gradient −ηg as a dashed RED arrow,
 * the previous movement λm^t as a dashed BLUE arrow, and the new movement m^{t+1} = λm^t − ηg as a solid
 * BLUE arrow, all from p. Vectors are in parameter units and map to pixels through `scales` (y up), then
 * scale together (`scaleToPx`), then each is clamped into [minPx, maxPx] with its direction kept. When no
 * arrow had to be clamped, thin dotted guides close the parallelogram (the new movement is the sum of the
 * other two). Zero vectors (the first step has no previous movement) are not drawn.
 */
export function drawMomentumArrows(
  ctx: Ctx2D,
  scales: AffineScales,
  p: ParamLike,
  negGrad: ParamLike,
  prevMove: ParamLike,
  newMove: ParamLike,
  options: MomentumArrowOptions = {},
): void {
  const { width = 2.5, headPx = 11, scale } = options
  const k = linePxAt(scale, 1)
  const autoPx = (options.autoPx ?? 70) * k
  const minPx = (options.minPx ?? 14) * k
  const maxPx = (options.maxPx ?? 160) * k
  const { kx, ky } = scales
  const origin = pixelPoint(scales.ox + kx * p[0], scales.oy + ky * p[1])
  if (!(Number.isFinite(origin[0]) && Number.isFinite(origin[1]))) return
  const vecs = [negGrad, prevMove, newMove].map((v) => [kx * v[0], ky * v[1]] as const)
  const lengths = vecs.map(([x, y]) => Math.hypot(x, y)).filter(Number.isFinite)
  const longest = Math.max(0, ...lengths)
  const s = options.scaleToPx ?? 'auto'
  const common = s === 'auto' ? (longest > 0 ? autoPx / longest : 0) : s
  let clamped = false
  const [gTip, prevTip, newTip] = vecs.map(([x, y]) => {
    const f = clampLengthFactor(common * Math.hypot(x, y), minPx, maxPx)
    if (f !== 1) clamped = true
    return f === 0 ? null : pixelPoint(origin[0] + common * f * x, origin[1] + common * f * y)
  })
  if (!clamped && gTip !== null && prevTip !== null && newTip !== null) {
    // Every vector drew at the common scale, so the tips close a parallelogram: new = previous + (−ηg).
    ctx.save()
    ctx.beginPath()
    ctx.moveTo(prevTip[0], prevTip[1])
    ctx.lineTo(newTip[0], newTip[1])
    ctx.moveTo(gTip[0], gTip[1])
    ctx.lineTo(newTip[0], newTip[1])
    ctx.setLineDash(dashAt(scale, [2, 3]))
    ctx.strokeStyle = lectureColors.outline
    ctx.globalAlpha = 0.6
    ctx.lineWidth = k
    ctx.stroke()
    ctx.restore()
  }
  const look = { width, headPx, scale }
  if (prevTip !== null)
    drawArrow(ctx, origin, prevTip, { color: lectureColors.movement, dashed: true, ...look })
  if (gTip !== null)
    drawArrow(ctx, origin, gTip, { color: lectureColors.negativeGradient, dashed: true, ...look })
  if (newTip !== null)
    drawArrow(ctx, origin, newTip, { color: lectureColors.movement, dashed: false, ...look })
}
