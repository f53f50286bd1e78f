import { contours } from 'd3-contour'
import type { ContourMultiPolygon } from 'd3-contour'
import { lectureColors } from './colors'
import type { Ctx2D } from './ctx2d'
import type { DrawScale } from './drawScale'
import { contourStroke } from './contourStroke'
import type { GridLike, GridTransform } from './grid'

/**
 * Iso-lines of `grid` at each threshold, by d3-contour's marching squares with linear interpolation:
 * `contours().size([nx, ny]).thresholds(thresholds)(values)`. One MultiPolygon per threshold, sorted by value,
 * in grid-index space (sample (i, j) at (i + ½, j + ½), rows bottom-up); map them with `gridTransform`.
 * NaN samples count as −∞ (below every level), +∞ as above. Costs milliseconds on a 256² grid: compute
 * when the grid changes, not every frame. Throws on a non-finite threshold.
 */
export function contourPaths(grid: GridLike, thresholds: readonly number[]): ContourMultiPolygon[] {
  for (const t of thresholds) if (!Number.isFinite(t)) throw new Error(`invalid contour threshold ${t}`)
  const n = grid.nx * grid.ny
  const values = grid.values.length === n ? grid.values : Array.prototype.slice.call(grid.values, 0, n)
  // d3 only indexes `values`, so a Float64Array works although its types ask for number[].
  return contours().size([grid.nx, grid.ny]).thresholds(Array.from(thresholds))(values as number[])
}

export interface ContourStyle {
  /** Line colour (default black, drawn at `alpha`). */
  color?: string
  /** Opacity of the lines, 0–1 (default 0.45: dark but not heavier than the trajectory). */
  alpha?: number
  /** Width of ordinary levels in px (default 0.6). */
  lineWidth?: number
  /** Every `majorEvery`-th level (5th, 10th, … in threshold order) is drawn thicker; 0 = never (default 5). */
  majorEvery?: number
  /** Width of those index levels in px (default 1.2). */
  majorLineWidth?: number
  /** Dash pattern in px at 1× (default solid): the testing surface's overlay is dashed. */
  dash?: readonly number[]
  /**
   * Presenter scale: multiplies both widths; its 'projector' profile draws the lines at least at opacity
   * `PROJECTOR_CONTOUR_ALPHA` on the washed-out palette (default 1×, 'screen').
   */
  scale?: DrawScale
}

// A d3-contour ring runs along the grid border where a level leaves the grid; those points lie exactly on
// x ∈ {0, nx} or y ∈ {0, ny} (smoothing only moves interior points). Segments touching them are artefacts.
function onBorder(p: number[], nx: number, ny: number): boolean {
  return p[0] === 0 || p[0] === nx || p[1] === 0 || p[1] === ny
}

/**
 * Strokes contour lines (not filled areas: the heatmap fills) in thin dark lines, every 5th level thicker.
 * Segments along the grid border, which d3 adds to close rings, are skipped, so every line lies inside the
 * sampled area. Two paths and two strokes in all, however many levels.
 */
export function drawContours(
  ctx: Ctx2D,
  multipolygons: readonly ContourMultiPolygon[],
  transform: GridTransform,
  style: ContourStyle = {},
): void {
  const majorEvery = style.majorEvery ?? 5
  ctx.save()
  ctx.strokeStyle = style.color ?? lectureColors.contour
  const stroke = contourStroke(style)
  ctx.globalAlpha = stroke.alpha
  ctx.lineJoin = 'round'
  ctx.lineCap = 'round'
  ctx.setLineDash([])
  for (const major of majorEvery > 0 ? [false, true] : [false]) {
    ctx.beginPath()
    multipolygons.forEach((mp, k) => {
      if (majorEvery > 0 && ((k + 1) % majorEvery === 0) !== major) return
      for (const polygon of mp.coordinates) for (const ring of polygon) traceRing(ctx, ring, transform)
    })
    ctx.lineWidth = major ? stroke.major : stroke.minor
    ctx.stroke()
  }
  ctx.restore()
}

// A segment is drawn only when both its ends are inside; the first inside point after a border point starts
// a new sub-path. Rings are closed (last point = first), so the closing segment needs no closePath.
function traceRing(ctx: Ctx2D, ring: number[][], t: GridTransform): void {
  let prevInside = false
  for (let k = 0; k < ring.length; k++) {
    const p = ring[k]
    const inside = !onBorder(p, t.nx, t.ny)
    if (inside) {
      const x = t.ox + t.kx * p[0]
      const y = t.oy + t.ky * p[1]
      if (prevInside) ctx.lineTo(x, y)
      else ctx.moveTo(x, y)
    }
    prevInside = inside
  }
}
