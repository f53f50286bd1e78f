import type { Out2, Out3, Vec2 } from '../types'
import { setOut2, setOut3 } from './out'

/** f, ∇f, Hessian and exact minimizer of a two-weight least-squares loss (see `createLeastSquares`). */
export interface LeastSquares {
  f(w1: number, w2: number): number
  grad(w1: number, w2: number, out?: Out2): Out2
  hessian(w1: number, w2: number, out?: Out3): Out3
  /** The exact least-squares solution w* (normal equations, solved by Gram–Schmidt). */
  minimum: Vec2
  /** L(w*) = scale·Σ rₙ*², computed from the residuals themselves. */
  minValue: number
}

/**
 * The loss L(w₁, w₂) = scale · Σₙ (yₙ − w₁uₙ − w₂vₙ)² of a linear model with two weights and feature columns
 * u, v (u = 1 makes w₁ a bias), evaluated in O(1) from sufficient statistics.
 *
 * The loss is a quadratic, so with d = w − w*, the factorisation M = Σₙzₙzₙᵀ = LDLᵀ of zₙ = (uₙ, vₙ) gives
 *   L = scale·( Σrₙ*² + a·(d₁ + ρd₂)² + s·d₂² ),  a = Σu², ρ = Σuv/Σu², s = Σ(v − ρu)²,
 * a sum of non-negative terms: no catastrophic cancellation anywhere, even in a valley with κ ≈ 10⁵ where
 * expanding the squares (Σy² − 2w·Σzy + wᵀMw) would lose five digits. ∇L = scale·2M·d and H = scale·2M.
 * w* itself comes from the orthogonalised column ṽ = v − ρu (Gram–Schmidt): w₂* = Σṽy/Σṽ²,
 * w₁* = Σuy/Σu² − ρw₂*. Throws when the columns are collinear (no unique minimum).
 */
export function createLeastSquares(
  u: ArrayLike<number>,
  v: ArrayLike<number>,
  y: ArrayLike<number>,
  scale: number,
): LeastSquares {
  const n = y.length
  if (u.length !== n || v.length !== n || n < 2)
    throw new Error('createLeastSquares: u, v, y must have one equal length ≥ 2')
  let suu = 0
  let suv = 0
  let suy = 0
  for (let i = 0; i < n; i++) {
    suu += u[i] * u[i]
    suv += u[i] * v[i]
    suy += u[i] * y[i]
  }
  const rho = suv / suu
  let stt = 0
  let sty = 0
  for (let i = 0; i < n; i++) {
    const t = v[i] - rho * u[i]
    stt += t * t
    sty += t * y[i]
  }
  if (!(stt > 0) || !(suu > 0)) throw new Error('createLeastSquares: the feature columns are collinear')
  const w2s = sty / stt
  const w1s = suy / suu - rho * w2s
  let rss = 0
  for (let i = 0; i < n; i++) {
    const r = y[i] - w1s * u[i] - w2s * v[i]
    rss += r * r
  }
  const base = scale * rss
  const ka = scale * suu
  const ks = scale * stt
  const hxx = 2 * ka
  const hxy = 2 * ka * rho
  const hyy = 2 * (ka * rho * rho + ks)
  return {
    minimum: [w1s, w2s],
    minValue: base,
    f(w1, w2) {
      const d2 = w2 - w2s
      const p = w1 - w1s + rho * d2
      return base + ka * p * p + ks * d2 * d2
    },
    grad(w1, w2, out = new Float64Array(2)) {
      const d2 = w2 - w2s
      const p = w1 - w1s + rho * d2
      return setOut2(out, 2 * ka * p, 2 * (ka * rho * p + ks * d2))
    },
    hessian(_w1, _w2, out = new Float64Array(3)) {
      return setOut3(out, hxx, hxy, hyy)
    },
  }
}
