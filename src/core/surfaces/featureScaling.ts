import { createRng } from '../math/rng'
import type { Surface, Vec2 } from '../types'
import { featureRawMeta, featureStandardizedMeta } from './featureScaling.meta'
import { createLeastSquares } from './leastSquares'

/** Seed, size and ground truth of the feature-scaling data set (docs/lectures.md S9). */
export const FEATURE_DATA_SPEC = { seed: 2017, n: 30, a: 3, c: 0.05, noiseStd: 0.2 } as const

/**
 * The feature-scaling data of docs/lectures.md S9, generated once and deterministically: for r = 1..30, in this
 * order, x₁ʳ = 1 + U, x₂ʳ = 100 + 100·U′ (U, U′ uniform on [0, 1) from `createRng(2017)`) and
 * ŷʳ = 3x₁ʳ + 0.05x₂ʳ + 0.2·N(0, 1). Both features then contribute ≈ 4.5 and ≈ 7.5 to ŷ, but x₂ is 100× larger,
 * so the slope along w₂ is ~10⁴× steeper than along w₁.
 */
export const featureData: {
  readonly x1: readonly number[]
  readonly x2: readonly number[]
  readonly yHat: readonly number[]
} = generate()

function generate(): { x1: number[]; x2: number[]; yHat: number[] } {
  const { seed, n, a, c, noiseStd } = FEATURE_DATA_SPEC
  const rng = createRng(seed)
  const x1: number[] = []
  const x2: number[] = []
  const yHat: number[] = []
  for (let r = 0; r < n; r++) {
    const u = 1 + rng.next()
    const v = 100 + 100 * rng.next()
    x1.push(u)
    x2.push(v)
    yHat.push(a * u + c * v + noiseStd * rng.normal())
  }
  return { x1, x2, yHat }
}

/** (xᵢ − mᵢ)/σᵢ with the population σ = √((1/R)Σ(xᵢ − mᵢ)²), as in the lecture's feature normalization. */
function standardize(x: readonly number[]): number[] {
  const m = x.reduce((s, v) => s + v, 0) / x.length
  const sd = Math.sqrt(x.reduce((s, v) => s + (v - m) * (v - m), 0) / x.length)
  return x.map((v) => (v - m) / sd)
}

function center(x: readonly number[]): number[] {
  const m = x.reduce((s, v) => s + v, 0) / x.length
  return x.map((v) => v - m)
}

const N = FEATURE_DATA_SPEC.n
const raw = createLeastSquares(featureData.x1, featureData.x2, featureData.yHat, 1 / N)
const std = createLeastSquares(
  standardize(featureData.x1),
  standardize(featureData.x2),
  center(featureData.yHat),
  1 / N,
)

/** The minimizers as computed from the data, by surface id: the meta's `minima` copy them (a test checks). */
export const featureComputedMinima: Readonly<Record<string, Vec2>> = {
  'feature-raw': raw.minimum,
  'feature-standardized': std.minimum,
}

/**
 * L(w₁, w₂) = (1/30)·Σᵣ(w₁x₁ʳ + w₂x₂ʳ − ŷʳ)² on the raw features of `featureData` (no bias): a long, tilted
 * ellipse, Hessian eigenvalues ≈ 0.324 and 5.28·10⁴ (κ ≈ 1.6·10⁵), so GD follows the contour normals instead of
 * heading for the centre. Exact minimum from the normal equations ≈ (2.9588, 0.050454). View
 * w₁ ∈ [−3, 9], w₂ ∈ [−0.05, 0.15] (w₂ stretched 60×, or the valley is a line); start (0, 0); log contours.
 */
export const featureRaw: Surface = {
  ...featureRawMeta,
  f: raw.f,
  grad: raw.grad,
  hessian: raw.hessian,
}

/**
 * The same data after feature normalization: x̃ᵢʳ = (xᵢʳ − mᵢ)/σᵢ per dimension and centred targets ŷʳ − ȳ, same
 * model without bias: L(w₁, w₂) = (1/30)·Σᵣ(w₁x̃₁ʳ + w₂x̃₂ʳ − (ŷʳ − ȳ))². The Hessian is 2× the features'
 * correlation matrix, eigenvalues 2 ± 0.465 here: nearly round contours. Exact minimum ≈ (0.76788, 1.29456).
 * View [−2, 3.5] × [−1.5, 4]; start (0, 0).
 */
export const featureStandardized: Surface = {
  ...featureStandardizedMeta,
  f: std.f,
  grad: std.grad,
  hessian: std.hessian,
}
