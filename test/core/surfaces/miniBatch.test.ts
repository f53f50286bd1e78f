import { describe, expect, it } from 'vitest'
import { createRng } from '../../../src/core/math/rng'
import { getSurface } from '../../../src/core/surfaces/index'
import { getSurfaceMeta } from '../../../src/core/surfaces/meta'
import {
  MINI_BATCH_DATA_SPEC,
  miniBatchComputedMinimum,
  miniBatchData,
  miniBatchLinear,
} from '../../../src/core/surfaces/miniBatch'
import { richardson, roundoffBound } from './finiteDiff'

const s = miniBatchLinear
const N = MINI_BATCH_DATA_SPEC.n
const each = s.perExample!

function points(seed: number, count: number): [number, number][] {
  const rng = createRng(seed)
  return Array.from({ length: count }, () => [-2.5 + 6 * rng.next(), -2 + 6 * rng.next()])
}

describe('mini-batch-linear: a loss that is a mean over 30 seeded examples', () => {
  it('is registered with its 30 examples and per-example losses', () => {
    expect(getSurface('mini-batch-linear')).toBe(s)
    expect(getSurfaceMeta('mini-batch-linear').examples).toBe(30)
    expect(miniBatchData.x1).toHaveLength(N)
    expect(miniBatchData.y).toHaveLength(N)
  })

  it('per-example gradients match finite differences of the per-example losses', () => {
    const h = 1e-4
    for (const [x, y] of points(3, 6)) {
      for (let n = 0; n < N; n++) {
        const g = each.grad(n, x, y)
        for (const axis of [0, 1] as const) {
          const fd = richardson((a, b) => each.loss(n, a, b), x, y, axis, h)
          const scale = Math.max(...fd.samples.map(Math.abs))
          expect(Math.abs(g[axis] - fd.value), `n=${n} axis=${axis}`).toBeLessThanOrEqual(
            1e-7 * Math.abs(g[axis]) + roundoffBound(scale, h),
          )
        }
      }
    }
  })

  it('the mean of all per-example losses is L, the mean of their gradients is ∇L', () => {
    for (const [x, y] of points(5, 20)) {
      let l = 0
      let gx = 0
      let gy = 0
      for (let n = 0; n < N; n++) {
        l += each.loss(n, x, y)
        const g = each.grad(n, x, y)
        gx += g[0]
        gy += g[1]
      }
      const full = s.grad(x, y)
      expect(l / N).toBeCloseTo(s.f(x, y), 10)
      expect(Math.abs(gx / N - full[0])).toBeLessThan(1e-12 * (1 + Math.abs(full[0])))
      expect(Math.abs(gy / N - full[1])).toBeLessThan(1e-12 * (1 + Math.abs(full[1])))
    }
  })

  it('its Hessian is (2/N)·Σ zₙzₙᵀ, from the raw data', () => {
    let a = 0
    let b = 0
    let c = 0
    for (let n = 0; n < N; n++) {
      const u = miniBatchData.x1[n]
      const v = miniBatchData.x2[n]
      a += u * u
      b += u * v
      c += v * v
    }
    const h = s.hessian(0.3, -0.7)
    expect(h[0]).toBeCloseTo((2 * a) / N, 12)
    expect(h[1]).toBeCloseTo((2 * b) / N, 12)
    expect(h[2]).toBeCloseTo((2 * c) / N, 12)
  })

  it('the meta’s minimum is the data’s least-squares solution, to the last bit, and ∇L vanishes there', () => {
    expect(getSurfaceMeta('mini-batch-linear').minima).toEqual([miniBatchComputedMinimum])
    const [x, y] = miniBatchComputedMinimum
    const g = s.grad(x, y)
    expect(Math.hypot(g[0], g[1])).toBeLessThan(1e-12)
    // Near the ground truth (1, 2) of the data.
    expect(Math.abs(x - 1)).toBeLessThan(0.3)
    expect(Math.abs(y - 2)).toBeLessThan(0.3)
  })
})
