import { describe, expect, it } from 'vitest'
import { traceContours } from '../../src/core/contours'
import { sampleGrid } from '../../src/core/grid'
import { drawContourRings } from '../../src/render/contourRings'
import { contourPaths, drawContours } from '../../src/render/contours'
import { gridTransform } from '../../src/render/grid'
import { viewScales } from '../../src/render/scales'
import { RecordingContext } from '../helpers/recordingContext'

describe('drawContourRings', () => {
  const extent = { x: [-2, 2] as [number, number], y: [-2, 2] as [number, number] }
  const scales = viewScales(extent, { widthPx: 300, heightPx: 240, margin: 20 })

  it('strokes the worker’s rings exactly as render’s drawContours strokes d3’s polygons (saddle, 12 levels)', () => {
    const grid = sampleGrid('saddle', extent, 48, 40)
    const levels = Array.from({ length: 12 }, (_, k) => 0.3 + 2 * k)
    const t = gridTransform(scales, extent, grid.nx, grid.ny)
    const mine = new RecordingContext()
    drawContourRings(mine, traceContours(grid, levels), t)
    const reference = new RecordingContext()
    drawContours(reference, contourPaths(grid, levels), t)
    expect(mine.strokes().length).toBe(2)
    expect(mine.strokes().map((s) => s.d)).toEqual(reference.strokes().map((s) => s.d))
    expect(mine.strokes().map((s) => s.lineWidth)).toEqual(reference.strokes().map((s) => s.lineWidth))
    expect(mine.strokes()[0].d.length).toBeGreaterThan(100)
  })

  it('skips the segments d3 adds along the grid border: nothing is drawn outside the sampled area', () => {
    // f = x² + y² on 9 × 9 nodes over [−1, 1]², level 1.2 leaves through all four sides.
    const n = 9
    const values = new Float64Array(n * n)
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) values[i + j * n] = (-1 + i / 4) ** 2 + (-1 + j / 4) ** 2
    const s = viewScales({ x: [-1, 1], y: [-1, 1] }, { widthPx: 200, heightPx: 200 })
    const ctx = new RecordingContext()
    drawContourRings(
      ctx,
      traceContours({ values, nx: n, ny: n }, [1.2]),
      gridTransform(s, { x: [-1, 1], y: [-1, 1] }, n, n),
    )
    const points = ctx
      .strokes()
      .flatMap((op) =>
        op.segments.flatMap((seg) => (seg.op === 'M' || seg.op === 'L' ? [[seg.x, seg.y]] : [])),
      )
    expect(points.length).toBeGreaterThan(8)
    // Sample (i, j) is at pixel (25·i, 200 − 25·j); the grid's samples span [0, 200]², its border cells beyond.
    for (const [x, y] of points) {
      expect(x).toBeGreaterThanOrEqual(0)
      expect(x).toBeLessThanOrEqual(200)
      expect(y).toBeGreaterThanOrEqual(0)
      expect(y).toBeLessThanOrEqual(200)
    }
  })
})
