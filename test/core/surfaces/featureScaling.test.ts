import { describe, expect, it } from 'vitest'
import { eigenSym2 } from '../../../src/core/math/mat2'
import { createRng } from '../../../src/core/math/rng'
import {
  FEATURE_DATA_SPEC,
  featureData,
  featureRaw,
  featureStandardized,
} from '../../../src/core/surfaces/featureScaling'
import { assertClose } from '../../helpers/assertInDelta'

const { x1, x2, yHat } = featureData
const N = x1.length
const mean = (v: readonly number[]): number => v.reduce((s, a) => s + a, 0) / v.length

/** Solves the 2×2 normal equations [[Σuu, Σuv], [Σuv, Σvv]]·w = [Σuy, Σvy] by Cramer's rule. */
function normalEquations(u: readonly number[], v: readonly number[], y: readonly number[]): [number, number] {
  let uu = 0
  let uv = 0
  let vv = 0
  let uy = 0
  let vy = 0
  for (let i = 0; i < u.length; i++) {
    uu += u[i] * u[i]
    uv += u[i] * v[i]
    vv += v[i] * v[i]
    uy += u[i] * y[i]
    vy += v[i] * y[i]
  }
  const det = uu * vv - uv * uv
  return [(vv * uy - uv * vy) / det, (uu * vy - uv * uy) / det]
}

function direct(
  u: readonly number[],
  v: readonly number[],
  y: readonly number[],
  w1: number,
  w2: number,
): number {
  let s = 0
  for (let i = 0; i < u.length; i++) s += (w1 * u[i] + w2 * v[i] - y[i]) ** 2
  return s / u.length
}

const standardize = (v: readonly number[]): number[] => {
  const m = mean(v)
  const sd = Math.sqrt(mean(v.map((a) => (a - m) ** 2)))
  return v.map((a) => (a - m) / sd)
}

describe('feature-raw and feature-standardized', () => {
  it('draw 30 points from createRng(2017) as documented: x₁ ∈ [1, 2], x₂ ∈ [100, 200], ŷ = 3x₁ + 0.05x₂ + 0.2·N(0, 1)', () => {
    expect(FEATURE_DATA_SPEC).toEqual({ seed: 2017, n: 30, a: 3, c: 0.05, noiseStd: 0.2 })
    const rng = createRng(2017)
    for (let r = 0; r < N; r++) {
      const u = 1 + rng.next()
      const v = 100 + 100 * rng.next()
      expect(x1[r]).toBe(u)
      expect(x2[r]).toBe(v)
      expect(yHat[r]).toBe(3 * u + 0.05 * v + 0.2 * rng.normal())
      expect(u >= 1 && u < 2 && v >= 100 && v < 200).toBe(true)
    }
    expect(N).toBe(30)
  })

  it('feature-raw is the mean squared error of y = w₁x₁ + w₂x₂, with its minimum from the normal equations', () => {
    const [w1, w2] = normalEquations(x1, x2, yHat)
    assertClose(featureRaw.minima[0][0], w1, 1e-9, 'w1*')
    assertClose(featureRaw.minima[0][1], w2, 1e-9, 'w2*')
    const rng = createRng(9)
    for (let k = 0; k < 25; k++) {
      const a = -3 + 12 * rng.next()
      const b = -0.05 + 0.2 * rng.next()
      assertClose(featureRaw.f(a, b), direct(x1, x2, yHat, a, b), 1e-12, 'L')
    }
    // Near the ground truth (3, 0.05) the fit explains all but the noise (σ² = 0.04).
    expect(w1).toBeCloseTo(3, 0)
    expect(featureRaw.f(featureRaw.minima[0][0], featureRaw.minima[0][1])).toBeLessThan(0.06)
  })

  it('feature-raw is a long tilted ellipse with κ > 10⁴; feature-standardized is nearly round (κ < 2)', () => {
    const [a, b, c] = featureRaw.hessian(0, 0)
    const raw = eigenSym2(a, b, c).values
    expect(raw[1] / raw[0]).toBeGreaterThan(1e4)
    // Tilted: the flat direction is not an axis.
    const flat = eigenSym2(a, b, c).vectors[0]
    expect(Math.abs(flat[1])).toBeGreaterThan(1e-3)
    const [d, e, f] = featureStandardized.hessian(0, 0)
    const std = eigenSym2(d, e, f).values
    expect(std[1] / std[0]).toBeLessThan(2)
    // Its Hessian is 2× the correlation matrix: unit diagonal after standardization.
    assertClose(d, 2, 1e-14, 'Hxx')
    assertClose(f, 2, 1e-14, 'Hyy')
  })

  it('feature-standardized uses per-dimension (x − m)/σ and centred targets, minimum from the normal equations', () => {
    const z1 = standardize(x1)
    const z2 = standardize(x2)
    const m = mean(yHat)
    const yc = yHat.map((v) => v - m)
    const [w1, w2] = normalEquations(z1, z2, yc)
    assertClose(featureStandardized.minima[0][0], w1, 1e-12, 'w1*')
    assertClose(featureStandardized.minima[0][1], w2, 1e-12, 'w2*')
    const rng = createRng(10)
    for (let k = 0; k < 25; k++) {
      const a = -2 + 5.5 * rng.next()
      const b = -1.5 + 5.5 * rng.next()
      assertClose(featureStandardized.f(a, b), direct(z1, z2, yc, a, b), 1e-13, 'L')
    }
  })

  it('keep the minima inside their views, which start both runs at w = (0, 0)', () => {
    for (const s of [featureRaw, featureStandardized]) {
      const [w1, w2] = s.minima[0]
      expect(w1 > s.extent.x[0] && w1 < s.extent.x[1] && w2 > s.extent.y[0] && w2 < s.extent.y[1]).toBe(true)
      expect(s.start).toEqual([0, 0])
    }
  })
})
