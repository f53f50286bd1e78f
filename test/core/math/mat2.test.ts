import { describe, expect, it } from 'vitest'
import { canonicalSign, detSym2, eigenSym2, solveSym2 } from '../../../src/core/math/mat2'
import { createRng } from '../../../src/core/math/rng'
import type { Vec2 } from '../../../src/core/types'

const EPS = Number.EPSILON

/** ‖H − VΛVᵀ‖_max, ‖VᵀV − I‖_max for a decomposition. */
function residuals(a: number, b: number, c: number): { recon: number; ortho: number } {
  const {
    values: [l1, l2],
    vectors: [u, v],
  } = eigenSym2(a, b, c)
  const r = [
    l1 * u[0] * u[0] + l2 * v[0] * v[0] - a,
    l1 * u[0] * u[1] + l2 * v[0] * v[1] - b,
    l1 * u[1] * u[1] + l2 * v[1] * v[1] - c,
  ]
  const o = [u[0] * u[0] + u[1] * u[1] - 1, v[0] * v[0] + v[1] * v[1] - 1, u[0] * v[0] + u[1] * v[1]]
  return { recon: Math.max(...r.map(Math.abs)), ortho: Math.max(...o.map(Math.abs)) }
}

const firstNonzeroPositive = ([x, y]: Vec2): boolean => x > 0 || (x === 0 && y > 0)

describe('eigenSym2', () => {
  it('eigenSym2(a, b, c) reconstructs H = VΛVᵀ with orthonormal V, ascending λ, for 500 random symmetric matrices', () => {
    const rng = createRng(42)
    for (let k = 0; k < 500; k++) {
      const scale = 10 ** (6 * rng.next() - 3)
      const [a, b, c] = [rng.normal() * scale, rng.normal() * scale, rng.normal() * scale]
      const { values, vectors } = eigenSym2(a, b, c)
      expect(values[0]).toBeLessThanOrEqual(values[1])
      const norm = Math.max(Math.abs(a), Math.abs(b), Math.abs(c))
      const { recon, ortho } = residuals(a, b, c)
      expect(recon).toBeLessThanOrEqual(8 * EPS * norm)
      expect(ortho).toBeLessThanOrEqual(4 * EPS)
      // trace and determinant are invariants
      expect(Math.abs(values[0] + values[1] - (a + c))).toBeLessThanOrEqual(4 * EPS * norm)
      expect(vectors.every(firstNonzeroPositive)).toBe(true)
    }
  })

  it('eigenSym2(a, 0, c) returns the diagonal sorted, with the coordinate axes as eigenvectors', () => {
    expect(eigenSym2(3, 0, -1)).toEqual({
      values: [-1, 3],
      vectors: [
        [0, 1],
        [1, 0],
      ],
    })
    expect(eigenSym2(-1, 0, 3)).toEqual({
      values: [-1, 3],
      vectors: [
        [1, 0],
        [0, 1],
      ],
    })
    expect(eigenSym2(0, 0, 0)).toEqual({
      values: [0, 0],
      vectors: [
        [0, 1],
        [1, 0],
      ],
    })
  })

  it('eigenSym2(c, 0, c) handles the repeated eigenvalue c·I with an orthonormal basis', () => {
    const e = eigenSym2(2.5, 0, 2.5)
    expect(e.values).toEqual([2.5, 2.5])
    const { ortho } = residuals(2.5, 0, 2.5)
    expect(ortho).toBe(0)
    expect(eigenSym2(-7, 0, -7).values).toEqual([-7, -7])
  })

  it('eigenSym2(0, −2, 0) is the saddle Hessian: λ = −2 with (1, 1)/√2 and λ = 2 with (1, −1)/√2', () => {
    const { values, vectors } = eigenSym2(0, -2, 0)
    expect(values).toEqual([-2, 2])
    expect(vectors[0][0]).toBeCloseTo(Math.SQRT1_2, 15)
    expect(vectors[0][1]).toBeCloseTo(Math.SQRT1_2, 15)
    expect(vectors[1][0]).toBeCloseTo(Math.SQRT1_2, 15)
    expect(vectors[1][1]).toBeCloseTo(-Math.SQRT1_2, 15)
  })

  it('keeps a tiny eigenvalue next to a huge one accurate (no cancellation in m − r)', () => {
    // H = [[1, 1e4], [1e4, 1e8 + 1]]: det = 1 exactly, trace T = 1e8 + 2, so λ₁ = 2/(T + √(T² − 4)).
    const T = 1e8 + 2
    const lambda1 = 2 / (T + Math.sqrt(T * T - 4))
    const { values, vectors } = eigenSym2(1, 1e4, 1e8 + 1)
    expect(Math.abs(values[0] - lambda1) / lambda1).toBeLessThan(4 * EPS)
    // Hu₁ = λ₁u₁ to within round-off of ‖H‖.
    const [u0, u1] = vectors[0]
    expect(Math.abs(u0 + 1e4 * u1 - values[0] * u0)).toBeLessThan(8 * EPS * 1e8)
    expect(Math.abs(1e4 * u0 + (1e8 + 1) * u1 - values[0] * u1)).toBeLessThan(8 * EPS * 1e8)
    // Same for a negative-definite mirror image.
    expect(Math.abs(eigenSym2(-1, -1e4, -1e8 - 1).values[1] + lambda1) / lambda1).toBeLessThan(4 * EPS)
  })

  it('handles entries near the overflow and underflow limits', () => {
    const big = eigenSym2(1e300, 1e300, 1e300)
    expect(big.values[0]).toBe(0)
    expect(big.values[1]).toBe(2e300)
    const tiny = eigenSym2(3e-310, 0, 1e-310)
    expect(tiny.values[0]).toBeCloseTo(1e-310, 320)
    expect(tiny.values[1] / 3e-310).toBeCloseTo(1, 12)
  })
})

describe('detSym2', () => {
  it('detSym2(a, b, c) is exact where a·c − b² cancels completely in plain arithmetic', () => {
    // (1e8 + 1)(1e8 − 1) − 1e16 = −1, but the first product rounds to 1e16.
    expect((1e8 + 1) * (1e8 - 1) - 1e8 * 1e8).toBe(0)
    expect(detSym2(1e8 + 1, 1e8, 1e8 - 1)).toBe(-1)
    expect(detSym2(2, 3, 5)).toBe(1)
  })
})

describe('solveSym2', () => {
  it('solveSym2(H, b, out) solves H·v = b and returns true for well-conditioned H', () => {
    const rng = createRng(7)
    for (let k = 0; k < 200; k++) {
      const [a, b, c] = [rng.normal(), rng.normal(), rng.normal()]
      const [bx, by] = [rng.normal(), rng.normal()]
      const out = new Float64Array(2)
      const { values } = eigenSym2(a, b, c)
      const kappa = Math.abs(values[1]) / Math.min(Math.abs(values[0]), Math.abs(values[1]))
      if (!(kappa < 1e6)) continue
      expect(solveSym2(a, b, c, bx, by, out)).toBe(true)
      const scale = (Math.abs(a) + Math.abs(b) + Math.abs(c)) * (Math.abs(out[0]) + Math.abs(out[1]))
      expect(Math.abs(a * out[0] + b * out[1] - bx)).toBeLessThan(1e-14 * kappa * scale + 1e-15)
      expect(Math.abs(b * out[0] + c * out[1] - by)).toBeLessThan(1e-14 * kappa * scale + 1e-15)
    }
  })

  it('solveSym2 gives the saddle’s Newton step: H = [[0, −2], [−2, 0]], b = (2, 4) → v = (−2, −1)', () => {
    const out = [0, 0]
    expect(solveSym2(0, -2, 0, 2, 4, out)).toBe(true)
    expect(out).toEqual([-2, -1])
  })

  it('solveSym2 returns false and leaves out untouched for a singular or nearly singular H', () => {
    const out = [7, 7]
    expect(solveSym2(2, 2, 2, 1, 1, out)).toBe(false) // the valley xy = 1 of `saddle` at (1, 1)
    expect(solveSym2(0, 0, 0, 1, 1, out)).toBe(false)
    expect(solveSym2(1, 0, 1e-13, 1, 1, out)).toBe(false)
    expect(solveSym2(NaN, 0, 1, 1, 1, out)).toBe(false)
    expect(out).toEqual([7, 7])
    // κ = 1e11 is still solvable at the default rcond = 1e−12; a stricter rcond rejects it.
    expect(solveSym2(1, 0, 1e-11, 1, 1, out)).toBe(true)
    expect(solveSym2(1, 0, 1e-11, 1, 1, [0, 0], 1e-10)).toBe(false)
  })
})

describe('canonicalSign', () => {
  it('canonicalSign(x, y) flips a vector so its first nonzero component is positive, never returning −0', () => {
    expect(canonicalSign(-1, 2)).toEqual([1, -2])
    expect(canonicalSign(0, -3)).toEqual([0, 3])
    expect(Object.is(canonicalSign(-0, 1)[0], 0)).toBe(true)
    expect(canonicalSign(2, -1)).toEqual([2, -1])
  })
})
