import { describe, expect, it } from 'vitest'
import { ANALYSIS_TOLERANCES, analyzeHessian, analyzePoint } from '../../src/core/analyzePoint'
import { SpecError } from '../../src/core/errors'
import { createRng } from '../../src/core/math/rng'
import { surfaceIds, surfaces } from '../../src/core/surfaces/index'

const S = Math.SQRT1_2

describe('analyzePoint', () => {
  it('ANALYSIS_TOLERANCES are the documented 1e−9 gradient and eigenvalue thresholds', () => {
    expect(ANALYSIS_TOLERANCES).toEqual({ gradRel: 1e-9, eigRel: 1e-9 })
  })

  it("analyzePoint('saddle', 0, 0) is a saddle: λ = (−2, 2), ratio ½, escape (1, 1)/√2 (docs/lectures.md S1)", () => {
    const a = analyzePoint('saddle', 0, 0)
    expect(a.kind).toBe('saddle')
    expect(a.value).toBe(1)
    expect(a.gradNorm).toBe(0)
    expect(a.hessian).toEqual([0, -2, 0])
    expect(a.eigenvalues).toEqual([-2, 2])
    expect(a.minimumRatio).toBe(0.5)
    expect(a.escapeDirection![0]).toBeCloseTo(S, 15)
    expect(a.escapeDirection![1]).toBeCloseTo(S, 15)
    expect(a.eigenvectors[1][0]).toBeCloseTo(S, 15)
    expect(a.eigenvectors[1][1]).toBeCloseTo(-S, 15)
    // Taylor: one unit step along the escape direction lowers the loss.
    const [ux, uy] = a.escapeDirection!
    expect(surfaces.saddle.f(ux, uy)).toBeLessThan(a.value)
  })

  it("analyzePoint('ravine', 0, 0) is a minimum with ratio 1 and no escape direction", () => {
    const a = analyzePoint('ravine', 0, 0)
    expect(a.kind).toBe('minimum')
    expect(a.eigenvalues).toEqual([0.2, 4])
    expect(a.minimumRatio).toBe(1)
    expect(a.escapeDirection).toBeUndefined()
  })

  it('analyzePoint at a point of the valley w₁w₂ = 1 is degenerate: λ ≈ (0, 2(w₁² + w₂²)), ratio ½', () => {
    for (const [x, y] of [
      [2, 0.5],
      [1, 1],
      [-0.5, -2],
      [1.5, 1 / 1.5],
    ]) {
      const a = analyzePoint('saddle', x, y)
      expect(a.kind).toBe('degenerate')
      expect(Math.abs(a.eigenvalues[0])).toBeLessThan(1e-14)
      expect(a.eigenvalues[1]).toBeCloseTo(2 * (x * x + y * y), 13)
      expect(a.minimumRatio).toBe(0.5)
      expect(a.escapeDirection).toBeUndefined()
    }
  })

  it('analyzePoint finds the local maximum of himmelblau and the bump of momentum-hill (a saddle, escape (1, 0))', () => {
    const max = analyzePoint('himmelblau', -0.2708445942923535, -0.9230385564769288)
    expect(max.kind).toBe('maximum')
    expect(max.minimumRatio).toBe(0)
    expect(max.escapeDirection).toBeDefined()
    const bump = analyzePoint('momentum-hill', -0.16993844331159128, 0)
    expect(bump.kind).toBe('saddle')
    expect(bump.escapeDirection).toEqual([1, 0])
  })

  it("analyzePoint('saddle', 1.5, −1.499) is not critical, yet still reports its minimum ratio", () => {
    const a = analyzePoint('saddle', 1.5, -1.499)
    expect(a.kind).toBe('not-critical')
    // H = [[2y², 4xy − 2], [4xy − 2, 2x²]] has det = 4x²y² − (4xy − 2)² < 0 here: one positive eigenvalue.
    const det = 4 * 1.5 ** 2 * 1.499 ** 2 - (4 * 1.5 * -1.499 - 2) ** 2
    expect(det).toBeLessThan(0)
    expect(a.minimumRatio).toBe(0.5)
    expect(a.escapeDirection).toBeUndefined()
  })

  it('the MSE plateau at (−8, 8) is not critical: stuck is not the same as ‖g‖ = 0 (docs/lectures.md S10)', () => {
    const a = analyzePoint('mse-logits', -8, 8)
    expect(a.gradNorm).toBeGreaterThan(6e-7)
    expect(a.kind).toBe('not-critical')
  })

  it('every listed minimum of every surface analyses as a minimum, or degenerate on the saddle’s valley', () => {
    for (const id of surfaceIds) {
      for (const [x, y] of surfaces[id].minima) {
        const a = analyzePoint(id, x, y)
        expect(a.kind, `${id} (${x}, ${y})`).toBe(id === 'saddle' ? 'degenerate' : 'minimum')
        expect(a.minimumRatio).toBe(id === 'saddle' ? 0.5 : 1)
      }
    }
    // The Pokémon valley's λ = 0.557 beside 1.7·10⁵ counts as positive, not as zero.
    expect(analyzePoint('pokemon', ...surfaces.pokemon.minima[0]).eigenvalues[0]).toBeCloseTo(0.557, 3)
  })

  it('analyzePoint returns unit eigenvectors with H·u = λ·u at random points of every surface', () => {
    const rng = createRng(1)
    for (const id of surfaceIds) {
      const s = surfaces[id]
      for (let k = 0; k < 5; k++) {
        const x = s.extent.x[0] + (s.extent.x[1] - s.extent.x[0]) * rng.next()
        const y = s.extent.y[0] + (s.extent.y[1] - s.extent.y[0]) * rng.next()
        const a = analyzePoint(s, x, y)
        const [hxx, hxy, hyy] = a.hessian
        const norm = Math.max(Math.abs(hxx), Math.abs(hxy), Math.abs(hyy))
        a.eigenvectors.forEach(([u, v], i) => {
          expect(Math.hypot(u, v)).toBeCloseTo(1, 15)
          expect(Math.abs(hxx * u + hxy * v - a.eigenvalues[i] * u)).toBeLessThanOrEqual(1e-14 * norm)
          expect(Math.abs(hxy * u + hyy * v - a.eigenvalues[i] * v)).toBeLessThanOrEqual(1e-14 * norm)
        })
        expect(a.value).toBe(s.f(x, y))
        expect(a.gradNorm).toBe(Math.hypot(...s.grad(x, y)))
      }
    }
  })

  it('analyzePoint throws a SpecError naming an unknown surface id, and on non-finite coordinates', () => {
    expect(() => analyzePoint('nope', 0, 0)).toThrow(/^surface must be one of 'saddle', .*\(got 'nope'\)/)
    expect(() => analyzePoint('saddle', NaN, 0)).toThrow(/^x must be a finite number \(got NaN\)/)
    expect(() => analyzePoint('saddle', 0, Infinity)).toThrow(/^y must be a finite number/)
    expect(() => analyzePoint('saddle', 0, Infinity)).toThrow(SpecError)
  })
})

describe('analyzePoint at its edges', () => {
  it('throws a SpecError on anything that is not a registry id or a surface (never a TypeError)', () => {
    const bad: unknown[] = [
      5,
      null,
      undefined,
      {},
      { f: () => 0, grad: () => [0, 0] },
      ['saddle'],
      '__proto__',
    ]
    for (const surface of bad) {
      let error: unknown
      try {
        analyzePoint(surface as string, 0, 0)
      } catch (e) {
        error = e
      }
      expect(error, String(surface)).toBeInstanceOf(SpecError)
      expect((error as SpecError).field).toBe('surface')
      expect((error as SpecError).message).toMatch(/^surface must be .*'saddle'/)
    }
  })

  it('throws a SpecError at a finite point where the surface overflows, naming the point', () => {
    expect(() => analyzePoint('rosenbrock', 1e200, 0)).toThrow(SpecError)
    expect(() => analyzePoint('rosenbrock', 1e200, 0)).toThrow(
      /^point must be \(x, y\) where L, ∇L and H of 'rosenbrock' are finite numbers .*\(got \[1e\+200, 0\]\)$/,
    )
  })

  it('returns only finite fields, or that SpecError, at huge and tiny points of every surface', () => {
    const coords = [0, 1e-300, -1e-300, 1e8, -1e8, 1e40, 1e155, -1e160, 1e300, -Number.MAX_VALUE]
    let errors = 0
    const wrong: string[] = []
    for (const id of surfaceIds) {
      for (const x of coords) {
        for (const y of coords) {
          try {
            const a = analyzePoint(id, x, y)
            const numbers = [a.value, a.gradNorm, a.gradient, a.hessian, a.eigenvalues, a.eigenvectors].flat(
              2,
            )
            if (!numbers.every(Number.isFinite)) wrong.push(`${id} at (${x}, ${y}): ${numbers.join(', ')}`)
          } catch (e) {
            if (!(e instanceof SpecError && e.field === 'point')) wrong.push(`${id} at (${x}, ${y}): ${e}`)
            errors++
          }
        }
      }
    }
    expect(wrong).toEqual([])
    // Most registry surfaces are polynomials that overflow far out: the check is exercised.
    expect(errors).toBeGreaterThan(100)
  })
})

describe('analyzeHessian', () => {
  it('analyzeHessian(L, g, H) classifies maxima, minima and saddles from raw numbers', () => {
    const max = analyzeHessian(3, [0, 0], [-1, 0.5, -3])
    expect(max.kind).toBe('maximum')
    expect(max.minimumRatio).toBe(0)
    // The escape direction is the eigenvector of the most negative eigenvalue, first component > 0.
    const u = max.escapeDirection!
    expect(u[0]).toBeGreaterThan(0)
    const lam = max.eigenvalues[0]
    expect(Math.abs(-1 * u[0] + 0.5 * u[1] - lam * u[0])).toBeLessThan(1e-15)
    expect(analyzeHessian(0, [0, 0], [2, 1, 2]).kind).toBe('minimum')
    expect(analyzeHessian(0, [0, 0], [1, 0, -1]).kind).toBe('saddle')
  })

  it('counts ‖g‖ ≤ 1e−9·max(1, |L|) as critical, and anything above as not critical', () => {
    const H = [1, 0, 1]
    expect(analyzeHessian(0.5, [1e-9, 0], H).kind).toBe('minimum')
    expect(analyzeHessian(0.5, [1.01e-9, 0], H).kind).toBe('not-critical')
    expect(analyzeHessian(1e6, [6e-4, 8e-4], H).kind).toBe('minimum')
    expect(analyzeHessian(1e6, [6e-4, 8.1e-4], H).kind).toBe('not-critical')
  })

  it('counts |λ| ≤ 1e−9·max(1, |λ|max) as zero: degenerate, and not counted in the minimum ratio', () => {
    expect(analyzeHessian(0, [0, 0], [1, 0, 1e-9]).kind).toBe('degenerate')
    expect(analyzeHessian(0, [0, 0], [1, 0, 1e-9]).minimumRatio).toBe(0.5)
    expect(analyzeHessian(0, [0, 0], [1, 0, 2e-9]).kind).toBe('minimum')
    expect(analyzeHessian(0, [0, 0], [1e6, 0, 1e-4]).kind).toBe('degenerate')
    expect(analyzeHessian(0, [0, 0], [1e6, 0, 1.1e-3]).kind).toBe('minimum')
    expect(analyzeHessian(0, [0, 0], [0, 0, 0]).minimumRatio).toBe(0)
  })

  it('gives a degenerate point with negative curvature an escape direction, but not one curving only up', () => {
    const down = analyzeHessian(0, [0, 0], [0, 0, -2])
    expect(down.kind).toBe('degenerate')
    expect(down.escapeDirection).toEqual([0, 1])
    expect(analyzeHessian(0, [0, 0], [0, 0, 2]).escapeDirection).toBeUndefined()
  })

  it('throws a SpecError naming value, gradient or hessian when they are not numbers of the right count', () => {
    const fieldOf = (f: () => unknown): string => {
      try {
        f()
      } catch (e) {
        expect(e).toBeInstanceOf(SpecError)
        return (e as SpecError).field
      }
      return 'no error'
    }
    expect(fieldOf(() => analyzeHessian('1' as never, [0, 0], [1, 0, 1]))).toBe('value')
    expect(fieldOf(() => analyzeHessian(1, 5 as never, [1, 0, 1]))).toBe('gradient')
    expect(fieldOf(() => analyzeHessian(1, [0], [1, 0, 1]))).toBe('gradient')
    expect(fieldOf(() => analyzeHessian(1, [0, 0], [1, 0]))).toBe('hessian')
    expect(fieldOf(() => analyzeHessian(1, [0, 0], [1, null, 1] as never))).toBe('hessian')
    expect(analyzeHessian(1, new Float64Array(2), new Float64Array([1, 0, 1])).kind).toBe('minimum')
  })

  it('refuses finite entries whose norm or eigenvalues overflow, rather than returning ∞ or NaN', () => {
    const max = Number.MAX_VALUE
    expect(() => analyzeHessian(1, [max, max], [1, 0, 1])).toThrow(/^gradient must be two numbers whose norm/)
    // Entries near the largest double whose eigenvalues do not overflow are decomposed exactly (mat2 rescales by
    // 2¹⁰²³, not by 2¹⁰²⁴ = ∞): λ = −max and det/λ₁ = (max − 992²)/(−max) = −1 to double precision.
    expect(analyzeHessian(1, [0, 0], [-max, 992, -1]).eigenvalues).toEqual([-max, -1])
    expect(() => analyzeHessian(1, [0, 0], [max, max, -max])).toThrow(SpecError)
  })

  it('treats a non-finite gradient as not critical and a non-finite Hessian as degenerate with ratio 0', () => {
    expect(analyzeHessian(1, [NaN, 0], [1, 0, 1]).kind).toBe('not-critical')
    const h = analyzeHessian(1, [0, 0], [NaN, 0, 1])
    expect(h.kind).toBe('degenerate')
    expect(h.minimumRatio).toBe(0)
  })
})
