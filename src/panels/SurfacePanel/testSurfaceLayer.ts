import { findSurfaceMeta } from '../../core/surfaces/meta'
import type { Vec2 } from '../../core/types'
import type { Settings } from '../../state/settings'
import { drawContourRings } from '../../render/contourRings'
import type { DrawScale } from '../../render/drawScale'
import { fontPxAt } from '../../render/drawScale'
import { gridTransform } from '../../render/grid'
import type { ViewScales } from '../../render/scales'
import type { SurfaceGrid } from '../../state/services'

/** The testing surface's contour lines: dashed, dark blue, over the training surface's solid black ones. */
export const TEST_CONTOUR_STYLE = {
  color: '#0b2a8a',
  alpha: 0.85,
  lineWidth: 1,
  majorEvery: 0,
  dash: [5, 4],
} as const

/** The testing surface of the settings' surface (its meta's `testSurface`), or undefined when it has none. */
export function testSurfaceIdOf(settings: Pick<Settings, 'surfaceId'>): string | undefined {
  return findSurfaceMeta(settings.surfaceId)?.testSurface
}

/** The testing surface to draw: the surface's own, while `showTestSurface` is on; else undefined. */
export function shownTestSurface(
  settings: Pick<Settings, 'surfaceId' | 'showTestSurface'>,
): string | undefined {
  return settings.showTestSurface === true ? testSurfaceIdOf(settings) : undefined
}

/**
 * The node of `grid` with the smallest finite value, in parameters: where the drawn testing surface is lowest
 * (the panel's `data-test-argmin`, which the e2e test compares with the core's shifted minimum).
 */
export function gridArgmin(grid: SurfaceGrid): Vec2 | null {
  let best = -1
  for (let k = 0; k < grid.values.length; k++) {
    const v = grid.values[k]
    if (Number.isFinite(v) && (best < 0 || v < grid.values[best])) best = k
  }
  if (best < 0) return null
  const i = best % grid.nx
  const j = Math.floor(best / grid.nx)
  const [x0, x1] = grid.extent.x
  const [y0, y1] = grid.extent.y
  return [x0 + ((x1 - x0) * i) / (grid.nx - 1), y0 + ((y1 - y0) * j) / (grid.ny - 1)]
}

/**
 * Strokes the testing surface's contours (traced in the worker) dashed over the base layer, and writes `label`
 * ("testing") beside its lowest point, so the shifted minima can be told from the training ones.
 */
export function paintTestContours(
  ctx: CanvasRenderingContext2D,
  scales: ViewScales,
  grid: SurfaceGrid,
  label: string,
  fontPx: number,
  scale?: DrawScale,
): void {
  if (grid.contours === undefined) return
  const t = gridTransform(scales, grid.extent, grid.nx, grid.ny)
  drawContourRings(ctx, grid.contours.levels, t, { ...TEST_CONTOUR_STYLE, scale })
  const at = gridArgmin(grid)
  if (at === null) return
  const px = scales.ox + scales.kx * at[0]
  const py = scales.oy + scales.ky * at[1]
  const size = fontPxAt(scale, fontPx)
  ctx.save()
  ctx.font = `600 ${size}px system-ui, sans-serif`
  ctx.textAlign = 'left'
  ctx.textBaseline = 'bottom'
  ctx.lineWidth = 3
  ctx.strokeStyle = '#ffffff'
  ctx.strokeText(label, px + 0.6 * size, py - 0.8 * size)
  ctx.fillStyle = TEST_CONTOUR_STYLE.color
  ctx.fillText(label, px + 0.6 * size, py - 0.8 * size)
  ctx.restore()
}
