import { expectRecord } from '../errors'
import type { Dataset } from '../mlp/types'
import { validateClassifierConfig } from '../mlp/validateConfig'
import { axisValues, checkAxis } from './axis'
import { createNetEvaluator } from './netEvaluator'
import { checkWeights, flatten } from './netWeights'
import type { LossLine, LossLineSpec } from './types'

/**
 * The loss along a straight line in weight space (Goodfellow, Vinyals & Saxe, 2015, "Qualitatively
 * characterizing neural network optimization problems"): for every t = t[i] (t_min + i·(t_max − t_min)/(n − 1);
 * t outside [0, 1] extrapolates), the network with weights (1 − t)·from + t·to, over every row of `dataset`,
 * in evaluation mode. Every parameter is interpolated, batch-norm γ and β too, and so are the moving
 * statistics (μ̄ and σ̄², the variance floored at 0 where extrapolation would make it negative). `loss`,
 * `dataLoss` and `accuracy` as in `lossSlice`. Throws a SpecError for a bad config, weights that do not fit
 * it ('from', 'to[0].b', …) or axis `t` (n in 2..1001, min < max); a DatasetError for the data's content.
 */
export function lossLine(spec: LossLineSpec): LossLine {
  const s = expectRecord(spec, 'spec') as unknown as LossLineSpec
  const config = validateClassifierConfig(s.config, s.dataset as Dataset)
  const from = checkWeights(config, s.from, 'from')
  const to = checkWeights(config, s.to, 'to')
  const axis = checkAxis(s.t, 't')
  const ev = createNetEvaluator(config, s.dataset)
  const a = flatten(ev.layout, from)
  const b = flatten(ev.layout, to)
  const t = axisValues(axis)
  const loss = new Float64Array(t.length)
  const dataLoss = new Float64Array(t.length)
  const accuracy = new Float64Array(t.length)
  const theta = new Float64Array(a.params.length)
  const out = new Float64Array(3)
  const { statsOff, sizes } = ev.layout
  for (let i = 0; i < t.length; i++) {
    const w = t[i]
    for (let k = 0; k < theta.length; k++) theta[k] = (1 - w) * a.params[k] + w * b.params[k]
    for (let l = 0; l < statsOff.length; l++) {
      const off = statsOff[l]
      if (off < 0) continue
      const width = sizes[l + 1]
      for (let k = off; k < off + width; k++) ev.stats[k] = (1 - w) * a.stats[k] + w * b.stats[k]
      for (let k = off + width; k < off + 2 * width; k++)
        ev.stats[k] = Math.max(0, (1 - w) * a.stats[k] + w * b.stats[k])
    }
    ev.evaluate(theta, out)
    loss[i] = out[0]
    dataLoss[i] = out[1]
    accuracy[i] = out[2]
  }
  return { t, loss, dataLoss, accuracy }
}
