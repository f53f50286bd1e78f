import { classColors } from './colors'
import { TAU } from './ctx2d'
import type { Ctx2D } from './ctx2d'
import { linePxAt } from './drawScale'
import type { DrawScale } from './drawScale'
import type { DrawScales } from './scales'

export interface DataPointStyle {
  /** Dot radius in px (default 3.5). */
  radius?: number
  /** Outline colour and width (default white, 1 px) so dots read on the decision-region colours. */
  outline?: string
  outlineWidth?: number
  /** Presenter scale: multiplies the radius and the outline (default 1×). */
  scale?: DrawScale
}

/**
 * The classifier's data (dot.csv): point k at (x[2k], x[2k+1]) (row-major n × 2), coloured by its label y[k]
 * in the course's colours, red = 1, blue = 0 (labels ≥ 0.5 count as 1), each with a white outline. Blue dots
 * are drawn first, then red, two paths in all. Non-finite points and points off the canvas are skipped.
 * Throws when x holds fewer than 2·y.length numbers.
 */
export function drawDataPoints(
  ctx: Ctx2D,
  scales: DrawScales,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  style: DataPointStyle = {},
): void {
  const n = y.length
  if (x.length < 2 * n)
    throw new Error(`drawDataPoints: x has ${x.length} numbers for ${n} labels (needs ${2 * n})`)
  const r = linePxAt(style.scale, style.radius ?? 3.5)
  const { kx, ox, ky, oy, widthPx: w, heightPx: h } = scales
  ctx.save()
  ctx.setLineDash([])
  ctx.globalAlpha = 1
  ctx.strokeStyle = style.outline ?? '#ffffff'
  ctx.lineWidth = linePxAt(style.scale, style.outlineWidth ?? 1)
  for (const positive of [false, true]) {
    ctx.beginPath()
    for (let k = 0; k < n; k++) {
      if (y[k] >= 0.5 !== positive) continue
      const px = ox + kx * x[2 * k]
      const py = oy + ky * x[2 * k + 1]
      if (!(px >= -r && px <= w + r && py >= -r && py <= h + r)) continue
      ctx.moveTo(px + r, py)
      ctx.arc(px, py, r, 0, TAU)
    }
    ctx.fillStyle = positive ? classColors.positive : classColors.negative
    ctx.fill()
    ctx.stroke()
  }
  ctx.restore()
}
