import { SpecError } from '../errors'
import { eigenSym2 } from '../math/mat2'
import { getSurface } from '../surfaces/index'
import type { Vec2 } from '../types'

/**
 * λ_max, the largest eigenvalue of the Hessian of surface `surface` (registry id) at `at`: the curvature of
 * the steepest direction, in loss units per parameter unit². Constant on the least-squares surfaces.
 * Throws a SpecError for an unknown surface ('surface'), for `at` not two finite numbers, and for a point
 * where the Hessian is not finite ('at': it overflows that far out). λ_max itself may be ±Infinity when
 * finite entries near 1.8·10³⁰⁸ add up past the largest double; it is never NaN.
 */
export function maxCurvature(surface: string, at: Vec2): number {
  const s = getSurface(surface)
  const [x, y] = expectPoint(at)
  const h = s.hessian(x, y, new Float64Array(3))
  if (!(Number.isFinite(h[0]) && Number.isFinite(h[1]) && Number.isFinite(h[2]))) {
    throw new SpecError('at', `a point where the Hessian of '${s.id}' is finite (it overflows there)`, at)
  }
  return eigenSym2(h[0], h[1], h[2]).values[1]
}

/**
 * 2/λ_max at `at`: on a quadratic loss, gradient descent θ ← θ − ηg is stable exactly when η < 2/λ_max (the
 * steepest component is multiplied by 1 − ηλ_max each step). Scenes label η relative to it, because the
 * lecture's literal η values are in his plot's units (docs/lectures.md S3). E.g. 1.145·10⁻⁶ on 'pokemon-sum'.
 * Infinity where λ_max = 0, negative where it is negative (no curvature bound). Throws as `maxCurvature`.
 */
export function stabilityLimit(surface: string, at: Vec2): number {
  return 2 / maxCurvature(surface, at)
}

/** `at` as two finite numbers, or a SpecError naming 'at'. */
function expectPoint(at: unknown): Vec2 {
  if (
    !Array.isArray(at) ||
    at.length !== 2 ||
    typeof at[0] !== 'number' ||
    typeof at[1] !== 'number' ||
    !Number.isFinite(at[0]) ||
    !Number.isFinite(at[1])
  ) {
    throw new SpecError('at', 'a point [x, y] of two finite numbers', at)
  }
  return [at[0], at[1]]
}
