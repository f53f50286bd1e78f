import { describe, expect, it } from 'vitest'
import { maxCurvature, stabilityLimit } from '../../../src/core/scenes/curvature'
import { runTrajectory } from '../../../src/core/run'
import { assertClose } from '../../helpers/assertInDelta'

describe('maxCurvature and stabilityLimit', () => {
  it('maxCurvature is the larger Hessian eigenvalue: 4 on the ravine 0.1w₁² + 2w₂², 2 at the saddle’s origin', () => {
    assertClose(maxCurvature('ravine', [-5, -2]), 4, 1e-15, 'ravine')
    assertClose(maxCurvature('saddle', [0, 0]), 2, 1e-15, 'saddle')
    assertClose(stabilityLimit('ravine', [0, 0]), 0.5, 1e-15, 'ravine 2/λ_max')
  })

  it('GD on the ravine converges just below 2/λ_max and diverges just above it', () => {
    const limit = stabilityLimit('ravine', [0, 0])
    const run = (lr: number) =>
      runTrajectory({ surface: 'ravine', optimizer: { kind: 'sgd', lr }, start: [-5, -2], steps: 5000 })
    const below = run(0.99 * limit)
    expect(below.loss[below.loss.length - 1]).toBeLessThan(1e-6)
    const above = run(1.01 * limit)
    expect(above.loss[above.loss.length - 1]).toBeGreaterThan(above.loss[0])
  })
})
