import { lectureColors } from '../../render/colors'
import { TAU } from '../../render/ctx2d'
import type { Ctx2D } from '../../render/ctx2d'
import { linePxAt } from '../../render/drawScale'
import type { DrawScale } from '../../render/drawScale'

/** Radius of the start point's black dot, px: bigger than the iterates' dots, since it is dragged. */
export const START_RADIUS_PX = 6

/** The start point: the lecture's black dot, with a white ring so it reads on the dark end of any palette. */
export function drawStartMarker(ctx: Ctx2D, x: number, y: number, dragging = false, scale?: DrawScale): void {
  if (!(Number.isFinite(x) && Number.isFinite(y))) return
  const k = linePxAt(scale, 1)
  const r = (dragging ? START_RADIUS_PX + 2 : START_RADIUS_PX) * k
  ctx.save()
  ctx.globalAlpha = 1
  ctx.setLineDash([])
  ctx.beginPath()
  ctx.moveTo(x + r, y)
  ctx.arc(x, y, r, 0, TAU)
  ctx.fillStyle = lectureColors.start
  ctx.fill()
  ctx.strokeStyle = lectureColors.halo
  ctx.lineWidth = 2 * k
  ctx.stroke()
  ctx.restore()
}

/**
 * Where a diverged racer's path ends: a red ✕ (the lecture's red for trouble) over a white outline, `sizePx`
 * from the centre to each tip along the axes.
 */
export function drawDivergedCross(ctx: Ctx2D, x: number, y: number, sizeAt1 = 7, scale?: DrawScale): void {
  if (!(Number.isFinite(x) && Number.isFinite(y))) return
  const k = linePxAt(scale, 1)
  const sizePx = sizeAt1 * k
  ctx.save()
  ctx.globalAlpha = 1
  ctx.setLineDash([])
  ctx.lineCap = 'round'
  ctx.beginPath()
  ctx.moveTo(x - sizePx, y - sizePx)
  ctx.lineTo(x + sizePx, y + sizePx)
  ctx.moveTo(x - sizePx, y + sizePx)
  ctx.lineTo(x + sizePx, y - sizePx)
  ctx.strokeStyle = lectureColors.halo
  ctx.lineWidth = 5 * k
  ctx.stroke()
  ctx.strokeStyle = lectureColors.negativeGradient
  ctx.lineWidth = 2.5 * k
  ctx.stroke()
  ctx.restore()
}

/** The inspected point: a hollow ring with a cross hair in the eigen-axes' escape colour. */
export function drawInspectMarker(ctx: Ctx2D, x: number, y: number, scale?: DrawScale): void {
  if (!(Number.isFinite(x) && Number.isFinite(y))) return
  const k = linePxAt(scale, 1)
  const r = 7 * k
  ctx.save()
  ctx.globalAlpha = 1
  ctx.setLineDash([])
  ctx.beginPath()
  ctx.moveTo(x + r, y)
  ctx.arc(x, y, r, 0, TAU)
  ctx.moveTo(x - r - 4 * k, y)
  ctx.lineTo(x - r + 3 * k, y)
  ctx.moveTo(x + r - 3 * k, y)
  ctx.lineTo(x + r + 4 * k, y)
  ctx.moveTo(x, y - r - 4 * k)
  ctx.lineTo(x, y - r + 3 * k)
  ctx.moveTo(x, y + r - 3 * k)
  ctx.lineTo(x, y + r + 4 * k)
  ctx.strokeStyle = lectureColors.halo
  ctx.lineWidth = 4 * k
  ctx.stroke()
  ctx.strokeStyle = lectureColors.escape
  ctx.lineWidth = 2 * k
  ctx.stroke()
  ctx.restore()
}

/**
 * A racer whose head is off the view: a triangle in its colour (white outline) with its tip on the plot's edge
 * where the path left, pointing the way it went, `sizePx` long. Nothing for a direction of length 0.
 */
export function drawOffViewMarker(
  ctx: Ctx2D,
  x: number,
  y: number,
  dx: number,
  dy: number,
  color: string,
  sizePx = 14,
): void {
  if (!(Number.isFinite(x) && Number.isFinite(y)) || !(Math.hypot(dx, dy) > 0)) return
  const bx = x - dx * sizePx
  const by = y - dy * sizePx
  const hw = sizePx * 0.5
  ctx.save()
  ctx.globalAlpha = 1
  ctx.setLineDash([])
  ctx.lineJoin = 'round'
  ctx.beginPath()
  ctx.moveTo(x, y)
  ctx.lineTo(bx - dy * hw, by + dx * hw)
  ctx.lineTo(bx + dy * hw, by - dx * hw)
  ctx.closePath()
  ctx.fillStyle = color
  ctx.fill()
  ctx.strokeStyle = lectureColors.halo
  ctx.lineWidth = 2
  ctx.stroke()
  ctx.restore()
}

/**
 * A racer's number beside its head, in its colour over a white outline: up and to the right, one row higher per
 * `stacked` head already labelled at (almost) the same spot, so coinciding racers read "1 2 3" in a column.
 */
export function drawHeadLabel(
  ctx: Ctx2D,
  x: number,
  y: number,
  text: string,
  color: string,
  stacked: number,
  fontPx: number,
): void {
  if (!(Number.isFinite(x) && Number.isFinite(y))) return
  const px = Math.round(fontPx * 1.05)
  const lx = x + 8
  const ly = y - 9 - stacked * (px + 2)
  ctx.save()
  ctx.globalAlpha = 1
  ctx.setLineDash([])
  ctx.font = `bold ${px}px system-ui, sans-serif`
  ctx.textAlign = 'left'
  ctx.textBaseline = 'alphabetic'
  ctx.lineJoin = 'round'
  ctx.strokeStyle = lectureColors.halo
  ctx.lineWidth = 3
  ctx.strokeText(text, lx, ly)
  ctx.fillStyle = color
  ctx.fillText(text, lx, ly)
  ctx.restore()
}
