import type { PlotRect } from '../../render/scales'
import type { ViewScales } from '../../render/scales'

/** Where a racer's path left the view: the point on the plot's edge (px) and the unit direction it went (px). */
export interface OffViewExit {
  x: number
  y: number
  dx: number
  dy: number
}

/** How far back from the head `offViewExit` looks for the last point inside the view. */
export const EXIT_SEARCH_POINTS = 20_000

const inside = (p: PlotRect, x: number, y: number): boolean =>
  x >= p.left && x <= p.left + p.width && y >= p.top && y <= p.top + p.height

/**
 * Where the path of points 0 … n−1 last left the view, when its head (point n−1) is outside it or not finite: the
 * crossing of the step from the last point inside to the next one with the plot's border, and that step's
 * direction. Points that are not finite are skipped (a diverged run ends at its last finite point). When no
 * point of the last `EXIT_SEARCH_POINTS` is inside, the exit is where the ray from the plot's centre towards the
 * head meets the border. Null when the head is inside the view or nothing finite is known.
 */
export function offViewExit(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  n: number,
  scales: ViewScales,
): OffViewExit | null {
  const plot = scales.plot
  let head = n - 1
  while (head >= 0 && !(Number.isFinite(xs[head]) && Number.isFinite(ys[head]))) head--
  if (head < 0) return null
  const hx = scales.xToPx(xs[head])
  const hy = scales.yToPx(ys[head])
  if (inside(plot, hx, hy) && head === n - 1) return null
  const stop = Math.max(0, head - EXIT_SEARCH_POINTS)
  for (let k = head; k >= stop; k--) {
    const ax = scales.xToPx(xs[k])
    const ay = scales.yToPx(ys[k])
    if (!(Number.isFinite(ax) && Number.isFinite(ay))) continue
    if (!inside(plot, ax, ay)) continue
    if (k === head) return null
    const bx = scales.xToPx(xs[k + 1])
    const by = scales.yToPx(ys[k + 1])
    if (!(Number.isFinite(bx) && Number.isFinite(by))) continue
    return { ...edgeRay(plot, ax, ay, bx - ax, by - ay), ...dir(bx - ax, by - ay) }
  }
  const cx = plot.left + plot.width / 2
  const cy = plot.top + plot.height / 2
  return { ...edgeRay(plot, cx, cy, hx - cx, hy - cy), ...dir(hx - cx, hy - cy) }
}

function dir(dx: number, dy: number): { dx: number; dy: number } {
  const len = Math.hypot(dx, dy)
  return len > 0 && Number.isFinite(len) ? { dx: dx / len, dy: dy / len } : { dx: 0, dy: 0 }
}

/** Where the ray from (x, y) inside the plot along (dx, dy) meets its border (the point itself for no direction). */
function edgeRay(p: PlotRect, x: number, y: number, dx: number, dy: number): { x: number; y: number } {
  let t = Infinity
  if (dx > 0) t = Math.min(t, (p.left + p.width - x) / dx)
  if (dx < 0) t = Math.min(t, (p.left - x) / dx)
  if (dy > 0) t = Math.min(t, (p.top + p.height - y) / dy)
  if (dy < 0) t = Math.min(t, (p.top - y) / dy)
  if (!Number.isFinite(t)) return { x, y }
  return { x: x + t * dx, y: y + t * dy }
}
