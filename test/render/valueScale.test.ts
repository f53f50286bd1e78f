import { describe, expect, it } from 'vitest'
import {
  createValueNormalizer,
  defaultLogEpsilon,
  spansDecades,
  wantsLogScale,
} from '../../src/render/valueScale'
import { assertInDelta } from '../helpers/assertInDelta'

describe('the log rule', () => {
  it('spansDecades(min, max) is true for positive ranges of at least 3 decades, e.g. the Pokémon loss', () => {
    expect(spansDecades(1.0194e4, 1.1e7)).toBe(true)
    expect(spansDecades(1e4, 9.99e6)).toBe(false)
    expect(spansDecades(0, 1e6)).toBe(false)
    expect(spansDecades(-1, 1e6)).toBe(false)
    expect(spansDecades(1, 100, 2)).toBe(true)
  })

  it('wantsLogScale honours only the hint, so a surface keeps its colour scale at every zoom level', () => {
    expect(wantsLogScale(0, 2500, true)).toBe(true)
    expect(wantsLogScale(0, 2500, false)).toBe(false)
    expect(wantsLogScale(1, 1e5, false)).toBe(false)
    // The saddle's sampled minimum is 0 or a tiny positive number depending on the grid: same answer.
    expect(wantsLogScale(0, 100, false)).toBe(wantsLogScale(1e-9, 100, false))
  })
})

describe('createValueNormalizer', () => {
  it('a linear normalizer maps [min, max] onto [0, 1] and back', () => {
    const n = createValueNormalizer(-2, 6, false)
    assertInDelta([n.toUnit(-2), n.toUnit(2), n.toUnit(6)], [0, 0.5, 1], 1e-15)
    assertInDelta(n.fromUnit(0.25), 0, 1e-15)
  })

  it('a log normalizer uses ln(v − min + ε): with ε = 1 on [0, 999], v = 9 and 99 sit at ⅓ and ⅔', () => {
    const n = createValueNormalizer(0, 999, true, 1)
    // ln(10)/ln(1000) = 1/3 and ln(100)/ln(1000) = 2/3.
    assertInDelta([n.toUnit(0), n.toUnit(9), n.toUnit(99), n.toUnit(999)], [0, 1 / 3, 2 / 3, 1], 1e-14)
    assertInDelta([n.fromUnit(1 / 3), n.fromUnit(2 / 3)], [9, 99], 1e-11)
  })

  it('the default ε is 10⁻⁴ of the range, so colours cover four decades of v − min', () => {
    expect(defaultLogEpsilon(0, 2500)).toBeCloseTo(0.25, 15)
    const n = createValueNormalizer(0, 2500, true)
    expect(n.epsilon).toBeCloseTo(0.25, 15)
    // v − min = 0.25·10² is half-way in log terms between ε and the range (four decades: 0.25 … 2500.25).
    assertInDelta(n.toUnit(24.75), Math.log(25 / 0.25) / Math.log(2500.25 / 0.25), 1e-14)
  })

  it('a flat range sends everything to 0 instead of dividing by zero', () => {
    const n = createValueNormalizer(3, 3, false)
    expect(n.toUnit(3)).toBe(0)
    expect(n.toUnit(5)).toBe(0)
  })

  it('createValueNormalizer throws on non-finite bounds, max < min or ε ≤ 0', () => {
    expect(() => createValueNormalizer(NaN, 1, false)).toThrow(/invalid value range/)
    expect(() => createValueNormalizer(2, 1, false)).toThrow(/invalid value range/)
    expect(() => createValueNormalizer(0, 1, true, 0)).toThrow(/epsilon/)
  })
})
