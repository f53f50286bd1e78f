import { describe, expect, it } from 'vitest'
import { drawMomentumArrows } from '../../src/render/arrows'
import { axesMargin, drawAxes } from '../../src/render/axes'
import { paletteLut, unpackRgba } from '../../src/render/colors'
import { drawContourRings } from '../../src/render/contourRings'
import {
  drawScaleFor,
  PRESENTER_FONT_PX,
  PRESENTER_PATH_PX,
  presenterDrawScale,
  SCREEN_SCALE,
} from '../../src/render/drawScale'
import type { DrawScale } from '../../src/render/drawScale'
import { drawEigenAxes } from '../../src/render/eigenAxes'
import { gridTransform } from '../../src/render/grid'
import { paintHeatmap } from '../../src/render/heatmap'
import { drawLineChart } from '../../src/render/lineChart'
import { drawDataPoints } from '../../src/render/points'
import { viewScales } from '../../src/render/scales'
import { drawCurrentMarker, drawMinima, drawTrajectory } from '../../src/render/trajectory'
import { RecordingContext } from '../helpers/recordingContext'

/** The px size in a CSS font shorthand ('italic 13px serif' → 13). */
const fontPx = (font: string): number => Number(/([\d.]+)px/.exec(font)![1])

const extent = { x: [-2, 2] as [number, number], y: [-2, 2] as [number, number] }

/** Everything the render layer draws on a surface and in a chart, at `scale`, into one recording context. */
function drawEverything(scale: DrawScale | undefined): RecordingContext {
  const ctx = new RecordingContext()
  // The smallest fonts the panels use: 11 px surface ticks on phones, 11 px chart ticks, 12 px λ labels.
  const fontBase = 11
  const scales = viewScales(extent, { widthPx: 900, heightPx: 700, margin: axesMargin(fontBase, scale) })
  drawAxes(ctx, scales, extent, { xLabel: 'w_1', yLabel: 'w_2', fontPx: fontBase, scale })
  const xs = [1.5, 1, 0.5, 0]
  const ys = [-1.5, -1, -0.6, 0]
  drawTrajectory(ctx, xs, ys, 4, scales, { color: '#0072b2', scale })
  drawCurrentMarker(ctx, scales, [0, 0], '#0072b2', 2, scale)
  drawMinima(ctx, [[0, 0]], scales, { scale })
  drawMomentumArrows(ctx, scales, [0, 0], [0.3, 0], [0, 0.3], [0.3, 0.3], { scale })
  drawEigenAxes(
    ctx,
    scales,
    [0, 0],
    [
      [1, 0],
      [0, 1],
    ],
    [-2, 3],
    { fontPx: 12, scale },
  )
  drawDataPoints(ctx, scales, [0.5, 0.5, -0.5, -0.5], [1, 0], { scale })
  const ring = new Float64Array([1, 1, 2, 1, 2, 2, 1, 2, 1, 1])
  drawContourRings(ctx, [{ value: 0.5, rings: [ring] }], gridTransform(scales, extent, 4, 4), { scale })
  drawLineChart(ctx, {
    widthPx: 600,
    heightPx: 300,
    series: [{ values: [3, 2, 1.5, 1], count: 4, color: '#d55e00', label: 'Adam' }],
    xMax: 3,
    yLog: true,
    yLabel: 'L',
    xLabel: 'step',
    scale,
  })
  return ctx
}

describe('presenterDrawScale', () => {
  it('at 1080 px brings the smallest font (11 px) to 24 px and the thinnest path (1.25 px) to 3 px', () => {
    const s = presenterDrawScale(1080)
    expect(11 * s.text).toBeCloseTo(24, 10)
    expect(1.25 * s.line).toBeCloseTo(3, 10)
    expect(s.profile).toBe('projector')
  })

  it('scales in proportion to the viewport height (720 px: 16 px text, 2 px paths), never below 1×', () => {
    const s = presenterDrawScale(720)
    expect(11 * s.text).toBeCloseTo(16, 10)
    expect(1.25 * s.line).toBeCloseTo(2, 10)
    expect(presenterDrawScale(300)).toEqual({ text: 1, line: 1, profile: 'projector' })
    expect(presenterDrawScale(Number.NaN)).toEqual(presenterDrawScale(1080))
  })

  it('drawScaleFor: screen sizes outside presenter mode; the projector profile follows presenter mode unless chosen', () => {
    expect(drawScaleFor(false, 1080)).toBe(SCREEN_SCALE)
    expect(drawScaleFor(false, 1080, 'projector')).toEqual({ text: 1, line: 1, profile: 'projector' })
    expect(drawScaleFor(true, 1080)).toEqual(presenterDrawScale(1080))
    expect(drawScaleFor(true, 1080, 'screen').profile).toBe('screen')
  })
})

describe('the render layer at the presenter scale', () => {
  const fonts = (ctx: RecordingContext) => ctx.texts.map((t) => fontPx(t.font))
  const strokes = (ctx: RecordingContext, color: string) =>
    ctx.ops.filter((o) => o.kind === 'stroke' && o.strokeStyle === color).map((o) => o.lineWidth)

  it('at 1920×1080 every drawn text is at least 24 px and every path at least 3 px', () => {
    const ctx = drawEverything(presenterDrawScale(1080))
    expect(ctx.texts.length).toBeGreaterThan(10)
    expect(Math.min(...fonts(ctx))).toBeGreaterThanOrEqual(PRESENTER_FONT_PX - 1e-9)
    // The racer's path (and its chart curve), the arrows' shafts and the boundary-style contours.
    expect(Math.min(...strokes(ctx, '#0072b2'))).toBeGreaterThanOrEqual(PRESENTER_PATH_PX - 1e-9)
    expect(Math.min(...strokes(ctx, '#d55e00'))).toBeGreaterThanOrEqual(PRESENTER_PATH_PX - 1e-9)
    // The fonts the canvas was asked for follow the same rule, not only the recorded texts.
    for (const call of ctx.calls.filter((c) => c.startsWith('font=')))
      expect(fontPx(call)).toBeGreaterThanOrEqual(PRESENTER_FONT_PX - 1e-9)
  })

  it('at 1280×720 text and lines are 2/3 of the 1080 sizes', () => {
    const big = drawEverything(presenterDrawScale(1080))
    const small = drawEverything(presenterDrawScale(720))
    expect(Math.min(...fonts(small))).toBeCloseTo((Math.min(...fonts(big)) * 720) / 1080, 6)
    expect(Math.min(...strokes(small, '#0072b2'))).toBeCloseTo(2, 6)
  })

  it('every line width and radius is the screen one times `line`, every font size the screen one times `text`', () => {
    const screen = drawEverything(undefined)
    const scale = { text: 2, line: 3, profile: 'screen' } as const
    const big = drawEverything(scale)
    // Bigger type leaves room for fewer ticks, so compare the sizes used, not the texts one by one.
    const sizes = (c: RecordingContext) =>
      [...new Set(c.texts.map((t) => fontPx(t.font)))].sort((a, b) => a - b)
    expect(sizes(big)).toEqual(sizes(screen).map((f) => f * 2))
    // Axes are laid out anew (bigger margins), so compare widths and arc radii only.
    const widths = (c: RecordingContext) => c.ops.filter((o) => o.kind === 'stroke').map((o) => o.lineWidth)
    expect(widths(big)).toEqual(widths(screen).map((w) => w * 3))
    const radii = (c: RecordingContext) =>
      c.ops.flatMap((o) => o.segments.flatMap((s) => (s.op === 'A' ? [s.r] : [])))
    expect(radii(big)).toEqual(radii(screen).map((r) => r * 3))
    const dashes = (c: RecordingContext) => c.ops.flatMap((o) => o.dash)
    expect(dashes(big)).toEqual(dashes(screen).map((d) => d * 3))
  })

  it('SCREEN_SCALE draws exactly what no scale draws', () => {
    expect(drawEverything(SCREEN_SCALE).calls).toEqual(drawEverything(undefined).calls)
  })
})

describe('the projector colour profile', () => {
  const grid = { nx: 4, ny: 1, values: new Float64Array([0, 1, 2, 3]), min: 0, max: 3 }
  const paint = (profile: 'screen' | 'projector') => {
    const image = { width: 4, height: 1, data: new Uint8ClampedArray(16) }
    paintHeatmap(image, grid, { palette: 'jet', log: false, profile })
    return [0, 1, 2, 3].map((i) => Array.from(image.data.slice(4 * i, 4 * i + 3)))
  }

  it('washes the palette 60 % towards white: jet’s navy end (#000080) becomes a light blue', () => {
    const [low] = paint('projector')
    const navy = unpackRgba(paletteLut('jet')[0])
    expect(navy.slice(0, 3)).toEqual([0, 0, 128])
    expect(low).toEqual([153, 153, 204]) // 0 + 0.6·255, 128 + 0.6·127
  })

  it('keeps every colour lighter than the screen one (a light background under dark paths)', () => {
    const lum = ([r, g, b]: number[]) => 0.2126 * r + 0.7152 * g + 0.0722 * b
    const screen = paint('screen')
    const projector = paint('projector')
    for (let i = 0; i < 4; i++) expect(lum(projector[i])).toBeGreaterThan(lum(screen[i]))
    // Even the darkest band is light enough that black text and paths keep ≥ 4.5:1 contrast over it.
    for (const c of projector) expect(lum(c)).toBeGreaterThan(120)
  })

  it('draws contour lines darker in the projector profile', () => {
    const ctx = new RecordingContext()
    const scales = viewScales(extent, { widthPx: 200, heightPx: 200 })
    const ring = new Float64Array([1, 1, 2, 1, 2, 2, 1, 2, 1, 1])
    const t = gridTransform(scales, extent, 4, 4)
    drawContourRings(ctx, [{ value: 0.5, rings: [ring] }], t, {
      scale: { ...SCREEN_SCALE, profile: 'projector' },
    })
    drawContourRings(ctx, [{ value: 0.5, rings: [ring] }], t)
    // Two strokes per call (ordinary and index levels).
    expect(ctx.ops.map((o) => o.globalAlpha)).toEqual([0.7, 0.7, 0.45, 0.45])
  })
})
