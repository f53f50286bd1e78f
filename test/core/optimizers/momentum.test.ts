import { describe, expect, it } from 'vitest'
import { assertInDelta } from '../../helpers/assertInDelta'
import { constantLr, walk } from './quadratic'

describe('momentum', () => {
  it('momentum (lecture) is m ← λm − ηg, θ ← θ + m: (1, 1) → (0.8, 0.4) → (0.46, −0.38) at λ = 0.9, η = 0.1', () => {
    // m₁ = −0.1·(2, 6) = (−0.2, −0.6); g₁ = (1.6, 2.4); m₂ = 0.9·m₁ − 0.1·g₁ = (−0.34, −0.78).
    const { points, opt } = walk({ kind: 'momentum', convention: 'lecture', lr: 0.1 }, constantLr(0.1, 2))
    assertInDelta(points.flat(), [1, 1, 0.8, 0.4, 0.46, -0.38], 1e-15)
    assertInDelta(opt.state.m, [-0.34, -0.78], 1e-15)
  })

  for (const convention of ['pytorch', 'tensorflow'] as const) {
    it(`momentum (${convention}) is b ← μb + g, θ ← θ − ηb: same points as the lecture under a constant η`, () => {
      // b₁ = (2, 6); b₂ = 0.9·(2, 6) + (1.6, 2.4) = (3.4, 7.8); θ₂ = (0.8 − 0.34, 0.4 − 0.78).
      const { points, opt } = walk({ kind: 'momentum', convention, lr: 0.1 }, constantLr(0.1, 2))
      assertInDelta(points.flat(), [1, 1, 0.8, 0.4, 0.46, -0.38], 1e-15)
      assertInDelta(opt.state.m, [3.4, 7.8], 1e-15)
    })
  }

  it('momentum (course) is the average m ← βm + (1 − β)g, θ ← θ − ηm: 10× smaller first step', () => {
    // m₁ = 0.1·(2, 6) = (0.2, 0.6): θ₁ = (0.98, 0.94); g₁ = (1.96, 5.64);
    // m₂ = 0.9·(0.2, 0.6) + 0.1·(1.96, 5.64) = (0.376, 1.104): θ₂ = (0.9424, 0.8296).
    const { points } = walk({ kind: 'momentum', convention: 'course', lr: 0.1 }, constantLr(0.1, 2))
    assertInDelta(points.flat(), [1, 1, 0.98, 0.94, 0.9424, 0.8296], 1e-15)
  })

  it('momentum conventions coincide under a constant η but differ under a schedule (η₀ = 0.1, η₁ = 0.05)', () => {
    // lecture: m₂ = 0.9·(−0.2, −0.6) − 0.05·(1.6, 2.4) = (−0.26, −0.66): θ₂ = (0.54, −0.26), the old η stays in m.
    // PyTorch: θ₂ = (0.8, 0.4) − 0.05·(3.4, 7.8) = (0.63, 0.01), the new η scales the whole history.
    const lrs = [0.1, 0.05]
    const lecture = walk({ kind: 'momentum', convention: 'lecture', lr: 0.1 }, lrs).points[2]
    const pytorch = walk({ kind: 'momentum', convention: 'pytorch', lr: 0.1 }, lrs).points[2]
    assertInDelta(lecture, [0.54, -0.26], 1e-15)
    assertInDelta(pytorch, [0.63, 0.01], 1e-15)
    const constant = constantLr(0.1, 20)
    const a = walk({ kind: 'momentum', convention: 'lecture', lr: 0.1 }, constant).points.flat()
    const b = walk({ kind: 'momentum', convention: 'pytorch', lr: 0.1 }, constant).points.flat()
    assertInDelta(a, b, 1e-14, 'lecture vs pytorch, constant η')
    expect(Math.abs(lecture[1] - pytorch[1])).toBeGreaterThan(0.2)
  })

  it('momentum reset() zeroes m, so the next step is a first step again', () => {
    const { opt } = walk({ kind: 'momentum', convention: 'pytorch', lr: 0.1 }, constantLr(0.1, 3))
    opt.reset()
    assertInDelta(opt.state.m, [0, 0], 0)
    const theta = Float64Array.of(1, 1)
    opt.step(theta, Float64Array.of(2, 6), 0.1, 0)
    assertInDelta(theta, [0.8, 0.4], 1e-15)
  })
})
