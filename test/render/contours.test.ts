import { describe, expect, it } from 'vitest'
import { sampleGrid } from '../../src/core/grid'
import type { Surface } from '../../src/core/types'
import { contourPaths, drawContours } from '../../src/render/contours'
import { gridTransform } from '../../src/render/grid'
import type { GridLike } from '../../src/render/grid'
import { viewScales } from '../../src/render/scales'
import { RecordingContext } from '../helpers/recordingContext'
import type { PaintOp } from '../helpers/recordingContext'

// f(i, j) = i on an nx × ny node grid: x_i = i over [0, nx − 1], so the level v is the vertical line x = v.
function rampGrid(nx: number, ny: number): GridLike {
  const values = new Float64Array(nx * ny)
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) values[i + j * nx] = i
  return { values, nx, ny, min: 0, max: nx - 1 }
}

const points = (op: PaintOp): number[][] =>
  op.segments.flatMap((s) => (s.op === 'M' || s.op === 'L' ? [[s.x, s.y]] : []))

describe('contourPaths', () => {
  it('contourPaths(grid, thresholds) returns one MultiPolygon per threshold, sorted, accepting a Float64Array', () => {
    const mps = contourPaths(rampGrid(3, 2), [1.5, 0.5])
    expect(mps.map((m) => m.value)).toEqual([0.5, 1.5])
    expect(mps.every((m) => m.type === 'MultiPolygon')).toBe(true)
  })

  it('contourPaths throws on a non-finite threshold', () => {
    expect(() => contourPaths(rampGrid(3, 2), [NaN])).toThrow(/threshold/)
  })
})

describe('drawContours', () => {
  // 200 × 100 px over [0, 2] × [0, 1]: x px = 100·x, y px = 100 − 100·y.
  const scales = viewScales({ x: [0, 2], y: [0, 1] }, { widthPx: 200, heightPx: 100 })

  it('drawContours draws f = x at levels 0.5 and 1.5 as the vertical lines x = 0.5 and x = 1.5, inside the grid', () => {
    const g = rampGrid(3, 2)
    const ctx = new RecordingContext()
    drawContours(ctx, contourPaths(g, [0.5, 1.5]), gridTransform(scales, { x: [0, 2], y: [0, 1] }, 3, 2))
    const strokes = ctx.strokes()
    expect(strokes).toHaveLength(2)
    // Both levels are ordinary (not every 5th): one thin path, and an empty path for the index levels.
    expect(strokes[0].lineWidth).toBe(0.6)
    expect(strokes[0].d).toBe('M50,100L50,0M150,100L150,0')
    expect(strokes[1].d).toBe('')
    expect(strokes[0].strokeStyle).toBe('#000000')
    expect(strokes[0].globalAlpha).toBeGreaterThan(0)
    expect(strokes[0].globalAlpha).toBeLessThan(1)
  })

  it('drawContours draws every 5th level thicker', () => {
    // f = x on 12 × 2 nodes over [0, 11] × [0, 1]; levels 0.5 … 9.5, so the 5th and 10th are 4.5 and 9.5.
    const g = rampGrid(12, 2)
    const s = viewScales({ x: [0, 11], y: [0, 1] }, { widthPx: 1100, heightPx: 100 })
    const levels = Array.from({ length: 10 }, (_, k) => k + 0.5)
    const ctx = new RecordingContext()
    drawContours(ctx, contourPaths(g, levels), gridTransform(s, { x: [0, 11], y: [0, 1] }, 12, 2))
    const [minor, major] = ctx.strokes()
    expect(major.lineWidth).toBeGreaterThan(minor.lineWidth)
    const xs = (op: PaintOp): number[] => [...new Set(points(op).map(([x]) => x))].sort((a, b) => a - b)
    expect(xs(major)).toEqual([450, 950])
    expect(xs(minor)).toEqual([50, 150, 250, 350, 550, 650, 750, 850])
  })

  it('drawContours skips the segments d3 adds along the grid border, so nothing is drawn outside the samples', () => {
    // A bowl f = x² + y² on [−1, 1]², 9 × 9 nodes; level 1.2 leaves through all four sides.
    const n = 9
    const values = new Float64Array(n * n)
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) values[i + j * n] = (-1 + i / 4) ** 2 + (-1 + j / 4) ** 2
    const s = viewScales({ x: [-1, 1], y: [-1, 1] }, { widthPx: 200, heightPx: 200 })
    const ctx = new RecordingContext()
    const mps = contourPaths({ values, nx: n, ny: n, min: 0, max: 2 }, [1.2, 0.3])
    drawContours(ctx, mps, gridTransform(s, { x: [-1, 1], y: [-1, 1] }, n, n), { majorEvery: 0 })
    const pts = ctx.strokes().flatMap(points)
    expect(pts.length).toBeGreaterThan(8)
    for (const [x, y] of pts) {
      expect(x).toBeGreaterThanOrEqual(0)
      expect(x).toBeLessThanOrEqual(200)
      expect(y).toBeGreaterThanOrEqual(0)
      expect(y).toBeLessThanOrEqual(200)
    }
    // The inner level 0.3 is a closed ring around the centre: its path starts and ends at the same point.
    const inner = ctx
      .strokes()[0]
      .d.split('M')
      .filter((p) => p !== '')
    const closed = inner.filter((p) => {
      const nums = p.replace(/L/g, ' ').trim().split(' ')
      return nums[0] === nums[nums.length - 1]
    })
    expect(closed.length).toBeGreaterThanOrEqual(1)
  })

  it("drawContours agrees with the core's sampleGrid: f = x + y sampled on nodes puts level 0.5 on the line x + y = 0.5", () => {
    const plane = {
      id: 'plane',
      extent: { x: [-1, 1], y: [-1, 1] },
      f: (x: number, y: number) => x + y,
    } as unknown as Surface
    const g = sampleGrid(plane, plane.extent, 21, 11)
    const s = viewScales(plane.extent, { widthPx: 300, heightPx: 200 })
    const ctx = new RecordingContext()
    drawContours(ctx, contourPaths(g, [0.5]), gridTransform(s, g.extent, g.nx, g.ny))
    const pts = ctx.strokes()[0].segments.flatMap((p) => (p.op === 'L' || p.op === 'M' ? [[p.x, p.y]] : []))
    expect(pts.length).toBeGreaterThan(5)
    // Linear interpolation is exact for a plane, so every vertex satisfies x + y = 0.5 (px rounded to 0.001).
    for (const [px, py] of pts) expect(Math.abs(s.pxToX(px) + s.pyToY(py) - 0.5)).toBeLessThan(2e-5)
  })
})
