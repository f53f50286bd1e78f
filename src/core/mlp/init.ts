import { createRng } from '../math/rng'
import type { Layout } from './layout'
import type { InitSpec } from './types'
import { fromLayerWeights } from './weights'

/** Bias of every layer under the course's `normal` init (`tf.constant(0.01, shape=[units])`). */
export const COURSE_BIAS = 0.01

/**
 * Writes the initial parameters into `params` (and resets the moving statistics `stats` to μ̄ = 0, σ̄² = 1):
 * - `normal`: W ~ N(0, 1), b = 0.01 (PKU course: `tf.random.normal`, `tf.constant(0.01)`);
 * - `xavier`: Glorot uniform W ~ U(−r, r), r = √(6/(fan_in + fan_out)), b = 0;
 * - `he`: MSRA / Kaiming normal W ~ N(0, 2/fan_in), b = 0 (plain normal; Keras' he_normal truncates at 2σ);
 * - `explicit`: copies the given weights.
 * Random kernels are drawn layer by layer, each W in row-major (input, unit) order, from createRng(seed), so
 * two trainers with the same seed start from identical weights. Batch-norm γ = 1 and β = 0.
 */
export function initParams(layout: Layout, init: InitSpec, params: Float64Array, stats: Float64Array): void {
  resetStats(layout, stats)
  if (init.kind === 'explicit') {
    fromLayerWeights(layout, init.weights, params, stats)
    return
  }
  const rng = createRng(init.seed)
  for (let l = 0; l < layout.layers; l++) {
    const fanIn = layout.sizes[l]
    const fanOut = layout.sizes[l + 1]
    const start = layout.wOff[l]
    const end = start + fanIn * fanOut
    if (init.kind === 'normal') {
      for (let k = start; k < end; k++) params[k] = rng.normal()
    } else if (init.kind === 'xavier') {
      const r = Math.sqrt(6 / (fanIn + fanOut))
      for (let k = start; k < end; k++) params[k] = (2 * rng.next() - 1) * r
    } else {
      const std = Math.sqrt(2 / fanIn)
      for (let k = start; k < end; k++) params[k] = std * rng.normal()
    }
    params.fill(init.kind === 'normal' ? COURSE_BIAS : 0, layout.bOff[l], layout.bOff[l] + fanOut)
    if (layout.gammaOff[l] >= 0) {
      params.fill(1, layout.gammaOff[l], layout.gammaOff[l] + fanOut)
      params.fill(0, layout.betaOff[l], layout.betaOff[l] + fanOut)
    }
  }
}

/** Moving means 0 and moving variances 1 (the initial batch-norm statistics of Keras and PyTorch). */
export function resetStats(layout: Layout, stats: Float64Array): void {
  for (let l = 0; l < layout.layers; l++) {
    const off = layout.statsOff[l]
    if (off < 0) continue
    const width = layout.sizes[l + 1]
    stats.fill(0, off, off + width)
    stats.fill(1, off + width, off + 2 * width)
  }
}
