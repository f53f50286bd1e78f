import { describe, expect, it } from 'vitest'
import { drawChartOverlay } from '../../../src/panels/ChartsPanel/chartOverlay'
import { paintTrainingChart } from '../../../src/panels/ClassifierLab/paintCurves'
import { paintSpectrum } from '../../../src/panels/ClassifierLab/paintSpectrum'
import { presenterDrawScale, SCREEN_SCALE } from '../../../src/render/drawScale'
import type { DrawScale } from '../../../src/render/drawScale'
import { lineChartLayout } from '../../../src/render/lineChart'
import { RecordingContext } from '../../helpers/recordingContext'

// The three canvases issue #9 left at screen sizes — the lab's training curves, its Hessian spectrum and the
// charts' hover overlay — at the presenter's 1080-px scale: every font ≥ 24 px, every path ≥ 3 px. The targets
// are the numbers, written out here, not read from drawScale.ts.
const FONT_1080 = 24
const PATH_1080 = 3

/** The px size in a CSS font shorthand ('13px system-ui' → 13). */
const fontPx = (font: string): number => Number(/([\d.]+)px/.exec(font)![1])

/** A recording context that also measures text (0.6 em per character), as `paintSpectrum` needs. */
class MeasuringContext extends RecordingContext {
  measureText(text: string): { width: number } {
    return { width: text.length * fontPx(this.font) * 0.6 }
  }
}

const RUN = '#0072b2'
const VAL = '#e69f00'

function curves(scale: DrawScale | undefined): RecordingContext {
  const ctx = new RecordingContext()
  const loss = Float64Array.from({ length: 41 }, (_, e) => (e === 0 ? NaN : 0.7 * Math.exp(-e / 10)))
  const val = Float64Array.from(loss, (v) => v * 1.2)
  paintTrainingChart(
    ctx,
    {
      widthPx: 700,
      heightPx: 360,
      series: [
        { values: loss, count: 41, color: RUN },
        { values: val, count: 41, color: VAL },
      ],
      xMax: 60,
      yLog: true,
      yLabel: 'loss',
      xLabel: 'epoch',
      marker: 30,
      scale,
    },
    [{ epoch: 25, color: RUN, label: 'restored 25' }],
  )
  return ctx
}

function spectrum(scale: DrawScale | undefined, n = 40): MeasuringContext {
  const ctx = new MeasuringContext()
  const values = Float64Array.from({ length: n }, (_, i) => (i - 5) ** 3 / 10).sort()
  paintSpectrum(ctx, { widthPx: 600, heightPx: 290, values, tolerance: 1e-6, scale })
  return ctx
}

function overlay(scale: DrawScale | undefined): RecordingContext {
  const ctx = new RecordingContext()
  const layout = lineChartLayout({
    widthPx: 600,
    heightPx: 300,
    series: [],
    xMax: 100,
    yLog: true,
    yLabel: 'L',
    xLabel: 'step',
    scale,
  })
  drawChartOverlay(
    ctx,
    layout,
    { cursor: 40, hover: { step: 20, points: [{ value: 3, color: RUN }] } },
    scale,
  )
  return ctx
}

const fontsSet = (ctx: RecordingContext) => ctx.calls.filter((c) => c.startsWith('font=')).map(fontPx)
const fontsDrawn = (ctx: RecordingContext) => ctx.texts.map((t) => fontPx(t.font))
const widths = (ctx: RecordingContext, color: string) => ctx.strokes(color).map((o) => o.lineWidth)
const radii = (ctx: RecordingContext) =>
  ctx.ops.flatMap((o) => o.segments.flatMap((s) => (s.op === 'A' ? [s.r] : [])))

describe('the lab’s training curves at the presenter scale', () => {
  it('at 1920×1080 every font is ≥ 24 px and the curves and the restored-epoch line are ≥ 3 px', () => {
    const ctx = curves(presenterDrawScale(1080))
    expect(ctx.texts.length).toBeGreaterThan(5)
    expect(Math.min(...fontsDrawn(ctx))).toBeGreaterThanOrEqual(FONT_1080 - 1e-9)
    expect(Math.min(...fontsSet(ctx))).toBeGreaterThanOrEqual(FONT_1080 - 1e-9)
    // Two strokes in the run's colour: its curve and the dashed restored-epoch line.
    expect(widths(ctx, RUN)).toHaveLength(2)
    expect(Math.min(...widths(ctx, RUN), ...widths(ctx, VAL))).toBeGreaterThanOrEqual(PATH_1080 - 1e-9)
    // The restored-epoch label is drawn in the chart's font, not the canvas default.
    const label = ctx.texts.find((t) => t.text === 'restored 25')!
    expect(fontPx(label.font)).toBeGreaterThanOrEqual(FONT_1080 - 1e-9)
  })

  it('scales the restored line’s dash with the lines; the screen scale draws what no scale draws', () => {
    const dash = (c: RecordingContext) => c.strokes(RUN).find((o) => o.dash.length > 0)!.dash
    expect(dash(curves(undefined))).toEqual([4, 3])
    expect(dash(curves({ text: 1, line: 2, profile: 'screen' }))).toEqual([8, 6])
    expect(curves(SCREEN_SCALE).calls).toEqual(curves(undefined).calls)
  })
})

describe('the Hessian spectrum at the presenter scale', () => {
  it('at 1920×1080 every tick label is ≥ 24 px, every line ≥ 1 px × 2.4 and the dots ≥ 3 px across', () => {
    const ctx = spectrum(presenterDrawScale(1080))
    expect(ctx.texts.length).toBeGreaterThan(2)
    expect(Math.min(...fontsDrawn(ctx))).toBeGreaterThanOrEqual(FONT_1080 - 1e-9)
    expect(Math.min(...fontsSet(ctx))).toBeGreaterThanOrEqual(FONT_1080 - 1e-9)
    // Its strokes are the zero line, the decade lines and the frame, 1 px on screen.
    const strokes = ctx.strokes().map((o) => o.lineWidth)
    expect(Math.min(...strokes)).toBeGreaterThanOrEqual(PATH_1080 * (1 / 1.25) - 1e-9)
    expect(Math.min(...radii(ctx)) * 2).toBeGreaterThanOrEqual(PATH_1080 - 1e-9)
    // Even a big network's small dots (1.5 px on screen) stay ≥ 3 px across.
    expect(Math.min(...radii(spectrum(presenterDrawScale(1080), 300))) * 2).toBeGreaterThanOrEqual(PATH_1080)
  })

  it('multiplies fonts by `text` and lines and dots by `line`; the screen scale draws what no scale draws', () => {
    const screen = spectrum(undefined)
    const big = spectrum({ text: 2, line: 3, profile: 'screen' })
    expect(fontsDrawn(big)).toEqual(fontsDrawn(screen).map((f) => f * 2))
    expect(big.ops.filter((o) => o.kind === 'stroke').map((o) => o.lineWidth)).toEqual(
      screen.ops.filter((o) => o.kind === 'stroke').map((o) => o.lineWidth * 3),
    )
    expect(radii(big)).toEqual(radii(screen).map((r) => r * 3))
    expect(spectrum(SCREEN_SCALE).calls).toEqual(screen.calls)
  })
})

describe('the charts’ hover overlay at the presenter scale', () => {
  it('at 1920×1080 the rings are ≥ 3 px wide, the guide lines 1 px × 2.4, the playhead’s dash scaled', () => {
    const ctx = overlay(presenterDrawScale(1080))
    expect(Math.min(...widths(ctx, RUN))).toBeGreaterThanOrEqual(PATH_1080 - 1e-9)
    expect(Math.min(...ctx.strokes().map((o) => o.lineWidth))).toBeCloseTo(2.4, 9)
    expect(radii(ctx)[0]).toBeCloseTo(3.5 * 2.4, 9)
    expect(ctx.strokes().find((o) => o.dash.length > 0)!.dash).toEqual(
      [7.2, 7.2].map((d) => expect.closeTo(d, 9)),
    )
  })

  it('the screen scale draws what no scale draws (1 px guides, 3.5 px rings 2 px wide)', () => {
    const ctx = overlay(undefined)
    expect(ctx.strokes().map((o) => o.lineWidth)).toEqual([1, 2, 1])
    expect(overlay(SCREEN_SCALE).calls).toEqual(ctx.calls)
  })
})
