import { describe, expect, it } from 'vitest'
import { eigenSym2 } from '../../../src/core/math/mat2'
import { createRng } from '../../../src/core/math/rng'
import { pokemon, pokemonData, pokemonSum } from '../../../src/core/surfaces/pokemon'
import { assertClose } from '../../helpers/assertInDelta'

const { x, yHat } = pokemonData
const N = x.length

/** The loss by its definition, term by term: (1/N or 1)·Σ(ŷⁿ − b − w·xⁿ)². */
function directLoss(b: number, w: number, mean: boolean): number {
  let s = 0
  for (let n = 0; n < N; n++) s += (yHat[n] - b - w * x[n]) ** 2
  return mean ? s / N : s
}

/**
 * ∂/∂b = −2Σ(ŷ − b − wx), ∂/∂w = −2Σ(ŷ − b − wx)x, over N for the mean; also Σ|terms|, the scale of the
 * sum's own round-off (it cancels near the minimum).
 */
function directGrad(b: number, w: number, mean: boolean): { g: [number, number]; scale: [number, number] } {
  let gb = 0
  let gw = 0
  let sb = 0
  let sw = 0
  for (let n = 0; n < N; n++) {
    const r = yHat[n] - b - w * x[n]
    gb -= 2 * r
    gw -= 2 * r * x[n]
    sb += Math.abs(2 * r) + 2 * (Math.abs(yHat[n]) + Math.abs(b) + Math.abs(w * x[n]))
    sw += (Math.abs(2 * r) + 2 * (Math.abs(yHat[n]) + Math.abs(b) + Math.abs(w * x[n]))) * x[n]
  }
  const k = mean ? 1 / N : 1
  return { g: [gb * k, gw * k], scale: [sb * k, sw * k] }
}

function points(count: number): [number, number][] {
  const rng = createRng(3)
  return Array.from({ length: count }, () => [-200 + 100 * rng.next(), -5 + 10 * rng.next()])
}

describe('pokemon', () => {
  it('has the 2017 demo data, axes b (horizontal) and w (vertical), view b ∈ [−200, −100], w ∈ [−5, 5], start (−120, −4)', () => {
    expect(x).toEqual([338, 333, 328, 207, 226, 25, 179, 60, 208, 606])
    expect(yHat).toEqual([640, 633, 619, 393, 428, 27, 193, 66, 226, 1591])
    expect(pokemon.axes).toEqual(['b', 'w'])
    expect(pokemon.extent).toEqual({ x: [-200, -100], y: [-5, 5] })
    expect(pokemon.start).toEqual([-120, -4])
  })

  it('its minimum is the closed-form least-squares solution w = Cov(x, ŷ)/Var(x), b = ȳ − w·x̄ ≈ (−188.4, 2.67)', () => {
    let sx = 0
    let sy = 0
    let sxx = 0
    let sxy = 0
    for (let n = 0; n < N; n++) {
      sx += x[n]
      sy += yHat[n]
      sxx += x[n] * x[n]
      sxy += x[n] * yHat[n]
    }
    const w = (N * sxy - sx * sy) / (N * sxx - sx * sx)
    const b = (sy - w * sx) / N
    const [mb, mw] = pokemon.minima[0]
    assertClose(mb, b, 1e-12, 'b*')
    assertClose(mw, w, 1e-12, 'w*')
    expect(mb).toBeCloseTo(-188.4, 1)
    expect(mw).toBeCloseTo(2.67, 2)
    expect(pokemonSum.minima).toEqual(pokemon.minima)
    // docs/lectures.md S3: "the optimum 10 194".
    expect(Math.round(pokemon.f(mb, mw))).toBe(10194)
  })

  it('f and grad equal the direct sums over the 10 examples at seeded points (sufficient statistics lose nothing)', () => {
    for (const [b, w] of [...points(25), pokemon.start, pokemon.minima[0], [1e3, -40] as [number, number]]) {
      assertClose(pokemon.f(b, w), directLoss(b, w, true), 1e-13, `L(${b}, ${w})`)
      const g = pokemon.grad(b, w, [0, 0])
      const d = directGrad(b, w, true)
      // Both evaluations are exact up to ~Nε relative to the summed magnitudes; 1e−14 is ~45ε.
      expect(Math.abs(g[0] - d.g[0])).toBeLessThanOrEqual(1e-14 * d.scale[0])
      expect(Math.abs(g[1] - d.g[1])).toBeLessThanOrEqual(1e-14 * d.scale[1])
    }
  })

  it('keeps full relative accuracy just off the minimum, where the direct sum itself cancels', () => {
    const [mb, mw] = pokemon.minima[0]
    const Lmin = directLoss(mb, mw, true)
    // Along the floor direction u₁ the excess is λ₁/2·t²; the direct sum resolves it to ~1e−12·Lmin.
    const [hxx, hxy, hyy] = pokemon.hessian(0, 0, [0, 0, 0])
    const { values, vectors } = eigenSym2(hxx, hxy, hyy)
    for (const t of [1, 3, 10]) {
      const b = mb + t * vectors[0][0]
      const w = mw + t * vectors[0][1]
      assertClose(pokemon.f(b, w) - Lmin, (values[0] / 2) * t * t, 1e-9, `excess at t=${t}`)
    }
  })

  it('pokemon-sum is exactly 10× pokemon in value, gradient and Hessian', () => {
    for (const [b, w] of points(25)) {
      assertClose(pokemonSum.f(b, w), 10 * pokemon.f(b, w), 1e-14, 'L')
      assertClose(pokemonSum.f(b, w), directLoss(b, w, false), 1e-13, 'L direct')
      const gs = pokemonSum.grad(b, w, [0, 0])
      const gm = pokemon.grad(b, w, [0, 0])
      assertClose(gs[0], 10 * gm[0], 1e-13, 'gb')
      assertClose(gs[1], 10 * gm[1], 1e-13, 'gw')
      const hs = pokemonSum.hessian(b, w, [0, 0, 0])
      const hm = pokemon.hessian(b, w, [0, 0, 0])
      for (let k = 0; k < 3; k++) assertClose(hs[k], 10 * hm[k], 1e-14, `H${k}`)
    }
  })

  it('has Hessian eigenvalues ≈ 0.557 and 1.747·10⁵, and 2/λmax = 1.145·10⁻⁶ for the summed loss (docs/lectures.md S3)', () => {
    const [hxx, hxy, hyy] = pokemon.hessian(-150, 0, [0, 0, 0])
    // Independently: H = (2/N)·[[N, Σx], [Σx, Σx²]].
    const sx = x.reduce((s, v) => s + v, 0)
    const sxx = x.reduce((s, v) => s + v * v, 0)
    assertClose(hxx, 2, 1e-15, 'Hbb')
    assertClose(hxy, (2 * sx) / N, 1e-15, 'Hbw')
    assertClose(hyy, (2 * sxx) / N, 1e-15, 'Hww')
    const { values } = eigenSym2(hxx, hxy, hyy)
    expect(values[0]).toBeCloseTo(0.557, 3)
    expect(Math.abs(values[1] - 1.747e5)).toBeLessThan(50)
    const hs = pokemonSum.hessian(-150, 0, [0, 0, 0])
    expect(2 / eigenSym2(hs[0], hs[1], hs[2]).values[1]).toBeCloseTo(1.145e-6, 9)
  })

  it('plain GD on pokemon-sum reproduces docs/lectures.md S3: η = 10⁻⁷ for 100 000 steps ends at b ≈ −123.7 with L ≈ 11 362', () => {
    let b = -120
    let w = -4
    const g = new Float64Array(2)
    let wAt100 = NaN
    for (let t = 0; t < 100_000; t++) {
      pokemonSum.grad(b, w, g)
      b -= 1e-7 * g[0]
      w -= 1e-7 * g[1]
      if (t === 99) wAt100 = w
    }
    expect(wAt100).toBeCloseTo(2.47, 2)
    expect(b).toBeCloseTo(-123.7, 1)
    expect(Math.round(pokemon.f(b, w))).toBe(11362)
  })

  it('plain GD on pokemon-sum bounces but survives at η = 1.14·10⁻⁶ (ends near b = −152) and diverges at 1.15·10⁻⁶', () => {
    const run = (eta: number): [number, number] => {
      let b = -120
      let w = -4
      const g = new Float64Array(2)
      for (let t = 0; t < 100_000; t++) {
        pokemonSum.grad(b, w, g)
        b -= eta * g[0]
        w -= eta * g[1]
      }
      return [b, w]
    }
    expect(run(1.14e-6)[0]).toBeCloseTo(-152, 0)
    expect(Number.isFinite(run(1.15e-6)[0])).toBe(false)
  })
})
