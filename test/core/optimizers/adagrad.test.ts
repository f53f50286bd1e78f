import { describe, expect, it } from 'vitest'
import { assertInDelta } from '../../helpers/assertInDelta'
import { createOptimizer } from '../../../src/core/optimizers/index'
import type { Convention } from '../../../src/core/types'
import { constantLr, walk } from './quadratic'

// Every case walks x² + 3y² (g = (2x, 6y)) from (1, 1) at η = 0.1; the expected points are docs/conventions.md's
// formulas written out by hand.
describe('adagrad', () => {
  it('adagrad (lecture): σ₀ = |g₀|, so the first step is η·sign(g) = (0.9, 0.9); then σ₁ = RMS(g₀, g₁)', () => {
    const { points, opt } = walk({ kind: 'adagrad', convention: 'lecture', lr: 0.1 }, constantLr(0.1, 2))
    assertInDelta(points[1], [0.9, 0.9], 1e-15)
    // g₁ = (1.8, 5.4); σ₁ = (√((2² + 1.8²)/2), √((6² + 5.4²)/2)) = (√3.62, √32.58).
    const s1 = [Math.sqrt(3.62), Math.sqrt(32.58)]
    assertInDelta(points[2], [0.9 - (0.1 * 1.8) / s1[0], 0.9 - (0.1 * 5.4) / s1[1]], 1e-15)
    assertInDelta(opt.state.sigma, s1, 1e-15)
    assertInDelta(opt.state.rate, [0.1 / s1[0], 0.1 / s1[1]], 1e-15)
  })

  it('adagrad (lecture) has no 1/√t decay: on a constant slope every step is exactly η', () => {
    const opt = createOptimizer({ kind: 'adagrad', lr: 0.1 }, 1)
    const theta = Float64Array.of(0)
    for (let t = 0; t < 50; t++) opt.step(theta, Float64Array.of(3), 0.1, t)
    assertInDelta(theta, [-5], 1e-13)
  })

  it('adagrad (pytorch): s ← s + g² from s₀ = 0, θ ← θ − ηg/(√s + 1e−10)', () => {
    const { points, opt } = walk({ kind: 'adagrad', convention: 'pytorch', lr: 0.1 }, constantLr(0.1, 2))
    const x1 = 1 - (0.1 * 2) / (2 + 1e-10)
    const y1 = 1 - (0.1 * 6) / (6 + 1e-10)
    const g1 = [2 * x1, 6 * y1]
    const s2 = [4 + g1[0] ** 2, 36 + g1[1] ** 2]
    assertInDelta(points[1], [x1, y1], 1e-15)
    assertInDelta(
      points[2],
      [x1 - (0.1 * g1[0]) / (Math.sqrt(s2[0]) + 1e-10), y1 - (0.1 * g1[1]) / (Math.sqrt(s2[1]) + 1e-10)],
      1e-15,
    )
    assertInDelta(opt.state.s, s2, 1e-14)
  })

  it('adagrad (pytorch) honours initialAccumulator and eps', () => {
    const { points } = walk(
      { kind: 'adagrad', convention: 'pytorch', lr: 0.1, initialAccumulator: 5, eps: 0.5 },
      [0.1],
    )
    assertInDelta(
      points[1],
      [1 - (0.1 * 2) / (Math.sqrt(9) + 0.5), 1 - (0.1 * 6) / (Math.sqrt(41) + 0.5)],
      1e-15,
    )
  })

  it('adagrad (tensorflow): s₀ = 0.1 and ε = 1e−7 inside the root, θ ← θ − ηg/√(s + ε)', () => {
    const { points, opt } = walk({ kind: 'adagrad', convention: 'tensorflow', lr: 0.1 }, constantLr(0.1, 2))
    const x1 = 1 - (0.1 * 2) / Math.sqrt(4.1 + 1e-7)
    const y1 = 1 - (0.1 * 6) / Math.sqrt(36.1 + 1e-7)
    const g1 = [2 * x1, 6 * y1]
    const s2 = [4.1 + g1[0] ** 2, 36.1 + g1[1] ** 2]
    assertInDelta(points[1], [x1, y1], 1e-15)
    assertInDelta(
      points[2],
      [x1 - (0.1 * g1[0]) / Math.sqrt(s2[0] + 1e-7), y1 - (0.1 * g1[1]) / Math.sqrt(s2[1] + 1e-7)],
      1e-15,
    )
    assertInDelta(opt.state.s, s2, 1e-14)
    // The 0.1 start makes TF's first step smaller than η·sign(g).
    expect(1 - x1).toBeLessThan(0.1)
  })

  it('adagrad (course): V ← V + g², θ ← θ − ηg/√V, no ε', () => {
    const { points } = walk({ kind: 'adagrad', convention: 'course', lr: 0.1 }, constantLr(0.1, 2))
    // V₁ = (4, 36): θ₁ = (0.9, 0.9); g₁ = (1.8, 5.4); V₂ = (7.24, 65.16).
    assertInDelta(
      points.flat(),
      [1, 1, 0.9, 0.9, 0.9 - 0.18 / Math.sqrt(7.24), 0.9 - 0.54 / Math.sqrt(65.16)],
      1e-15,
    )
  })

  const conventions: [Convention, object][] = [
    ['lecture', {}],
    ['pytorch', { eps: 0 }],
    ['tensorflow', { eps: 0, initialAccumulator: 0 }],
    ['course', {}],
  ]
  for (const [convention, extra] of conventions) {
    it(`adagrad (${convention}) takes a zero step, not NaN, on a zero gradient with a zero accumulator (0/0)`, () => {
      const opt = createOptimizer({ kind: 'adagrad', convention, lr: 0.1, ...extra }, 2)
      const theta = Float64Array.of(0.5, -2)
      expect(opt.step(theta, Float64Array.of(0, 0), 0.1, 0)).toBe(true)
      assertInDelta(theta, [0.5, -2], 0)
      for (const key of opt.stateKeys) for (const v of opt.state[key]) expect(Number.isNaN(v)).toBe(false)
      // Only the coordinate with a zero gradient and no history stays put.
      opt.step(theta, Float64Array.of(1, 0), 0.1, 1)
      expect(theta[0]).toBeLessThan(0.5)
      expect(theta[1]).toBe(-2)
    })
  }
})
