import { TAU } from '../../render/ctx2d'
import type { Ctx2D } from '../../render/ctx2d'
import { dashAt, linePxAt } from '../../render/drawScale'
import type { DrawScale } from '../../render/drawScale'
import type { LineChartLayout } from '../../render/lineChart'

/** A value to mark at the hovered step, in its curve's colour. */
export interface HoverPoint {
  value: number
  color: string
}

export interface ChartOverlay {
  /** The playhead (dashed line), when inside the x range. */
  cursor?: number
  /** The step under the pointer (thin solid line) and the values to ring there. */
  hover?: { step: number; points: readonly HoverPoint[] }
}

/**
 * The per-frame layer above a chart: the playhead as a dashed vertical line (the same step on every chart, so
 * loss and ‖g‖ read together) and, while hovering, a line at the hovered step with a ring on each curve.
 * Points a log axis cannot show are skipped; values outside the domain are pinned to its edge. `scale` (the
 * presenter's) multiplies the lines, the rings and the dashes, as it does for the chart under it.
 */
export function drawChartOverlay(
  ctx: Ctx2D,
  layout: LineChartLayout,
  overlay: ChartOverlay,
  scale?: DrawScale,
): void {
  const { plot } = layout
  const top = plot.top
  const bottom = plot.top + plot.height
  const inside = (step: number | undefined): step is number =>
    step !== undefined && step >= 0 && step <= layout.xMax
  ctx.save()
  ctx.globalAlpha = 1
  ctx.lineWidth = linePxAt(scale, 1)
  if (inside(overlay.hover?.step)) {
    const x = layout.xToPx(overlay.hover.step)
    ctx.setLineDash([])
    ctx.beginPath()
    ctx.moveTo(x, top)
    ctx.lineTo(x, bottom)
    ctx.strokeStyle = '#9aa3b2'
    ctx.stroke()
    for (const p of overlay.hover.points) {
      if (!(Number.isFinite(p.value) && (!layout.yLog || p.value > 0))) continue
      const y = Math.min(bottom, Math.max(top, layout.yToPx(p.value)))
      ctx.beginPath()
      ctx.arc(x, y, linePxAt(scale, 3.5), 0, TAU)
      ctx.fillStyle = '#ffffff'
      ctx.fill()
      ctx.lineWidth = linePxAt(scale, 2)
      ctx.strokeStyle = p.color
      ctx.stroke()
    }
  }
  if (inside(overlay.cursor)) {
    const x = layout.xToPx(overlay.cursor)
    ctx.beginPath()
    ctx.moveTo(x, top)
    ctx.lineTo(x, bottom)
    ctx.setLineDash(dashAt(scale, [3, 3]))
    ctx.lineWidth = linePxAt(scale, 1)
    ctx.strokeStyle = '#444444'
    ctx.stroke()
    ctx.setLineDash([])
  }
  ctx.restore()
}
