import { describe, expect, it } from 'vitest'
import { assertInDelta } from '../../helpers/assertInDelta'
import { createOptimizer } from '../../../src/core/optimizers/index'
import type { Convention } from '../../../src/core/types'
import { constantLr, walk } from './quadratic'

/** Two Adam steps on x² + 3y² from (1, 1), β₁ = 0.9, β₂ = 0.999, η = 0.1, written out from docs/conventions.md. */
function handAdam(eps: number): number[][] {
  // t = 1: m = 0.1·g, v = 0.001·g², m̂ = g, v̂ = g²: θ₁ = θ₀ − 0.1·g/(|g| + ε).
  const x1 = 1 - (0.1 * 2) / (2 + eps)
  const y1 = 1 - (0.1 * 6) / (6 + eps)
  const g1 = [2 * x1, 6 * y1]
  // t = 2: bias corrections 1 − 0.9² = 0.19 and 1 − 0.999² = 0.001999.
  const m2 = [0.9 * 0.2 + 0.1 * g1[0], 0.9 * 0.6 + 0.1 * g1[1]]
  const v2 = [0.999 * 0.004 + 0.001 * g1[0] ** 2, 0.999 * 0.036 + 0.001 * g1[1] ** 2]
  const step = (i: number) => (0.1 * (m2[i] / 0.19)) / (Math.sqrt(v2[i] / 0.001999) + eps)
  return [[x1, y1], [x1 - step(0), y1 - step(1)], m2, v2]
}

describe('adam', () => {
  const cases: [Convention, number][] = [
    ['lecture', 1e-8],
    ['pytorch', 1e-8],
    ['tensorflow', 1e-7],
    ['course', 0],
  ]
  for (const [convention, eps] of cases) {
    it(`adam (${convention}) is bias-corrected with t from 1 and ε = ${eps} after the root`, () => {
      const { points, opt } = walk({ kind: 'adam', convention, lr: 0.1 }, constantLr(0.1, 2))
      const [p1, p2, m2, v2] = handAdam(eps)
      assertInDelta(points[1], p1, 1e-15)
      assertInDelta(points[2], p2, 1e-14)
      assertInDelta(opt.state.m, m2, 1e-15)
      assertInDelta(opt.state.v, v2, 1e-15)
    })

    it(`adam (${convention}) first step is ≈ η·sign(g) whatever the gradient’s size`, () => {
      const opt = createOptimizer({ kind: 'adam', convention, lr: 0.01 }, 3)
      const theta = Float64Array.of(0, 0, 0)
      opt.step(theta, Float64Array.of(1e-3, -50, 7), 0.01, 0)
      assertInDelta(theta, [-0.01, 0.01, -0.01], 1e-6)
    })

    it(`adam (${convention}) takes a zero step, not NaN, on a zero gradient with zero moments`, () => {
      const opt = createOptimizer({ kind: 'adam', convention, lr: 0.1, ...(eps > 0 ? { eps: 0 } : {}) }, 2)
      const theta = Float64Array.of(0.5, -2)
      opt.step(theta, Float64Array.of(0, 0), 0.1, 0)
      assertInDelta(theta, [0.5, -2], 0)
      for (const key of opt.stateKeys) for (const v of opt.state[key]) expect(Number.isNaN(v)).toBe(false)
    })
  }

  it('adam with weightDecay λ feeds g + λθ into both moments (PyTorch Adam’s L2 form)', () => {
    // g₀ + 0.5·θ₀ = (2.5, 6.5); the first step is still ≈ η·sign: the decay is normalised away.
    const { points, opt } = walk({ kind: 'adam', convention: 'pytorch', lr: 0.1, weightDecay: 0.5 }, [0.1])
    assertInDelta(opt.state.m, [0.25, 0.65], 1e-15)
    assertInDelta(points[1], [1 - (0.1 * 2.5) / (2.5 + 1e-8), 1 - (0.1 * 6.5) / (6.5 + 1e-8)], 1e-15)
  })

  it('adam reset() restarts the bias correction at t = 1', () => {
    const { opt } = walk({ kind: 'adam', lr: 0.1 }, constantLr(0.1, 5))
    opt.reset()
    const theta = Float64Array.of(1, 1)
    opt.step(theta, Float64Array.of(2, 6), 0.1, 0)
    assertInDelta(theta, handAdam(1e-8)[0], 1e-15)
  })
})
