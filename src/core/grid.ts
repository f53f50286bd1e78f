import { SpecError } from './errors'
import { GRID_MAX_SIZE } from './limits'
import { getSurface } from './surfaces/index'
import type { Extent, Surface } from './types'

/** A surface sampled on a regular grid, row-major with row 0 at the bottom (y₀). Plain data, transferable. */
export interface Grid {
  /** values[j·nx + i] = L(xᵢ, yⱼ); may hold ±Infinity/NaN where L overflows. */
  values: Float64Array
  nx: number
  ny: number
  extent: Extent
  /** Smallest finite value (NaN when none is finite). */
  min: number
  /** Largest finite value (NaN when none is finite). */
  max: number
}

/** Largest grid side `sampleGrid` accepts (2048² doubles = 32 MiB; declared with the shared limits). */
export { GRID_MAX_SIZE }

/**
 * Samples L on an nx × ny grid: values[j·nx + i] = L(xᵢ, yⱼ) with xᵢ = x₀ + i·(x₁ − x₀)/(nx − 1) and
 * yⱼ = y₀ + j·(y₁ − y₀)/(ny − 1), so row 0 is the bottom edge y₀ and the last column/row are exactly x₁/y₁.
 * min/max skip non-finite values. nx, ny must be integers in [2, 2048]; the extent must be finite with
 * x₀ < x₁ and y₀ < y₁. Throws a SpecError naming the offending field ('nx', 'ny', 'extent.x', 'extent.y', or
 * 'surface' for an unknown id or an object without a function `f`).
 */
export function sampleGrid(surface: Surface | string, extent: Extent, nx: number, ny: number = nx): Grid {
  const s = typeof surface === 'string' ? getSurface(surface) : checkSurface(surface)
  checkSize('nx', nx)
  checkSize('ny', ny)
  checkRange('extent.x', extent?.x)
  checkRange('extent.y', extent?.y)
  const [x0, x1] = extent.x
  const [y0, y1] = extent.y
  const xs = new Float64Array(nx)
  const dx = (x1 - x0) / (nx - 1)
  for (let i = 0; i < nx - 1; i++) xs[i] = x0 + i * dx
  xs[nx - 1] = x1
  const dy = (y1 - y0) / (ny - 1)
  const values = new Float64Array(nx * ny)
  let min = Infinity
  let max = -Infinity
  for (let j = 0, k = 0; j < ny; j++) {
    const y = j === ny - 1 ? y1 : y0 + j * dy
    for (let i = 0; i < nx; i++, k++) {
      const v = s.f(xs[i], y)
      values[k] = v
      // v − v is NaN for ±Infinity and NaN: one comparison skips every non-finite value.
      if (v - v === 0) {
        if (v < min) min = v
        if (v > max) max = v
      }
    }
  }
  if (min > max) min = max = NaN
  return { values, nx, ny, extent: { x: [x0, x1], y: [y0, y1] }, min, max }
}

function checkSurface(surface: unknown): Surface {
  const f = typeof surface === 'object' && surface !== null ? (surface as { f?: unknown }).f : undefined
  if (typeof f !== 'function')
    throw new SpecError('surface', 'a surface id or a Surface with f(x, y)', surface)
  return surface as Surface
}

function checkSize(field: string, n: number): void {
  if (!(Number.isInteger(n) && n >= 2 && n <= GRID_MAX_SIZE)) {
    throw new SpecError(field, `an integer in 2..${GRID_MAX_SIZE}`, n)
  }
}

function checkRange(field: string, r: unknown): void {
  const ok =
    Array.isArray(r) &&
    r.length === 2 &&
    Number.isFinite(r[0]) &&
    Number.isFinite(r[1]) &&
    (r[0] as number) < (r[1] as number) &&
    Number.isFinite((r[1] as number) - (r[0] as number))
  if (!ok) throw new SpecError(field, 'two finite numbers [lo, hi] with lo < hi and a finite width', r)
}
