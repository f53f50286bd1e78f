import { expectNumber } from '../errors'
import { createRng } from '../math/rng'
import type { LayerWeights } from '../mlp/types'
import { filterNormalize } from './filterNormalize'

/**
 * A random direction in weight space for a loss slice around `center`: every kernel entry drawn from
 * N(0, 1) by `createRng(seed)` (layer by layer, each W in row-major (input, unit) order, the order of the
 * `normal` init), then `filterNormalize`d against `center`, so biases are 0 and column k of every W has the
 * norm of the center's column k. Equal seeds give equal directions; in many dimensions two directions of
 * different seeds are nearly orthogonal (cos ≈ N(0, 1/n)). Throws a SpecError for a seed that is not finite.
 */
export function randomDirection(center: readonly LayerWeights[], seed: number): LayerWeights[] {
  expectNumber(seed, 'seed', 'a finite number', Number.isFinite)
  const rng = createRng(seed)
  const raw = center.map((layer) => ({
    W: layer.W.map((row) => row.map(() => rng.normal())),
    b: layer.b.map(() => 0),
  }))
  return filterNormalize(raw, center)
}
