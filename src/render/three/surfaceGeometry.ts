import type { SurfaceContours } from '../../core/contours'
import type { Extent } from '../../core/types'
import { createValueNormalizer } from '../../core/valueScale'
import type { GridLike } from '../grid'

/**
 * The pure arithmetic of the 3D view, free of three.js so it is unit-tested in Node and shipped only where the
 * 3D chunk needs it. World space is three's (y up): the parameter plane lies in x–z, the loss rises along y.
 *
 * - Plane: X = (x − cx)·k, Z = −(y − cy)·k with (cx, cy) the extent's centre and k = 2 / max(x span, y span), so
 *   the longer side of the view spans [−1, 1] and the aspect ratio of the parameters is kept (x to the right,
 *   y away from the viewer, as on the 2D map seen from its bottom edge).
 * - Height: Y = H·clamp(t(L), 0, 1) with t the colour scale's unit (core/valueScale: linear, or log for the
 *   surfaces that ask for it), so a colour band edge, a contour line and a height are one and the same value.
 *   Non-finite L (overflow) sits at the top, H.
 */

/** The height of the surface's top (t = 1) in world units; the plane spans 2 units. */
export const SURFACE_HEIGHT = 0.9

/** How far contour lines float above the mesh, in world units, so the depth test does not hide them. */
export const CONTOUR_LIFT = 0.004

/** Maps parameters to the world's x–z plane (see the module comment). */
export interface PlaneFrame {
  readonly cx: number
  readonly cy: number
  /** World units per parameter unit. */
  readonly k: number
  /** Half the plane's size in world units along x and z (the longer one is 1). */
  readonly halfX: number
  readonly halfZ: number
}

/** The frame of `extent`. Throws on an empty or non-finite extent. */
export function planeFrame(extent: Extent): PlaneFrame {
  const [x0, x1] = extent.x
  const [y0, y1] = extent.y
  const sx = x1 - x0
  const sy = y1 - y0
  if (!(sx > 0 && sy > 0 && Number.isFinite(sx) && Number.isFinite(sy)))
    throw new Error(`invalid extent x [${x0}, ${x1}], y [${y0}, ${y1}]`)
  const k = 2 / Math.max(sx, sy)
  return { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, k, halfX: (sx * k) / 2, halfZ: (sy * k) / 2 }
}

/** World X of parameter x. */
export const worldX = (f: PlaneFrame, x: number): number => (x - f.cx) * f.k
/** World Z of parameter y (y grows away from the viewer, i.e. towards −Z). */
export const worldZ = (f: PlaneFrame, y: number): number => -(y - f.cy) * f.k

/** Loss → world height. */
export type HeightScale = (loss: number) => number

/**
 * Y = SURFACE_HEIGHT·clamp(t(L), 0, 1), t the colour scale's unit over [min, max] (log when `log`); a flat or
 * empty range (min, max not finite, or max = min) puts every value at 0, non-finite L at the top.
 */
export function createHeightScale(min: number, max: number, log: boolean): HeightScale {
  if (!(Number.isFinite(min) && Number.isFinite(max) && max > min))
    return (v) => (v - v === 0 ? 0 : SURFACE_HEIGHT)
  const norm = createValueNormalizer(min, max, log)
  const { offset, scale, epsilon } = norm
  const shift = epsilon - min
  return (v) => {
    if (v - v !== 0) return SURFACE_HEIGHT
    const t = log ? (Math.log(v + shift) - offset) * scale : (v - offset) * scale
    // Below min − ε the log is NaN: that is below the bottom.
    return t > 0 ? (t < 1 ? t * SURFACE_HEIGHT : SURFACE_HEIGHT) : 0
  }
}

/**
 * Writes the mesh's vertex positions: vertex i + j·nx is grid node (i, j) (rows bottom-up, 'nodes' sampling:
 * x_i = x₀ + i·(x₁ − x₀)/(nx − 1)) at (X, height(L), Z). `out` holds at least 3·nx·ny floats. Allocates nothing.
 */
export function fillMeshPositions(
  grid: GridLike,
  extent: Extent,
  frame: PlaneFrame,
  height: HeightScale,
  out: Float32Array,
): void {
  const { nx, ny, values } = grid
  checkGrid(grid, out.length, 3)
  const [x0, x1] = extent.x
  const [y0, y1] = extent.y
  const dx = (x1 - x0) / (nx - 1)
  const dy = (y1 - y0) / (ny - 1)
  for (let j = 0; j < ny; j++) {
    const z = worldZ(frame, y0 + j * dy)
    for (let i = 0; i < nx; i++) {
      const v = i + j * nx
      out[3 * v] = worldX(frame, x0 + i * dx)
      out[3 * v + 1] = height(values[v])
      out[3 * v + 2] = z
    }
  }
}

/**
 * Texture coordinates of the heatmap image `paintHeatmap` draws at the grid's own size (one pixel per node,
 * image rows top-down, i.e. grid row j is image row ny − 1 − j): u = (i + ½)/nx, v = 1 − (j + ½)/ny, the
 * centre of that pixel when the image's first row is texture row v ≈ 0 (a DataTexture without flip).
 */
export function fillMeshUvs(nx: number, ny: number, out: Float32Array): void {
  if (out.length < 2 * nx * ny) throw new Error(`uv buffer of ${out.length} floats for ${nx}×${ny}`)
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      const v = i + j * nx
      out[2 * v] = (i + 0.5) / nx
      out[2 * v + 1] = 1 - (j + 0.5) / ny
    }
}

/** Two triangles per grid cell, counter-clockwise seen from above (+Y): 6·(nx − 1)·(ny − 1) indices. */
export function meshIndices(nx: number, ny: number): Uint32Array {
  const out = new Uint32Array(6 * (nx - 1) * (ny - 1))
  let k = 0
  for (let j = 0; j < ny - 1; j++)
    for (let i = 0; i < nx - 1; i++) {
      const a = i + j * nx
      const b = a + 1
      const c = a + nx
      const d = c + 1
      // Row j + 1 is further away (−Z): a → b → d turns counter-clockwise seen from +Y.
      out[k++] = a
      out[k++] = b
      out[k++] = d
      out[k++] = a
      out[k++] = d
      out[k++] = c
    }
  return out
}

/**
 * The contour rings as line segments at their level's height (+ CONTOUR_LIFT): a ring is interleaved
 * grid-index coordinates (c, r), sample (i, j) at (i + ½, j + ½), so x = x₀ + (c − ½)·dx, y = y₀ + (r − ½)·dy.
 * Segments touching the grid's border (c ∈ {0, nx} or r ∈ {0, ny}, where d3 closes a ring along the edge) are
 * left out, as the 2D drawing does. Returns xyz pairs, 6 floats per segment.
 */
export function contourSegments(
  contours: SurfaceContours,
  grid: Pick<GridLike, 'nx' | 'ny'>,
  extent: Extent,
  frame: PlaneFrame,
  height: HeightScale,
): Float32Array {
  const { nx, ny } = grid
  const dx = (extent.x[1] - extent.x[0]) / (nx - 1)
  const dy = (extent.y[1] - extent.y[0]) / (ny - 1)
  const onBorder = (c: number, r: number): boolean => c <= 0 || c >= nx || r <= 0 || r >= ny
  let count = 0
  for (const level of contours.levels)
    for (const ring of level.rings) count += Math.max(0, ring.length / 2 - 1)
  const out = new Float32Array(6 * count)
  let k = 0
  for (const level of contours.levels) {
    const y = height(level.value) + CONTOUR_LIFT
    for (const ring of level.rings)
      for (let p = 0; p + 3 < ring.length; p += 2) {
        const c0 = ring[p]
        const r0 = ring[p + 1]
        const c1 = ring[p + 2]
        const r1 = ring[p + 3]
        if (onBorder(c0, r0) || onBorder(c1, r1)) continue
        out[k++] = worldX(frame, extent.x[0] + (c0 - 0.5) * dx)
        out[k++] = y
        out[k++] = worldZ(frame, extent.y[0] + (r0 - 0.5) * dy)
        out[k++] = worldX(frame, extent.x[0] + (c1 - 0.5) * dx)
        out[k++] = y
        out[k++] = worldZ(frame, extent.y[0] + (r1 - 0.5) * dy)
      }
  }
  return k === out.length ? out : out.subarray(0, k)
}

/** The points of a trajectory shown at a playhead: what the 2D overlay shows (`min(count, ⌊cursor⌋ + 1)`). */
export interface TrackLike {
  readonly x: ArrayLike<number>
  readonly y: ArrayLike<number>
  readonly loss: ArrayLike<number>
  readonly count: number
}

/**
 * How many points of `track` are on screen at playhead `cursor`: min(count, ⌊cursor⌋ + 1), at least 0. The ball
 * sits on the last of them, point k = shown − 1 (the start for k = 0, else the result of update k − 1).
 */
export function shownPoints(track: TrackLike, cursor: number): number {
  const head = Math.floor(cursor) + 1
  return Math.max(0, Math.min(track.count, Number.isFinite(head) ? head : 0))
}

/**
 * Writes the world position of point `index` of `track` into out[at..at+2] (height from its loss, `lift` added:
 * a ball's radius, so it rests on the surface). Returns false, writing nothing, for an index out of range or a
 * non-finite point.
 */
export function writeTrackPoint(
  track: TrackLike,
  index: number,
  frame: PlaneFrame,
  height: HeightScale,
  lift: number,
  out: Float32Array | number[],
  at = 0,
): boolean {
  if (!(index >= 0 && index < track.count)) return false
  const x = track.x[index]
  const y = track.y[index]
  if (!(Number.isFinite(x) && Number.isFinite(y))) return false
  out[at] = worldX(frame, x)
  out[at + 1] = height(track.loss[index]) + lift
  out[at + 2] = worldZ(frame, y)
  return true
}

/**
 * Samples the first `shown` points of a trail into at most `maxPoints` world positions: every ⌈shown/(maxPoints
 * − 1)⌉-th point from the start, then always the last shown point, so the line ends under the ball however
 * long the race. Stops at the first non-finite point. `out` holds 3·maxPoints floats; returns how many points
 * were written. Allocates nothing.
 */
export function sampleTrail(
  track: TrackLike,
  shown: number,
  maxPoints: number,
  frame: PlaneFrame,
  height: HeightScale,
  lift: number,
  out: Float32Array,
): number {
  if (!(maxPoints >= 2) || out.length < 3 * maxPoints) throw new Error(`trail buffer too small`)
  const n = Math.min(shown, track.count)
  if (n <= 0) return 0
  const stride = Math.max(1, Math.ceil((n - 1) / (maxPoints - 1)))
  let written = 0
  for (let i = 0; i < n - 1; i += stride) {
    if (!writeTrackPoint(track, i, frame, height, lift, out, 3 * written)) return written
    written++
  }
  if (writeTrackPoint(track, n - 1, frame, height, lift, out, 3 * written)) written++
  return written
}

function checkGrid(grid: GridLike, outLength: number, per: number): void {
  const { nx, ny, values } = grid
  if (!(nx >= 2 && ny >= 2 && values.length >= nx * ny)) throw new Error(`invalid grid ${nx}×${ny}`)
  if (outLength < per * nx * ny) throw new Error(`buffer of ${outLength} floats for ${nx}×${ny}`)
}
