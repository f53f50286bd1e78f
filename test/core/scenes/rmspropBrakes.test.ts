import { describe, expect, it } from 'vitest'
import { rmspropBrakes as scene } from '../../../src/core/scenes/rmspropBrakes.meta'
import { initialSetup } from '../../../src/core/scenes/setup'
import { assertClose } from '../../helpers/assertInDelta'
import { runRacers } from './sceneRuns'

// docs/lectures.md S8 by hand: dL/dw₁ = −2·sech²(2(w₁ − 2)) − 0.05 (w₂ stays 0 from w₂ = 0).
const slope = (w: number): number => -2 / Math.cosh(2 * (w - 2)) ** 2 - 0.05

/**
 * The lecture's update rules written out directly: Adagrad σ_t = √((1/(t+1))Σg²); RMSProp σ₀ = |g₀|,
 * σ_t = √(ασ²_{t−1} + (1 − α)g_t²); θ ← θ − (η/σ_t)g. Returns the path of w₁.
 */
function byHand(kind: 'adagrad' | 'rmsprop', eta: number, steps: number, alpha = 0.9): number[] {
  const path = [0]
  let w = 0
  let sumSq = 0
  let sigma = 0
  for (let t = 0; t < steps; t++) {
    const g = slope(w)
    if (kind === 'adagrad') {
      sumSq += g * g
      sigma = Math.sqrt(sumSq / (t + 1))
    } else {
      sigma = t === 0 ? Math.abs(g) : Math.sqrt(alpha * sigma * sigma + (1 - alpha) * g * g)
    }
    w -= (eta / sigma) * g
    path.push(w)
  }
  return path
}
const maxStep = (path: ArrayLike<number>): number => {
  let m = 0
  for (let k = 1; k < path.length; k++) m = Math.max(m, Math.abs(path[k] - path[k - 1]))
  return m
}

describe('rmsprop-brakes scene (docs/lectures.md S8)', () => {
  const setup = initialSetup(scene)
  const runs = runRacers(setup)
  const hand = [
    byHand('adagrad', 0.1, 200),
    byHand('rmsprop', 0.1, 200, 0.9),
    byHand('rmsprop', 0.1, 200, 0.5),
  ]

  it('races lecture Adagrad and lecture RMSProp α = 0.9 and 0.5, η = 0.1, 200 steps from (0, 0)', () => {
    expect(setup.racers.map((r) => r.optimizer)).toEqual([
      { kind: 'adagrad', convention: 'lecture', lr: 0.1 },
      { kind: 'rmsprop', convention: 'lecture', lr: 0.1, rho: 0.9 },
      { kind: 'rmsprop', convention: 'lecture', lr: 0.1, rho: 0.5 },
    ])
    expect(setup.steps).toBe(200)
    expect(setup.start).toEqual([0, 0])
  })

  it('its racers follow the lecture formulas written out by hand, step for step', () => {
    runs.forEach((t, i) => {
      expect(t.x.length).toBe(201)
      for (let k = 0; k <= 200; k++) assertClose(t.x[k], hand[i][k], 1e-12, `racer ${i} step ${k}`)
      for (let k = 0; k <= 200; k++) expect(t.y[k]).toBe(0)
    })
  })

  it('every largest step is taken at the cliff w₁ ∈ (1, 3)', () => {
    for (const t of runs) {
      const m = maxStep(t.x)
      let k = 1
      while (Math.abs(t.x[k] - t.x[k - 1]) !== m) k++
      expect(t.x[k - 1]).toBeGreaterThan(1)
      expect(t.x[k - 1]).toBeLessThan(3)
    }
  })

  it('max step at the cliff: Adagrad 0.30 (3η), RMSProp α = 0.9 0.28, α = 0.5 0.12', () => {
    expect(maxStep(runs[0].x)).toBeCloseTo(0.3, 2)
    expect(maxStep(runs[1].x)).toBeCloseTo(0.28, 2)
    expect(maxStep(runs[2].x)).toBeCloseTo(0.12, 2)
  })

  it('after 200 steps: Adagrad at w₁ ≈ 5.95 (docs/lectures.md 5.9), RMSProp α = 0.9 at 17.1, α = 0.5 at 19.8', () => {
    const ends = runs.map((t) => t.x[200])
    expect(ends[0]).toBeCloseTo(5.95, 2)
    expect(Math.abs(ends[0] - 5.9)).toBeLessThan(0.1)
    expect(ends[1]).toBeCloseTo(17.1, 1)
    expect(ends[2]).toBeCloseTo(19.8, 1)
  })
})
