import { describe, it } from 'vitest'
import { assertInDelta } from '../../helpers/assertInDelta'
import type { Convention } from '../../../src/core/types'
import { constantLr, walk } from './quadratic'

const conventions: Convention[] = ['lecture', 'pytorch', 'tensorflow', 'course']

describe('sgd', () => {
  for (const convention of conventions) {
    it(`sgd (${convention}) takes θ ← θ − ηg: (1, 1) → (0.8, 0.4) → (0.64, 0.16) on x² + 3y² at η = 0.1`, () => {
      // g₀ = (2, 6): θ₁ = (1 − 0.2, 1 − 0.6); g₁ = (1.6, 2.4): θ₂ = (0.8 − 0.16, 0.4 − 0.24).
      const { points } = walk({ kind: 'sgd', convention, lr: 0.1 }, constantLr(0.1, 2))
      assertInDelta(points.flat(), [1, 1, 0.8, 0.4, 0.64, 0.16], 1e-15)
    })
  }

  it('sgd with weightDecay λ adds λθ to the gradient (PyTorch weight_decay)', () => {
    // g₀ + λθ₀ = (2 + 0.5, 6 + 0.5): θ₁ = (1 − 0.25, 1 − 0.65).
    const { points } = walk({ kind: 'sgd', lr: 0.1, weightDecay: 0.5 }, [0.1])
    assertInDelta(points[1], [0.75, 0.35], 1e-15)
  })

  it('sgd uses the η it is given at each update (the schedule’s η_t)', () => {
    // η₀ = 0.1 → (0.8, 0.4); η₁ = 0.5: g₁ = (1.6, 2.4) → (0.8 − 0.8, 0.4 − 1.2).
    const { points } = walk({ kind: 'sgd', lr: 0.1 }, [0.1, 0.5])
    assertInDelta(points[2], [0, -0.8], 1e-15)
  })
})
