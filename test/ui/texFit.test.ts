import { describe, expect, it } from 'vitest'
import { MIN_TEX_SCALE, texFitScale } from '../../src/ui/texFit'

describe('texFitScale', () => {
  it('shrinks a formula wider than its box by the ratio of the widths (width is linear in the font size)', () => {
    // 800 px of formula in a 600 px card: 3/4 of the size makes it 600 px wide.
    expect(texFitScale(800, 600)).toBeCloseTo(0.75, 12)
    expect(800 * texFitScale(800, 600)).toBeCloseTo(600, 9)
  })

  it('keeps a formula that fits at full size, never enlarges it', () => {
    expect(texFitScale(300, 600)).toBe(1)
    expect(texFitScale(600, 600)).toBe(1)
  })

  it('stops at MIN_TEX_SCALE (then the formula scrolls) and ignores unmeasured sizes', () => {
    expect(texFitScale(5000, 600)).toBe(MIN_TEX_SCALE)
    expect(texFitScale(0, 600)).toBe(1)
    expect(texFitScale(800, 0)).toBe(1)
    expect(texFitScale(Number.NaN, 600)).toBe(1)
  })
})
