import type { LineChartLayout } from '../../render/lineChart'
import type { LayerTarget } from './seriesChart'
import { sampleUpdates } from './scheduleSamples'

/** One racer's stability band, in the schedule chart's units (η_t/η, η the racer's base rate). */
export interface BandCurve {
  id: string
  color: string
  /** The racer's base η (the chart's unit). */
  base: number
  /** The largest stable η at update t (`StabilityBand.limit`, Infinity where unbounded). */
  limit: Float64Array
  /** The η_t actually used. */
  step: Float64Array
}

/** The first update whose η_t exceeds its stable limit, or −1 when none does. */
export function firstUnstable(band: Pick<BandCurve, 'limit' | 'step'>): number {
  for (let t = 0; t < band.limit.length; t++) if (band.step[t] > band.limit[t]) return t
  return -1
}

/**
 * Paints the stability bands over the learning-rate chart: per racer, its limit limit_t/η as a dashed line
 * in the racer's colour with the region above it (the η that bounces) tinted, clamped to the plot; where η_t
 * first crosses it, a small filled triangle on the schedule curve. `dx` is the chart's left shift.
 */
export function paintStabilityBands(
  target: LayerTarget,
  layout: LineChartLayout,
  dx: number,
  bands: readonly BandCurve[],
): void {
  target.clear()
  const ctx = target.ctx
  const { plot } = layout
  const top = plot.top
  const bottom = plot.top + plot.height
  const ts = sampleUpdates(Math.floor(layout.xMax), plot.width)
  ctx.save()
  for (const band of bands) {
    const n = band.limit.length
    const ys: [number, number][] = []
    for (const t of ts) {
      if (t >= n) break
      const v = band.limit[t] / band.base
      const y = Number.isFinite(v) ? Math.max(top - 1, Math.min(bottom, layout.yToPx(v))) : top - 1
      ys.push([layout.xToPx(t) + dx, y])
    }
    if (ys.length === 0) continue
    // The unstable region: from the limit up to the top of the plot.
    ctx.beginPath()
    ctx.moveTo(ys[0][0], top - 1)
    for (const [x, y] of ys) ctx.lineTo(x, y)
    ctx.lineTo(ys[ys.length - 1][0], top - 1)
    ctx.closePath()
    ctx.globalAlpha = 0.16
    ctx.fillStyle = band.color
    ctx.fill()
    ctx.globalAlpha = 1
    ctx.beginPath()
    ys.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)))
    ctx.setLineDash([5, 3])
    ctx.lineWidth = 1.5
    ctx.strokeStyle = band.color
    ctx.stroke()
    ctx.setLineDash([])
    const first = firstUnstable(band)
    if (first >= 0) {
      const x = layout.xToPx(first) + dx
      const y = Math.max(top + 6, Math.min(bottom, layout.yToPx(band.step[first] / band.base)))
      ctx.beginPath()
      ctx.moveTo(x, y - 7)
      ctx.lineTo(x - 5, y - 15)
      ctx.lineTo(x + 5, y - 15)
      ctx.closePath()
      ctx.fillStyle = band.color
      ctx.fill()
      ctx.strokeStyle = '#222'
      ctx.lineWidth = 1
      ctx.stroke()
    }
  }
  ctx.restore()
}
