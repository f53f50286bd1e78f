import type { Extent, Vec2 } from '../../core/types'
import type { SliceLine } from '../../state/sliceTool'

export type { SliceLine }

/** Points along a slice: n = 101, so index i is i % of the way (the chart's x axis reads in percent). */
export const SLICE_POINTS = 101

/**
 * The first line a surface gets: horizontal through its first listed critical point (an escape's saddle),
 * else its first minimum, else the middle of the view, across the whole view width.
 */
export function defaultSliceLine(
  view: Extent,
  critical: { escapes?: readonly { from: Vec2 }[]; minima: readonly Vec2[] },
): SliceLine {
  const through = critical.escapes?.[0]?.from ??
    critical.minima[0] ?? [(view.x[0] + view.x[1]) / 2, (view.y[0] + view.y[1]) / 2]
  return { from: [view.x[0], through[1]], to: [view.x[1], through[1]] }
}

/** The line turned 90° about its middle (same length): a horizontal slice becomes a vertical one. */
export function rotateSlice({ from, to }: SliceLine): SliceLine {
  const cx = (from[0] + to[0]) / 2
  const cy = (from[1] + to[1]) / 2
  const hx = (to[0] - from[0]) / 2
  const hy = (to[1] - from[1]) / 2
  return { from: [cx + hy, cy - hx], to: [cx - hy, cy + hx] }
}

/** The point at fraction s ∈ [0, 1] of the way, as the worker samples it. */
export function slicePoint({ from, to }: SliceLine, s: number): Vec2 {
  return [from[0] + s * (to[0] - from[0]), from[1] + s * (to[1] - from[1])]
}
