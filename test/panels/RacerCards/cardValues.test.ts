import { describe, expect, it } from 'vitest'
import { appendRaceChunk, createRaceTrack } from '../../../src/state/raceTrack'
import { pickUpdate, readUpdate } from '../../../src/panels/RacerCards/cardValues'

describe('pickUpdate', () => {
  it('pickUpdate(count, cursor) is null before the start point arrives, and has no update with one point', () => {
    expect(pickUpdate(0, 0)).toBeNull()
    expect(pickUpdate(1, 0)).toEqual({ point: 0, update: null, next: false })
    expect(pickUpdate(1, 7)).toEqual({ point: 0, update: null, next: false })
  })

  it('pickUpdate(count, cursor) shows the NEXT update (the one leaving the cursor’s point) once computed', () => {
    // 5 points = updates 0..3; at step 2 the next update is t = 2 (θ² → θ³).
    expect(pickUpdate(5, 0)).toEqual({ point: 0, update: 0, next: true })
    expect(pickUpdate(5, 2)).toEqual({ point: 2, update: 2, next: true })
    expect(pickUpdate(5, 3)).toEqual({ point: 3, update: 3, next: true })
  })

  it('pickUpdate(count, cursor) falls back to the last update at the last point, or past it (a diverged racer)', () => {
    expect(pickUpdate(5, 4)).toEqual({ point: 4, update: 3, next: false })
    expect(pickUpdate(5, 90)).toEqual({ point: 4, update: 3, next: false })
    expect(pickUpdate(5, -3)).toEqual({ point: 0, update: 0, next: true })
    expect(pickUpdate(5, NaN)).toEqual({ point: 0, update: 0, next: true })
  })
})

describe('readUpdate', () => {
  // Two updates of the lecture's RMSProp (α = 0.9, η = 0.1) on L = (1 − w₁w₂)² from θ⁰ = (1, 0), by hand:
  // g⁰ = −2(1 − 0)(0, 1) = (0, −2); σ⁰ = |g⁰| = (0, 2); η/σ = (0 (a zero σ takes no step), 0.05);
  // θ¹ = (1, 0) − (0, 0.05·(−2)) = (1, 0.1). g¹ = −2(1 − 0.1)(0.1, 1) = (−0.18, −1.8);
  // σ¹ = √(0.9σ⁰² + 0.1g¹²) = (√0.00324, √(3.6 + 0.324)) = (0.056921…, 1.980908…).
  const s1y = Math.sqrt(0.9 * 4 + 0.1 * 1.8 * 1.8)
  const s1x = Math.sqrt(0.1 * 0.18 * 0.18)
  const theta2 = [1 + (0.1 / s1x) * 0.18, 0.1 + (0.1 / s1y) * 1.8]
  const track = createRaceTrack('r0', 10)
  appendRaceChunk(track, {
    id: 'r0',
    from: 0,
    count: 3,
    x: Float64Array.of(1, 1, theta2[0]),
    y: Float64Array.of(0, 0.1, theta2[1]),
    loss: Float64Array.of(1, 0.81, 0),
    gradNorm: Float64Array.of(2, Math.hypot(0.18, 1.8), 0),
    lr: Float64Array.of(0.1, 0.1),
    grad: Float64Array.of(0, -2, -0.18, -1.8),
    state: {
      sigma: Float64Array.of(0, 2, s1x, s1y),
      rate: Float64Array.of(0, 0.05, 0.1 / s1x, 0.1 / s1y),
    },
    status: 'ok',
  })

  it('readUpdate(track, t, keys) reads θᵗ, g, η_t, Δθ and each state array after update t', () => {
    const u0 = readUpdate(track, 0, ['sigma', 'rate'])
    expect(u0.theta).toEqual([1, 0])
    expect(u0.grad).toEqual([0, -2])
    expect(u0.lr).toBe(0.1)
    expect(u0.step[0]).toBe(0)
    expect(u0.step[1]).toBeCloseTo(0.1, 15)
    expect(u0.state).toEqual([
      [0, 2],
      [0, 0.05],
    ])
    const u1 = readUpdate(track, 1, ['rate', 'sigma'])
    expect(u1.grad).toEqual([-0.18, -1.8])
    expect(u1.state[1]![0]).toBeCloseTo(0.0569209978830308, 15)
    expect(u1.state[1]![1]).toBeCloseTo(1.9809088823063, 12)
    // Δθ = −(η/σ)·g per parameter: the rate row times the gradient row.
    expect(u1.step[0]).toBeCloseTo(-u1.state[0]![0] * u1.grad[0], 12)
    expect(u1.step[1]).toBeCloseTo(-u1.state[0]![1] * u1.grad[1], 12)
  })

  it('readUpdate(track, t, keys) leaves a state array the worker did not send undefined', () => {
    expect(readUpdate(track, 0, ['m', 'sigma']).state).toEqual([undefined, [0, 2]])
  })
})
