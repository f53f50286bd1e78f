// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { surfaceContours } from '../../src/core/contours'
import { sampleGrid } from '../../src/core/grid'
import { getSurface } from '../../src/core/surfaces/index'
import { drawSurfaceFigure, surfaceFigureLayout } from '../../src/render/exportSurface'
import type { FigureTarget, SurfaceFigure } from '../../src/render/exportSurface'
import type { ImageLike } from '../../src/render/heatmap'
import { createSvgContext } from '../../src/render/svgContext'
import { RecordingContext } from '../helpers/recordingContext'

const saddle = getSurface('saddle')
const grid = sampleGrid(saddle, saddle.extent, 24, 20)
const contours = surfaceContours(grid, 10, false)

/** A straight path from the start toward (1, 1), `n` points. */
const line = (n: number) => ({
  x: Float64Array.from({ length: n }, (_, i) => 1.5 - (0.5 * i) / n),
  y: Float64Array.from({ length: n }, (_, i) => -1.499 + (2.4 * i) / n),
})

const figure = (over: Partial<SurfaceFigure> = {}): SurfaceFigure => ({
  title: 'Error surface: saddle · step 30 of 500',
  axes: ['w_1', 'w_2'],
  extent: saddle.extent,
  grid,
  contours,
  palette: 'jet',
  logHint: false,
  minima: [[1, 1]],
  start: [1.5, -1.499],
  racers: [
    // Drawn in this order (the selected racer last, on top); listed in the legend by legendIndex.
    {
      label: 'Momentum',
      note: 'η = 0.05 · Diverged at step 12',
      legendIndex: 1,
      color: '#d62728',
      ...line(50),
      count: 13,
    },
    { label: 'SGD', note: 'η = 0.01 · L = 0.25', legendIndex: 0, color: '#1f77b4', ...line(31), count: 31 },
  ],
  legendTitle: 'Optimizers',
  ...over,
})

/** A recording target: the painters' calls, plus where each image went. */
function recorder() {
  const ctx = Object.assign(new RecordingContext(), {
    clips: 0,
    clip(this: { clips: number }) {
      this.clips++
    },
  })
  const images: { image: ImageLike; x: number; y: number; w: number; h: number }[] = []
  const target: FigureTarget = {
    ctx,
    drawImage: (image, x, y, w, h) => void images.push({ image, x, y, w, h }),
  }
  return { ctx, images, target }
}

describe('surfaceFigureLayout', () => {
  it('a wide figure puts the legend right of the plot; a narrow one under it; both inside the figure', () => {
    const wide = surfaceFigureLayout({ widthPx: 960, heightPx: 640 }, saddle.extent, 4)
    expect(wide.legend.left).toBeGreaterThan(wide.scales.plot.left + wide.scales.plot.width)
    expect(wide.legend.left + wide.legend.width).toBeLessThanOrEqual(960)
    const narrow = surfaceFigureLayout({ widthPx: 480, heightPx: 640 }, saddle.extent, 4)
    expect(narrow.legend.top).toBeGreaterThan(narrow.scales.plot.top + narrow.scales.plot.height)
    expect(narrow.legend.top + narrow.legend.height).toBeLessThanOrEqual(640)
    for (const { scales } of [wide, narrow]) {
      expect(scales.plot.left).toBeGreaterThan(0)
      expect(scales.plot.top).toBeGreaterThan(0)
      expect(scales.extent).toEqual(saddle.extent)
    }
    expect([
      wide.fontPx,
      narrow.fontPx,
      surfaceFigureLayout({ widthPx: 1600, heightPx: 900 }, saddle.extent, 1).fontPx,
    ]).toEqual([13, 11, 16])
  })
})

describe('drawSurfaceFigure', () => {
  it("paints the heatmap once, one pixel per grid node, over the grid's place in the plot", () => {
    const { images, target } = recorder()
    drawSurfaceFigure(target, figure(), { widthPx: 960, heightPx: 640 })
    expect(images).toHaveLength(1)
    const [{ image, x, y, w, h }] = images
    expect([image.width, image.height]).toEqual([24, 20])
    const { plot } = surfaceFigureLayout({ widthPx: 960, heightPx: 640 }, saddle.extent, 2).scales
    // 'nodes' sampling: the image overhangs the extent by half a cell on each side.
    const cellW = plot.width / 23
    const cellH = plot.height / 19
    expect(x).toBeCloseTo(plot.left - cellW / 2, 9)
    expect(w).toBeCloseTo(plot.width + cellW, 9)
    expect(y).toBeCloseTo(plot.top - cellH / 2, 9)
    expect(h).toBeCloseTo(plot.height + cellH, 9)
    // The heatmap pixels are opaque colours, not left blank.
    expect(image.data.filter((_, i) => i % 4 === 3).every((a) => a === 255)).toBe(true)
  })

  it('draws each racer only up to its count, in its colour, and the legend lists them in legend order', () => {
    const { ctx, target } = recorder()
    drawSurfaceFigure(target, figure(), { widthPx: 960, heightPx: 640 })
    const blue = ctx.strokes('#1f77b4')
    const red = ctx.strokes('#d62728')
    // The longest stroke in each colour is the trajectory: count points, joined by count − 1 segments.
    const vertices = (ops: typeof blue) => Math.max(...ops.map((o) => o.segments.length))
    expect(vertices(blue)).toBe(31)
    expect(vertices(red)).toBe(13)
    expect(ctx.filledTexts()).toEqual(
      expect.arrayContaining([
        'Error surface: saddle · step 30 of 500',
        'Optimizers',
        'SGD',
        'η = 0.01 · L = 0.25',
        'Momentum',
        'η = 0.05 · Diverged at step 12',
        'w₁',
        'w₂',
      ]),
    )
    const y = (text: string) => ctx.texts.find((op) => op.text === text)!.y
    expect(y('SGD')).toBeLessThan(y('η = 0.01 · L = 0.25'))
    expect(y('η = 0.01 · L = 0.25')).toBeLessThan(y('Momentum'))
    // Momentum is drawn first, under SGD: its path's strokes come before SGD's.
    const first = (color: string) => ctx.ops.findIndex((o) => o.kind === 'stroke' && o.strokeStyle === color)
    expect(first('#d62728')).toBeLessThan(first('#1f77b4'))
    // Everything inside the plot (heatmap, contours, paths, minima, start) is clipped to it.
    expect(ctx.clips).toBe(1)
  })

  it('draws the same figure as a valid SVG with the heatmap image, contour and trajectory paths and text', () => {
    const svg = createSvgContext(960, 640, {
      encodeImage: () => 'data:image/png;base64,AAAA',
      title: 'saddle',
    })
    drawSurfaceFigure(
      { ctx: svg, drawImage: (i, x, y, w, h) => svg.drawImageData(i, x, y, w, h) },
      figure(),
      {
        widthPx: 960,
        heightPx: 640,
      },
    )
    const doc = new DOMParser().parseFromString(svg.toSvg(), 'image/svg+xml')
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0)
    expect(doc.getElementsByTagName('image')).toHaveLength(1)
    expect(doc.getElementsByTagName('clipPath')).toHaveLength(1)
    const paths = Array.from(doc.getElementsByTagName('path'))
    expect(paths.filter((p) => p.getAttribute('stroke') === '#d62728').length).toBeGreaterThan(0)
    expect(
      paths.filter((p) => p.getAttribute('stroke') === '#000000' && p.getAttribute('opacity') === '0.45')
        .length,
    ).toBe(2)
    const texts = Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent)
    expect(texts).toContain('Momentum')
  })

  it('without a grid the plot shows its plain background and still the paths, axes and legend', () => {
    const { ctx, images, target } = recorder()
    drawSurfaceFigure(target, figure({ grid: null, contours: null }), { widthPx: 800, heightPx: 500 })
    expect(images).toEqual([])
    expect(ctx.rects.map((r) => r.fillStyle)).toEqual(['#ffffff', '#eceff3'])
    expect(ctx.strokes('#1f77b4').length).toBeGreaterThan(0)
  })
})
