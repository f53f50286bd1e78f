import { nice } from 'd3'

/** Most decades a log chart spans; smaller values are pinned to its bottom edge. */
export const MAX_DECADES = 12

// log10 rounded to an integer when it is one up to round-off (log10(1e-7) may come out as −6.999…).
function log10Snap(v: number): number {
  const l = Math.log10(v)
  const r = Math.round(l)
  return Math.abs(l - r) < 1e-9 ? r : l
}

/**
 * The y domain of a log chart holding positive values in [min, max]: whole decades
 * [10^⌊log₁₀ min⌋, 10^⌈log₁₀ max⌉] (at least one decade, at most `maxDecades`, cut at the bottom: a loss that
 * reaches 10⁻³⁰ should not flatten the interesting part of the curve), or [1, 10] when there is no positive
 * finite value. Whole decades change rarely, so a growing run seldom forces a full repaint.
 */
export function logDomain(min: number, max: number, maxDecades = MAX_DECADES): [number, number] {
  if (!(min > 0 && min <= max && Number.isFinite(max))) return [1, 10]
  const lo = Math.floor(log10Snap(min))
  const e1 = Math.max(lo + 1, Math.ceil(log10Snap(max)))
  const e0 = Math.max(lo, e1 - maxDecades)
  return [10 ** e0, 10 ** e1]
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
