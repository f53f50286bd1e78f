import { describe, expect, it } from 'vitest'
import { factorDomain, hoverStep, logDomain } from '../../../src/panels/ChartsPanel/chartGeometry'
import { lineChartLayout } from '../../../src/render/lineChart'

describe('logDomain', () => {
  it('logDomain(min, max) is the whole decades around the values, as the line chart computes them from data', () => {
    expect(logDomain(3e-7, 40)).toEqual([1e-7, 100])
    // Same answer as drawLineChart's own data-driven domain, so incremental paints match a full one.
    const values = Float64Array.of(3e-7, 2e-3, 40)
    const own = lineChartLayout({
      widthPx: 300,
      heightPx: 150,
      xLabel: '',
      yLabel: '',
      series: [{ values, count: 3, color: 'k' }],
      xMax: 2,
      yLog: true,
    }).yDomain
    expect(logDomain(3e-7, 40)).toEqual(own)
  })

  it('logDomain(min, max) spans at least one decade and, without a start value, at most 12, cutting the bottom', () => {
    expect(logDomain(2, 3)).toEqual([1, 10])
    expect(logDomain(1, 1)).toEqual([1, 10])
    expect(logDomain(1e-7, 1e-7)).toEqual([1e-7, 1e-6])
    expect(logDomain(1e-30, 5)).toEqual([1e-11, 10])
  })

  it('logDomain(min, max, start) keeps at most 10 decades below the start and 4 above it', () => {
    // The saddle: L starts at 10.55 and sinks to 10⁻³⁰.
    expect(logDomain(1e-30, 10.55, 10.55)).toEqual([1e-9, 100])
    // A diverging run: starts at 100, explodes to 10¹⁷⁵.
    expect(logDomain(3, 1e175, 100)).toEqual([1, 1e7])
    // Inside those bounds the start changes nothing.
    expect(logDomain(3e-7, 40, 40)).toEqual([1e-7, 100])
    expect(logDomain(2, 3, 3)).toEqual([1, 10])
  })

  it('logDomain(min, max) falls back to [1, 10] without a positive finite value', () => {
    expect(logDomain(Infinity, -Infinity)).toEqual([1, 10])
    expect(logDomain(0, 5)).toEqual([1, 10])
    expect(logDomain(NaN, 5)).toEqual([1, 10])
  })
})

describe('factorDomain', () => {
  it('factorDomain(max) starts at 0 and ends at a round value above the largest factor', () => {
    expect(factorDomain(1)).toEqual([0, 1.2])
    for (const m of [0.37, 1, 2.5, 7, 1e-3]) {
      const [lo, hi] = factorDomain(m)
      expect(lo).toBe(0)
      expect(hi).toBeGreaterThanOrEqual(1.1 * m)
      expect(hi).toBeLessThanOrEqual(2.2 * m)
    }
    expect(factorDomain(0)).toEqual([0, 1])
    expect(factorDomain(NaN)).toEqual([0, 1])
  })
})

describe('hoverStep', () => {
  // A plot from x = 40 px, 200 px wide, over steps 0…100: 2 px per step.
  it('hoverStep(px, …) is the nearest step under the pointer', () => {
    expect(hoverStep(40, 40, 200, 100, 100)).toBe(0)
    expect(hoverStep(140, 40, 200, 100, 100)).toBe(50)
    expect(hoverStep(141.2, 40, 200, 100, 100)).toBe(51)
    expect(hoverStep(240, 40, 200, 100, 100)).toBe(100)
  })

  it('hoverStep(px, …) clamps to the last step with data and to the plot, with a little slack outside it', () => {
    expect(hoverStep(240, 40, 200, 100, 60)).toBe(60)
    expect(hoverStep(37, 40, 200, 100, 100)).toBe(0)
    expect(hoverStep(244, 40, 200, 100, 100)).toBe(100)
    expect(hoverStep(10, 40, 200, 100, 100)).toBeNull()
    expect(hoverStep(260, 40, 200, 100, 100)).toBeNull()
  })

  it('hoverStep(px, …) is null when there is no data yet', () => {
    expect(hoverStep(140, 40, 200, 100, -1)).toBeNull()
  })
})
