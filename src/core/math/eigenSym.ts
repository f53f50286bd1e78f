/** Eigen-decomposition of a real symmetric matrix. */
export interface EigenSym {
  /** Eigenvalues λ₀ ≤ λ₁ ≤ … ≤ λₙ₋₁. */
  values: Float64Array
  /**
   * Unit eigenvectors as ROWS, n×n row-major: vectors[k·n + i] is component i of the eigenvector of values[k],
   * so A·v_k = λ_k·v_k and the rows are orthonormal. Absent when `vectors: false`.
   */
  vectors?: Float64Array
  /** Jacobi sweeps used. */
  sweeps: number
}

export interface EigenSymOptions {
  /** Also return the eigenvectors (default true). */
  vectors?: boolean
  /** Give up after this many sweeps (default 50; a sweep is n(n − 1)/2 rotations, ~6–10 are typical). */
  maxSweeps?: number
}

/**
 * Eigenvalues (and eigenvectors) of the symmetric n×n matrix `a` (row-major; only symmetric input makes
 * sense, the upper triangle is what is read) by the cyclic Jacobi method: each rotation zeroes one
 * off-diagonal pair, sweeping row by row until the off-diagonal part underflows relative to the diagonal.
 * Accurate to a few ulps of ‖A‖ and unconditionally stable; O(n³) per sweep, so meant for n up to a few hundred
 * (a 45-parameter Hessian takes well under a millisecond). `a` is not modified. Rotation formulas after
 * Rutishauser (1966), as in Numerical Recipes §11.1. Throws if the sweeps run out (not seen on finite input).
 */
export function eigenSym(
  a: Float64Array | ArrayLike<number>,
  n: number,
  options: EigenSymOptions = {},
): EigenSym {
  if (!(Number.isInteger(n) && n >= 0) || a.length < n * n) {
    throw new RangeError(`eigenSym: need an n×n matrix (n = ${n}, got ${a.length} entries)`)
  }
  const wantVectors = options.vectors ?? true
  const maxSweeps = options.maxSweeps ?? 50
  const m = Float64Array.from({ length: n * n }, (_, k) => {
    const i = Math.floor(k / n)
    const j = k - i * n
    return i <= j ? a[k] : a[j * n + i]
  })
  for (let k = 0; k < m.length; k++) {
    if (!Number.isFinite(m[k])) throw new RangeError(`eigenSym: entry ${k} is not finite (${m[k]})`)
  }
  const v = new Float64Array(wantVectors ? n * n : 0)
  if (wantVectors) for (let i = 0; i < n; i++) v[i * n + i] = 1
  const d = new Float64Array(n)
  // b accumulates the diagonal, z the updates of this sweep: adding them once per sweep loses less precision.
  const b = new Float64Array(n)
  const z = new Float64Array(n)
  for (let i = 0; i < n; i++) d[i] = b[i] = m[i * n + i]
  let sweeps = 0
  for (; ; sweeps++) {
    let off = 0
    for (let p = 0; p < n - 1; p++) for (let q = p + 1; q < n; q++) off += Math.abs(m[p * n + q])
    if (off === 0) break
    if (sweeps === maxSweeps) throw new Error(`eigenSym: no convergence after ${maxSweeps} sweeps`)
    // Early sweeps skip small elements (threshold), later ones rotate everything that is not negligible.
    const threshold = sweeps < 3 ? (0.2 * off) / (n * n) : 0
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q]
        const g = 100 * Math.abs(apq)
        if (sweeps > 3 && Math.abs(d[p]) + g === Math.abs(d[p]) && Math.abs(d[q]) + g === Math.abs(d[q])) {
          m[p * n + q] = 0
          continue
        }
        if (Math.abs(apq) <= threshold) continue
        const h = d[q] - d[p]
        let t: number
        if (Math.abs(h) + g === Math.abs(h)) {
          t = apq / h
        } else {
          const theta = (0.5 * h) / apq
          t = 1 / (Math.abs(theta) + Math.sqrt(1 + theta * theta))
          if (theta < 0) t = -t
        }
        const c = 1 / Math.sqrt(1 + t * t)
        const s = t * c
        const tau = s / (1 + c)
        const dh = t * apq
        z[p] -= dh
        z[q] += dh
        d[p] -= dh
        d[q] += dh
        m[p * n + q] = 0
        // Rotate the rest of rows/columns p and q, reading only the upper triangle.
        for (let j = 0; j < p; j++) rotate(m, j * n + p, j * n + q, s, tau)
        for (let j = p + 1; j < q; j++) rotate(m, p * n + j, j * n + q, s, tau)
        for (let j = q + 1; j < n; j++) rotate(m, p * n + j, q * n + j, s, tau)
        if (wantVectors) for (let j = 0; j < n; j++) rotate(v, j * n + p, j * n + q, s, tau)
      }
    }
    for (let p = 0; p < n; p++) {
      b[p] += z[p]
      d[p] = b[p]
      z[p] = 0
    }
  }
  const order = Array.from({ length: n }, (_, k) => k).sort((i, j) => d[i] - d[j])
  const values = Float64Array.from(order, (k) => d[k])
  if (!wantVectors) return { values, sweeps }
  const vectors = new Float64Array(n * n)
  order.forEach((col, k) => {
    for (let i = 0; i < n; i++) vectors[k * n + i] = v[i * n + col]
  })
  return { values, vectors, sweeps }
}

function rotate(m: Float64Array, ij: number, kl: number, s: number, tau: number): void {
  const g = m[ij]
  const h = m[kl]
  m[ij] = g - s * (h + g * tau)
  m[kl] = h + s * (g - h * tau)
}
