import { describe, expect, it } from 'vitest'
import { clampToRule, isInRule } from '../../src/state/limits'

describe('limits', () => {
  const unitOpen = { min: 0, max: 1, maxExclusive: true }
  const positive = { min: 0, max: 10, minExclusive: true }
  const count = { min: 1, max: 100, integer: true }

  it('isInRule respects inclusive and exclusive bounds, integers and finiteness', () => {
    expect([0, 0.5, 1].map((v) => isInRule(unitOpen, v))).toEqual([true, true, false])
    expect([0, 1e-300, 10].map((v) => isInRule(positive, v))).toEqual([false, true, true])
    expect([1, 1.5, 100, 101].map((v) => isInRule(count, v))).toEqual([true, false, true, false])
    expect([NaN, Infinity, '1', null, undefined].map((v) => isInRule(count, v))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ])
  })

  it('clampToRule clamps to inclusive bounds, rounds integers, and gives undefined past an exclusive bound', () => {
    expect([-5, 0.3, 7].map((v) => clampToRule({ min: 0, max: 1 }, v))).toEqual([0, 0.3, 1])
    expect([0.4, 2.5, 1e9].map((v) => clampToRule(count, v))).toEqual([1, 3, 100])
    expect([1, 2, -1].map((v) => clampToRule(unitOpen, v))).toEqual([undefined, undefined, 0])
    expect([0, -3, 20].map((v) => clampToRule(positive, v))).toEqual([undefined, undefined, 10])
    expect([NaN, Infinity, '2'].map((v) => clampToRule(count, v))).toEqual([undefined, undefined, undefined])
    expect(Object.is(clampToRule({ min: -1, max: 1 }, -0), 0)).toBe(true)
  })
})
