import { SpecError } from './errors'
import { eigenSym2 } from './math/mat2'
import { getSurface } from './surfaces/index'
import type { Surface, Vec2 } from './types'

/** What the Hessian test (LECTURES S1/S2) says about a point. */
export type PointKind = 'minimum' | 'maximum' | 'saddle' | 'degenerate' | 'not-critical'

/** Local analysis of L at one point: Taylor's g and H, H's eigen-decomposition, the verdict. */
export interface PointAnalysis {
  /** L(θ). */
  value: number
  /** g = ∇L(θ). */
  gradient: Vec2
  /** ‖g‖₂. */
  gradNorm: number
  /** [Hxx, Hxy, Hyy]. */
  hessian: [number, number, number]
  /** [λ₁, λ₂], ascending. */
  eigenvalues: Vec2
  /** Unit eigenvectors [u₁, u₂] matching `eigenvalues`, first nonzero component positive. */
  eigenvectors: [Vec2, Vec2]
  kind: PointKind
  /** Li Hongyi's minimum ratio: (number of eigenvalues > 0, beyond the zero tolerance) / 2, at every point. */
  minimumRatio: number
  /**
   * At a critical point with a negative eigenvalue (a saddle, a maximum, or a degenerate point that still
   * curves down somewhere): u₁, the unit eigenvector of the most negative eigenvalue. Moving along ±u₁
   * lowers L since L(θ′ + εu₁) ≈ L(θ′) + ½λ₁ε².
   */
  escapeDirection?: Vec2
}

/**
 * Tolerances of `analyzeHessian`.
 * - `gradRel`: θ is critical when ‖g‖ ≤ gradRel·max(1, |L|). At a minimum stored to full double precision,
 *   round-off leaves ‖g‖ ≲ 1e−12·max(1, |L|) on every registry surface, far below 1e−9; the MSE plateau that
 *   LECTURES S10 calls "stuck", ‖g‖ = 6.4·10⁻⁷ at L ≈ 2, stays far above it: stuck is not critical.
 * - `eigRel`: an eigenvalue is zero when |λ| ≤ eigRel·max(1, |λ|max) (LECTURES S1: "treat |λ| < ε as zero").
 *   H's entries carry round-off of a few ε·|λ|max ≈ 10⁻¹⁵·|λ|max, so 1e−9 sits six decades above the noise and
 *   still counts the Pokémon valley's 0.557 next to 1.7·10⁵ (ratio 3·10⁻⁶) as positive.
 */
export const ANALYSIS_TOLERANCES: { readonly gradRel: number; readonly eigRel: number } = {
  gradRel: 1e-9,
  eigRel: 1e-9,
}

/**
 * Classifies a point from raw numbers: L, g = [gx, gy] and H = [Hxx, Hxy, Hyy]. Not critical when ‖g‖ exceeds
 * the `ANALYSIS_TOLERANCES` bound; otherwise 'degenerate' when some eigenvalue is zero within tolerance (H
 * alone cannot decide, e.g. the valley xy = 1 of `saddle`), 'minimum' when both are positive (H positive
 * definite), 'maximum' when both are negative, 'saddle' when the signs are mixed. minimumRatio is computed
 * for every point, critical or not. Non-finite input gives 'not-critical' (g) or 'degenerate' (H) and ratio 0.
 */
export function analyzeHessian(
  value: number,
  gradient: ArrayLike<number>,
  hessian: ArrayLike<number>,
): PointAnalysis {
  const gx = gradient[0]
  const gy = gradient[1]
  const hxx = hessian[0]
  const hxy = hessian[1]
  const hyy = hessian[2]
  const gradNorm = Math.hypot(gx, gy)
  const { values, vectors } = eigenSym2(hxx, hxy, hyy)
  const [l1, l2] = values
  const zeroTol = ANALYSIS_TOLERANCES.eigRel * Math.max(1, Math.abs(l1), Math.abs(l2))
  const positive = (l1 > zeroTol ? 1 : 0) + (l2 > zeroTol ? 1 : 0)
  const negative = (l1 < -zeroTol ? 1 : 0) + (l2 < -zeroTol ? 1 : 0)
  const critical = gradNorm <= ANALYSIS_TOLERANCES.gradRel * Math.max(1, Math.abs(value))
  let kind: PointKind
  if (!critical) kind = 'not-critical'
  else if (positive + negative < 2) kind = 'degenerate'
  else if (positive === 2) kind = 'minimum'
  else if (negative === 2) kind = 'maximum'
  else kind = 'saddle'
  const result: PointAnalysis = {
    value,
    gradient: [gx, gy],
    gradNorm,
    hessian: [hxx, hxy, hyy],
    eigenvalues: values,
    eigenvectors: vectors,
    kind,
    minimumRatio: positive / 2,
  }
  if (critical && l1 < -zeroTol) result.escapeDirection = vectors[0]
  return result
}

/**
 * `analyzeHessian` at θ = (x, y) of a registry surface (by id or descriptor), with the surface's analytic
 * gradient and Hessian. Throws a SpecError on an unknown id (field 'surface', listing the allowed ids) or a
 * non-finite coordinate (field 'x' or 'y').
 * Example: on 'saddle' at (0, 0), λ = (−2, 2), kind 'saddle', ratio ½, escape (1, 1)/√2.
 */
export function analyzePoint(surface: Surface | string, x: number, y: number): PointAnalysis {
  const s = typeof surface === 'string' ? getSurface(surface) : surface
  if (!Number.isFinite(x)) throw new SpecError('x', 'a finite number', x)
  if (!Number.isFinite(y)) throw new SpecError('y', 'a finite number', y)
  return analyzeHessian(s.f(x, y), s.grad(x, y, new Float64Array(2)), s.hessian(x, y, new Float64Array(3)))
}
