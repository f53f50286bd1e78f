import { describe, expect, it } from 'vitest'
import { logTicks, paintXYChart, titleFont } from '../../../src/panels/ClassifierLab/paintXYChart'
import type { XYChartSpec } from '../../../src/panels/ClassifierLab/paintXYChart'
import { presenterDrawScale, SCREEN_SCALE } from '../../../src/render/drawScale'
import type { DrawScale } from '../../../src/render/drawScale'
import { RecordingContext } from '../../helpers/recordingContext'

/** RecordingContext with the one call it lacks (clipping changes nothing it records). */
class ClipContext extends RecordingContext {
  clip(): void {}
}

const fontPx = (font: string): number => Number(/([\d.]+)px/.exec(font)![1])
const RUN = '#0072b2'

function chart(scale: DrawScale | undefined, extra: Partial<XYChartSpec> = {}): ClipContext {
  const ctx = new ClipContext()
  const t = Float64Array.from({ length: 81 }, (_, i) => -0.5 + i * 0.025)
  paintXYChart(ctx as unknown as CanvasRenderingContext2D, {
    widthPx: 600,
    heightPx: 300,
    xDomain: [-0.5, 1.5],
    series: [{ x: t, y: t.map((v) => 0.1 + (v - 1) ** 2), color: RUN }],
    yLog: true,
    xLabel: 't',
    yLabel: 'Loss',
    marks: [{ x: 0, label: '' }],
    scale,
    ...extra,
  })
  return ctx
}

describe('logTicks', () => {
  it('1-2-5 ticks inside the range when there is room, powers of ten when not, fewer decades when still not', () => {
    expect(logTicks(0.04, 3).map((t) => t.label)).toEqual(['0.05', '0.1', '0.2', '0.5', '1', '2'])
    // 2 decades on 60 px: a 1-2-5 step (0.4 decade) is 12 px, a decade 30 px; 20 px wanted.
    expect(logTicks(0.01, 1, 60, 20).map((t) => t.value)).toEqual([0.01, 0.1, 1])
    // 6 decades on 60 px: 10 px a decade, so every second one.
    expect(logTicks(1e-3, 1e3, 60, 20).map((t) => t.value)).toEqual([1e-2, 1, 1e2])
  })
})

describe('titleFont', () => {
  it('sets symbols in the math italic and words, Chinese ones too, in the UI font', () => {
    for (const symbol of ['t', 'α', 'w₁']) expect(titleFont(symbol, 12)).toMatch(/^italic 12px/)
    for (const word of ['Loss', '损失', '回合', 'Epoch']) expect(titleFont(word, 12)).toMatch(/^12px/)
  })
})

describe('paintXYChart', () => {
  it('labels t from −0.4 to 1.4 on a 600-px chart (0.2 apart), the y title, and strokes the curve once', () => {
    const ctx = chart(undefined)
    const labels = ctx.texts.map((t) => t.text)
    for (const l of ['−0.4', '0.0', '1.0', '1.4']) expect(labels).toContain(l)
    expect(labels).toContain('Loss')
    expect(ctx.strokes(RUN)).toHaveLength(1)
  })

  it('at the presenter’s 1080-px scale every font is ≥ 24 px and the curve ≥ 3 px', () => {
    const ctx = chart(presenterDrawScale(1080))
    expect(Math.min(...ctx.texts.map((t) => fontPx(t.font)))).toBeGreaterThanOrEqual(24 - 1e-9)
    expect(Math.min(...ctx.strokes(RUN).map((o) => o.lineWidth))).toBeGreaterThanOrEqual(3 - 1e-9)
    expect(chart(SCREEN_SCALE).calls).toEqual(chart(undefined).calls)
  })

  it('a linear axis with a fixed domain labels its ends', () => {
    const ctx = chart(undefined, { yLog: false, yDomain: [0, 1], yLabel: 'Accuracy' })
    const labels = ctx.texts.map((t) => t.text)
    expect(labels).toContain('0.0')
    expect(labels).toContain('1.0')
  })
})
