import { createRng } from '../math/rng'
import type { Surface } from '../types'
import { createLeastSquares } from './leastSquares'

/** Seed, size and ground truth of the feature-scaling data set (LECTURES S9). */
export const FEATURE_DATA_SPEC = { seed: 2017, n: 30, a: 3, c: 0.05, noiseStd: 0.2 } as const

/**
 * The feature-scaling data of LECTURES S9, generated once and deterministically: for r = 1..30, in this
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

/**
 * L(w₁, w₂) = (1/30)·Σᵣ(w₁x₁ʳ + w₂x₂ʳ − ŷʳ)² on the raw features of `featureData` (no bias): a long, tilted
 * ellipse, Hessian eigenvalues ≈ 0.324 and 5.28·10⁴ (κ ≈ 1.6·10⁵), so GD follows the contour normals instead of
 * heading for the centre. Exact minimum from the normal equations ≈ (2.9588, 0.050454). View
 * w₁ ∈ [−3, 9], w₂ ∈ [−0.05, 0.15] (w₂ stretched 60×, or the valley is a line); start (0, 0); log contours.
 */
export const featureRaw: Surface = {
  id: 'feature-raw',
  name: { en: 'Raw features (x₂ ≫ x₁)', zh: '未归一化的特征（x₂ ≫ x₁）' },
  formula:
    'L(w_1,w_2)=\\frac{1}{30}\\sum_{r=1}^{30}\\left(w_1x_1^r+w_2x_2^r-\\hat{y}^r\\right)^2,\\ x_1\\in[1,2],\\ x_2\\in[100,200]',
  description: {
    en: 'x₂ is a hundred times larger than x₁, so the surface is a long narrow ellipse: steep along w₂, flat along w₁.',
    zh: 'x₂ 比 x₁ 大一百倍，误差表面成了狭长的椭圆：沿 w₂ 很陡，沿 w₁ 很平。',
  },
  axes: ['w_1', 'w_2'],
  extent: { x: [-3, 9], y: [-0.05, 0.15] },
  start: [0, 0],
  minima: [raw.minimum],
  boundedBelow: true,
  logContours: true,
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
  id: 'feature-standardized',
  name: { en: 'Standardized features', zh: '标准化后的特征' },
  formula:
    'L(w_1,w_2)=\\frac{1}{30}\\sum_{r=1}^{30}\\left(w_1\\tilde{x}_1^r+w_2\\tilde{x}_2^r-(\\hat{y}^r-\\bar{y})\\right)^2,\\ \\tilde{x}_i^r=\\frac{x_i^r-m_i}{\\sigma_i}',
  description: {
    en: 'After standardizing each feature the contours are nearly circles: the gradient points at the minimum.',
    zh: '把每个特征标准化之后，等高线几乎是圆：梯度直接指向最小值，山被铲平了。',
  },
  axes: ['w_1', 'w_2'],
  extent: { x: [-2, 3.5], y: [-1.5, 4] },
  start: [0, 0],
  minima: [std.minimum],
  boundedBelow: true,
  logContours: false,
  f: std.f,
  grad: std.grad,
  hessian: std.hessian,
}
