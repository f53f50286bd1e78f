import { describe, expect, it } from 'vitest'
import { stabilityLimit } from '../../../src/core/scenes/curvature'
import { initialSetup, raceSpecs } from '../../../src/core/scenes/setup'
import { stabilityBand } from '../../../src/core/stability/stabilityBand'
import { stuckNotSmallGradient as scene } from '../../../src/core/scenes/stuckNotSmallGradient.meta'
import { pokemonData } from '../../../src/core/surfaces/pokemon'
import { assertClose } from '../../helpers/assertInDelta'
import { afterCard, endOf, runRacers } from './sceneRuns'

const { x, yHat } = pokemonData
const N = x.length
/** The mean loss (1/10)Σ(ŷ − b − wx)², by its definition (docs/lectures.md S3). */
const meanLoss = (b: number, w: number): number =>
  x.reduce((s, xn, n) => s + (yHat[n] - b - w * xn) ** 2, 0) / N
/** λ_max of the summed loss's Hessian 2·[[N, Σx], [Σx, Σx²]], in closed form. */
function lambdaMaxByHand(): number {
  const sx = x.reduce((s, v) => s + v, 0)
  const sxx = x.reduce((s, v) => s + v * v, 0)
  const a = 2 * N
  const c = 2 * sxx
  const b = 2 * sx
  return (a + c) / 2 + Math.sqrt(((a - c) / 2) ** 2 + b * b)
}

/** The least-squares line (b*, w*) from the normal equations. */
function leastSquaresByHand(): [number, number] {
  const sx = x.reduce((s, v) => s + v, 0)
  const sy = yHat.reduce((s, v) => s + v, 0)
  const sxx = x.reduce((s, v) => s + v * v, 0)
  const sxy = x.reduce((s, v, n) => s + v * yHat[n], 0)
  const w = (N * sxy - sx * sy) / (N * sxx - sx * sx)
  return [(sy - w * sx) / N, w]
}

describe('stuck-not-small-gradient scene (docs/lectures.md S3)', () => {
  it('uses 2/λ_max = 1.145·10⁻⁶ of the summed Pokémon loss, from the surface and from the data by hand', () => {
    const limit = stabilityLimit(scene.surface!, scene.start!)
    assertClose(limit, 2 / lambdaMaxByHand(), 1e-12, '2/λ_max')
    expect(limit).toBeCloseTo(1.145e-6, 9)
    const [bounce, crawl] = initialSetup(scene).racers
    assertClose(bounce.optimizer.lr, 0.995 * limit, 1e-15, 'racer 0 η')
    expect(crawl.optimizer.lr).toBe(1e-7)
  })

  it('at 0.995·2/λ_max GD bounces: 200–1000 steps with ‖g‖ ≥ 10⁶, the w-gradient flipping sign each one', () => {
    const [t] = runRacers(initialSetup(scene))
    let k = 0
    while (t.gradNorm[k] >= 1e6) k++
    expect(k).toBeGreaterThanOrEqual(200)
    expect(k).toBeLessThanOrEqual(1000)
    for (let j = 0; j < k; j++) expect(Math.sign(t.grad[2 * j + 1]) * Math.sign(t.grad[2 * j + 3])).toBe(-1)
  })

  it('while bouncing each step lowers the loss by 1 − ηλ_max/2 = 0.5% of η‖g‖², while η = 10⁻⁷ keeps over half', () => {
    const [bounce, crawl] = runRacers(initialSetup(scene))
    const [etaB, etaC] = initialSetup(scene).racers.map((r) => r.optimizer.lr)
    for (let j = 0; j < 200; j++) {
      const promised = etaB * bounce.gradNorm[j] ** 2
      const got = bounce.loss[j] - bounce.loss[j + 1]
      expect(got).toBeGreaterThan(0)
      expect(got).toBeLessThan(0.01 * promised)
      // On a quadratic ΔL = η‖g‖² − ½η²gᵀHg; along the steep eigenvector gᵀHg = λ_max‖g‖².
      expect(got / promised).toBeCloseTo(1 - 0.995, 4)
    }
    expect(crawl.loss[0] - crawl.loss[1]).toBeGreaterThan(0.5 * etaC * crawl.gradNorm[0] ** 2)
  })

  it('at 0.995·2/λ_max GD is still far from the minimum after 100 000 steps, at b ≈ −152', () => {
    const [t] = runRacers(initialSetup(scene))
    expect(t.status).toBe('ok')
    expect(t.x.length).toBe(100_001)
    const [b] = endOf(t)
    expect(b).toBeGreaterThan(-153)
    expect(b).toBeLessThan(-151)
  })

  it('at η = 10⁻⁷ w reaches 2.47 within 100 steps, then after 100 000 steps b ≈ −123.7 and the mean loss ≈ 11 362 ≫ 10 194', () => {
    const [, t] = runRacers(initialSetup(scene))
    const k = t.y.findIndex((w) => w >= 2.47)
    expect(k).toBeGreaterThan(0)
    expect(k).toBeLessThanOrEqual(100)
    const [b, w] = endOf(t)
    expect(b).toBeCloseTo(-123.7, 1)
    expect(Math.round(meanLoss(b, w))).toBe(11362)
    // The surface is the summed loss: it reads N times the mean.
    assertClose(t.loss[t.loss.length - 1], N * meanLoss(b, w), 1e-9, 'summed loss')
    const [bStar, wStar] = leastSquaresByHand()
    expect(Math.round(meanLoss(bStar, wStar))).toBe(10194)
    expect(bStar - b).toBeLessThan(-60)
  })

  it("the 'diverge' card puts racer 0 at 1.005·2/λ_max, where it diverges", () => {
    const setup = afterCard(scene, 'diverge')
    assertClose(
      setup.racers[0].optimizer.lr,
      1.005 * stabilityLimit(scene.surface!, scene.start!),
      1e-15,
      'η',
    )
    const [t] = runRacers(setup)
    expect(t.status).toBe('diverged')
  })

  it('the stability band: 2/λ_max (by hand) at every point; η stays under it, and after the diverge card passes it at step 0', () => {
    const limit = 2 / lambdaMaxByHand()
    const first = (band: ReturnType<typeof stabilityBand>) =>
      band.step.findIndex((eta, t) => eta > band.limit[t])
    const [bounce, crawl] = raceSpecs(initialSetup(scene)).map(stabilityBand)
    expect(bounce.count).toBe(100_000)
    for (let t = 0; t < bounce.count; t += 997) assertClose(bounce.limit[t], limit, 1e-9, `limit at ${t}`)
    expect(first(bounce)).toBe(-1)
    expect(first(crawl)).toBe(-1)
    const [diverge] = raceSpecs(afterCard(scene, 'diverge')).map(stabilityBand)
    assertClose(diverge.limit[0], limit, 1e-9, 'limit at 0')
    expect(first(diverge)).toBe(0)
  })
})
