import type { Vec2 } from '../../core/types'
import { TAU } from '../../render/ctx2d'
import { linePxAt } from '../../render/drawScale'
import type { DrawScale } from '../../render/drawScale'
import type { ViewScales } from '../../render/scales'
import type { SliceLine } from '../../state/sliceTool'
import { clipToPlot } from './sceneParts'

/** The slice line's colour: the slice chart's curve colour, so the two read as one thing. */
const SLICE_COLOR = '#1f5fbf'

/**
 * Grab radius (CSS px) of a slice end point in draw mode: a press this close moves that end instead of starting
 * a new line (48 px wide for a finger, as the start marker's).
 */
export const SLICE_END_HIT_PX = { mouse: 14, pen: 14, touch: 24 } as const

/**
 * The slice tool's line on the 2D map, over the overlay: a blue segment on a white halo, a filled dot at `from`
 * (0 % on the slice chart's axis), a ring at `to` (100 %) and a tick at the middle (the chart's marker).
 */
export function drawSliceLine(
  ctx: CanvasRenderingContext2D,
  scales: ViewScales,
  dpr: number,
  line: SliceLine,
  scale?: DrawScale,
): void {
  const x0 = scales.xToPx(line.from[0])
  const y0 = scales.yToPx(line.from[1])
  const x1 = scales.xToPx(line.to[0])
  const y1 = scales.yToPx(line.to[1])
  if (![x0, y0, x1, y1].every(Number.isFinite)) return
  const k = linePxAt(scale, 1)
  ctx.save()
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
  clipToPlot(ctx, scales)
  ctx.globalAlpha = 1
  ctx.setLineDash([])
  ctx.lineCap = 'round'
  ctx.beginPath()
  ctx.moveTo(x0, y0)
  ctx.lineTo(x1, y1)
  ctx.strokeStyle = 'rgba(255,255,255,0.9)'
  ctx.lineWidth = 5 * k
  ctx.stroke()
  ctx.strokeStyle = SLICE_COLOR
  ctx.lineWidth = 2.5 * k
  ctx.stroke()
  // The middle: a short tick across the line.
  const len = Math.hypot(x1 - x0, y1 - y0)
  if (len > 0) {
    const nx = (-(y1 - y0) / len) * 6 * k
    const ny = ((x1 - x0) / len) * 6 * k
    const mx = (x0 + x1) / 2
    const my = (y0 + y1) / 2
    ctx.beginPath()
    ctx.moveTo(mx - nx, my - ny)
    ctx.lineTo(mx + nx, my + ny)
    ctx.stroke()
  }
  const r = 5 * k
  ctx.lineWidth = 2 * k
  ctx.beginPath()
  ctx.arc(x0, y0, r, 0, TAU)
  ctx.fillStyle = SLICE_COLOR
  ctx.fill()
  ctx.strokeStyle = '#ffffff'
  ctx.stroke()
  ctx.beginPath()
  ctx.arc(x1, y1, r, 0, TAU)
  ctx.fillStyle = '#ffffff'
  ctx.fill()
  ctx.strokeStyle = SLICE_COLOR
  ctx.stroke()
  ctx.restore()
}

/** Which end of `line` lies within `radiusPx` of the pointer (x, y) in CSS px, nearest first, or null. */
export function sliceEndAt(
  scales: ViewScales,
  line: SliceLine,
  x: number,
  y: number,
  radiusPx: number,
): 'from' | 'to' | null {
  const d = (p: Vec2): number => Math.hypot(scales.xToPx(p[0]) - x, scales.yToPx(p[1]) - y)
  const a = d(line.from)
  const b = d(line.to)
  if (Math.min(a, b) > radiusPx) return null
  return a <= b ? 'from' : 'to'
}
