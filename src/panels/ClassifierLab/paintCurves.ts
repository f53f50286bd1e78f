import { textFont } from '../../render/axes'
import type { Ctx2D } from '../../render/ctx2d'
import { dashAt, fontPxAt, linePxAt } from '../../render/drawScale'
import { drawLineChart } from '../../render/lineChart'
import type { LineChartLayout, LineChartSpec } from '../../render/lineChart'

/** An epoch whose weights early stopping restored, marked on a training curve in its run's colour. */
export interface RestoredMark {
  epoch: number
  color: string
  label: string
}

/**
 * One of the lab's training charts: `drawLineChart` with the chart's `scale`, then a dashed line and a label
 * at each epoch early stopping restored, at the same scale (the label in the chart's font, the line as thick
 * as the curves, the dash as long).
 */
export function paintTrainingChart(
  ctx: Ctx2D,
  spec: LineChartSpec,
  restored: readonly RestoredMark[],
): LineChartLayout {
  const layout = drawLineChart(ctx, spec)
  const { plot } = layout
  const fontPx = fontPxAt(spec.scale, spec.fontPx ?? 11)
  for (const mark of restored) {
    const x = layout.xToPx(mark.epoch)
    ctx.save()
    ctx.setLineDash(dashAt(spec.scale, [4, 3]))
    ctx.lineWidth = linePxAt(spec.scale, spec.lineWidth ?? 1.25)
    ctx.strokeStyle = mark.color
    ctx.beginPath()
    ctx.moveTo(x, plot.top)
    ctx.lineTo(x, plot.top + plot.height)
    ctx.stroke()
    ctx.font = textFont(fontPx)
    ctx.fillStyle = mark.color
    ctx.textAlign = 'center'
    ctx.textBaseline = 'alphabetic'
    ctx.fillText(mark.label, x, plot.top + plot.height - linePxAt(spec.scale, 6))
    ctx.restore()
  }
  return layout
}
