import { describe, expect, it } from 'vitest'
import { assertInDelta } from '../../helpers/assertInDelta'
import { withDefaults } from '../../../src/core/optimizers/index'
import { walk } from './quadratic'

describe('adamw', () => {
  it('adamw defaults to PyTorch: convention pytorch, weightDecay 0.01, ε 1e−8', () => {
    expect(withDefaults({ kind: 'adamw', lr: 1e-3 })).toEqual({
      kind: 'adamw',
      convention: 'pytorch',
      lr: 1e-3,
      beta1: 0.9,
      beta2: 0.999,
      eps: 1e-8,
      weightDecay: 0.01,
    })
  })

  it('adamw shrinks θ by (1 − ηλ) first, then takes the Adam step on the plain gradient', () => {
    // θ₁ = θ₀·(1 − 0.1·0.5) − 0.1·g₀/(|g₀| + ε) with g₀ = (2, 6) (no λθ inside the moments).
    const { points, opt } = walk({ kind: 'adamw', lr: 0.1, weightDecay: 0.5 }, [0.1, 0.1])
    assertInDelta(points[1], [0.95 - (0.1 * 2) / (2 + 1e-8), 0.95 - (0.1 * 6) / (6 + 1e-8)], 1e-15)
    const x1 = points[1][0]
    const y1 = points[1][1]
    const g1 = [2 * x1, 6 * y1]
    const m2 = [0.9 * 0.2 + 0.1 * g1[0], 0.9 * 0.6 + 0.1 * g1[1]]
    const v2 = [0.999 * 0.004 + 0.001 * g1[0] ** 2, 0.999 * 0.036 + 0.001 * g1[1] ** 2]
    const step = (i: number) => (0.1 * (m2[i] / 0.19)) / (Math.sqrt(v2[i] / 0.001999) + 1e-8)
    assertInDelta(points[2], [x1 * 0.95 - step(0), y1 * 0.95 - step(1)], 1e-14)
    assertInDelta(opt.state.m, m2, 1e-15)
  })
})
