import { SpecError } from '../errors'
import { initParams } from '../mlp/init'
import type { Layout } from '../mlp/layout'
import type { ClassifierConfig, LayerWeights } from '../mlp/types'
import { validateClassifierConfig } from '../mlp/validateConfig'

/**
 * Checks that `weights` fit the network of `config` (shape and finite entries, as an explicit init) and
 * rethrows a shape error under `field` ('center', 'directions[1]', …) instead of 'init.weights'.
 */
export function checkWeights(config: ClassifierConfig, weights: unknown, field: string): LayerWeights[] {
  try {
    validateClassifierConfig({ ...config, init: { kind: 'explicit', weights } })
  } catch (e) {
    if (e instanceof SpecError && e.field.startsWith('init.weights')) {
      const renamed = new SpecError(field + e.field.slice('init.weights'.length), e.allowed, undefined)
      renamed.message = field + e.message.slice('init.weights'.length)
      throw renamed
    }
    throw e
  }
  return weights as LayerWeights[]
}

/** The flat parameters and moving statistics of `weights` (layout order, missing batch-norm entries 1/0). */
export function flatten(
  layout: Layout,
  weights: readonly LayerWeights[],
): { params: Float64Array; stats: Float64Array } {
  const params = new Float64Array(layout.n)
  const stats = new Float64Array(layout.statsLength)
  initParams(layout, { kind: 'explicit', weights: weights as LayerWeights[] }, params, stats)
  return { params, stats }
}

/**
 * A direction in weight space as a flat vector: its kernels W and biases b at their layout places, and 0 at
 * every batch-norm γ and β (a direction never moves them).
 */
export function flattenDirection(layout: Layout, direction: readonly LayerWeights[]): Float64Array {
  const out = new Float64Array(layout.n)
  for (let l = 0; l < layout.layers; l++) {
    const nOut = layout.sizes[l + 1]
    const layer = direction[l]
    for (let i = 0; i < layout.sizes[l]; i++) {
      for (let j = 0; j < nOut; j++) out[layout.wOff[l] + i * nOut + j] = layer.W[i][j]
    }
    for (let j = 0; j < nOut; j++) out[layout.bOff[l] + j] = layer.b[j]
  }
  return out
}

/** The W and b of a flat vector as `{ W, b }` layers (no batch-norm entries). */
export function unflattenDirection(layout: Layout, flat: Float64Array): LayerWeights[] {
  const out: LayerWeights[] = []
  for (let l = 0; l < layout.layers; l++) {
    const nOut = layout.sizes[l + 1]
    const W: number[][] = []
    for (let i = 0; i < layout.sizes[l]; i++) {
      const start = layout.wOff[l] + i * nOut
      W.push(Array.from(flat.subarray(start, start + nOut)))
    }
    out.push({ W, b: Array.from(flat.subarray(layout.bOff[l], layout.bOff[l] + nOut)) })
  }
  return out
}
