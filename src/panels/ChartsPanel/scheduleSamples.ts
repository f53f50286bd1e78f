import { learningRate } from '../../core/meta'
import type { ScheduleSpec } from '../../core/types'

/**
 * The update indices t at which to draw a schedule on a chart whose x axis runs over steps 0…`steps` in
 * `plotWidthPx` pixels (update t is drawn at x = t, so it sits at t·plotWidthPx/steps px from the plot's left
 * edge). At most one t per pixel column: every t when a step is at least a pixel wide, otherwise the first t
 * of each column, with the last update (steps − 1) standing in for the first of its column so the curve
 * reaches the end. Strictly increasing; empty for steps < 1 or a plot without width.
 */
export function sampleUpdates(steps: number, plotWidthPx: number): number[] {
  const n = Math.floor(steps)
  if (!(n >= 1) || !(plotWidthPx > 0)) return []
  const pxPerStep = plotWidthPx / n
  const out: number[] = []
  if (pxPerStep >= 1) {
    for (let t = 0; t < n; t++) out.push(t)
    return out
  }
  const column = (t: number): number => Math.floor(t * pxPerStep)
  const lastColumn = column(n - 1)
  for (let c = 0; c <= lastColumn; c++) {
    let t = Math.ceil(c / pxPerStep)
    // Guard the division's round-off: t must be the first update whose column is c.
    while (t > 0 && column(t - 1) >= c) t--
    while (column(t) < c) t++
    if (t < n && column(t) === c) out.push(t)
  }
  if (out[out.length - 1] !== n - 1) {
    if (column(out[out.length - 1]) === lastColumn) out[out.length - 1] = n - 1
    else out.push(n - 1)
  }
  return out
}

/** η_t / η: the schedule's factor on the base rate η at update t (exactly 1 for the constant schedule). */
export function scheduleFactor(base: number, schedule: ScheduleSpec, t: number): number {
  return learningRate(base, schedule, t) / base
}

/** What the learning-rate chart needs to know of a racer. */
export interface ScheduleRacer {
  id: string
  /** Base learning rate η (> 0). */
  lr: number
  /** The schedule it follows (its own, or the shared one). */
  schedule: ScheduleSpec
}

/** One curve of the learning-rate chart: a schedule factor η_t/η shared by one or more racers. */
export interface ScheduleCurve {
  schedule: ScheduleSpec
  /** The base η the curve is computed with (the first racer's; the others give the same factors). */
  base: number
  /** The racers that follow this curve, in legend order. */
  racerIds: string[]
}

/** Number of pixel-like probes `groupScheduleCurves` compares factors at. */
const PROBES = 256

/**
 * Groups racers that follow the same schedule with the same factors η_t/η, so the chart draws each distinct
 * schedule once. Most schedules are a factor times η, so racers with different η share a curve; a schedule
 * with an absolute part (a final η or a warm-up start rate) gives different factors for different η, and those
 * racers get a curve each. Two racers share a curve when their schedule specs are equal and their factors agree
 * to 10⁻⁹ (relative) at up to 256 updates spread over the run.
 */
export function groupScheduleCurves(racers: readonly ScheduleRacer[], steps: number): ScheduleCurve[] {
  const probes = sampleUpdates(steps, PROBES)
  const curves: (ScheduleCurve & { key: string; factors: number[] })[] = []
  for (const r of racers) {
    const key = JSON.stringify(r.schedule)
    const factors = probes.map((t) => scheduleFactor(r.lr, r.schedule, t))
    const same = curves.find(
      (c) =>
        c.key === key &&
        c.factors.every((f, i) => Math.abs(f - factors[i]) <= 1e-9 * Math.max(1, Math.abs(f))),
    )
    if (same !== undefined) same.racerIds.push(r.id)
    else curves.push({ schedule: r.schedule, base: r.lr, racerIds: [r.id], key, factors })
  }
  return curves.map(({ schedule, base, racerIds }) => ({ schedule, base, racerIds }))
}
