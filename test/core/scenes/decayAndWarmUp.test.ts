import { describe, expect, it } from 'vitest'
import { runTrajectory } from '../../../src/core/run'
import { learningRate } from '../../../src/core/schedules/index'
import { decayAndWarmUp as scene } from '../../../src/core/scenes/decayAndWarmUp.meta'
import { initialSetup, raceSpecs } from '../../../src/core/scenes/setup'
import { pokemonData } from '../../../src/core/surfaces/pokemon'
import { assertClose, assertInDelta } from '../../helpers/assertInDelta'
import { endOf, firstIndex, jumps, runRacers } from './sceneRuns'

const { x, yHat } = pokemonData
const N = x.length
/** (b*, w*) of the least-squares line, from the normal equations. */
function optimum(): [number, number] {
  const sx = x.reduce((s, v) => s + v, 0)
  const sy = yHat.reduce((s, v) => s + v, 0)
  const sxx = x.reduce((s, v) => s + v * v, 0)
  const sxy = x.reduce((s, v, n) => s + v * yHat[n], 0)
  const w = (N * sxy - sx * sy) / (N * sxx - sx * sx)
  return [(sy - w * sx) / N, w]
}
const [B, W] = optimum()
const settled = (b: Float64Array, from: number): boolean => b.subarray(from).every((v) => Math.abs(v - B) < 1)

describe('decay-and-warm-up scene (docs/lectures.md S4, scheduling)', () => {
  const setup = initialSetup(scene)
  const runs = runRacers(setup)
  const [decay, warm, invSqrt, adam, plain] = runs

  it('pairs the lecture Adagrad with 0.3·0.99995^t, warm-up, 1/√(t+1); Adam 0.3 and the unscheduled Adagrad 0.3 compare', () => {
    expect(setup.racers.map((r) => [r.optimizer.kind, r.optimizer.lr, r.schedule?.kind])).toEqual([
      ['adagrad', 0.3, 'exponential'],
      ['adagrad', 0.3, 'warmup-inverse-sqrt'],
      ['adagrad', 1, 'inverse-sqrt'],
      ['adam', 0.3, undefined],
      ['adagrad', 0.3, undefined],
    ])
    for (const r of setup.racers) expect(r.optimizer.convention).toBe('lecture')
  })

  it('its η^t are the lecture’s: 0.3·0.99995^t; 1 000 steps up then 0.3·√(1000/t) (t from 1); 1/√(t+1)', () => {
    const [d, w, i] = setup.racers
    for (const t of [0, 1, 10, 999, 1000, 5000, 99_999]) {
      assertClose(learningRate(0.3, d.schedule, t), 0.3 * 0.99995 ** t, 1e-13, `decay t=${t}`)
      const s = t + 1
      assertClose(
        learningRate(0.3, w.schedule, t),
        s <= 1000 ? (0.3 * s) / 1000 : 0.3 * Math.sqrt(1000 / s),
        1e-13,
        `warm-up t=${t}`,
      )
      assertClose(learningRate(1, i.schedule, t), 1 / Math.sqrt(t + 1), 1e-13, `1/√(t+1) t=${t}`)
    }
  })

  it('exponential decay removes the spurts (0 jumps |Δw| > 0.5) and settles (|b − b*| < 1) by about 6 000 steps', () => {
    expect(decay.status).toBe('ok')
    expect(jumps(decay)).toBe(0)
    const k = firstIndex(decay, (b) => Math.abs(b - B) < 1)
    expect(k).toBeGreaterThanOrEqual(5000)
    expect(k).toBeLessThanOrEqual(7000)
    expect(settled(decay.x, k)).toBe(true)
  })

  it('warm-up then 0.3·√(1000/t) has no jumps and ends at (−188.4, 2.67)', () => {
    expect(jumps(warm)).toBe(0)
    assertInDelta(endOf(warm), [B, W], 0.01, 'end')
    assertInDelta(B, -188.4, 0.05, 'b*')
    assertInDelta(W, 2.67, 0.005, 'w*')
  })

  it('η = 1 with η^t = η/√(t+1) is the 2017 sum Adagrad (course convention, no schedule) step for step', () => {
    const { surface, start, steps } = raceSpecs(setup)[2]
    const sum = runTrajectory({
      surface,
      start,
      steps,
      optimizer: { kind: 'adagrad', convention: 'course', lr: 1 },
    })
    for (const k of [1, 2, 10, 100, 1000, 10_000, 100_000]) {
      assertClose(invSqrt.x[k], sum.x[k], 1e-9, `b at ${k}`)
      assertClose(invSqrt.y[k], sum.y[k], 1e-9, `w at ${k}`)
    }
  })

  it('η = 1 with η^t = η/√(t+1) has no jumps after its first step (η·sign g) and ends at (−188.4, 2.67)', () => {
    assertInDelta([invSqrt.x[1] - invSqrt.x[0], invSqrt.y[1] - invSqrt.y[0]], [1, 1], 1e-12, 'first step')
    expect(jumps(invSqrt, 0.5, 10)).toBe(0)
    assertInDelta(endOf(invSqrt), [B, W], 0.1, 'end')
  })

  it('Adam (η = 0.3) reaches |b − b*| < 1 in about 3 300 steps with no jumps', () => {
    const k = firstIndex(adam, (b) => Math.abs(b - B) < 1)
    expect(k).toBeGreaterThanOrEqual(3000)
    expect(k).toBeLessThanOrEqual(3600)
    expect(jumps(adam)).toBe(0)
  })

  it('the unscheduled Adagrad racer still spurts, so the fixes are visible side by side', () => {
    expect(jumps(plain)).toBeGreaterThanOrEqual(100)
  })
})
