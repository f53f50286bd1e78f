import { describe, expect, it } from 'vitest'
import { adagradSpurts as scene } from '../../../src/core/scenes/adagradSpurts.meta'
import { initialSetup } from '../../../src/core/scenes/setup'
import type { SceneSetup } from '../../../src/core/scenes/setup'
import { pokemonData } from '../../../src/core/surfaces/pokemon'
import { afterCard, endOf, firstIndex, firstJump, jumps, runRacers } from './sceneRuns'

const { x, yHat } = pokemonData
const N = x.length
/** b* of the least-squares line, from the normal equations. */
function bStar(): number {
  const sx = x.reduce((s, v) => s + v, 0)
  const sy = yHat.reduce((s, v) => s + v, 0)
  const sxx = x.reduce((s, v) => s + v * v, 0)
  const sxy = x.reduce((s, v, n) => s + v * yHat[n], 0)
  const w = (N * sxy - sx * sy) / (N * sxx - sx * sx)
  return (sy - w * sx) / N
}
const withLr = (setup: SceneSetup, lr: number): SceneSetup => ({
  ...setup,
  racers: [{ optimizer: { ...setup.racers[0].optimizer, lr } }],
})

describe('adagrad-spurts scene (docs/lectures.md S4)', () => {
  it('runs the lecture (root-mean-square) Adagrad at η = 0.3 for 100 000 steps on the mean Pokémon loss', () => {
    const setup = initialSetup(scene)
    expect(setup.surface).toBe('pokemon')
    expect(setup.racers[0].optimizer).toEqual({ kind: 'adagrad', convention: 'lecture', lr: 0.3 })
    expect(setup.steps).toBe(100_000)
  })

  it('gets near the end (|b − b*| < 1) in about 5 000 steps', () => {
    const [t] = runRacers(initialSetup(scene))
    const b = bStar()
    const k = firstIndex(t, (bi) => Math.abs(bi - b) < 1)
    expect(k).toBeGreaterThanOrEqual(4000)
    expect(k).toBeLessThanOrEqual(6000)
  })

  it('first shoots off along w (|Δw| > 0.5) at about step 18 000, then hundreds to thousands of times', () => {
    const [t] = runRacers(initialSetup(scene))
    const first = firstJump(t)
    expect(first).toBeGreaterThanOrEqual(17_000)
    expect(first).toBeLessThanOrEqual(19_000)
    const count = jumps(t)
    expect(count).toBeGreaterThanOrEqual(100)
    expect(count).toBeLessThan(10_000)
  })

  it('is chaotic after the first spurt: η·(1 ± 10⁻¹²) spurt first at the same step but the counts differ several-fold', () => {
    const base = initialSetup(scene)
    const runs = [0.3, 0.3 * (1 + 1e-12), 0.3 * (1 - 1e-12)].map((lr) => runRacers(withLr(base, lr))[0])
    const firsts = runs.map((t) => firstJump(t))
    expect(new Set(firsts).size).toBe(1)
    const counts = runs.map((t) => jumps(t))
    for (const c of counts) expect(c).toBeGreaterThanOrEqual(100)
    expect(Math.max(...counts) / Math.min(...counts)).toBeGreaterThanOrEqual(2)
  })

  it("the 'eta-one' card (η = 1) jumps up to |Δw| ≈ 8 and ends well above the optimum loss", () => {
    const setup = afterCard(scene, 'eta-one')
    expect(setup.racers[0].optimizer.lr).toBe(1)
    const [t] = runRacers(setup)
    let maxJump = 0
    for (let k = 101; k < t.y.length; k++) maxJump = Math.max(maxJump, Math.abs(t.y[k] - t.y[k - 1]))
    expect(maxJump).toBeGreaterThan(7)
    expect(maxJump).toBeLessThan(9)
    const [b, w] = endOf(t)
    const loss = (bb: number, ww: number) => x.reduce((s, xn, n) => s + (yHat[n] - bb - ww * xn) ** 2, 0) / N
    expect(loss(b, w)).toBeGreaterThan(1.1 * 10_194)
    expect(t.loss[t.loss.length - 1]).toBeCloseTo(loss(b, w), 6)
  })
})
