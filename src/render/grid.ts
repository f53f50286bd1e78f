import type { Extent } from '../core/types'
import type { AffineScales, PlotRect } from './scales'

/**
 * A sampled surface: `values[i + j·nx]` is L at column i (x ascending) and row j, with rows BOTTOM-UP (row 0
 * = y min), as `sampleGrid` produces and d3-contour reads. `min`/`max` are the finite extremes.
 */
export interface GridLike {
  values: ArrayLike<number>
  nx: number
  ny: number
  min: number
  max: number
}

/**
 * Where the samples sit in the extent. 'nodes' (default, numpy `linspace`/matplotlib `meshgrid`):
 * x_i = x₀ + i·(x₁ − x₀)/(nx − 1), both edges sampled. 'cells': x_i = x₀ + (i + ½)·(x₁ − x₀)/nx, the centres of
 * nx equal cells. The same for y.
 */
export type GridSampling = 'nodes' | 'cells'

/**
 * Grid-index space → pixels: px = ox + kx·c, py = oy + ky·r, where (c, r) are d3-contour coordinates, in
 * which sample (i, j) sits at (i + ½, j + ½) and the grid covers [0, nx] × [0, ny].
 */
export interface GridTransform extends AffineScales {
  readonly nx: number
  readonly ny: number
}

/**
 * Composes grid-index space → param (x_i, y_j) → pixel for a grid of nx × ny samples over `gridExtent`, viewed
 * through `scales`. The flip is built in: row 0 is y min, so it lands at the bottom. Throws when 'nodes'
 * sampling has fewer than 2 samples on an axis.
 */
export function gridTransform(
  scales: AffineScales,
  gridExtent: Extent,
  nx: number,
  ny: number,
  sampling: GridSampling = 'nodes',
): GridTransform {
  const min = sampling === 'nodes' ? 2 : 1
  if (!(nx >= min && ny >= min)) throw new Error(`invalid grid size ${nx}×${ny} for '${sampling}' sampling`)
  const [x0, x1] = gridExtent.x
  const [y0, y1] = gridExtent.y
  // Param step per grid index, and the param value at contour coordinate 0 (half a step before sample 0).
  const dx = sampling === 'nodes' ? (x1 - x0) / (nx - 1) : (x1 - x0) / nx
  const dy = sampling === 'nodes' ? (y1 - y0) / (ny - 1) : (y1 - y0) / ny
  const xAt0 = sampling === 'nodes' ? x0 - dx / 2 : x0
  const yAt0 = sampling === 'nodes' ? y0 - dy / 2 : y0
  return {
    nx,
    ny,
    kx: scales.kx * dx,
    ox: scales.ox + scales.kx * xAt0,
    ky: scales.ky * dy,
    oy: scales.oy + scales.ky * yAt0,
  }
}

/**
 * Where to draw an nx × ny heatmap image (one image pixel per sample, top row = y max) so that each image
 * pixel's centre lands on its sample: `ctx.drawImage(img, r.left, r.top, r.width, r.height)`. With 'nodes'
 * sampling the image overhangs the extent by half a cell on each side; clip to the plot area.
 */
export function gridImageRect(t: GridTransform): PlotRect {
  return { left: t.ox, top: t.oy + t.ky * t.ny, width: t.kx * t.nx, height: -t.ky * t.ny }
}
