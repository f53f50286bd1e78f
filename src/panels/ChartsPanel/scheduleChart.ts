import type { ScheduleSpec } from '../../core/types'
import type { DrawScale } from '../../render/drawScale'
import { drawLineChart, lineChartLayout } from '../../render/lineChart'
import type { LineChartLayout, LineChartSpec } from '../../render/lineChart'
import { sampleUpdatesLog } from '../../render/logX'
import { factorDomain } from './chartGeometry'
import { sampleUpdates, scheduleFactor } from './scheduleSamples'
import type { LayerTarget } from './seriesChart'

/** One curve to draw: the factor η_t/η of `schedule` for base rate `base`. */
export interface FactorCurve {
  color: string
  base: number
  schedule: ScheduleSpec
}

export interface ScheduleChartFrame {
  widthPx: number
  heightPx: number
  fontPx: number
  /** Presenter scale (default 1×). */
  scale?: DrawScale
  /** Updates in the run: the x axis spans steps 0…steps and update t is drawn at x = t. */
  steps: number
  xLabel: string
  yLabel: string
  curves: readonly FactorCurve[]
  /** Log x axis over steps 1…steps (update t at step t + 1), so a short warm-up gets room. Default false. */
  xLog?: boolean
}

/**
 * The longest warm-up among the curves (a schedule's `warmupSteps`), or 0 when none warms up: the chart
 * reports where it ends (`xToPx(W − 1)`, the update whose factor reaches the peak) for readers and tests.
 */
export function longestWarmUp(curves: readonly { schedule: ScheduleSpec }[]): number {
  let w = 0
  for (const c of curves) {
    const s = c.schedule as { warmupSteps?: number }
    if (typeof s.warmupSteps === 'number' && s.warmupSteps > w) w = s.warmupSteps
  }
  return w
}

/**
 * Paints the learning-rate chart: each distinct schedule's factor η_t/η over the whole run, computed from the
 * settings alone (a closed form of t), so the curve is there before the race computes a step and follows every
 * edit at once. Linear y axis from 0 with a nice top above the largest factor; at most one sample per pixel
 * column of the plot (`sampleUpdates`). Returns the layout, for the overlay and hover.
 */
export function paintScheduleChart(target: LayerTarget, frame: ScheduleChartFrame): LineChartLayout {
  const steps = Math.max(1, Math.floor(frame.steps))
  // The top of the y axis: the largest factor at canvas resolution (at least as fine as the plot's).
  let maxFactor = 0
  const coarse = [...sampleUpdates(steps, frame.widthPx), ...sampleUpdatesLog(steps, frame.widthPx)]
  for (const c of frame.curves) {
    for (const t of coarse) {
      const f = scheduleFactor(c.base, c.schedule, t)
      if (f > maxFactor && f < Infinity) maxFactor = f
    }
  }
  const spec: LineChartSpec = {
    widthPx: frame.widthPx,
    heightPx: frame.heightPx,
    fontPx: frame.fontPx,
    scale: frame.scale,
    xMax: steps,
    xLabel: frame.xLabel,
    yLabel: frame.yLabel,
    yLog: false,
    yDomain: factorDomain(maxFactor),
    series: [],
    xLog: frame.xLog === true,
  }
  const plotWidth = lineChartLayout(spec).plot.width
  const ts = frame.xLog === true ? sampleUpdatesLog(steps, plotWidth) : sampleUpdates(steps, plotWidth)
  target.clear()
  const layout = drawLineChart(target.ctx, spec)
  const { plot } = layout
  const ctx = target.ctx
  ctx.save()
  ctx.globalAlpha = 1
  ctx.setLineDash([])
  ctx.lineJoin = 'round'
  ctx.lineWidth = 1.75 * (frame.scale?.line ?? 1)
  for (const c of frame.curves) {
    ctx.beginPath()
    let pen = false
    for (const t of ts) {
      const f = scheduleFactor(c.base, c.schedule, t)
      if (!Number.isFinite(f)) {
        pen = false
        continue
      }
      const y = Math.min(plot.top + plot.height, Math.max(plot.top, layout.yToPx(f)))
      if (pen) ctx.lineTo(layout.xToPx(t), y)
      else ctx.moveTo(layout.xToPx(t), y)
      pen = true
    }
    ctx.strokeStyle = c.color
    ctx.stroke()
  }
  ctx.restore()
  return layout
}
