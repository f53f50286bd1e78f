/**
 * Batch normalization of one hidden layer's pre-activation (docs/conventions.md, Li Hongyi's notation), per unit j
 * over the rows of a batch: z̃ = (z − μ_B)/√(σ_B² + ε), ẑ = γ·z̃ + β, with the biased batch variance σ_B².
 * Evaluation uses the moving averages μ̄ ← p·μ̄ + (1 − p)·μ_B and σ̄² ← p·σ̄² + (1 − p)·σ_B² (p = 0.9, i.e.
 * PyTorch's momentum 0.1; Keras keeps the biased variance too, PyTorch stores the unbiased one). The dense
 * layer's bias b stays in the parameter vector (a uniform layout) although the batch mean cancels it in
 * training: its gradient there is 0.
 */

/** ε added to the variance (PyTorch's default). */
export const BN_EPSILON = 1e-5
/** Weight p of the old value in the moving averages. */
export const BN_MOMENTUM = 0.9

/** Training-mode forward in place on z (count × nOut); keeps x̂ and 1/σ for backward; updates stats if asked. */
export function batchNormTrainForward(
  z: Float64Array,
  xhat: Float64Array,
  params: Float64Array,
  gammaOff: number,
  betaOff: number,
  invStd: Float64Array,
  stats: Float64Array,
  statsOff: number,
  updateStats: boolean,
  count: number,
  nOut: number,
): void {
  const end = count * nOut
  for (let j = 0; j < nOut; j++) {
    let mean = 0
    for (let k = j; k < end; k += nOut) mean += z[k]
    mean /= count
    let variance = 0
    for (let k = j; k < end; k += nOut) {
      const d = z[k] - mean
      variance += d * d
    }
    variance /= count
    const is = 1 / Math.sqrt(variance + BN_EPSILON)
    invStd[j] = is
    if (updateStats) {
      stats[statsOff + j] = BN_MOMENTUM * stats[statsOff + j] + (1 - BN_MOMENTUM) * mean
      stats[statsOff + nOut + j] = BN_MOMENTUM * stats[statsOff + nOut + j] + (1 - BN_MOMENTUM) * variance
    }
    const gamma = params[gammaOff + j]
    const beta = params[betaOff + j]
    for (let k = j; k < end; k += nOut) {
      const x = (z[k] - mean) * is
      xhat[k] = x
      z[k] = gamma * x + beta
    }
  }
}

/** Evaluation-mode forward in place: the same affine map with μ̄ and σ̄² in place of the batch statistics. */
export function batchNormEvalForward(
  z: Float64Array,
  xhat: Float64Array,
  params: Float64Array,
  gammaOff: number,
  betaOff: number,
  invStd: Float64Array,
  stats: Float64Array,
  statsOff: number,
  count: number,
  nOut: number,
): void {
  const end = count * nOut
  for (let j = 0; j < nOut; j++) {
    const mean = stats[statsOff + j]
    const is = 1 / Math.sqrt(stats[statsOff + nOut + j] + BN_EPSILON)
    invStd[j] = is
    const gamma = params[gammaOff + j]
    const beta = params[betaOff + j]
    for (let k = j; k < end; k += nOut) {
      const x = (z[k] - mean) * is
      xhat[k] = x
      z[k] = gamma * x + beta
    }
  }
}

/**
 * Backward in place on g (∂L/∂ẑ in, ∂L/∂z out), accumulating ∂L/∂γ_j = Σ g·x̂ and ∂L/∂β_j = Σ g. Training
 * mode propagates through the batch statistics: ∂L/∂z = (γ/(Bσ))·(B·g − Σg − x̂·Σ(g·x̂)); evaluation mode is
 * the plain affine map ∂L/∂z = γ·g/σ̄.
 */
export function batchNormBackward(
  g: Float64Array,
  xhat: Float64Array,
  params: Float64Array,
  grad: Float64Array,
  gammaOff: number,
  betaOff: number,
  invStd: Float64Array,
  train: boolean,
  count: number,
  nOut: number,
): void {
  const end = count * nOut
  for (let j = 0; j < nOut; j++) {
    let sumG = 0
    let sumGX = 0
    for (let k = j; k < end; k += nOut) {
      sumG += g[k]
      sumGX += g[k] * xhat[k]
    }
    grad[gammaOff + j] += sumGX
    grad[betaOff + j] += sumG
    const scale = params[gammaOff + j] * invStd[j]
    if (train) {
      const c = scale / count
      for (let k = j; k < end; k += nOut) g[k] = c * (count * g[k] - sumG - xhat[k] * sumGX)
    } else {
      for (let k = j; k < end; k += nOut) g[k] *= scale
    }
  }
}
