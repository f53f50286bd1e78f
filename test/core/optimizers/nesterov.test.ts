import { describe, it } from 'vitest'
import { assertInDelta } from '../../helpers/assertInDelta'
import { constantLr, walk } from './quadratic'

describe('nesterov', () => {
  for (const convention of ['pytorch', 'tensorflow'] as const) {
    it(`nesterov (${convention}) is b ← μb + g, θ ← θ − η(g + μb): (1, 1) → (0.62, −0.14) → (0.2224, −0.4664)`, () => {
      // b₁ = (2, 6): θ₁ = 1 − 0.1·((2, 6) + 0.9·(2, 6)) = (1 − 0.38, 1 − 1.14).
      // g₁ = (1.24, −0.84); b₂ = 0.9·(2, 6) + g₁ = (3.04, 4.56);
      // θ₂ = θ₁ − 0.1·(g₁ + 0.9·b₂) = (0.62 − 0.3976, −0.14 − 0.3264).
      const { points, opt } = walk({ kind: 'nesterov', convention, lr: 0.1 }, constantLr(0.1, 2))
      assertInDelta(points.flat(), [1, 1, 0.62, -0.14, 0.2224, -0.4664], 1e-15)
      assertInDelta(opt.state.m, [3.04, 4.56], 1e-15)
    })
  }
})
