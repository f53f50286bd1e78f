import { SpecError, expectRecord } from '../errors'
import type { Dataset } from '../mlp/types'
import { validateClassifierConfig } from '../mlp/validateConfig'
import { MAX_SLICE_POINTS, axisValues, checkAxis } from './axis'
import { createNetEvaluator } from './netEvaluator'
import { checkWeights, flatten, flattenDirection } from './netWeights'
import type { LossSlice, LossSliceSpec } from './types'

/**
 * A 2D slice of the network's loss surface (Li et al., 2018): for every α = alpha[i], β = beta[j],
 *   L(α, β) = L(θ_c + α·d₁ + β·d₂),   stored at index j·nα + i,
 * with alpha[i] = α_min + i·(α_max − α_min)/(nα − 1) (likewise beta), θ_c = `center`, d₁, d₂ = `directions`
 * (typically `randomDirection` or `trajectoryPlane`), over EVERY row of `dataset`, in evaluation mode: no
 * dropout; batch norm with the center's moving statistics; batch-norm γ, β stay at the center's values (the
 * directions' own are ignored). `loss` = dataLoss + the config's penalty (λ·½Σw² or λ·Σ|w| over the kernels,
 * the trainer's `final.loss`), `dataLoss` = (1/N)Σℓ, `accuracy` = the fraction of rows on the label's side
 * of 0.5. The loop runs over flat typed arrays with the trainer's evaluation kernels; the course's 2-11-1 net
 * on dot.csv (300 rows) takes a few ms for 41×41 (bench/core.bench.ts). Throws a SpecError for a bad
 * config, data set shape, weights that do not fit it ('center', 'directions[1][0].W', …), or axes (each n in
 * 2..1001, min < max, nα·nβ ≤ 65 536); a DatasetError for the data set's content.
 */
export function lossSlice(spec: LossSliceSpec): LossSlice {
  const s = expectRecord(spec, 'spec') as unknown as LossSliceSpec
  const config = validateClassifierConfig(s.config, s.dataset as Dataset)
  const center = checkWeights(config, s.center, 'center')
  if (!Array.isArray(s.directions) || s.directions.length !== 2)
    throw new SpecError('directions', 'two directions [d1, d2]', s.directions)
  const d1 = checkWeights(config, s.directions[0], 'directions[0]')
  const d2 = checkWeights(config, s.directions[1], 'directions[1]')
  const alphaAxis = checkAxis(s.alpha, 'alpha')
  const betaAxis = checkAxis(s.beta, 'beta')
  if (alphaAxis.n * betaAxis.n > MAX_SLICE_POINTS)
    throw new SpecError('beta.n', `at most ${MAX_SLICE_POINTS} points with alpha.n`, betaAxis.n)

  const ev = createNetEvaluator(config, s.dataset)
  const { params: c, stats } = flatten(ev.layout, center)
  ev.stats.set(stats)
  const u = flattenDirection(ev.layout, d1)
  const v = flattenDirection(ev.layout, d2)
  const alpha = axisValues(alphaAxis)
  const beta = axisValues(betaAxis)
  const na = alpha.length
  const total = na * beta.length
  const loss = new Float64Array(total)
  const dataLoss = new Float64Array(total)
  const accuracy = new Float64Array(total)
  const theta = new Float64Array(c.length)
  const out = new Float64Array(3)
  const n = c.length
  for (let j = 0; j < beta.length; j++) {
    const b = beta[j]
    for (let i = 0; i < na; i++) {
      const a = alpha[i]
      // The directions are 0 at batch-norm γ and β, so those stay at the center's values.
      for (let k = 0; k < n; k++) theta[k] = c[k] + a * u[k] + b * v[k]
      ev.evaluate(theta, out)
      const idx = j * na + i
      loss[idx] = out[0]
      dataLoss[idx] = out[1]
      accuracy[idx] = out[2]
    }
  }
  return { alpha, beta, loss, dataLoss, accuracy }
}
