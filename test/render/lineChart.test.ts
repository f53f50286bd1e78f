import { describe, expect, it } from 'vitest'
import { drawLineChart, lineChartLayout } from '../../src/render/lineChart'
import type { LineChartSpec } from '../../src/render/lineChart'
import { RecordingContext } from '../helpers/recordingContext'
import type { PaintOp } from '../helpers/recordingContext'
import { r3 } from '../helpers/recordingContext'

const base = { widthPx: 300, heightPx: 150, xLabel: 'step', yLabel: 'loss', fontPx: 10 }
const vertices = (op: PaintOp): number[][] =>
  op.segments.flatMap((s) => (s.op === 'M' || s.op === 'L' ? [[s.x, s.y]] : []))
const seriesStroke = (ctx: RecordingContext, color: string): PaintOp => {
  const op = ctx.strokes(color).find((o) => o.lineWidth === 1.25)
  if (op === undefined) throw new Error(`no series stroke in ${color}`)
  return op
}

describe('lineChartLayout', () => {
  it('lineChartLayout puts the plot inside the chart with room for ticks and titles', () => {
    const { plot } = lineChartLayout({ ...base, series: [], xMax: 10, yLog: false })
    expect(plot.left).toBeGreaterThan(20)
    expect(plot.top).toBeGreaterThan(10)
    expect(plot.left + plot.width).toBeLessThan(300)
    expect(plot.top + plot.height).toBeLessThan(150 - 20)
  })

  it('lineChartLayout gives a log axis whole decades around the data and a linear one a nice range from 0', () => {
    const values = Float64Array.of(3e-7, 2e-3, 40)
    expect(
      lineChartLayout({ ...base, series: [{ values, count: 3, color: 'k' }], xMax: 2, yLog: true }).yDomain,
    ).toEqual([1e-7, 100])
    expect(
      lineChartLayout({ ...base, series: [{ values, count: 3, color: 'k' }], xMax: 2, yLog: false }).yDomain,
    ).toEqual([0, 40])
    const lr = Float64Array.of(0.3, 0.25, 0.21)
    expect(
      lineChartLayout({ ...base, series: [{ values: lr, count: 3, color: 'k' }], xMax: 2, yLog: false })
        .yDomain,
    ).toEqual([0, 0.3])
  })

  it('lineChartLayout falls back to [1, 10] (log) or [0, 1] when nothing can be drawn', () => {
    const values = Float64Array.of(0, NaN, -1)
    const s = [{ values, count: 3, color: 'k' }]
    expect(lineChartLayout({ ...base, series: s, xMax: 2, yLog: true }).yDomain).toEqual([1, 10])
    expect(lineChartLayout({ ...base, series: [], xMax: 2, yLog: false }).yDomain).toEqual([0, 1])
  })

  it('lineChartLayout labels a tiny linear range (η = 10⁻⁶) in ×10ⁿ form and widens the left margin to fit', () => {
    const lr = new Float64Array(3).fill(1.14e-6)
    const layout = lineChartLayout({
      ...base,
      series: [{ values: lr, count: 3, color: 'k' }],
      xMax: 2,
      yLog: false,
    })
    const labels = layout.yTicks.map((t) => t.label)
    expect(labels).toContain('10⁻⁶')
    expect(labels).toContain('0')
    const widest = Math.max(...labels.map((l) => l.length))
    expect(layout.plot.left).toBeGreaterThanOrEqual(widest * 10 * 0.6 + 4 + 3)
  })

  it('lineChartLayout rejects a yDomain that is empty, or not positive on a log axis', () => {
    const spec = { ...base, series: [], xMax: 2 }
    expect(() => lineChartLayout({ ...spec, yLog: false, yDomain: [1, 1] })).toThrow(/yDomain/)
    expect(() => lineChartLayout({ ...spec, yLog: true, yDomain: [0, 1] })).toThrow(/log axis/)
    expect(lineChartLayout({ ...spec, yLog: true, yDomain: [1e-3, 1] }).yDomain).toEqual([1e-3, 1])
  })

  it('lineChartLayout rejects a stride below 1', () => {
    expect(() =>
      lineChartLayout({
        ...base,
        series: [{ values: new Float64Array(2), count: 1, color: 'k', stride: 0 }],
        xMax: 1,
        yLog: false,
      }),
    ).toThrow(/stride/)
  })
})

describe('drawLineChart', () => {
  it('drawLineChart draws a short linear series through the points placed on the returned plot area', () => {
    const ctx = new RecordingContext()
    const spec: LineChartSpec = {
      ...base,
      series: [{ values: Float64Array.of(0, 1, 2), count: 3, color: '#0072b2' }],
      xMax: 2,
      yLog: false,
    }
    const { plot, yDomain } = drawLineChart(ctx, spec)
    expect(yDomain).toEqual([0, 2])
    // Step k at left + k/2·width; value v at top + (1 − v/2)·height.
    const expected = [0, 1, 2].map((k) => [
      r3(plot.left + (k / 2) * plot.width),
      r3(plot.top + (1 - k / 2) * plot.height),
    ])
    expect(vertices(seriesStroke(ctx, '#0072b2'))).toEqual(expected)
  })

  it('drawLineChart on a log axis places 10⁻⁷, 10⁻⁵ and 10⁻⁶ by their exponents and labels the decades', () => {
    const ctx = new RecordingContext()
    const { plot } = drawLineChart(ctx, {
      ...base,
      series: [{ values: Float64Array.of(1e-7, 1e-5, 1e-6), count: 3, color: '#d55e00' }],
      xMax: 2,
      yLog: true,
      yLabel: '\\|g\\|',
    })
    const ys = vertices(seriesStroke(ctx, '#d55e00')).map((p) => p[1])
    // Domain [10⁻⁸, 10⁻⁴]: data on a whole decade would lie on the frame, so each end moves out a decade;
    // exponent −7 a quarter up, −5 three quarters, −6 half-way.
    const at = (e: number) => r3(plot.top + plot.height * (1 - (e + 8) / 4))
    expect(ys).toEqual([at(-7), at(-5), at(-6)])
    expect(ctx.filledTexts()).toEqual(expect.arrayContaining(['10⁻⁷', '10⁻⁶', '10⁻⁵', '‖g‖', 'step']))
  })

  it('drawLineChart on a log axis keeps a curve off the frame: 0.1007 gets a floor of 10⁻², 0.96 a top of 10¹', () => {
    const ctx = new RecordingContext()
    const layout = drawLineChart(ctx, {
      ...base,
      series: [{ values: Float64Array.of(0.96, 0.5, 0.1007), count: 3, color: '#d55e00' }],
      xMax: 2,
      yLog: true,
    })
    expect(layout.yDomain).toEqual([1e-2, 10])
    // Well inside a decade, the ends stay: [10⁻¹, 1] for 0.12…0.8.
    const inner = drawLineChart(new RecordingContext(), {
      ...base,
      series: [{ values: Float64Array.of(0.8, 0.12), count: 2, color: '#d55e00' }],
      xMax: 1,
      yLog: true,
    })
    expect(inner.yDomain).toEqual([0.1, 1])
  })

  it('drawLineChart skips zero and non-finite values on a log axis, breaking the curve', () => {
    const ctx = new RecordingContext()
    drawLineChart(ctx, {
      ...base,
      series: [{ values: Float64Array.of(1, 0, 10, NaN, 100, 1000), count: 6, color: '#009e73' }],
      xMax: 5,
      yLog: true,
    })
    const ops = seriesStroke(ctx, '#009e73').segments.map((s) => s.op)
    expect(ops).toEqual(['M', 'M', 'M', 'L'])
  })

  it('drawLineChart keeps a single spike among 100 000 points and draws ≤ 4 vertices per pixel column', () => {
    const n = 100_000
    const values = new Float64Array(n).fill(1)
    values[54_321] = 1e6
    values[77_777] = 1e-3
    const ctx = new RecordingContext()
    const layout = drawLineChart(ctx, {
      ...base,
      series: [{ values, count: n, color: '#cc79a7' }],
      xMax: n - 1,
      yLog: true,
    })
    // The spike and the dip lie on whole decades: each end moves out one, off the frame.
    expect(layout.yDomain).toEqual([1e-4, 1e7])
    const v = vertices(seriesStroke(ctx, '#cc79a7'))
    expect(v.length).toBeLessThanOrEqual(4 * (layout.plot.width + 1))
    const ys = v.map((p) => p[1])
    // The spike reaches a decade below the top of the plot (10⁶ of [10⁻⁴, 10⁷]), the dip a decade above its
    // bottom, both at their own steps.
    const yOf = (e: number) => r3(layout.plot.top + layout.plot.height * (1 - (e + 4) / 11))
    expect(Math.min(...ys)).toBe(yOf(6))
    expect(Math.max(...ys)).toBe(yOf(-3))
    const spike = v.find((p) => p[1] === yOf(6)) as number[]
    expect(spike[0]).toBe(r3(layout.xToPx(54_321)))
  })

  it('drawLineChart reads an interleaved series with stride and offset (σ of parameter 1 in state.sigma)', () => {
    const ctx = new RecordingContext()
    const sigma = Float64Array.of(5, 0, 5, 1, 5, 2) // [σ₀⁰, σ₁⁰, σ₀¹, σ₁¹, σ₀², σ₁²]
    const { plot } = drawLineChart(ctx, {
      ...base,
      series: [{ values: sigma, count: 3, color: '#882255', stride: 2, offset: 1 }],
      xMax: 2,
      yLog: false,
    })
    expect(vertices(seriesStroke(ctx, '#882255')).map((p) => p[1])).toEqual([
      r3(plot.top + plot.height),
      r3(plot.top + plot.height / 2),
      r3(plot.top),
    ])
  })

  it('drawLineChart stops at xMax and marks a step with a dashed vertical line', () => {
    const ctx = new RecordingContext()
    const layout = drawLineChart(ctx, {
      ...base,
      series: [{ values: Float64Array.of(1, 2, 3, 4, 5), count: 5, color: '#000000' }],
      xMax: 2,
      yLog: false,
      marker: 1,
    })
    expect(vertices(seriesStroke(ctx, '#000000'))).toHaveLength(3)
    const marker = ctx.strokes('#666666')[0]
    expect(marker.dash.length).toBeGreaterThan(0)
    expect(vertices(marker).map((p) => p[0])).toEqual([r3(layout.xToPx(1)), r3(layout.xToPx(1))])
  })

  it('drawLineChart labels steps compactly (100k) and draws a legend for labelled series', () => {
    const ctx = new RecordingContext()
    drawLineChart(ctx, {
      ...base,
      series: [
        { values: Float64Array.of(1, 2), count: 2, color: '#000000', label: 'GD' },
        { values: Float64Array.of(2, 1), count: 2, color: '#0072b2', label: 'Adam' },
      ],
      xMax: 100_000,
      yLog: false,
    })
    const texts = ctx.filledTexts()
    expect(texts).toEqual(expect.arrayContaining(['0', '100k', 'GD', 'Adam']))
    expect(ctx.texts.find((t) => t.text === 'Adam' && t.kind === 'fillText')?.fillStyle).toBe('#0072b2')
  })
})

describe('linear y labels on a short plot', () => {
  it('large type on a short chart labels every k-th tick, so labels stay 1.2 em apart (the top one kept)', () => {
    const spec: LineChartSpec = {
      widthPx: 600,
      heightPx: 130,
      xMax: 10,
      yLog: false,
      fontPx: 30,
      xLabel: 'step',
      yLabel: 'η',
      series: [{ values: new Float64Array([0, 1.2]), count: 2, color: 'k' }],
    }
    const { yTicks, plot } = lineChartLayout(spec)
    const shown = yTicks.filter((t) => t.label !== '')
    expect(plot.height).toBeLessThan(3 * 30)
    expect(shown.length).toBeGreaterThanOrEqual(1)
    for (let i = 1; i < shown.length; i++)
      expect(Math.abs(shown[i].px - shown[i - 1].px)).toBeGreaterThanOrEqual(36)
    expect(yTicks[yTicks.length - 1].label).not.toBe('')
    // A tall plot labels every tick, as before.
    expect(lineChartLayout({ ...spec, heightPx: 600 }).yTicks.every((t) => t.label !== '')).toBe(true)
  })
})
