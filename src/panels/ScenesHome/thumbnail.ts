import { initialSetup } from '../../core/scenes/sceneSetup.meta'
import type { Scene } from '../../core/scenes/types'
import { findSurfaceMeta } from '../../core/surfaces/meta'
import type { Extent, Vec2 } from '../../core/types'

/** Grid side of a thumbnail: 48 × 48 samples from the worker, one pixel each, scaled up by CSS. */
export const THUMB_GRID = 48

/**
 * What a surface scene's thumbnail shows: the surface over the scene's view, its start and the minima in
 * view.
 */
export interface SurfaceThumb {
  surface: string
  extent: Extent
  /** Colour by log(L − min + ε) where the surface's loss spans decades (its `logContours`). */
  log: boolean
  start: Vec2
  minima: Vec2[]
}

/** The thumbnail of a surface scene (its opening set-up), or null for a classifier-only scene. */
export function surfaceThumbOf(scene: Scene): SurfaceThumb | null {
  const setup = initialSetup(scene)
  const surface = setup.surface === undefined ? undefined : findSurfaceMeta(setup.surface)
  if (surface === undefined || setup.start === undefined) return null
  const extent = scene.view ?? surface.extent
  const inside = ([x, y]: Vec2) =>
    x >= extent.x[0] && x <= extent.x[1] && y >= extent.y[0] && y <= extent.y[1]
  return {
    surface: surface.id,
    extent,
    log: surface.logContours,
    start: setup.start,
    minima: surface.minima.filter(inside),
  }
}

/**
 * A parameter point in thumbnail pixels (x right, y down) for an n × n grid painted one pixel per sample:
 * grid node i sits at the centre of pixel i, so x₀ ↦ 0.5 and x₁ ↦ n − 0.5, and y₁ (the top row) ↦ 0.5.
 */
export function thumbPoint(extent: Extent, p: Vec2, n: number = THUMB_GRID): Vec2 {
  const [x0, x1] = extent.x
  const [y0, y1] = extent.y
  return [0.5 + ((p[0] - x0) / (x1 - x0)) * (n - 1), 0.5 + ((y1 - p[1]) / (y1 - y0)) * (n - 1)]
}

/**
 * A fixed sketch for the classifier scenes (no surface to sample): two classes of points, label 1 inside a
 * wobbly ring (red, as the course plots it) and 0 outside (blue), and the ring as a decision boundary, in a
 * 48 × 48 box. Deterministic: the same picture every time.
 */
export function classifierSketch(): { points: { x: number; y: number; label: 0 | 1 }[]; boundary: string } {
  const ring = (a: number) => 13 + 2.2 * Math.sin(5 * a)
  const points: { x: number; y: number; label: 0 | 1 }[] = []
  for (let k = 0; k < 40; k++) {
    // A golden-angle spiral spreads the points evenly without a random generator.
    const a = k * 2.399963
    const r = 21 * Math.sqrt((k + 0.5) / 40)
    points.push({ x: 24 + r * Math.cos(a), y: 24 + r * Math.sin(a), label: r < ring(a) ? 1 : 0 })
  }
  const path: string[] = []
  for (let k = 0; k <= 60; k++) {
    const a = (k / 60) * 2 * Math.PI
    const x = 24 + ring(a) * Math.cos(a)
    const y = 24 + ring(a) * Math.sin(a)
    path.push(`${k === 0 ? 'M' : 'L'}${x.toFixed(2)},${y.toFixed(2)}`)
  }
  return { points, boundary: `${path.join('')}Z` }
}
