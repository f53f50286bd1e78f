import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { symlog, symlogThreshold } from '../../../src/panels/ClassifierLab/paintSpectrum'

describe('symlog', () => {
  it('symlog(v, c) = sign(v)·log₁₀(1 + |v|/c): 0 at 0, exactly ±k at ±c·(10ᵏ − 1)', () => {
    expect(symlog(0, 1e-3)).toBe(0)
    for (const k of [1, 2, 3, 6]) {
      expect(symlog(1e-3 * (10 ** k - 1), 1e-3)).toBeCloseTo(k, 12)
      expect(symlog(-1e-3 * (10 ** k - 1), 1e-3)).toBeCloseTo(-k, 12)
    }
  })

  it('is odd and strictly increasing, so negative and positive eigenvalues keep their order', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (p, q) => {
          expect(symlog(-p, 1e-4)).toBeCloseTo(-symlog(p, 1e-4), 12)
          if (p < q) expect(symlog(p, 1e-4)).toBeLessThanOrEqual(symlog(q, 1e-4))
        },
      ),
    )
  })

  it('symlogThreshold is the power of ten at or below max(10⁻⁶·max|λ|, tolerance)', () => {
    expect(symlogThreshold(new Float64Array([-2, 0.5, 24]), 0)).toBeCloseTo(1e-5, 20)
    expect(symlogThreshold(new Float64Array([-2, 0.5, 24]), 3e-3)).toBeCloseTo(1e-3, 20)
    expect(symlogThreshold(new Float64Array([0, 0]), 0)).toBe(1)
  })
})
