import { getSurface } from './surfaces/index'
import type { Surface } from './types'

/**
 * The testing surface of `surface` (its meta's `testSurface`), or null when it has none. The testing loss of a
 * racer is this surface's f at the racer's points: the points are optimized on the training surface only.
 */
export function testSurfaceOf(surface: Pick<Surface, 'testSurface'>): Surface | null {
  return surface.testSurface === undefined ? null : getSurface(surface.testSurface)
}

/**
 * L_test(xₖ, yₖ) for the points k = from .. from + count − 1 of a run, in a new array (NaN where the point is
 * not finite): the testing loss along the path, next to the training loss the run recorded.
 */
export function testLossAlong(
  test: Surface,
  x: Float64Array,
  y: Float64Array,
  from: number,
  count: number,
): Float64Array {
  const out = new Float64Array(count)
  for (let k = 0; k < count; k++) {
    const a = x[from + k]
    const b = y[from + k]
    out[k] = Number.isFinite(a) && Number.isFinite(b) ? test.f(a, b) : NaN
  }
  return out
}
