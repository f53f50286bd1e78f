import { describe, expect, it } from 'vitest'
import { traceContours } from '../../../src/core/contours'
import { boundaryFigureSize, drawBoundaryFigure } from '../../../src/panels/ExportMenu/boundaryFigure'
import type { BoundaryFigure } from '../../../src/panels/ExportMenu/boundaryFigure'
import type { ImageLike } from '../../../src/render/heatmap'
import { RecordingContext } from '../../helpers/recordingContext'

/** p = 1 inside the disc x² + y² < 2 and 0 outside, on an 8 × 8 grid over [−3, 3]². */
const disc = Float64Array.from({ length: 64 }, (_, k) => {
  const x = -3 + (6 * (k % 8)) / 7
  const y = -3 + (6 * Math.floor(k / 8)) / 7
  return x * x + y * y < 2 ? 1 : 0
})

/** The disc's p = 0.5 rings, as the worker traces them with each frame. */
const boundary = traceContours({ values: disc, nx: 8, ny: 8 }, [0.5])[0]

const figure: BoundaryFigure = {
  extent: { x: [-3, 3], y: [-3, 3] },
  axes: ['x1', 'x2'],
  data: { x: [0, 0, 2.5, 2.5], y: [1, 0] },
  views: [
    { title: 'Without regularization · epoch 3', grid: disc, nx: 8, ny: 8, boundary },
    { title: 'With L2, λ = 0.03 · epoch 3', grid: disc, nx: 8, ny: 8, boundary },
  ],
}

function draw() {
  const ctx = Object.assign(new RecordingContext(), { clip() {} })
  const images: { image: ImageLike; x: number; w: number }[] = []
  const size = boundaryFigureSize(960, 2)
  drawBoundaryFigure({ ctx, drawImage: (image, x, _y, w) => void images.push({ image, x, w }) }, figure, size)
  return { ctx, images, size }
}

describe('drawBoundaryFigure', () => {
  it('boundaryFigureSize makes each view a square plot, so the data has equal units on both axes', () => {
    const { ctx, size } = draw()
    expect(size.widthPx).toBe(960)
    // Per view, the plot rectangle is traced twice (`rect(left, top, width, height)`): the clip, then the frame.
    const plots = ctx.calls
      .filter((c) => c.startsWith('rect('))
      .map((c) => c.slice(5, -1).split(',').map(Number))
    expect(plots).toHaveLength(4)
    for (const [, , w, h] of plots) expect(w).toBeCloseTo(h, 0)
    expect(plots[2][0]).toBeGreaterThan(plots[0][0] + plots[0][2])
  })

  it('each view shows its title, the prediction image, the p = 0.5 contour in black and the points in class colours', () => {
    const { ctx, images } = draw()
    expect(ctx.filledTexts()).toEqual(expect.arrayContaining(figure.views.map((v) => v.title)))
    expect(images.map((i) => [i.image.width, i.image.height])).toEqual([
      [8, 8],
      [8, 8],
    ])
    expect(images[1].x).toBeGreaterThan(images[0].x + images[0].w / 2)
    const boundary = ctx.strokes('#000000').filter((o) => o.lineWidth === 2)
    expect(boundary).toHaveLength(2)
    expect(boundary.every((o) => o.segments.length > 4)).toBe(true)
    expect(ctx.fills('#ff0000')).toHaveLength(2)
    expect(ctx.fills('#0000ff')).toHaveLength(2)
  })
})
