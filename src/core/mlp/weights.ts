import type { Layout } from './layout'
import type { LayerWeights } from './types'

/**
 * The flat parameters (and moving statistics) as per-layer objects in the explicit-init format, so a trained
 * network can be serialized and fed back as `init: { kind: 'explicit', weights }`.
 */
export function toLayerWeights(layout: Layout, params: Float64Array, stats: Float64Array): LayerWeights[] {
  const out: LayerWeights[] = []
  for (let l = 0; l < layout.layers; l++) {
    const nIn = layout.sizes[l]
    const nOut = layout.sizes[l + 1]
    const W: number[][] = []
    for (let i = 0; i < nIn; i++) {
      const start = layout.wOff[l] + i * nOut
      W.push(Array.from(params.subarray(start, start + nOut)))
    }
    const layer: LayerWeights = { W, b: Array.from(params.subarray(layout.bOff[l], layout.bOff[l] + nOut)) }
    if (layout.gammaOff[l] >= 0) {
      const s = layout.statsOff[l]
      layer.gamma = Array.from(params.subarray(layout.gammaOff[l], layout.gammaOff[l] + nOut))
      layer.beta = Array.from(params.subarray(layout.betaOff[l], layout.betaOff[l] + nOut))
      layer.movingMean = Array.from(stats.subarray(s, s + nOut))
      layer.movingVariance = Array.from(stats.subarray(s + nOut, s + 2 * nOut))
    }
    out.push(layer)
  }
  return out
}

/**
 * Copies per-layer weights into the flat vector (shapes already validated). Missing batch-norm entries take
 * their initial values: γ = 1, β = 0, μ̄ = 0, σ̄² = 1.
 */
export function fromLayerWeights(
  layout: Layout,
  weights: readonly LayerWeights[],
  params: Float64Array,
  stats: Float64Array,
): void {
  for (let l = 0; l < layout.layers; l++) {
    const nIn = layout.sizes[l]
    const nOut = layout.sizes[l + 1]
    const layer = weights[l]
    for (let i = 0; i < nIn; i++) {
      for (let j = 0; j < nOut; j++) params[layout.wOff[l] + i * nOut + j] = layer.W[i][j]
    }
    for (let j = 0; j < nOut; j++) params[layout.bOff[l] + j] = layer.b[j]
    if (layout.gammaOff[l] >= 0) {
      const s = layout.statsOff[l]
      for (let j = 0; j < nOut; j++) {
        params[layout.gammaOff[l] + j] = layer.gamma?.[j] ?? 1
        params[layout.betaOff[l] + j] = layer.beta?.[j] ?? 0
        stats[s + j] = layer.movingMean?.[j] ?? 0
        stats[s + nOut + j] = layer.movingVariance?.[j] ?? 1
      }
    }
  }
}
