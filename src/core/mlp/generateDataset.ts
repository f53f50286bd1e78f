import { SpecError, expectInteger, expectNumber, expectOneOf } from '../errors'
import { createRng } from '../math/rng'
import type { Dataset, DatasetKind } from './types'
import { MAX_ROWS, MIN_ROWS } from './parseDataset'
import { datasetKinds } from './datasetKinds.meta'

export { datasetKinds }

/**
 * Largest noise σ: far past any blur that still shows a boundary (the lab offers 0..5), and far below the
 * σ ≈ 10³⁰⁸ at which p + σ·N(0, 1) overflows to ±∞.
 */
export const MAX_NOISE = 1e6

/**
 * A seeded two-class data set over roughly [−3, 3]². The label is decided on a clean point p, then the stored
 * point is p + noise·N(0, I) (noise in feature units, ≥ 0), so noise blurs the boundary as in the TF
 * playground. Kinds:
 * - `circle`: p ~ N(0, I), y = 1 iff |p|² < 2 — how the PKU course made dot.csv (`np.random.randn(300, 2)`).
 * - `xor`: p ~ U(−3, 3)², y = 1 iff p₁·p₂ > 0.
 * - `gaussians`: p ~ N(±(1.5, 1.5), 0.7²I), y = 1 for the + blob.
 * - `spiral`: two interleaved arms r = 3t, φ = 3.5πt (+π for class 0), t ∈ [0, 1).
 * Classes alternate row by row for the last three (so a validation split taken from the end holds both).
 * n is an integer in [4, 100,000] and noise a number in [0, 10⁶]; throws SpecError otherwise.
 */
export function generateDataset(kind: DatasetKind, n: number, noise: number, seed: number): Dataset {
  expectOneOf(kind, 'kind', Object.keys(datasetKinds) as DatasetKind[])
  expectInteger(n, 'n', MIN_ROWS, MAX_ROWS)
  expectNumber(noise, 'noise', `a number in [0, ${MAX_NOISE}]`, (v) => v >= 0 && v <= MAX_NOISE)
  if (!Number.isFinite(seed)) throw new SpecError('seed', 'a finite number', seed)
  const rng = createRng(seed)
  const x = new Float64Array(2 * n)
  const y = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    let p1: number
    let p2: number
    let label: number
    if (kind === 'circle') {
      p1 = rng.normal()
      p2 = rng.normal()
      label = p1 * p1 + p2 * p2 < 2 ? 1 : 0
    } else if (kind === 'xor') {
      p1 = 6 * rng.next() - 3
      p2 = 6 * rng.next() - 3
      label = p1 * p2 > 0 ? 1 : 0
    } else if (kind === 'gaussians') {
      label = i % 2 === 0 ? 1 : 0
      const c = label === 1 ? 1.5 : -1.5
      p1 = c + 0.7 * rng.normal()
      p2 = c + 0.7 * rng.normal()
    } else {
      label = i % 2 === 0 ? 1 : 0
      const t = Math.floor(i / 2) / Math.ceil(n / 2)
      const phi = 3.5 * Math.PI * t + (label === 1 ? 0 : Math.PI)
      p1 = 3 * t * Math.sin(phi)
      p2 = 3 * t * Math.cos(phi)
    }
    x[2 * i] = noise > 0 ? p1 + noise * rng.normal() : p1
    x[2 * i + 1] = noise > 0 ? p2 + noise * rng.normal() : p2
    y[i] = label
  }
  return { x, y, n }
}
