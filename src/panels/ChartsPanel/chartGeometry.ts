import { nice } from 'd3-array'

/** Most decades a log chart spans when no start value anchors it; smaller values are pinned to its bottom. */
export const MAX_DECADES = 12
/** Decades a log chart keeps below and above the decade of the run's start value (see `logDomain`). */
export const DECADES_BELOW_START = 10
export const DECADES_ABOVE_START = 4

// log10 rounded to an integer when it is one up to round-off (log10(1e-7) may come out as −6.999…).
function log10Snap(v: number): number {
  const l = Math.log10(v)
  const r = Math.round(l)
  return Math.abs(l - r) < 1e-9 ? r : l
}

/**
 * The y domain of a log chart holding positive values in [min, max]: whole decades
 * [10^⌊log₁₀ min⌋, 10^⌈log₁₀ max⌉], at least one. Anchored on `start` (the largest value at step 0) when it is
 * positive: at most 10 decades below the start's decade and 4 above it, so a loss that sinks to 10⁻³⁰ or a
 * diverging run that reaches 10¹⁷⁵ does not squeeze the start of the race, where the story is, into a sliver;
 * the values beyond run along the chart's edge. Without a start, at most 12 decades, cut at the bottom. [1, 10]
 * when there is no positive finite value. Whole decades change rarely, so a growing run seldom forces a full
 * repaint.
 */
export function logDomain(min: number, max: number, start = NaN): [number, number] {
  if (!(min > 0 && min <= max && Number.isFinite(max))) return [1, 10]
  let lo = Math.floor(log10Snap(min))
  let hi = Math.max(lo + 1, Math.ceil(log10Snap(max)))
  if (start > 0 && Number.isFinite(start)) {
    const s0 = Math.floor(log10Snap(start))
    lo = Math.max(lo, s0 - DECADES_BELOW_START)
    hi = Math.min(hi, Math.max(s0 + 1, Math.ceil(log10Snap(start))) + DECADES_ABOVE_START)
    if (hi <= lo) hi = lo + 1
  } else lo = Math.max(lo, hi - MAX_DECADES)
  return [10 ** lo, 10 ** hi]
}

/**
 * The y domain [0, top] of the schedule-factor chart: d3's nice top above the largest factor (1 for a plain
 * decay, more under a warm-up that starts above η), with 10 % headroom so a flat line at the top is not hidden
 * by the frame. [0, 1] when there is nothing positive.
 */
export function factorDomain(maxFactor: number): [number, number] {
  if (!(maxFactor > 0 && Number.isFinite(maxFactor))) return [0, 1]
  const [, top] = nice(0, maxFactor * 1.1, 5)
  return [0, top]
}

/**
 * The step under a pointer at `px` (CSS px from the canvas's left edge) on a chart whose plot starts at
 * `plotLeft`, is `plotWidth` px wide and spans steps 0…xMax: the nearest whole step, clamped to 0…lastStep
 * (the last step with data). Null when the pointer is more than `slackPx` outside the plot horizontally, or
 * there is no data (lastStep < 0).
 */
export function hoverStep(
  px: number,
  plotLeft: number,
  plotWidth: number,
  xMax: number,
  lastStep: number,
  slackPx = 6,
): number | null {
  if (!(lastStep >= 0) || !(plotWidth > 0) || !(xMax > 0)) return null
  if (px < plotLeft - slackPx || px > plotLeft + plotWidth + slackPx) return null
  const step = Math.round(((px - plotLeft) * xMax) / plotWidth)
  return Math.max(0, Math.min(step, Math.floor(lastStep)))
}
