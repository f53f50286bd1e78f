import type { Out2, Vec2 } from '../types'

/** Eigen-decomposition of a symmetric 2×2 matrix, eigenvalues ascending, eigenvectors matching. */
export interface EigenSym2 {
  /** [λ₁, λ₂] with λ₁ ≤ λ₂. */
  values: Vec2
  /** Unit eigenvectors [u₁, u₂], uᵢ for λᵢ, orthonormal, each with its first nonzero component > 0. */
  vectors: [Vec2, Vec2]
}

// Veltkamp's splitter 2^27 + 1: splits a double into two 26-bit halves whose products are exact.
const SPLITTER = 134217729

/** Exact a·b − c·d up to one final rounding when the two products are close (Dekker's two-product). */
function diffOfProducts(a: number, b: number, c: number, d: number): number {
  const p = a * b
  const q = c * d
  if (!Number.isFinite(p) || !Number.isFinite(q)) return p - q
  const ep = twoProductError(a, b, p)
  const eq = twoProductError(c, d, q)
  // p − q is exact when p and q are within a factor 2 (Sterbenz), the case where cancellation bites.
  return p - q + (ep - eq)
}

/** The rounding error a·b − fl(a·b), exactly (Dekker 1971); wrong only when a·b over/underflows. */
function twoProductError(a: number, b: number, p: number): number {
  let t = SPLITTER * a
  const ah = t - (t - a)
  const al = a - ah
  t = SPLITTER * b
  const bh = t - (t - b)
  const bl = b - bh
  return al * bl - (p - ah * bh - al * bh - ah * bl)
}

/**
 * det H = hxx·hyy − hxy² of the symmetric matrix H = [[hxx, hxy], [hxy, hyy]], computed with an
 * error-free product so that a nearly singular H (det ≪ hxy²) still gets a relatively accurate determinant.
 */
export function detSym2(hxx: number, hxy: number, hyy: number): number {
  return diffOfProducts(hxx, hyy, hxy, hxy)
}

/**
 * Eigenvalues and unit eigenvectors of H = [[hxx, hxy], [hxy, hyy]].
 *
 * λ = m ± r with m = (hxx + hyy)/2 and r = √(((hxx − hyy)/2)² + hxy²) (hypot, no overflow). The eigenvalue
 * of larger magnitude is m + sign(m)·r, which involves no cancellation; the other one is det H / λ_big with
 * the accurate determinant of `detSym2`, so a tiny eigenvalue next to a huge one (the Pokémon valley,
 * κ ≈ 3·10⁵) keeps its relative accuracy. Eigenvectors come from the Jacobi rotation angle θ,
 * tan 2θ = 2hxy/(hxx − hyy): u₂ = (cos θ, sin θ), u₁ = (−sin θ, cos θ), orthonormal by construction,
 * exact for hxy = 0, and the axes for repeated eigenvalues (H = c·I). Signs are canonical: the first
 * nonzero component is positive. Entries of any finite magnitude are fine (power-of-two rescaling); an
 * eigenvalue beyond the largest double (entries near 1.8·10³⁰⁸ adding up) comes back as ±Infinity, never NaN.
 */
export function eigenSym2(hxx: number, hxy: number, hyy: number): EigenSym2 {
  // Entries beyond ~1e±150 would overflow or underflow the products in det H: rescale by a power of two
  // (exact), decompose, scale the eigenvalues back. The exponent is rounded down and capped at 1023, so k
  // stays finite for entries near 1.8·10³⁰⁸ (log2 of those rounds to 1024, and 2¹⁰²⁴ = ∞ gave NaN eigenvalues).
  const big = Math.max(Math.abs(hxx), Math.abs(hxy), Math.abs(hyy))
  // Non-finite entries are left to propagate (rescaling ∞ would recurse for ever).
  if ((big > 2 ** 500 && big < Infinity) || (big > 0 && big < 2 ** -500)) {
    const k = 2 ** Math.min(1023, Math.floor(Math.log2(big)))
    const e = eigenSym2(hxx / k, hxy / k, hyy / k)
    return { values: [e.values[0] * k, e.values[1] * k], vectors: e.vectors }
  }
  const m = 0.5 * hxx + 0.5 * hyy
  const d = 0.5 * hxx - 0.5 * hyy
  const r = Math.hypot(d, hxy)
  let lo: number
  let hi: number
  if (m >= 0) {
    hi = m + r
    lo = hi === 0 ? 0 : detSym2(hxx, hxy, hyy) / hi
  } else {
    lo = m - r
    hi = detSym2(hxx, hxy, hyy) / lo
  }
  // Round-off can nudge the recomputed eigenvalue past its partner when r ≈ 0.
  if (lo > hi) lo = hi
  // Rotation angle θ with cos 2θ = d/r, sin 2θ = hxy/r, by half-angle formulas that never subtract nearly
  // equal numbers (r + d for d ≥ 0, r − d for d < 0) and give exact zeros on axis-aligned input.
  let c = 1
  let s = 0
  if (r > 0) {
    if (d >= 0) {
      c = Math.sqrt((r + d) / (2 * r))
      s = hxy / (2 * r * c)
    } else {
      s = Math.sqrt((r - d) / (2 * r))
      c = hxy / (2 * r * s)
    }
  }
  return { values: [lo, hi], vectors: [canonicalSign(-s, c), canonicalSign(c, s)] }
}

/** (x, y) or (−x, −y), whichever has its first nonzero component positive. */
export function canonicalSign(x: number, y: number): Vec2 {
  const flip = x < 0 || (x === 0 && y < 0)
  // `+ 0` turns a −0 into +0 so results compare equal with toEqual.
  return flip ? [-x + 0, -y + 0] : [x + 0, y + 0]
}

/** Default reciprocal-condition threshold of `solveSym2`: H counts as singular when |λ_min|/|λ_max| ≲ 1e−12. */
export const SOLVE_SYM2_RCOND = 1e-12

/**
 * Solves H·v = b for the symmetric H = [[hxx, hxy], [hxy, hyy]] (the Newton step is v with b = ∇L) by
 * Cramer's rule with the accurate determinant, writing v into `out`. Returns false, leaving `out`
 * untouched, when H is numerically singular: |det H| ≤ rcond·‖H‖_F², which for a symmetric 2×2 matrix
 * means |λ_min|/|λ_max| ≤ rcond up to a factor 2 (also for H = 0 or non-finite entries).
 */
export function solveSym2(
  hxx: number,
  hxy: number,
  hyy: number,
  bx: number,
  by: number,
  out: Out2,
  rcond = SOLVE_SYM2_RCOND,
): boolean {
  const det = detSym2(hxx, hxy, hyy)
  const norm2 = hxx * hxx + 2 * hxy * hxy + hyy * hyy
  if (!(Math.abs(det) > rcond * norm2) || !Number.isFinite(det)) return false
  const vx = (hyy * bx - hxy * by) / det
  const vy = (hxx * by - hxy * bx) / det
  if (!Number.isFinite(vx) || !Number.isFinite(vy)) return false
  out[0] = vx
  out[1] = vy
  return true
}
