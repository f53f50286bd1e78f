import type { ContourLevel } from '../core/contours'
import { lectureColors } from './colors'
import { contourStroke } from './contourStroke'
import { dashAt } from './drawScale'
import type { ContourStyle } from './contours'
import type { Ctx2D } from './ctx2d'
import type { GridTransform } from './grid'

/**
 * Strokes contour rings traced in the worker (`ContourLevel`: Float64Array rings in grid-index space), in
 * render's `drawContours` style: thin dark lines, every `majorEvery`-th level thicker, two paths and two
 * strokes in all. Segments along the grid border, which d3 adds to close rings that leave the grid, are
 * skipped (their points lie exactly on c ∈ {0, nx} or r ∈ {0, ny}), so every line lies inside the samples.
 * `transform` maps grid-index space to pixels (`gridTransform`); allocates nothing per point.
 */
/** The decision boundary's stroke (the p = 0.5 ring): a thick black line, as the course draws it. */
export const BOUNDARY_STYLE = { color: '#000000', alpha: 0.9, lineWidth: 2, majorEvery: 0 } as const

export function drawContourRings(
  ctx: Ctx2D,
  levels: readonly ContourLevel[],
  transform: GridTransform,
  style: ContourStyle = {},
): void {
  const majorEvery = style.majorEvery ?? 5
  ctx.save()
  ctx.strokeStyle = style.color ?? lectureColors.contour
  const stroke = contourStroke(style)
  ctx.globalAlpha = stroke.alpha
  ctx.lineJoin = 'round'
  ctx.lineCap = 'round'
  ctx.setLineDash(style.dash === undefined ? [] : dashAt(style.scale, style.dash))
  for (const major of majorEvery > 0 ? [false, true] : [false]) {
    ctx.beginPath()
    for (let k = 0; k < levels.length; k++) {
      if (majorEvery > 0 && ((k + 1) % majorEvery === 0) !== major) continue
      for (const ring of levels[k].rings) traceRing(ctx, ring, transform)
    }
    ctx.lineWidth = major ? stroke.major : stroke.minor
    ctx.stroke()
  }
  ctx.restore()
}

// A segment is drawn only when both ends are inside the grid; the first inside point after a border point
// starts a new sub-path. Rings are closed (last point = first), so no closePath is needed.
function traceRing(ctx: Ctx2D, ring: Float64Array, t: GridTransform): void {
  const { nx, ny, kx, ox, ky, oy } = t
  let prevInside = false
  for (let k = 0; k < ring.length; k += 2) {
    const c = ring[k]
    const r = ring[k + 1]
    const inside = c !== 0 && c !== nx && r !== 0 && r !== ny
    if (inside) {
      const x = ox + kx * c
      const y = oy + ky * r
      if (prevInside) ctx.lineTo(x, y)
      else ctx.moveTo(x, y)
    }
    prevInside = inside
  }
}
