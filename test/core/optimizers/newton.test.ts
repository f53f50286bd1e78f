import { describe, expect, it } from 'vitest'
import { assertInDelta } from '../../helpers/assertInDelta'
import { createOptimizer } from '../../../src/core/optimizers/index'

describe('newton', () => {
  it('newton with η = 1 jumps to the minimum of a quadratic in one step: x² + xy + y² from (1, 2)', () => {
    // g = (2x + y, x + 2y) = (4, 5); H = [[2, 1], [1, 2]]; H⁻¹g = ⅓·[[2, −1], [−1, 2]]·(4, 5) = (1, 2).
    const opt = createOptimizer({ kind: 'newton', lr: 1 }, 2)
    const theta = Float64Array.of(1, 2)
    expect(opt.step(theta, Float64Array.of(4, 5), 1, 0, Float64Array.of(2, 1, 1, 2))).toBe(true)
    assertInDelta(theta, [0, 0], 1e-15)
  })

  it('newton scales the step by η_t: half way at η = 0.5 on x² + 3y²', () => {
    const opt = createOptimizer({ kind: 'newton', lr: 0.5 }, 2)
    const theta = Float64Array.of(1, 1)
    opt.step(theta, Float64Array.of(2, 6), 0.5, 0, Float64Array.of(2, 0, 0, 6))
    assertInDelta(theta, [0.5, 0.5], 1e-15)
  })

  it('newton is attracted to a saddle as readily as to a minimum: x² − y² from (1, 1) lands on (0, 0)', () => {
    const opt = createOptimizer({ kind: 'newton', lr: 1 }, 2)
    const theta = Float64Array.of(1, 1)
    opt.step(theta, Float64Array.of(2, -2), 1, 0, Float64Array.of(2, 0, 0, -2))
    assertInDelta(theta, [0, 0], 1e-15)
  })

  it('newton takes no step and returns false where the Hessian is singular', () => {
    const opt = createOptimizer({ kind: 'newton', lr: 1 }, 2)
    const theta = Float64Array.of(0.3, -0.7)
    expect(opt.step(theta, Float64Array.of(1, 1), 1, 0, Float64Array.of(1, 1, 1, 1))).toBe(false)
    expect(opt.step(theta, Float64Array.of(1, 1), 1, 1, Float64Array.of(0, 0, 0, 0))).toBe(false)
    // Nearly singular relative to its scale: eigenvalues 1e6 and ~1e−8.
    expect(opt.step(theta, Float64Array.of(1, 1), 1, 2, Float64Array.of(1e6, 0, 0, 1e-8))).toBe(false)
    assertInDelta(theta, [0.3, -0.7], 0)
  })

  it('newton needs the Hessian and two parameters', () => {
    const opt = createOptimizer({ kind: 'newton', lr: 1 }, 2)
    expect(() => opt.step(Float64Array.of(0, 0), Float64Array.of(1, 1), 1, 0)).toThrow(/Hessian/)
    expect(() => createOptimizer({ kind: 'newton', lr: 1 }, 45)).toThrow(
      /optimizer\.kind must be a first-order kind for n = 45/,
    )
  })
})
