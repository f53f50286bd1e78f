import { describe, expect, it } from 'vitest'
import { formatValue, superscript, texToUnicode } from '../../src/render/texLabel'

describe('texToUnicode', () => {
  it('texToUnicode renders the lecture axis names as Unicode', () => {
    expect(texToUnicode('w_1')).toBe('w₁')
    expect(texToUnicode('w_2')).toBe('w₂')
    expect(texToUnicode('b')).toBe('b')
    expect(texToUnicode('w_{12}')).toBe('w₁₂')
    expect(texToUnicode('\\theta_2')).toBe('θ₂')
    expect(texToUnicode('y_1')).toBe('y₁')
  })

  it('texToUnicode handles superscripts, Greek letters, norms and hats', () => {
    expect(texToUnicode('10^{-7}')).toBe('10⁻⁷')
    expect(texToUnicode('\\eta^t')).toBe('ηᵗ')
    expect(texToUnicode('\\|g\\|')).toBe('‖g‖')
    expect(texToUnicode('\\sigma_i^t')).toBe('σᵢᵗ')
    expect(texToUnicode('\\hat{y}').normalize('NFC')).toBe('ŷ')
    expect(texToUnicode('\\lambda')).toBe('λ')
  })

  it('texToUnicode keeps _ or ^ when a character has no Unicode form, and passes plain text through', () => {
    expect(texToUnicode('w_b')).toBe('w_b')
    expect(texToUnicode('loss')).toBe('loss')
    expect(texToUnicode('学习率 η')).toBe('学习率 η')
  })
})

describe('superscript and formatValue', () => {
  it('superscript(-7) is ⁻⁷ and superscript(12) is ¹²', () => {
    expect(superscript(-7)).toBe('⁻⁷')
    expect(superscript(12)).toBe('¹²')
  })

  it('formatValue writes short numbers with a real minus sign', () => {
    expect(formatValue(2)).toBe('2')
    expect(formatValue(-2)).toBe('−2')
    expect(formatValue(0.557)).toBe('0.557')
    expect(formatValue(2.6666)).toBe('2.67')
    expect(formatValue(0)).toBe('0')
  })

  it('formatValue switches to ×10ⁿ for large and tiny magnitudes, carrying a rounded 10 mantissa', () => {
    expect(formatValue(1.747e5)).toBe('1.75×10⁵')
    expect(formatValue(6e-7)).toBe('6×10⁻⁷')
    expect(formatValue(-1e-8)).toBe('−10⁻⁸')
    expect(formatValue(99960)).toBe('10⁵')
    expect(formatValue(Infinity)).toBe('∞')
  })
})
