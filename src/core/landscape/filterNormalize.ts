import type { LayerWeights } from '../mlp/types'

/**
 * Li et al.'s filter normalization (2018, "Visualizing the Loss Landscape of Neural Nets", §4) for dense
 * layers: a direction d of the shape of `center`, rescaled unit by unit so that a step of 1 along it moves
 * every unit's incoming weights by as much as those weights' own size. For every layer and every unit k,
 * column k of `direction.W` (the weights into unit k) becomes
 *   d_k ← d_k · ‖θ_k‖ / ‖d_k‖   (Euclidean norms over the column; a zero column of d stays zero),
 * where θ_k is column k of `center.W`, and every bias is set to 0 (biases ignored, as in the paper). This
 * removes the scale invariance of ReLU units, so that two networks' slices can be compared. Batch-norm
 * entries are not copied: the result is `{ W, b }` per layer. Shapes are trusted (the same as `center`).
 */
export function filterNormalize(
  direction: readonly LayerWeights[],
  center: readonly LayerWeights[],
): LayerWeights[] {
  return direction.map((layer, l) => {
    const C = center[l].W
    const rows = layer.W.length
    const units = layer.b.length
    const scale = new Float64Array(units)
    for (let k = 0; k < units; k++) {
      let dd = 0
      let cc = 0
      for (let i = 0; i < rows; i++) {
        dd += layer.W[i][k] * layer.W[i][k]
        cc += C[i][k] * C[i][k]
      }
      scale[k] = dd > 0 ? Math.sqrt(cc) / Math.sqrt(dd) : 0
    }
    return {
      W: layer.W.map((row) => row.map((v, k) => v * scale[k])),
      b: new Array<number>(units).fill(0),
    }
  })
}
