/**
 * The log-x map of the learning-rate chart: update t (0-based) is drawn at step s = t + 1 on a log axis over
 * steps 1…T, so x = width·log₁₀(t + 1)/log₁₀ T. A 1,000-step warm-up over T = 100,000 steps then ends at
 * log₁₀ 1000 / log₁₀ 100000 = 3/5 of the width instead of 1/100. T below 2 is treated as 2 (no zero width).
 */
export function logXPx(t: number, steps: number, widthPx: number): number {
  const span = Math.log10(Math.max(2, steps))
  return (widthPx * Math.log10(Math.max(1, t + 1))) / span
}

/** The inverse of `logXPx`: the (fractional) update index t drawn at `px` from the plot's left edge. */
export function logXStep(px: number, steps: number, widthPx: number): number {
  if (!(widthPx > 0)) return 0
  const span = Math.log10(Math.max(2, steps))
  return Math.pow(10, (Math.max(0, px) / widthPx) * span) - 1
}

/**
 * The update indices to draw on a log-x plot `widthPx` wide over `steps` updates: the first update of each
 * pixel column (every t where the early columns hold less than one update), and always the last update.
 * Strictly increasing; empty for steps < 1 or a plot without width.
 */
export function sampleUpdatesLog(steps: number, widthPx: number): number[] {
  const n = Math.floor(steps)
  if (!(n >= 1) || !(widthPx > 0)) return []
  const out: number[] = []
  const columns = Math.ceil(widthPx)
  for (let c = 0; c <= columns; c++) {
    const t = Math.max(0, Math.min(n - 1, Math.ceil(logXStep(c, n, widthPx) - 1e-9)))
    if (out.length === 0 || t > out[out.length - 1]) out.push(t)
  }
  if (out[out.length - 1] !== n - 1) out.push(n - 1)
  return out
}

/** The step counts s = 1, 10, 100, … up to `steps`: the labelled ticks of a log-x axis (at update t = s − 1). */
export function logXDecades(steps: number): number[] {
  const out: number[] = []
  for (let s = 1; s <= Math.max(1, steps) * (1 + 1e-12); s *= 10) out.push(s)
  return out
}
