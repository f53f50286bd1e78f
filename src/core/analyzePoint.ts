import { SpecError, describeValue } from './errors'
import { eigenSym2 } from './math/mat2'
import { getSurface, surfaceIds } from './surfaces/index'
import type { Surface, Vec2 } from './types'
import { ANALYSIS_TOLERANCES } from './limits'

/** What the Hessian test (docs/lectures.md S1/S2) says about a point. */
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

export { ANALYSIS_TOLERANCES }

/**
 * Classifies a point from raw numbers: L, g = [gx, gy] and H = [Hxx, Hxy, Hyy]. Not critical when ‖g‖ exceeds
 * the `ANALYSIS_TOLERANCES` bound; otherwise 'degenerate' when some eigenvalue is zero within tolerance (H
 * alone cannot decide, e.g. the valley xy = 1 of `saddle`), 'minimum' when both are positive (H positive
 * definite), 'maximum' when both are negative, 'saddle' when the signs are mixed. minimumRatio is computed
 * for every point, critical or not. Non-finite input gives 'not-critical' (g) or 'degenerate' (H) and ratio 0.
 * Throws a SpecError when `value` is not a number, `gradient` not two numbers or `hessian` not three (field
 * 'value', 'gradient', 'hessian'), and when finite entries are so large (≳ 10³⁰⁸) that ‖g‖ or an eigenvalue
 * overflows (field 'gradient' or 'hessian'): finite input never yields a non-finite field.
 */
export function analyzeHessian(
  value: number,
  gradient: ArrayLike<number>,
  hessian: ArrayLike<number>,
): PointAnalysis {
  if (typeof value !== 'number') throw new SpecError('value', 'a number', value)
  expectNumbers(gradient, 'gradient', 2, 'two numbers [gx, gy]')
  expectNumbers(hessian, 'hessian', 3, 'three numbers [Hxx, Hxy, Hyy]')
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
  if (Number.isFinite(gx) && Number.isFinite(gy) && !Number.isFinite(gradNorm))
    throw new SpecError('gradient', 'two numbers whose norm ‖g‖ is finite', [gx, gy])
  const finiteH = Number.isFinite(hxx) && Number.isFinite(hxy) && Number.isFinite(hyy)
  if (finiteH && ![l1, l2, ...vectors[0], ...vectors[1]].every(Number.isFinite))
    throw new SpecError('hessian', 'three numbers whose eigenvalues are finite', [hxx, hxy, hyy])
  return result
}

/** `value` as an array or typed array of at least `length` numbers (NaN allowed: it propagates as documented). */
function expectNumbers(value: unknown, field: string, length: number, allowed: string): void {
  const ok =
    (Array.isArray(value) || ArrayBuffer.isView(value)) &&
    (value as ArrayLike<unknown>).length >= length &&
    Array.from({ length }, (_, i) => (value as ArrayLike<unknown>)[i]).every((v) => typeof v === 'number')
  if (!ok) throw new SpecError(field, allowed, value)
}

/**
 * `analyzeHessian` at θ = (x, y) of a registry surface (by id or descriptor), with the surface's analytic
 * gradient and Hessian. Every field of the result is a finite number. Throws a SpecError, never a TypeError,
 * on: an id not in the registry or anything else that is not a surface with f, grad and hessian (field
 * 'surface', listing the allowed ids); a non-finite coordinate (field 'x' or 'y'); and a finite point where
 * the surface itself overflows, i.e. L, ∇L or H is not finite there, e.g. rosenbrock at (10²⁰⁰, 0) (field
 * 'point'): such a point has no Taylor expansion to analyse, and an error is clearer than ∞/NaN fields.
 * Example: on 'saddle' at (0, 0), λ = (−2, 2), kind 'saddle', ratio ½, escape (1, 1)/√2.
 */
export function analyzePoint(surface: Surface | string, x: number, y: number): PointAnalysis {
  const s = resolveSurface(surface)
  if (!Number.isFinite(x)) throw new SpecError('x', 'a finite number', x)
  if (!Number.isFinite(y)) throw new SpecError('y', 'a finite number', y)
  const value = s.f(x, y)
  const g = s.grad(x, y, new Float64Array(2))
  const h = s.hessian(x, y, new Float64Array(3))
  const overflow = () =>
    new SpecError(
      'point',
      `(x, y) where L, ∇L and H of ${describeValue(s.id)} are finite numbers (they overflow there)`,
      [x, y],
    )
  if (![value, g[0], g[1], h[0], h[1], h[2]].every(Number.isFinite)) throw overflow()
  try {
    // Finite input: analyzeHessian either returns only finite fields or refuses (‖g‖ or λ overflowing).
    return analyzeHessian(value, g, h)
  } catch (e) {
    throw e instanceof SpecError ? overflow() : e
  }
}

/** A registry surface by id, or the given descriptor when it has the three functions analyzePoint calls. */
function resolveSurface(surface: unknown): Surface {
  if (typeof surface === 'string') return getSurface(surface)
  if (
    typeof surface === 'object' &&
    surface !== null &&
    typeof (surface as Surface).f === 'function' &&
    typeof (surface as Surface).grad === 'function' &&
    typeof (surface as Surface).hessian === 'function'
  ) {
    return surface as Surface
  }
  throw new SpecError(
    'surface',
    `a surface id (one of ${surfaceIds.map((id) => `'${id}'`).join(', ')}) or a Surface with f, grad and hessian`,
    surface,
  )
}
