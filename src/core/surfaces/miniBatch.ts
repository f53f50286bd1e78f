import { createRng } from '../math/rng'
import type { Out2, PerExample, Surface, Vec2 } from '../types'
import { createLeastSquares } from './leastSquares'
import { miniBatchLinearMeta } from './miniBatch.meta'
import { setOut2 } from './out'

/** Seed, size, ground truth and noise of the mini-batch regression data (docs/lectures.md S5). */
export const MINI_BATCH_DATA_SPEC = {
  seed: 2020,
  n: 30,
  w1: 1,
  w2: 2,
  correlation: 0.5,
  noiseStd: 0.7,
} as const

/**
 * The data of `miniBatchLinear`, generated once and deterministically: for n = 0..29, in this order,
 * x₁ⁿ = N₁, x₂ⁿ = 0.5·x₁ⁿ + √0.75·N₂ (unit variance, correlation 0.5), yⁿ = 1·x₁ⁿ + 2·x₂ⁿ + 0.7·N₃, the Nᵢ
 * standard normals drawn from `createRng(2020)`.
 */
export const miniBatchData: {
  readonly x1: readonly number[]
  readonly x2: readonly number[]
  readonly y: readonly number[]
} = generate()

function generate(): { x1: number[]; x2: number[]; y: number[] } {
  const { seed, n, w1, w2, correlation: c, noiseStd } = MINI_BATCH_DATA_SPEC
  const rng = createRng(seed)
  const x1: number[] = []
  const x2: number[] = []
  const y: number[] = []
  for (let i = 0; i < n; i++) {
    const a = rng.normal()
    const b = c * a + Math.sqrt(1 - c * c) * rng.normal()
    x1.push(a)
    x2.push(b)
    y.push(w1 * a + w2 * b + noiseStd * rng.normal())
  }
  return { x1, x2, y }
}

const N = MINI_BATCH_DATA_SPEC.n
const ls = createLeastSquares(miniBatchData.x1, miniBatchData.x2, miniBatchData.y, 1 / N)

/** The exact minimizer computed from the data: the meta's `minima` copy it (a test checks). */
export const miniBatchComputedMinimum: Vec2 = ls.minimum

/** L(w*), the least loss (a test holds the scene's numbers to it). */
export const miniBatchMinValue = ls.minValue

/**
 * eₙ(w₁, w₂) = (w₁x₁ⁿ + w₂x₂ⁿ − yⁿ)², ∇eₙ = 2rₙ·(x₁ⁿ, x₂ⁿ) with rₙ = w₁x₁ⁿ + w₂x₂ⁿ − yⁿ: the squared error of
 * one example, n in 0..29.
 */
export const miniBatchExamples: PerExample = {
  loss(n, w1, w2) {
    const r = w1 * miniBatchData.x1[n] + w2 * miniBatchData.x2[n] - miniBatchData.y[n]
    return r * r
  },
  grad(n, w1, w2, out: Out2 = new Float64Array(2)) {
    const u = miniBatchData.x1[n]
    const v = miniBatchData.x2[n]
    const r = w1 * u + w2 * v - miniBatchData.y[n]
    return setOut2(out, 2 * r * u, 2 * r * v)
  },
}

/**
 * Mini-batch linear regression (docs/lectures.md S5, batch size): L(w₁, w₂) = (1/30)·Σₙ eₙ, the mean squared
 * error of ŷ = w₁x₁ + w₂x₂ (no bias) on the 30 examples of `miniBatchData`; a race may follow the gradient of
 * a mini-batch instead (`BatchSpec`). f, ∇L and the Hessian H = (2/30)·Σₙ zₙzₙᵀ (zₙ = (x₁ⁿ, x₂ⁿ), constant)
 * come from `createLeastSquares`, so they hold no cancellation; ∇L equals the mean of the `perExample`
 * gradients. Hessian eigenvalues ≈ 1.49 and 3.52; minimum ≈ (0.870, 1.963), near the ground truth (1, 2); view [−2.5, 3.5] × [−2, 4]; start
 * (−1.5, −1).
 */
export const miniBatchLinear: Surface = {
  ...miniBatchLinearMeta,
  f: ls.f,
  grad: ls.grad,
  hessian: ls.hessian,
  perExample: miniBatchExamples,
}
