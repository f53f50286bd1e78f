import { createRng } from './math/rng'
import type { Rng } from './math/rng'
import { updatesPerEpoch } from './miniBatch.meta'

/**
 * The batches of a mini-batch run over `n` examples (`BatchSpec`): per epoch a fresh permutation of 0..n−1,
 * cut into ⌈n/size⌉ batches in order (the last one holds the n mod size left over, when size does not divide
 * n). Updates must be asked for in order t = 0, 1, 2, …; `batch(t)` returns a view of the permutation (no
 * copy, valid until the next epoch starts).
 */
export interface BatchSampler {
  readonly examples: number
  readonly size: number
  /** ⌈n/size⌉. */
  readonly perEpoch: number
  /** The indices of update t's batch. */
  batch(t: number): Int32Array
}

/**
 * A seeded sampler: the permutation of epoch e is the e-th Fisher–Yates shuffle (i from n−1 down to 1, swap
 * with j = rng.int(i + 1)) of 0..n−1, each shuffle applied to the identity, all drawn from one
 * `createRng(seed)` stream in epoch order, so the same seed gives the same batches on every machine.
 */
export function createBatchSampler(n: number, size: number, seed: number): BatchSampler {
  const perEpoch = updatesPerEpoch(n, size)
  const b = Math.min(size, n)
  const perm = new Int32Array(n)
  const rng: Rng = createRng(seed)
  let epoch = -1
  return {
    examples: n,
    size: b,
    perEpoch,
    batch(t) {
      const e = Math.floor(t / perEpoch)
      while (epoch < e) {
        shuffle(perm, rng)
        epoch++
      }
      const k = t - e * perEpoch
      return perm.subarray(k * b, Math.min(n, (k + 1) * b))
    },
  }
}

/** The epoch's permutation: identity, then Fisher–Yates with the stream's next draws. */
function shuffle(perm: Int32Array, rng: Rng): void {
  for (let i = 0; i < perm.length; i++) perm[i] = i
  for (let i = perm.length - 1; i > 0; i--) {
    const j = rng.int(i + 1)
    const tmp = perm[i]
    perm[i] = perm[j]
    perm[j] = tmp
  }
}
