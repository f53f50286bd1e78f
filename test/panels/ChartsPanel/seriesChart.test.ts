import { describe, expect, it } from 'vitest'
import { drawChartOverlay } from '../../../src/panels/ChartsPanel/chartOverlay'
import { createSeriesChart } from '../../../src/panels/ChartsPanel/seriesChart'
import type { ChartSeries, SeriesChartFrame } from '../../../src/panels/ChartsPanel/seriesChart'
import { RecordingContext, r3 } from '../../helpers/recordingContext'
import type { PaintOp } from '../../helpers/recordingContext'

function recordingLayer() {
  const ctx = new RecordingContext()
  const layer = { ctx, clears: 0, clear: () => void layer.clears++ }
  return layer
}
const frame = (series: ChartSeries[], epoch: unknown = 1): SeriesChartFrame => ({
  widthPx: 300,
  heightPx: 150,
  fontPx: 10,
  xMax: 100,
  xLabel: 'step',
  yLabel: 'L',
  epoch,
  series,
})
const vertices = (op: PaintOp) => op.segments.flatMap((s) => (s.op === 'M' || s.op === 'L' ? [s] : []))
// Values in one decade [10, 100]: 20 + k.
const decade = () => Float64Array.from({ length: 101 }, (_, k) => 20 + k)

describe('createSeriesChart', () => {
  it('paint(frame) first draws the whole chart, clearing the layer once', () => {
    const layer = recordingLayer()
    const chart = createSeriesChart()
    const { layout, full } = chart.paint(
      layer,
      frame([{ id: 'a', color: 'red', values: decade(), count: 5 }]),
    )
    expect(full).toBe(true)
    expect(layer.clears).toBe(1)
    expect(layout.yDomain).toEqual([10, 100])
    expect(layer.ctx.strokes('red')).toHaveLength(1)
    expect(chart.layout()).toBe(layout)
  })

  it('paint(frame) with new points in the same decades strokes only the new segments, joined to the last drawn point', () => {
    const layer = recordingLayer()
    const chart = createSeriesChart()
    const values = decade()
    const { layout } = chart.paint(layer, frame([{ id: 'a', color: 'red', values, count: 5 }]))
    const before = layer.ctx.ops.length
    const second = chart.paint(layer, frame([{ id: 'a', color: 'red', values, count: 9 }]))
    expect(second.full).toBe(false)
    expect(layer.clears).toBe(1)
    const added = layer.ctx.ops.slice(before)
    expect(added).toHaveLength(1)
    expect(added[0].strokeStyle).toBe('red')
    expect(added[0].lineWidth).toBe(1.25)
    expect(vertices(added[0])).toEqual(
      [4, 5, 6, 7, 8].map((k, i) => ({
        op: i === 0 ? 'M' : 'L',
        x: r3(layout.xToPx(k)),
        y: r3(layout.yToPx(20 + k)),
      })),
    )
    // Nothing new arrived: nothing is drawn.
    chart.paint(layer, frame([{ id: 'a', color: 'red', values, count: 9 }]))
    expect(layer.ctx.ops.length).toBe(before + 1)
  })

  it('paint(frame) repaints everything when a new value leaves the y domain', () => {
    const layer = recordingLayer()
    const chart = createSeriesChart()
    const values = decade()
    chart.paint(layer, frame([{ id: 'a', color: 'red', values, count: 5 }]))
    values[5] = 500
    const { full, layout } = chart.paint(layer, frame([{ id: 'a', color: 'red', values, count: 6 }]))
    expect(full).toBe(true)
    expect(layer.clears).toBe(2)
    expect(layout.yDomain).toEqual([10, 1000])
  })

  it('paint(frame) keeps a diverging value from squeezing the start: it runs along the top edge', () => {
    const layer = recordingLayer()
    const chart = createSeriesChart()
    const values = decade()
    chart.paint(layer, frame([{ id: 'a', color: 'red', values, count: 5 }]))
    values[5] = 1e175
    values[6] = Infinity
    const { layout, full } = chart.paint(layer, frame([{ id: 'a', color: 'red', values, count: 7 }]))
    // Four decades above the start value 20: [10, 10⁶], not [10, 10¹⁷⁵].
    expect(full).toBe(true)
    expect(layout.yDomain).toEqual([10, 1e6])
    const curve = layer.ctx.strokes('red').at(-1)!
    const last = vertices(curve).at(-1)!
    expect(last).toEqual({ op: 'L', x: r3(layout.xToPx(5)), y: r3(layout.plot.top) })
  })

  it('paint(frame) repaints everything for a new epoch, other series or invalidate()', () => {
    const layer = recordingLayer()
    const chart = createSeriesChart()
    const values = decade()
    const a = { id: 'a', color: 'red', values, count: 5 }
    chart.paint(layer, frame([a], 1))
    expect(chart.paint(layer, frame([a], 2)).full).toBe(true)
    expect(chart.paint(layer, frame([a, { ...a, id: 'b', color: 'blue' }], 2)).full).toBe(true)
    chart.invalidate()
    expect(chart.paint(layer, frame([a, { ...a, id: 'b', color: 'blue' }], 2)).full).toBe(true)
    expect(layer.clears).toBe(4)
  })

  it('paint(frame) breaks an appended curve at a value a log axis cannot show', () => {
    const layer = recordingLayer()
    const chart = createSeriesChart()
    const values = decade()
    values[6] = 0
    chart.paint(layer, frame([{ id: 'a', color: 'red', values, count: 5 }]))
    const before = layer.ctx.ops.length
    chart.paint(layer, frame([{ id: 'a', color: 'red', values, count: 9 }]))
    const ops = vertices(layer.ctx.ops[before]).map((s) => s.op)
    expect(ops).toEqual(['M', 'L', 'M', 'L'])
  })
})

describe('drawChartOverlay', () => {
  it('drawChartOverlay(ctx, layout, overlay) draws the playhead dashed and rings each positive value at the hovered step', () => {
    const base = recordingLayer()
    const { layout } = createSeriesChart().paint(
      base,
      frame([{ id: 'a', color: 'red', values: decade(), count: 50 }]),
    )
    const ctx = new RecordingContext()
    drawChartOverlay(ctx, layout, {
      cursor: 30,
      hover: {
        step: 10,
        points: [
          { value: 30, color: 'red' },
          { value: 0, color: 'blue' },
        ],
      },
    })
    const playhead = ctx.ops.find((o) => o.dash.length > 0)!
    expect(vertices(playhead).map((s) => s.x)).toEqual([r3(layout.xToPx(30)), r3(layout.xToPx(30))])
    const rings = ctx.strokes('red')
    expect(rings).toHaveLength(1)
    expect(rings[0].segments[0]).toMatchObject({ op: 'A', x: r3(layout.xToPx(10)), y: r3(layout.yToPx(30)) })
    expect(ctx.strokes('blue')).toHaveLength(0)
  })

  it('drawChartOverlay(ctx, layout, overlay) leaves out a playhead beyond the x axis', () => {
    const { layout } = createSeriesChart().paint(
      recordingLayer(),
      frame([{ id: 'a', color: 'red', values: decade(), count: 5 }]),
    )
    const ctx = new RecordingContext()
    drawChartOverlay(ctx, layout, { cursor: 101 })
    expect(ctx.ops).toHaveLength(0)
  })
})

describe('createSeriesChart with losses below zero', () => {
  it('switches to a symlog axis titled symlogLabel and draws the curve through every step', () => {
    const layer = recordingLayer()
    const chart = createSeriesChart()
    // The momentum hill: L starts at 6 and settles in the shallow valley at −1.07.
    const values = Float64Array.from({ length: 101 }, (_, k) => (k < 10 ? 6 - 0.7 * k : -1.07))
    const f = { ...frame([{ id: 'a', color: 'red', values, count: 101 }]), symlogLabel: 'L (symlog)' }
    const { layout } = chart.paint(layer, f)
    expect(layout.ySymlog).toBe(true)
    expect(layout.yLog).toBe(false)
    expect(layout.yDomain).toEqual([-10, 10])
    const xs = vertices(layer.ctx.strokes('red')[0]).map((v) => v.x)
    expect(Math.max(...xs)).toBeCloseTo(layout.xToPx(100), 6)
    expect(layer.ctx.texts.some((t) => t.text.includes('symlog'))).toBe(true)
  })

  it('without a symlogLabel (‖g‖) or with only positive values the axis stays logarithmic', () => {
    const values = Float64Array.from({ length: 11 }, (_, k) => 5 - k)
    const chart = createSeriesChart()
    expect(
      chart.paint(recordingLayer(), frame([{ id: 'a', color: 'red', values, count: 11 }])).layout.yLog,
    ).toBe(true)
    const positive = createSeriesChart().paint(recordingLayer(), {
      ...frame([{ id: 'a', color: 'red', values: decade(), count: 11 }]),
      symlogLabel: 'L (symlog)',
    })
    expect(positive.layout.yLog).toBe(true)
  })
})
