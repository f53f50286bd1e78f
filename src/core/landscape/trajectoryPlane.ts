import { SpecError } from '../errors'
import { eigenSym } from '../math/eigenSym'
import type { LayerWeights } from '../mlp/types'
import type { TrajectoryPlane } from './types'

/** Largest side of the matrix handed to the Jacobi eigensolver (O(k³) per sweep). */
const MAX_PCA_SIDE = 256

/**
 * The plane that best holds a training path (Li et al., 2018, §7): the offsets x_e = θ_e − c of the recorded
 * weights θ_e (`weightsPerEpoch`, every layer's W and b as one flat vector) from c = `center` (default: the
 * last recorded weights, the minimum training reached), and their uncentered PCA, i.e. the top two right
 * singular vectors d₁, d₂ of the matrix X whose rows are the x_e (the plane goes through c). The explained
 * variance ratio of d_k is σ_k² / Σ_e ‖x_e‖², and each point's coordinates are α_e = ⟨x_e, d₁⟩, β_e = ⟨x_e, d₂⟩.
 * d₁, d₂ are orthonormal (as one flat vector over W and b); their signs put the first point at α ≤ 0, β ≤ 0.
 * A path that spans fewer than two dimensions gets a second (or first) direction orthogonal to the rest,
 * with ratio 0. The eigenproblem is solved on XᵀX or XXᵀ, whichever is smaller; when both exceed 256 the
 * directions come from 256 evenly spaced points (the coordinates are still of every point). Batch-norm
 * entries are ignored. Throws a SpecError when the list is empty or the weights differ in shape.
 */
export function trajectoryPlane(
  weightsPerEpoch: readonly (readonly LayerWeights[])[],
  center?: readonly LayerWeights[],
): TrajectoryPlane {
  if (!Array.isArray(weightsPerEpoch) || weightsPerEpoch.length === 0)
    throw new SpecError('weightsPerEpoch', 'a non-empty array of weights', weightsPerEpoch)
  const shape = weightsPerEpoch[0]
  const flats = weightsPerEpoch.map((w, e) => flat(w, shape, `weightsPerEpoch[${e}]`))
  const c = center === undefined ? flats[flats.length - 1] : flat(center, shape, 'center')
  const m = flats.length
  const p = c.length
  const X = flats.map((f) => f.map((v, k) => v - c[k]))
  let total = 0
  for (const x of X) for (const v of x) total += v * v

  const [d1, d2, s1, s2] = topTwo(X, p)
  const orthonormal = completeBasis([d1, d2], p)
  const alpha = new Float64Array(m)
  const beta = new Float64Array(m)
  for (let e = 0; e < m; e++) {
    alpha[e] = dot(X[e], orthonormal[0])
    beta[e] = dot(X[e], orthonormal[1])
  }
  // Signs: the path starts at α ≤ 0, β ≤ 0, so it runs towards the center from the lower left.
  if (alpha[0] > 0) flip(orthonormal[0], alpha)
  if (beta[0] > 0) flip(orthonormal[1], beta)
  const ratio = (s: number) => (total > 0 ? Math.min(1, Math.max(0, s / total)) : 0)
  return {
    directions: [unflat(orthonormal[0], shape), unflat(orthonormal[1], shape)],
    explainedVariance: [ratio(s1), ratio(s2)],
    alpha,
    beta,
  }
}

/** The top two right singular vectors of X (rows x_e, length p) and their σ², unit or zero vectors. */
function topTwo(X: Float64Array[], p: number): [Float64Array, Float64Array, number, number] {
  let rows = X
  if (X.length > MAX_PCA_SIDE && p > MAX_PCA_SIDE) {
    rows = Array.from(
      { length: MAX_PCA_SIDE },
      (_, k) => X[Math.round((k * (X.length - 1)) / (MAX_PCA_SIDE - 1))],
    )
  }
  const m = rows.length
  if (p <= m) {
    const C = new Float64Array(p * p)
    for (const x of rows) for (let i = 0; i < p; i++) for (let j = i; j < p; j++) C[i * p + j] += x[i] * x[j]
    for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) C[i * p + j] = C[j * p + i]
    const { values, vectors } = eigenSym(C, p)
    const v = vectors!
    const row = (k: number) => v.slice(k * p, (k + 1) * p)
    const sigma = (k: number) => (k >= 0 ? Math.max(0, values[k]) : 0)
    return [row(p - 1), p > 1 ? row(p - 2) : new Float64Array(p), sigma(p - 1), sigma(p - 2)]
  }
  const G = new Float64Array(m * m)
  for (let a = 0; a < m; a++) for (let b = a; b < m; b++) G[a * m + b] = G[b * m + a] = dot(rows[a], rows[b])
  const { values, vectors } = eigenSym(G, m)
  const lift = (k: number): [Float64Array, number] => {
    const d = new Float64Array(p)
    if (k < 0) return [d, 0]
    for (let e = 0; e < m; e++) {
      const w = vectors![k * m + e]
      for (let i = 0; i < p; i++) d[i] += w * rows[e][i]
    }
    const norm = Math.sqrt(dot(d, d))
    if (norm > 0) for (let i = 0; i < p; i++) d[i] /= norm
    return [d, Math.max(0, values[k])]
  }
  const [u, s1] = lift(m - 1)
  const [v, s2] = lift(m - 2)
  return [u, v, s1, s2]
}

/**
 * Two orthonormal vectors from the candidates: Gram–Schmidt in order, and a candidate that is (numerically)
 * zero or dependent replaced by the unit axis least aligned with the vectors kept so far.
 */
function completeBasis(candidates: Float64Array[], p: number): [Float64Array, Float64Array] {
  const kept: Float64Array[] = []
  for (const cand of candidates) {
    let v = orthogonalize(cand, kept)
    if (Math.sqrt(dot(v, v)) < 1e-9) {
      let best = 0
      let bestScore = Infinity
      for (let i = 0; i < p; i++) {
        const score = kept.reduce((s, k) => s + k[i] * k[i], 0)
        if (score < bestScore) [best, bestScore] = [i, score]
      }
      const e = new Float64Array(p)
      e[best] = 1
      v = orthogonalize(e, kept)
    }
    const norm = Math.sqrt(dot(v, v))
    kept.push(v.map((x) => x / norm))
  }
  return [kept[0], kept[1]]
}

function orthogonalize(v: Float64Array, basis: Float64Array[]): Float64Array {
  const out = v.slice()
  for (const b of basis) {
    const c = dot(out, b)
    for (let i = 0; i < out.length; i++) out[i] -= c * b[i]
  }
  return out
}

function flip(d: Float64Array, coords: Float64Array): void {
  for (let i = 0; i < d.length; i++) d[i] = -d[i]
  for (let i = 0; i < coords.length; i++) coords[i] = -coords[i]
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0
  for (let i = 0; i < a.length; i++) s += a[i] * b[i]
  return s
}

/** W (row-major) then b of every layer as one vector, checked against the shape of `shape`. */
function flat(weights: readonly LayerWeights[], shape: readonly LayerWeights[], field: string): Float64Array {
  if (!Array.isArray(weights) || weights.length !== shape.length)
    throw new SpecError(field, `${shape.length} layers {W, b}`, weights)
  const out: number[] = []
  weights.forEach((layer, l) => {
    const ref = shape[l]
    const ok =
      Array.isArray(layer?.W) &&
      layer.W.length === ref.W.length &&
      layer.W.every((r: unknown, i: number) => Array.isArray(r) && r.length === ref.W[i].length) &&
      Array.isArray(layer.b) &&
      layer.b.length === ref.b.length
    if (!ok) throw new SpecError(`${field}[${l}]`, 'the shape of weightsPerEpoch[0]', layer)
    for (const r of layer.W) for (const v of r) out.push(v)
    for (const v of layer.b) out.push(v)
  })
  const f = Float64Array.from(out)
  if (!f.every(Number.isFinite)) throw new SpecError(field, 'finite numbers', 'a non-finite entry')
  return f
}

function unflat(v: Float64Array, shape: readonly LayerWeights[]): LayerWeights[] {
  let k = 0
  return shape.map((layer) => ({
    W: layer.W.map((r) => r.map(() => v[k++])),
    b: layer.b.map(() => v[k++]),
  }))
}
