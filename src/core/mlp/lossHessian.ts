import { SpecError, expectNumber, expectRecord } from '../errors'
import { eigenSym } from '../math/eigenSym'
import { createObjective } from './objective'
import type { ClassifierConfig, Dataset, LayerWeights, LossHessian } from './types'

/** Default relative tolerance of the minimum ratio: |λ| ≤ 1e-6·max|λ| counts as zero (flat), not positive. */
export const HESSIAN_RELATIVE_TOLERANCE = 1e-6
/** Largest parameter count `lossHessian` accepts (Jacobi is O(n³) per sweep). */
export const MAX_HESSIAN_PARAMS = 600

export interface LossHessianOptions {
  relativeTolerance?: number
  /** Relative finite-difference step: h_j = step·max(1, |θ_j|) (default 1e-5 ≈ ∛ε_machine scale). */
  step?: number
  /** Also return the unit eigenvectors (rows, as `eigenSym`), e.g. to step along a negative-curvature one. */
  vectors?: boolean
}

/**
 * The Hessian H_ij = ∂²L/∂θ_i∂θ_j of the full training loss (data term over all training rows + penalty, in
 * evaluation mode: the `loss` that `evaluate()` reports) at `weights`, over every parameter (45 for 2-11-1).
 * Column j is the central difference of the analytic gradient, (∇L(θ + h_j e_j) − ∇L(θ − h_j e_j))/(2h_j),
 * and H is symmetrized as (H + Hᵀ)/2. Its eigenvalues come from `eigenSym`; Li Hongyi's minimum ratio is
 * (# λ > tol)/n with tol = relativeTolerance·max|λ|. ReLU kinks and L1 at w = 0 make L non-smooth there; the
 * differences then see one side's curvature. Throws SpecError for a bad config or weights, n > 600, or bad
 * options (`relativeTolerance` in [0, 1), `step` in [10⁻¹², 0.1], `vectors` a flag).
 */
export function lossHessian(
  config: ClassifierConfig,
  dataset: Dataset,
  weights: readonly LayerWeights[] | Float64Array,
  options: LossHessianOptions = {},
): LossHessian {
  const o = checkOptions(options)
  const objective = createObjective(config, dataset, { weights })
  const n = objective.n
  if (n > MAX_HESSIAN_PARAMS) {
    throw new SpecError('layers', `a network of at most ${MAX_HESSIAN_PARAMS} parameters for the Hessian`, n)
  }
  const relTol = o.relativeTolerance ?? HESSIAN_RELATIVE_TOLERANCE
  const step = o.step ?? 1e-5
  const theta = objective.params
  const gPlus = new Float64Array(n)
  const gMinus = new Float64Array(n)
  const g0 = new Float64Array(n)
  const loss = objective.gradient(theta, g0)
  const raw = new Float64Array(n * n)
  for (let j = 0; j < n; j++) {
    const t = theta[j]
    const h = step * Math.max(1, Math.abs(t))
    theta[j] = t + h
    objective.gradient(theta, gPlus)
    theta[j] = t - h
    objective.gradient(theta, gMinus)
    theta[j] = t
    for (let i = 0; i < n; i++) raw[i * n + j] = (gPlus[i] - gMinus[i]) / (2 * h)
  }
  const hessian = new Float64Array(n * n)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) hessian[i * n + j] = 0.5 * (raw[i * n + j] + raw[j * n + i])
  }
  const { values, vectors } = eigenSym(hessian, n, { vectors: o.vectors ?? false })
  let maxAbs = 0
  for (const v of values) maxAbs = Math.max(maxAbs, Math.abs(v))
  const tolerance = relTol * maxAbs
  let positive = 0
  let negative = 0
  for (const v of values) {
    if (v > tolerance) positive++
    else if (v < -tolerance) negative++
  }
  let norm = 0
  for (const g of g0) norm += g * g
  const result: LossHessian = {
    n,
    hessian,
    eigenvalues: values,
    minimumRatio: n === 0 ? 0 : positive / n,
    tolerance,
    positive,
    negative,
    zero: n - positive - negative,
    gradientNorm: Math.sqrt(norm),
    loss,
  }
  if (vectors) result.eigenvectors = vectors
  return result
}

/**
 * Relative finite-difference steps allowed: beyond 0.1, h_j stops being a small perturbation of θ_j; below
 * 10⁻¹², θ_j ± h_j rounds back to θ_j (or the quotient overflows) and the difference is noise.
 */
const MIN_STEP = 1e-12
const MAX_STEP = 0.1

/**
 * The options as a record (undefined: {}): `relativeTolerance` in [0, 1), `step` in [10⁻¹², 0.1] (a step of 0
 * or NaN divides by zero, a huge one overflows θ ± h), `vectors` true or false.
 */
function checkOptions(options: unknown): LossHessianOptions {
  if (options === undefined) return {}
  const o = expectRecord(options, 'options') as LossHessianOptions
  if (o.relativeTolerance !== undefined)
    expectNumber(
      o.relativeTolerance,
      'options.relativeTolerance',
      'a number in [0, 1)',
      (v) => v >= 0 && v < 1,
    )
  if (o.step !== undefined)
    expectNumber(
      o.step,
      'options.step',
      `a number in [${MIN_STEP}, ${MAX_STEP}]`,
      (v) => v >= MIN_STEP && v <= MAX_STEP,
    )
  if (o.vectors !== undefined && typeof o.vectors !== 'boolean')
    throw new SpecError('options.vectors', 'true or false', o.vectors)
  return o
}
