import { eigenSym2 } from '../math/mat2'
import { getSurface } from '../surfaces/index'
import type { Vec2 } from '../types'

/**
 * λ_max, the largest eigenvalue of the Hessian of surface `surface` (registry id) at `at`: the curvature of
 * the steepest direction, in loss units per parameter unit². Constant on the least-squares surfaces.
 */
export function maxCurvature(surface: string, at: Vec2): number {
  const h = getSurface(surface).hessian(at[0], at[1], new Float64Array(3))
  return eigenSym2(h[0], h[1], h[2]).values[1]
}

/**
 * 2/λ_max at `at`: on a quadratic loss, gradient descent θ ← θ − ηg is stable exactly when η < 2/λ_max (the
 * steepest component is multiplied by 1 − ηλ_max each step). Scenes label η relative to it, because the
 * lecture's literal η values are in his plot's units (docs/lectures.md S3). E.g. 1.145·10⁻⁶ on 'pokemon-sum'.
 */
export function stabilityLimit(surface: string, at: Vec2): number {
  return 2 / maxCurvature(surface, at)
}
