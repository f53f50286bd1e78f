import { describe, expect, it } from 'vitest'
import { parseNumber } from '../../src/ui/parseNumber'

describe('parseNumber', () => {
  it('parseNumber(text) reads decimals, signs and scientific notation exactly as Number does', () => {
    expect(parseNumber('0.05')).toBe(0.05)
    expect(parseNumber(' -1.5 ')).toBe(-1.5)
    expect(parseNumber('+2')).toBe(2)
    expect(parseNumber('.5')).toBe(0.5)
    expect(parseNumber('3.')).toBe(3)
    expect(parseNumber('1e-7')).toBe(1e-7)
    expect(parseNumber('2.5E+3')).toBe(2500)
  })

  it('parseNumber(text) reads the Unicode minus, full-width digits and the app’s printed powers of ten', () => {
    expect(parseNumber('−0.25')).toBe(-0.25)
    expect(parseNumber('０.５')).toBe(0.5)
    expect(parseNumber('－１２')).toBe(-12)
    expect(parseNumber('1e−7')).toBe(1e-7)
    expect(parseNumber('6×10⁻⁷')).toBe(6e-7)
    expect(parseNumber('10⁻⁷')).toBe(1e-7)
    expect(parseNumber('1.75×10⁵')).toBe(175000)
    expect(parseNumber('2*10^-3')).toBe(0.002)
    expect(parseNumber('−10⁴')).toBe(-1e4)
  })

  it('parseNumber(text) returns null for empty, non-numeric, non-finite and ambiguous text', () => {
    for (const text of [
      '',
      '  ',
      'abc',
      '1,000',
      '0x10',
      'Infinity',
      'NaN',
      '1e',
      '--1',
      '1.2.3',
      '1e400',
      '½',
    ])
      expect(parseNumber(text), text).toBeNull()
  })
})
