import { describe, expect, it } from 'vitest'
import { axesMargin, drawAxes, linearTicks } from '../../src/render/axes'
import { viewScales } from '../../src/render/scales'
import { RecordingContext } from '../helpers/recordingContext'

describe('linearTicks', () => {
  it('linearTicks(−2, 2, 5) gives round values labelled with a true minus sign (U+2212)', () => {
    expect(linearTicks(-2, 2, 5)).toEqual([
      { value: -2, label: '−2' },
      { value: -1, label: '−1' },
      { value: 0, label: '0' },
      { value: 1, label: '1' },
      { value: 2, label: '2' },
    ])
  })

  it('linearTicks uses just enough decimals (Pokémon w axis) and round steps (b axis)', () => {
    expect(linearTicks(-5, 5, 4).map((t) => t.label)).toEqual(['−4', '−2', '0', '2', '4'])
    expect(linearTicks(0, 0.3, 3).map((t) => t.label)).toEqual(['0.0', '0.1', '0.2', '0.3'])
    expect(linearTicks(-200, -100, 5).map((t) => t.value)).toEqual([-200, -180, -160, -140, -120, -100])
  })
})

describe('drawAxes', () => {
  const margin = axesMargin(12)
  const view = { widthPx: 420, heightPx: 320, margin }
  const extent = { x: [-2, 2] as [number, number], y: [-1, 3] as [number, number] }
  const scales = viewScales(extent, view)
  const left = margin.left
  const top = margin.top
  const width = 420 - margin.left - margin.right
  const height = 320 - margin.top - margin.bottom

  it('drawAxes frames the plot area', () => {
    const ctx = new RecordingContext()
    drawAxes(ctx, scales, extent, { xLabel: 'w_1', yLabel: 'w_2' })
    expect(ctx.strokes().some((o) => o.d === `R${left},${top},${width},${height}`)).toBe(true)
  })

  it('drawAxes puts each tick label under / beside the position of its value, computed from the extent', () => {
    const ctx = new RecordingContext()
    drawAxes(ctx, scales, extent, { xLabel: 'w_1', yLabel: 'w_2', fontPx: 12 })
    // The label of a value, whatever its decimals ('3' or '3.0'); labels use '−' for minus.
    const at = (value: number, align: string): { x: number; y: number } => {
      const t = ctx.texts.find((q) => Number(q.text.replace('−', '-')) === value && q.textAlign === align)
      if (t === undefined) throw new Error(`no label for ${value}`)
      return t
    }
    // x = 0 is the middle of the plot; x = −2 its left edge.
    expect(at(0, 'center').x).toBeCloseTo(left + width / 2, 3)
    expect(at(-2, 'center').x).toBeCloseTo(left, 3)
    expect(at(0, 'center').y).toBeGreaterThan(top + height)
    // y = 3 is the top edge, y = −1 the bottom one, y = 1 half-way.
    expect(at(3, 'right').y).toBeCloseTo(top, 3)
    expect(at(1, 'right').y).toBeCloseTo(top + height / 2, 3)
    expect(at(1, 'right').x).toBeLessThan(left)
  })

  it('drawAxes writes the parameter names as Unicode math (w_1 → w₁) in italic serif', () => {
    const ctx = new RecordingContext()
    drawAxes(ctx, scales, extent, { xLabel: 'w_1', yLabel: 'w_2' })
    const title = ctx.texts.find((t) => t.text === 'w₁')
    expect(title?.font).toMatch(/^italic .*serif/)
    expect(title?.x).toBeCloseTo(left + width / 2, 3)
    const yTitle = ctx.texts.find((t) => t.text === 'w₂')
    expect(yTitle?.y).toBeLessThan(top)
    expect(yTitle?.x).toBe(left)
  })

  it('drawAxes leaves the context state as it found it', () => {
    const ctx = new RecordingContext()
    drawAxes(ctx, scales, extent, { xLabel: 'b', yLabel: 'w', color: '#ff00ff' })
    expect(ctx.calls[0]).toBe('save')
    expect(ctx.calls[ctx.calls.length - 1]).toBe('restore')
    expect(ctx.strokeStyle).toBe('#000000')
  })
})
