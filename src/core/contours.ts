import { contours } from 'd3-contour'
import { MAX_CONTOUR_LEVELS } from './limits'
import { createValueNormalizer, wantsLogScale } from './valueScale'

/** Most contour levels one grid may ask for (declared with the shared limits). */
export { MAX_CONTOUR_LEVELS }

/**
 * One iso-line level: its value and its closed rings. A ring is a Float64Array of interleaved grid-index
 * coordinates [c₀, r₀, c₁, r₁, …] whose last point repeats the first. In grid-index space sample (i, j) sits
 * at (i + ½, j + ½) and the grid covers [0, nx] × [0, ny], rows bottom-up (d3-contour's convention; the
 * render layer's `gridTransform` maps it to pixels). Where a level leaves the grid, d3 closes the ring along
 * the border: those points lie exactly on c ∈ {0, nx} or r ∈ {0, ny}, and drawings skip them.
 */
export interface ContourLevel {
  value: number
  rings: Float64Array[]
}

/**
 * The traced contours of a grid: ascending levels, and whether they are log-spaced. Every ring of every level
 * is a view into one shared buffer, so the whole set crosses `postMessage` with a single transfer
 * (`contourBuffers`).
 */
export interface SurfaceContours {
  levels: ContourLevel[]
  log: boolean
}

/** The samples d3-contour reads: `values[i + j·nx]`, rows bottom-up (the core's `Grid` fits). */
export interface ContourGrid {
  values: ArrayLike<number>
  nx: number
  ny: number
}

/**
 * `count` contour thresholds strictly inside (min, max), evenly spaced in the colour scale's unit t: level k
 * (1-based) is the value whose t is k/(count + 1). Linear: min + (max − min)·k/(count + 1). Log (when `log`, or
 * when the range spans three decades, `wantsLogScale`): log-spaced in v − min + ε, i.e.
 * min − ε + ε·((max − min + ε)/ε)^(k/(count+1)) with ε = 10⁻⁴·(max − min) unless given. This is the heatmap's
 * band rule (render's `heatmapLevels`), so each line sits on a colour-band edge. Empty when min or max is not
 * finite (a grid without finite values) or when max = min (a flat grid has no iso-lines). Throws unless count
 * is an integer in 1..MAX_CONTOUR_LEVELS.
 */
export function contourLevels(
  min: number,
  max: number,
  count: number,
  log: boolean,
  logEpsilon?: number,
): number[] {
  if (!(Number.isInteger(count) && count >= 1 && count <= MAX_CONTOUR_LEVELS))
    throw new Error(`invalid contour level count ${count} (an integer in 1..${MAX_CONTOUR_LEVELS})`)
  if (!(Number.isFinite(min) && Number.isFinite(max)) || !(max > min)) return []
  const norm = createValueNormalizer(min, max, wantsLogScale(min, max, log), logEpsilon)
  const levels: number[] = []
  for (let k = 1; k <= count; k++) levels.push(norm.fromUnit(k / (count + 1)))
  return levels
}

/**
 * Iso-lines of `grid` at each level by d3-contour's marching squares with linear interpolation
 * (`contours().size([nx, ny]).thresholds(levels)`), returned as plain transferable data: one `ContourLevel`
 * per level, ascending, each ring a Float64Array view into one shared buffer (outer rings and holes alike:
 * the lines are stroked, never filled). NaN samples count as below every level, +∞ as above. Costs tens of
 * milliseconds on a 256² grid: run it in the worker. Throws on a non-finite level or a grid whose size does
 * not match its values.
 */
export function traceContours(grid: ContourGrid, levels: readonly number[]): ContourLevel[] {
  const { nx, ny, values } = grid
  if (!(Number.isInteger(nx) && Number.isInteger(ny) && nx >= 2 && ny >= 2 && values.length >= nx * ny))
    throw new Error(`invalid contour grid ${nx}×${ny} with ${values.length} values`)
  for (const v of levels) if (!Number.isFinite(v)) throw new Error(`invalid contour level ${v}`)
  if (levels.length === 0) return []
  const n = nx * ny
  const samples = values.length === n ? values : Array.prototype.slice.call(values, 0, n)
  // d3 only indexes `values`, so a Float64Array works although its types ask for number[].
  const polygons = contours().size([nx, ny]).thresholds(Array.from(levels))(samples as number[])

  let total = 0
  for (const mp of polygons)
    for (const polygon of mp.coordinates) for (const ring of polygon) total += ring.length
  const buffer = new Float64Array(2 * total)
  let at = 0
  return polygons.map((mp) => {
    const rings: Float64Array[] = []
    for (const polygon of mp.coordinates)
      for (const ring of polygon) {
        const from = at
        for (const p of ring) {
          buffer[at++] = p[0]
          buffer[at++] = p[1]
        }
        rings.push(buffer.subarray(from, at))
      }
    return { value: mp.value, rings }
  })
}

/**
 * The contours of a sampled surface: `count` levels over [grid.min, grid.max] by `contourLevels` (log-spaced
 * when `logHint`, the surface's `logContours`, or the range rule asks for it), traced by `traceContours`.
 * A grid without a finite range gets no levels.
 */
export function surfaceContours(
  grid: ContourGrid & { min: number; max: number },
  count: number,
  logHint: boolean,
): SurfaceContours {
  const levels = contourLevels(grid.min, grid.max, count, logHint)
  const log =
    Number.isFinite(grid.min) && Number.isFinite(grid.max) && wantsLogScale(grid.min, grid.max, logHint)
  return { levels: traceContours(grid, levels), log }
}

/** The distinct ArrayBuffers behind a contour set: the transfer list of a message that carries it. */
export function contourBuffers(set: SurfaceContours): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>()
  for (const level of set.levels) for (const ring of level.rings) buffers.add(ring.buffer as ArrayBuffer)
  return [...buffers]
}
