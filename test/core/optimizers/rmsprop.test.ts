import { describe, expect, it } from 'vitest'
import { assertInDelta } from '../../helpers/assertInDelta'
import { createOptimizer } from '../../../src/core/optimizers/index'
import type { Convention } from '../../../src/core/types'
import { constantLr, walk } from './quadratic'

describe('rmsprop', () => {
  it('rmsprop (lecture): σ₀ = |g₀|, so the first step is exactly η·sign(g) for any α', () => {
    for (const rho of [0, 0.5, 0.9, 0.99]) {
      const { points } = walk({ kind: 'rmsprop', convention: 'lecture', lr: 0.1, rho }, [0.1], [1, -3])
      assertInDelta(points[1], [0.9, -2.9], 1e-15, `α = ${rho}`)
    }
  })

  it('rmsprop (lecture): σ₁ = √(ασ₀² + (1 − α)g₁²) at α = 0.9', () => {
    const { points, opt } = walk({ kind: 'rmsprop', convention: 'lecture', lr: 0.1 }, constantLr(0.1, 2))
    // g₁ = (1.8, 5.4); σ₁ = (√(0.9·4 + 0.1·3.24), √(0.9·36 + 0.1·29.16)) = (√3.924, √35.316).
    const s1 = [Math.sqrt(3.924), Math.sqrt(35.316)]
    assertInDelta(points[2], [0.9 - 0.18 / s1[0], 0.9 - 0.54 / s1[1]], 1e-15)
    assertInDelta(opt.state.sigma, s1, 1e-15)
  })

  it('rmsprop (pytorch): v ← αv + (1 − α)g² with α = 0.99, θ ← θ − ηg/(√v + 1e−8)', () => {
    const { points, opt } = walk({ kind: 'rmsprop', convention: 'pytorch', lr: 0.01 }, constantLr(0.01, 2))
    const v1 = [0.01 * 4, 0.01 * 36]
    const x1 = 1 - (0.01 * 2) / (Math.sqrt(v1[0]) + 1e-8)
    const y1 = 1 - (0.01 * 6) / (Math.sqrt(v1[1]) + 1e-8)
    const g1 = [2 * x1, 6 * y1]
    const v2 = [0.99 * v1[0] + 0.01 * g1[0] ** 2, 0.99 * v1[1] + 0.01 * g1[1] ** 2]
    assertInDelta(points[1], [x1, y1], 1e-15)
    assertInDelta(
      points[2],
      [x1 - (0.01 * g1[0]) / (Math.sqrt(v2[0]) + 1e-8), y1 - (0.01 * g1[1]) / (Math.sqrt(v2[1]) + 1e-8)],
      1e-15,
    )
    assertInDelta(opt.state.v, v2, 1e-15)
  })

  it('rmsprop (pytorch) with momentum μ keeps the buffer b ← μb + g/(√v + ε), θ ← θ − ηb', () => {
    const { points, opt } = walk(
      { kind: 'rmsprop', convention: 'pytorch', lr: 0.01, momentum: 0.5 },
      constantLr(0.01, 2),
    )
    const v1 = [0.04, 0.36]
    const b1 = [2 / (0.2 + 1e-8), 6 / (0.6 + 1e-8)]
    const x1 = 1 - 0.01 * b1[0]
    const y1 = 1 - 0.01 * b1[1]
    const g1 = [2 * x1, 6 * y1]
    const v2 = [0.99 * v1[0] + 0.01 * g1[0] ** 2, 0.99 * v1[1] + 0.01 * g1[1] ** 2]
    const b2 = [
      0.5 * b1[0] + g1[0] / (Math.sqrt(v2[0]) + 1e-8),
      0.5 * b1[1] + g1[1] / (Math.sqrt(v2[1]) + 1e-8),
    ]
    assertInDelta(points[2], [x1 - 0.01 * b2[0], y1 - 0.01 * b2[1]], 1e-15)
    assertInDelta(opt.state.m, b2, 1e-13)
  })

  it('rmsprop (tensorflow): ms ← ρms + (1 − ρ)g², mom ← μmom + ηg/√(ms + 1e−7), θ ← θ − mom', () => {
    const { points, opt } = walk(
      { kind: 'rmsprop', convention: 'tensorflow', lr: 0.1, momentum: 0.5 },
      constantLr(0.1, 2),
    )
    const ms1 = [0.4, 3.6]
    const mom1 = [(0.1 * 2) / Math.sqrt(0.4 + 1e-7), (0.1 * 6) / Math.sqrt(3.6 + 1e-7)]
    const x1 = 1 - mom1[0]
    const y1 = 1 - mom1[1]
    const g1 = [2 * x1, 6 * y1]
    const ms2 = [0.9 * ms1[0] + 0.1 * g1[0] ** 2, 0.9 * ms1[1] + 0.1 * g1[1] ** 2]
    const mom2 = [
      0.5 * mom1[0] + (0.1 * g1[0]) / Math.sqrt(ms2[0] + 1e-7),
      0.5 * mom1[1] + (0.1 * g1[1]) / Math.sqrt(ms2[1] + 1e-7),
    ]
    assertInDelta(points[1], [x1, y1], 1e-15)
    assertInDelta(points[2], [x1 - mom2[0], y1 - mom2[1]], 1e-15)
    assertInDelta(opt.state.ms, ms2, 1e-14)
    assertInDelta(opt.state.mom, mom2, 1e-15)
  })

  it('rmsprop (tensorflow) with its default μ = 0 steps ηg/√(ms + ε) and no memory of past steps', () => {
    const { points } = walk({ kind: 'rmsprop', convention: 'tensorflow', lr: 0.1 }, [0.1])
    assertInDelta(points[1], [1 - 0.2 / Math.sqrt(0.4 + 1e-7), 1 - 0.6 / Math.sqrt(3.6 + 1e-7)], 1e-15)
  })

  it('rmsprop (course): V ← βV + (1 − β)g² from 0, so the first step is η·sign(g)/√(1 − β)', () => {
    const { points } = walk({ kind: 'rmsprop', convention: 'course', lr: 0.1 }, constantLr(0.1, 2))
    const x1 = 1 - 0.2 / Math.sqrt(0.4)
    const y1 = 1 - 0.6 / Math.sqrt(3.6)
    assertInDelta(points[1], [1 - 0.1 / Math.sqrt(0.1), 1 - 0.1 / Math.sqrt(0.1)], 1e-15)
    const g1 = [2 * x1, 6 * y1]
    const v2 = [0.9 * 0.4 + 0.1 * g1[0] ** 2, 0.9 * 3.6 + 0.1 * g1[1] ** 2]
    assertInDelta(
      points[2],
      [x1 - (0.1 * g1[0]) / Math.sqrt(v2[0]), y1 - (0.1 * g1[1]) / Math.sqrt(v2[1])],
      1e-15,
    )
  })

  const conventions: [Convention, object][] = [
    ['lecture', {}],
    ['pytorch', { eps: 0 }],
    ['tensorflow', { eps: 0 }],
    ['course', {}],
  ]
  for (const [convention, extra] of conventions) {
    it(`rmsprop (${convention}) takes a zero step, not NaN, on a zero gradient with a zero average (0/0)`, () => {
      const opt = createOptimizer({ kind: 'rmsprop', convention, lr: 0.1, ...extra }, 2)
      const theta = Float64Array.of(0.5, -2)
      opt.step(theta, Float64Array.of(0, 0), 0.1, 0)
      assertInDelta(theta, [0.5, -2], 0)
      for (const key of opt.stateKeys) for (const v of opt.state[key]) expect(Number.isNaN(v)).toBe(false)
    })
  }
})
