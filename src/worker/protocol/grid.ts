/**
 * The `grid` request: a surface sampled on a grid for the heatmap, with its contour lines traced in the
 * worker when asked for (tracing 256² takes 20–90 ms, more than a frame's budget on the page).
 */
import type { SurfaceContours } from '../../core/contours'
import type { Grid } from '../../core/grid'
import type { Extent } from '../../core/types'
import type { NetSurfaceSpec } from '../../core/landscape/netSurface.meta'
import type { RequestScoped } from './common'

/** What contour lines a grid request wants: `count` levels (1..MAX_CONTOUR_LEVELS) by `contourLevels`. */
export interface ContourRequest {
  count: number
}

/** Samples the surface `surface` (registry id) on an nx × ny grid over `extent` (2..GRID_MAX_SIZE per axis). */
export interface GridRequest extends RequestScoped {
  type: 'grid'
  surface: string
  extent: Extent
  nx: number
  ny: number
  /** Also trace `count` contour levels in the worker. */
  contours?: ContourRequest
  /** Surface 'net-slice' only: which network's slice (absent: the default); rebuilt from plain data. */
  net?: NetSurfaceSpec
}

/**
 * A sampled surface (the core's `Grid`): `values[j·nx + i]` = L(xᵢ, yⱼ) on the nodes of `extent`, row 0 at
 * the bottom (y₀); `min`/`max` are the smallest and largest finite values (NaN when none is finite). `contours`
 * is there when the request asked for it.
 */
export type GridResult = Grid & { contours?: SurfaceContours }

/**
 * Reply to `GridRequest`; `values` is transferred. With `contours` asked for, the traced levels (log-spaced
 * when the surface's `logContours` or the range rule says so); their rings share one transferred buffer.
 */
export interface GridReply extends Grid, RequestScoped {
  type: 'grid'
  contours?: SurfaceContours
}
