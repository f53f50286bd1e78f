import { describe, expect, it } from 'vitest'
import { fromSliderPosition, sliderBounds, toSliderPosition } from '../../src/ui/sliderScale'
import type { SliderScale } from '../../src/ui/sliderScale'

const lr: SliderScale = { min: 1e-8, max: 10, step: 0.1, scale: 'log' }
const momentum: SliderScale = { min: 0, max: 0.99, step: 0.01, scale: 'linear' }

describe('sliderScale', () => {
  it('sliderBounds(scale) is log₁₀ of the range on a log scale and the range itself on a linear one', () => {
    expect(sliderBounds(lr)).toEqual({ min: -8, max: 1, step: 0.1 })
    expect(sliderBounds(momentum)).toEqual({ min: 0, max: 0.99, step: 0.01 })
  })

  it('toSliderPosition(value) is log₁₀(value) on a log scale, clamped into the slider', () => {
    expect(toSliderPosition(0.01, lr)).toBeCloseTo(-2, 12)
    expect(toSliderPosition(1e-7, lr)).toBeCloseTo(-7, 12)
    expect(toSliderPosition(100, lr)).toBe(1)
    expect(toSliderPosition(0, lr)).toBe(-8)
    expect(toSliderPosition(0.9, momentum)).toBe(0.9)
    expect(toSliderPosition(5, momentum)).toBe(0.99)
  })

  it('fromSliderPosition(position) gives 2 significant digits per log step: 1, 1.3, 1.6, 2, 2.5, 3.2, 4, 5, 6.3, 7.9', () => {
    const decade = Array.from({ length: 10 }, (_, k) => fromSliderPosition(-2 + k / 10, lr))
    expect(decade).toEqual([0.01, 0.013, 0.016, 0.02, 0.025, 0.032, 0.04, 0.05, 0.063, 0.079])
    expect(fromSliderPosition(1, lr)).toBe(10)
    expect(fromSliderPosition(-8, lr)).toBe(1e-8)
  })

  it('fromSliderPosition(position) snaps a linear slider to its increment without binary noise', () => {
    expect(fromSliderPosition(0.30000000000000004, momentum)).toBe(0.3)
    expect(fromSliderPosition(0.899, momentum)).toBe(0.9)
    const beta2: SliderScale = { min: 0.9, max: 0.9999, step: 0.0001, scale: 'linear' }
    expect(fromSliderPosition(0.9990000001, beta2)).toBe(0.999)
    const quarter: SliderScale = { min: 0, max: 5, step: 0.25, scale: 'linear' }
    expect(fromSliderPosition(1.3, quarter)).toBe(1.25)
  })

  it('fromSliderPosition(position) rounds integer scales and stays inside [min, max]', () => {
    const steps: SliderScale = { min: 1, max: 10000, step: 1, scale: 'linear', integer: true }
    expect(fromSliderPosition(41.6, steps)).toBe(42)
    expect(fromSliderPosition(20000, steps)).toBe(10000)
    expect(fromSliderPosition(-3, momentum)).toBe(0)
  })

  it('fromSliderPosition(toSliderPosition(v)) returns a value of the slider grid within half a step of v', () => {
    for (const v of [1e-8, 3e-6, 0.01, 0.05, 0.3, 1, 7]) {
      const back = fromSliderPosition(toSliderPosition(v, lr), lr)
      expect(Math.abs(Math.log10(back) - Math.log10(v))).toBeLessThanOrEqual(0.05 + 1e-12)
    }
  })
})
