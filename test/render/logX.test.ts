import { describe, expect, it } from 'vitest'
import { lineChartLayout } from '../../src/render/lineChart'
import { logXDecades, logXPx, logXStep, sampleUpdatesLog } from '../../src/render/logX'

describe('log-x map of the η chart', () => {
  it('puts update t at log₁₀(t + 1)/log₁₀ T of the width (hand-computed)', () => {
    // T = 100,000 steps, 500 px: log₁₀ T = 5, so each decade of steps is 100 px.
    expect(logXPx(0, 100_000, 500)).toBe(0) // step 1
    expect(logXPx(9, 100_000, 500)).toBeCloseTo(100, 9) // step 10
    expect(logXPx(999, 100_000, 500)).toBeCloseTo(300, 9) // step 1,000: the warm-up's end, 3/5 of the width
    expect(logXPx(99_999, 100_000, 500)).toBeCloseTo(500, 9) // step 100,000
    // Linear, the same warm-up would end at 999·500/100,000 ≈ 5 px.
    expect(logXStep(300, 100_000, 500)).toBeCloseTo(999, 6)
    expect(logXStep(200, 100_000, 500)).toBeCloseTo(99, 9)
  })

  it('the chart layout uses it on a log x axis, and a linear map otherwise', () => {
    const base = {
      widthPx: 600,
      heightPx: 150,
      series: [],
      xMax: 100_000,
      yLog: false,
      xLabel: '',
      yLabel: '',
    }
    const log = lineChartLayout({ ...base, xLog: true })
    const { left, width } = log.plot
    expect(log.xLog).toBe(true)
    expect((log.xToPx(999) - left) / width).toBeCloseTo(0.6, 9)
    expect(log.pxToStep(left + 0.6 * width)).toBeCloseTo(999, 6)
    const lin = lineChartLayout(base)
    expect(lin.xLog).toBe(false)
    expect((lin.xToPx(999) - lin.plot.left) / lin.plot.width).toBeCloseTo(0.00999, 9)
  })

  it('samples every early update and one per pixel column later, ending at the last update', () => {
    const ts = sampleUpdatesLog(100_000, 500)
    expect(ts[0]).toBe(0)
    expect(ts[ts.length - 1]).toBe(99_999)
    for (let i = 1; i < ts.length; i++) expect(ts[i]).toBeGreaterThan(ts[i - 1])
    // The first decade (steps 1…10) spans 100 px: all of its updates are drawn.
    expect(ts.slice(0, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(ts.length).toBeLessThanOrEqual(502)
    expect(sampleUpdatesLog(0, 500)).toEqual([])
  })

  it('labels decades of steps', () => {
    expect(logXDecades(100_000)).toEqual([1, 10, 100, 1000, 10_000, 100_000])
    expect(logXDecades(500)).toEqual([1, 10, 100])
  })
})
