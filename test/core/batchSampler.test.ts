import { describe, expect, it } from 'vitest'
import { createBatchSampler } from '../../src/core/batchSampler'
import { createRng } from '../../src/core/math/rng'
import { effectiveBatch, updatesPerEpoch } from '../../src/core/miniBatch.meta'

/** An independent Fisher–Yates over one seeded stream: the permutations of epochs 0..epochs−1. */
function naivePermutations(n: number, seed: number, epochs: number): number[][] {
  const rng = createRng(seed)
  const out: number[][] = []
  for (let e = 0; e < epochs; e++) {
    const p = Array.from({ length: n }, (_, i) => i)
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1))
      ;[p[i], p[j]] = [p[j], p[i]]
    }
    out.push(p)
  }
  return out
}

function epochBatches(n: number, size: number, seed: number, epochs: number): number[][][] {
  const s = createBatchSampler(n, size, seed)
  const out: number[][][] = []
  for (let e = 0; e < epochs; e++) {
    const list: number[][] = []
    for (let k = 0; k < s.perEpoch; k++) list.push([...s.batch(e * s.perEpoch + k)])
    out.push(list)
  }
  return out
}

describe('createBatchSampler: batches without replacement, a seeded permutation per epoch', () => {
  it('updatesPerEpoch is ⌈N/B⌉, and 1 for a full batch or a surface without examples', () => {
    expect(updatesPerEpoch(30, 1)).toBe(30)
    expect(updatesPerEpoch(30, 5)).toBe(6)
    expect(updatesPerEpoch(30, 4)).toBe(8)
    expect(updatesPerEpoch(30, 30)).toBe(1)
    expect(updatesPerEpoch(30, undefined)).toBe(1)
    expect(updatesPerEpoch(undefined, 5)).toBe(1)
    expect(effectiveBatch(30, 30)).toBeUndefined()
    expect(effectiveBatch(30, 5)).toBe(5)
    expect(effectiveBatch(undefined, 5)).toBeUndefined()
  })

  it('each epoch’s batches, joined, are a permutation of 0..N−1', () => {
    for (const size of [1, 2, 4, 5, 7, 29]) {
      for (const epoch of epochBatches(30, size, 11, 4)) {
        const all = epoch.flat()
        expect([...all].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i))
      }
    }
  })

  it('is the independent Fisher–Yates of one seeded stream, epoch after epoch', () => {
    const expected = naivePermutations(30, 42, 5)
    const got = epochBatches(30, 4, 42, 5).map((e) => e.flat())
    expect(got).toEqual(expected)
  })

  it('keeps the last partial batch: N = 30, B = 4 gives seven batches of 4 and one of 2 per epoch', () => {
    const s = createBatchSampler(30, 4, 1)
    expect(s.perEpoch).toBe(8)
    const sizes = Array.from({ length: 16 }, (_, t) => s.batch(t).length)
    expect(sizes).toEqual([4, 4, 4, 4, 4, 4, 4, 2, 4, 4, 4, 4, 4, 4, 4, 2])
  })

  it('is reproducible from its seed, and a new epoch reshuffles', () => {
    expect(epochBatches(30, 5, 9, 3)).toEqual(epochBatches(30, 5, 9, 3))
    expect(epochBatches(30, 5, 9, 1)).not.toEqual(epochBatches(30, 5, 10, 1))
    const [e0, e1] = epochBatches(30, 5, 9, 2)
    expect(e0.flat()).not.toEqual(e1.flat())
  })
})
