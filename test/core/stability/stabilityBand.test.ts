import { describe, expect, it } from 'vitest'
import { assertInDelta } from '../../helpers/assertInDelta'
import { runTrajectory } from '../../../src/core/run'
import { stabilityBand } from '../../../src/core/stability/stabilityBand'
import type { OptimizerSpec, TrajectorySpec } from '../../../src/core/types'

// Booth: L = (x + 2y − 7)² + (2x + y − 5)², H = [[10, 8], [8, 10]] everywhere, eigenvalues 18 and 2 by hand.
// Ravine: L = 0.1x² + 2y², H = diag(0.2, 4), eigenvalues 4 and 0.2.
const booth = (optimizer: OptimizerSpec, steps = 3000): TrajectorySpec => ({
  surface: 'booth',
  optimizer,
  start: [-3, 4],
  steps,
})

describe('stabilityBand', () => {
  it('λ_max is the hand-computed 18 on Booth and 4 on the ravine, so plain GD’s limit is 2/18 and 2/4', () => {
    const b = stabilityBand(booth({ kind: 'sgd', lr: 0.01 }, 20))
    for (let t = 0; t < b.count; t++) {
      assertInDelta(b.lambdaMax[t], 18, 1e-12)
      assertInDelta(b.limit[t], 2 / 18, 1e-15)
      expect(b.step[t]).toBe(0.01)
    }
    const r = stabilityBand({
      surface: 'ravine',
      optimizer: { kind: 'sgd', lr: 0.1 },
      start: [3, 1],
      steps: 5,
    })
    assertInDelta([...r.lambdaMax], [4, 4, 4, 4, 4], 1e-12)
    assertInDelta(r.limit[0], 0.5, 1e-15)
  })

  it('GD at η just below 2/λ_max converges and just above diverges', () => {
    const limit = stabilityBand(booth({ kind: 'sgd', lr: 0.01 }, 1)).limit[0]
    const below = runTrajectory(booth({ kind: 'sgd', lr: 0.99 * limit }))
    const above = runTrajectory(booth({ kind: 'sgd', lr: 1.01 * limit }))
    expect(below.status).toBe('ok')
    const last = below.x.length - 1
    assertInDelta([below.x[last], below.y[last]], [1, 3], 1e-6)
    expect(above.status).toBe('diverged')
  })

  it('heavy-ball momentum’s limit is (2 + 2μ)/λ_max: converges just below it, diverges just above it', () => {
    const mu = 0.9
    const spec = (lr: number) => booth({ kind: 'momentum', convention: 'lecture', lr, momentum: mu }, 6000)
    const limit = stabilityBand(spec(0.01)).limit[0]
    assertInDelta(limit, (2 + 2 * mu) / 18, 1e-15)
    const below = runTrajectory(spec(0.99 * limit))
    expect(below.status).toBe('ok')
    const last = below.x.length - 1
    assertInDelta([below.x[last], below.y[last]], [1, 3], 1e-6)
    expect(runTrajectory(spec(1.01 * limit)).status).toBe('diverged')
    // Far beyond plain GD's 2/18: momentum's band is wider.
    expect(limit).toBeGreaterThan(1.8 * (2 / 18))
  })

  it('the course’s averaged momentum is the heavy ball with step η(1 − β): limit (2 + 2β)/((1 − β)λ_max)', () => {
    const beta = 0.5
    const spec = (lr: number) => booth({ kind: 'momentum', convention: 'course', lr, momentum: beta }, 6000)
    const limit = stabilityBand(spec(0.01)).limit[0]
    assertInDelta(limit, (2 + 2 * beta) / ((1 - beta) * 18), 1e-15)
    expect(runTrajectory(spec(0.99 * limit)).status).toBe('ok')
    expect(runTrajectory(spec(1.01 * limit)).status).toBe('diverged')
  })

  it('Adagrad (PyTorch): the limit is 2η_t/λ_max(R·H) of its recorded rates; the growing sum tips it below η', () => {
    const spec: TrajectorySpec = {
      surface: 'ravine',
      optimizer: { kind: 'adagrad', convention: 'pytorch', lr: 3 },
      start: [3, 1],
      steps: 200,
    }
    const b = stabilityBand(spec)
    const tr = runTrajectory(spec)
    for (let t = 0; t < b.count; t++) {
      const r0 = tr.state.rate[2 * t]
      const r1 = tr.state.rate[2 * t + 1]
      expect([b.rate[2 * t], b.rate[2 * t + 1]]).toEqual([r0, r1])
      // The ravine's H = diag(0.2, 4), so λ_max(R^½HR^½) = max(0.2·r₀, 4·r₁) by hand.
      assertInDelta(b.limit[t], (2 * 3) / Math.max(0.2 * r0, 4 * r1), 1e-9 * b.limit[t])
    }
    // The first steps (rate η/|g|) overshoot the stiff y-direction; the accumulated sum brings them back.
    expect(b.step[0]).toBeGreaterThan(b.limit[0])
    expect(b.step[b.count - 1]).toBeLessThan(b.limit[b.count - 1])
  })

  it('Adam compares η_t/(√v̂ + ε) from its second moment', () => {
    const spec: TrajectorySpec = {
      surface: 'ravine',
      optimizer: { kind: 'adam', convention: 'pytorch', lr: 0.1 },
      start: [3, 1],
      steps: 3,
    }
    const tr = runTrajectory(spec)
    const b = stabilityBand(spec)
    // By hand: after update 0, v = (1 − β₂)g², v̂ = g², so r_i = η/(|g_i| + ε).
    const r0 = 0.1 / (Math.abs(tr.grad[0]) + 1e-8)
    const r1 = 0.1 / (Math.abs(tr.grad[1]) + 1e-8)
    assertInDelta([b.rate[0], b.rate[1]], [r0, r1], 1e-12)
    const factor = (2 + 2 * 0.9) / (1 - 0.9)
    assertInDelta(b.limit[0], (factor * 0.1) / Math.max(0.2 * r0, 4 * r1), 1e-9)
  })

  it('on a saddle, λ_max is the positive eigenvalue 2 and the limit 2/2 = 1, whatever the start', () => {
    const b = stabilityBand({
      surface: 'saddle-classic',
      optimizer: { kind: 'sgd', lr: 0.01 },
      start: [0.5, 0.1],
      steps: 2,
    })
    assertInDelta(b.lambdaMax[0], 2, 1e-12)
    assertInDelta(b.limit[0], 1, 1e-12)
  })
})
