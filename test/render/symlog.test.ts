import { describe, expect, it } from 'vitest'
import { drawLineChart, lineChartLayout, symlog, symlogDomain } from '../../src/render/lineChart'
import { RecordingContext } from '../helpers/recordingContext'

const base = { widthPx: 300, heightPx: 150, xLabel: 'step', yLabel: 'L', fontPx: 10 }

describe('symlog axis', () => {
  it('symlog(v) = sign(v)·log₁₀(1 + |v|): odd, 0 at 0, one decade per decade far out', () => {
    expect(symlog(0)).toBe(0)
    expect(symlog(9)).toBeCloseTo(1, 15)
    expect(symlog(-9)).toBeCloseTo(-1, 15)
    expect(symlog(99)).toBeCloseTo(2, 15)
    for (const v of [0.3, 2.5, 1e4]) expect(symlog(-v)).toBe(-symlog(v))
  })

  it('symlogDomain brackets the range with 0 and ±10ᵏ', () => {
    expect(symlogDomain(-1.07, 6)).toEqual([-10, 10])
    expect(symlogDomain(-3.5, 0.999)).toEqual([-10, 1])
    expect(symlogDomain(-0.2, 0.5)).toEqual([-1, 1])
    expect(symlogDomain(0, 0)).toEqual([0, 1])
    expect(symlogDomain(-1, -1)).toEqual([-1, 0])
    expect(symlogDomain(-250, 12)).toEqual([-1000, 100])
  })

  it('a symlog chart places negative values below 0 and draws every finite point (a log chart drops them)', () => {
    const values = Float64Array.from([6, 2, -0.5, -1.07, -1.07])
    const spec = {
      ...base,
      series: [{ values, count: 5, color: 'red' }],
      xMax: 4,
      yLog: false,
      ySymlog: true,
    }
    const layout = lineChartLayout(spec)
    expect(layout.ySymlog).toBe(true)
    expect(layout.yDomain).toEqual([-10, 10])
    // Monotone: a lower loss is lower on screen (larger px), and 0 sits between.
    expect(layout.yToPx(-1.07)).toBeGreaterThan(layout.yToPx(0))
    expect(layout.yToPx(0)).toBeGreaterThan(layout.yToPx(2))
    expect(layout.yToPx(-10)).toBeCloseTo(layout.plot.top + layout.plot.height, 9)
    expect(layout.yToPx(10)).toBeCloseTo(layout.plot.top, 9)
    expect(layout.yTicks.map((t) => t.value)).toEqual([-10, -1, 0, 1, 10])
    expect(layout.yTicks.find((t) => t.value === -10)?.label).toBe('−10')

    const ctx = new RecordingContext()
    drawLineChart(ctx, spec)
    const stroke = ctx.strokes('red').find((o) => o.lineWidth === 1.25)!
    const ys = stroke.segments.filter((s) => s.op === 'M' || s.op === 'L')
    expect(ys).toHaveLength(5)

    const logCtx = new RecordingContext()
    drawLineChart(logCtx, { ...spec, yLog: true, ySymlog: false })
    const logStroke = logCtx.strokes('red').find((o) => o.lineWidth === 1.25)!
    expect(logStroke.segments.filter((s) => s.op === 'M' || s.op === 'L')).toHaveLength(2)
  })
})
