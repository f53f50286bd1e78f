import { describe, expect, it } from 'vitest'
import { formatNumber } from '../../src/ui/formatNumber'
import { parseNumber } from '../../src/ui/parseNumber'

describe('formatNumber', () => {
  it('formatNumber(v) keeps 4 significant digits and drops trailing zeros', () => {
    expect(formatNumber(Math.SQRT1_2)).toBe('0.7071')
    expect(formatNumber(1 / 3)).toBe('0.3333')
    expect(formatNumber(2)).toBe('2')
    expect(formatNumber(0.5)).toBe('0.5')
    expect(formatNumber(1234.6)).toBe('1235')
    expect(formatNumber(0.0012345678)).toBe('0.001235')
  })

  it('formatNumber(v) writes negative numbers with an ASCII minus and −0 as 0', () => {
    expect(formatNumber(-2)).toBe('-2')
    expect(formatNumber(-0)).toBe('0')
    expect(formatNumber(0)).toBe('0')
    expect(formatNumber(-Math.SQRT1_2)).toBe('-0.7071')
  })

  it('formatNumber(v) uses m×10ⁿ for magnitudes ≥ 10⁴ and < 10⁻³, carrying a rounded 10 into the exponent', () => {
    expect(formatNumber(174_700)).toBe('1.747×10⁵')
    expect(formatNumber(12_346)).toBe('1.235×10⁴')
    expect(formatNumber(6.4e-7)).toBe('6.4×10⁻⁷')
    expect(formatNumber(1e-7)).toBe('10⁻⁷')
    expect(formatNumber(-1.14e-6)).toBe('-1.14×10⁻⁶')
    expect(formatNumber(9.99996e-4)).toBe('10⁻³')
    expect(formatNumber(1e300)).toBe('10³⁰⁰')
    expect(formatNumber(5e-324)).toBe('4.941×10⁻³²⁴')
  })

  it('formatNumber(v) names the non-finite values', () => {
    expect(formatNumber(NaN)).toBe('NaN')
    expect(formatNumber(Infinity)).toBe('∞')
    expect(formatNumber(-Infinity)).toBe('-∞')
  })

  it('parseNumber(formatNumber(v)) gives v back to 4 significant digits', () => {
    for (const v of [Math.PI, -Math.E * 1e-9, 6.02214e23, -0.000123456, 98765.4321, 1e-7, -2]) {
      const back = parseNumber(formatNumber(v))
      expect(back).not.toBeNull()
      expect(Math.abs(back! - v)).toBeLessThanOrEqual(5e-4 * Math.abs(v))
    }
  })
})
