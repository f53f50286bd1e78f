import type { Ctx2D } from '../../render/ctx2d'
import type { DrawScale } from '../../render/drawScale'
import { drawLineChart, symlogDomain } from '../../render/lineChart'
import type { LineChartLayout } from '../../render/lineChart'
import { DECADES_ABOVE_START, logDomain } from './chartGeometry'

/** A canvas layer: where to draw, and how to wipe it (the `Ctx2D` subset has no clearRect). */
export interface LayerTarget {
  ctx: Ctx2D
  clear(): void
}

/** One racer's curve: point k (step k) has value `values[k]`, for k < count. */
export interface ChartSeries {
  id: string
  color: string
  /** Read afresh on every paint: a track's buffers can be replaced when they grow. */
  values: ArrayLike<number>
  count: number
  /** Dash pattern in px at 1× (default solid). */
  dash?: readonly number[]
  /** x distance between points k and k + 1 in the axis' unit (default 1; 1/⌈N/B⌉ on an epoch axis). */
  xPerPoint?: number
}

export interface SeriesChartFrame {
  widthPx: number
  heightPx: number
  fontPx: number
  /** Presenter scale (default 1×); a new one repaints in full. */
  scale?: DrawScale
  /** Right end of the x axis in its unit (updates or epochs: the race length). */
  xMax: number
  xLabel: string
  yLabel: string
  /**
   * Given: a negative value switches the chart to a symmetric log axis titled this, which should say so
   * (e.g. "L (symlog)"). Absent: the axis stays logarithmic and values ≤ 0 break the curve (‖g‖).
   */
  symlogLabel?: string
  /** Compared with `===`: a new value (a new race's tracks, other colours) forces a full repaint. */
  epoch: unknown
  series: readonly ChartSeries[]
}

export interface SeriesChart {
  /**
   * Brings the base layer up to date with `frame`. A full repaint (clear, axes, every curve with
   * `drawLineChart`'s per-pixel decimation) happens when the size, labels, x range, series or epoch changed, or
   * when new values widen the y domain (whole decades around the start values, see `logDomain`); otherwise only
   * the segments after the last painted point are stroked, so a frame of a long run costs the new points, not
   * the whole run. Values beyond the domain run along its edge.
   */
  paint(target: LayerTarget, frame: SeriesChartFrame): { layout: LineChartLayout; full: boolean }
  /** The layout of the last paint (for the overlay and hover), or null before the first. */
  layout(): LineChartLayout | null
  /** Forget what is on the canvas (it was resized or cleared): the next paint is a full one. */
  invalidate(): void
}

const LINE_WIDTH = 1.25

/**
 * A log-y chart of per-step series (loss, ‖g‖) that repaints incrementally as points arrive: the running
 * min/max of the positive values (and the start value) is kept, so the y domain costs only the new points too.
 * Once a value ≤ 0 arrives (a surface unbounded below, or one whose minimum is negative) the axis becomes a
 * symmetric log (`symlog`) one titled `symlogLabel`, so negative losses are drawn instead of breaking the curve.
 */
export function createSeriesChart(): SeriesChart {
  let signature = ''
  let epoch: unknown = undefined
  let layout: LineChartLayout | null = null
  let domain: [number, number] = [1, 10]
  /** A value ≤ 0 was seen: the axis is symlog (log cannot place it). */
  let symmetric = false
  /** The smallest finite value (of any sign), for the symlog domain. */
  let low = Infinity
  let scanned: number[] = []
  let drawn: number[] = []
  let min = Infinity
  let max = -Infinity
  /** The largest positive value at step 0: the start of the race anchors the y domain. */
  let start = NaN

  const reset = (n: number): void => {
    scanned = new Array<number>(n).fill(0)
    drawn = new Array<number>(n).fill(0)
    min = Infinity
    max = -Infinity
    low = Infinity
    start = NaN
  }

  return {
    paint(target, frame) {
      const series = frame.series
      const counts = series.map((s) =>
        Math.max(
          0,
          Math.min(s.count, Math.floor(frame.xMax / (s.xPerPoint ?? 1) + 1e-9) + 1, s.values.length),
        ),
      )
      const sig = [
        frame.widthPx,
        frame.heightPx,
        frame.fontPx,
        frame.scale?.text,
        frame.scale?.line,
        frame.xMax,
        frame.xLabel,
        frame.yLabel,
        frame.symlogLabel,
        ...series.map((s) => `${s.id}:${s.color}:${s.xPerPoint ?? 1}`),
      ].join('|')
      let full =
        layout === null || sig !== signature || frame.epoch !== epoch || counts.some((c, i) => c < scanned[i])
      if (full) reset(series.length)
      for (let i = 0; i < series.length; i++) {
        const values = series[i].values
        const first = values[0]
        if (scanned[i] === 0 && counts[i] > 0 && first > 0 && first < Infinity)
          if (Number.isNaN(start) || first > start) start = first
        for (let k = scanned[i]; k < counts[i]; k++) {
          const v = values[k]
          if (v - v !== 0) continue
          if (v < low) low = v
          if (!(v > 0)) continue
          if (v < min) min = v
          if (v > max) max = v
        }
        scanned[i] = counts[i]
      }
      const wasSymmetric = symmetric
      // Only a negative value switches: a loss of exactly 0 (a minimum hit to the last bit) keeps the log axis.
      symmetric = frame.symlogLabel !== undefined && low < 0
      let next: [number, number]
      if (symmetric) {
        // Anchored like the log domain: a diverging run does not squeeze the start into a sliver.
        const cap = start > 0 ? 10 ** (Math.ceil(Math.log10(start)) + DECADES_ABOVE_START) : Infinity
        next = symlogDomain(Math.max(low, -cap), Math.min(Math.max(max, low), cap))
      } else next = logDomain(min, max, start)
      if (next[0] !== domain[0] || next[1] !== domain[1] || symmetric !== wasSymmetric) full = true
      domain = next
      signature = sig
      epoch = frame.epoch

      if (full || layout === null) {
        target.clear()
        layout = drawLineChart(target.ctx, {
          widthPx: frame.widthPx,
          heightPx: frame.heightPx,
          fontPx: frame.fontPx,
          scale: frame.scale,
          xMax: frame.xMax,
          xLabel: frame.xLabel,
          yLabel: symmetric ? (frame.symlogLabel ?? frame.yLabel) : frame.yLabel,
          yLog: !symmetric,
          ySymlog: symmetric,
          yDomain: domain,
          series: series.map((s, i) => ({
            values: s.values,
            count: counts[i],
            color: s.color,
            dash: s.dash,
            xPerPoint: s.xPerPoint,
          })),
        })
        drawn = counts.slice()
        return { layout, full: true }
      }
      for (let i = 0; i < series.length; i++) {
        if (counts[i] > drawn[i])
          strokeAppended(target.ctx, series[i], drawn[i], counts[i], layout, frame.scale?.line ?? 1)
        drawn[i] = counts[i]
      }
      return { layout, full: false }
    },
    layout: () => layout,
    invalidate() {
      layout = null
    },
  }
}

/**
 * Strokes the curve from point `drawn − 1` (already on the canvas, so the new part joins it) to point
 * `count − 1`. Values a log axis cannot show break the line, as in `drawLineChart`; values outside the domain
 * are pinned to the plot's edge, as `drawLineChart` pins them.
 */
function strokeAppended(
  ctx: Ctx2D,
  s: ChartSeries,
  drawn: number,
  count: number,
  layout: LineChartLayout,
  lineScale: number,
): void {
  const { plot } = layout
  const top = plot.top
  const bottom = plot.top + plot.height
  ctx.save()
  ctx.globalAlpha = 1
  ctx.setLineDash(s.dash === undefined ? [] : s.dash.map((d) => d * lineScale))
  ctx.lineJoin = 'round'
  ctx.lineCap = 'butt'
  ctx.lineWidth = LINE_WIDTH * lineScale
  ctx.strokeStyle = s.color
  ctx.beginPath()
  let pen = false
  for (let k = Math.max(drawn - 1, 0); k < count; k++) {
    const v = s.values[k]
    if (v - v !== 0 || (layout.yLog && !(v > 0))) {
      pen = false
      continue
    }
    const y = layout.yToPx(v)
    const x = layout.xToPx(k * (s.xPerPoint ?? 1))
    const yc = y < top ? top : y > bottom ? bottom : y
    if (pen) ctx.lineTo(x, yc)
    else ctx.moveTo(x, yc)
    pen = true
  }
  ctx.stroke()
  ctx.restore()
}
