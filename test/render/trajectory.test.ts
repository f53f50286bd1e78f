import { describe, expect, it } from 'vitest'
import { drawCurrentMarker, drawMinima, drawTrajectory, RACER_DASHES } from '../../src/render/trajectory'
import { paramPoint, viewScales } from '../../src/render/scales'
import { RecordingContext } from '../helpers/recordingContext'
import type { PaintOp } from '../helpers/recordingContext'

// 100 × 100 px showing [0, 10]²: x px = 10·x, y px = 100 − 10·y (computed by hand below, not by the scales).
const scales = viewScales({ x: [0, 10], y: [0, 10] }, { widthPx: 100, heightPx: 100 })
const xs = Float64Array.of(1, 5, 9)
const ys = Float64Array.of(1, 5, 2)

const vertices = (op: PaintOp): number[][] =>
  op.segments.flatMap((s) => (s.op === 'M' || s.op === 'L' ? [[s.x, s.y]] : []))
const arcs = (op: PaintOp): number[][] => op.segments.flatMap((s) => (s.op === 'A' ? [[s.x, s.y, s.r]] : []))

describe('drawTrajectory', () => {
  it('drawTrajectory draws a 3-point trajectory as one polyline through the hand-computed pixels', () => {
    const ctx = new RecordingContext()
    const info = drawTrajectory(ctx, xs, ys, 3, scales, { color: '#0072b2' })
    const line = ctx.strokes('#0072b2')[0]
    expect(line.d).toBe('M10,90L50,50L90,80')
    expect(line.lineWidth).toBe(1.25)
    expect(line.dash).toEqual([])
    expect(info).toEqual({ vertices: 3, dots: 3, current: 2 })
  })

  it('drawTrajectory strokes a racer in its dash pattern, scaled with the line (coinciding paths stay apart)', () => {
    // Six distinct patterns, the first solid: racers on one line (scenes 8 and 9, w₂ = 0) can be told apart.
    expect(new Set(RACER_DASHES.map((d) => d.join(','))).size).toBe(RACER_DASHES.length)
    expect(RACER_DASHES[0]).toEqual([])
    const ctx = new RecordingContext()
    drawTrajectory(ctx, xs, ys, 3, scales, { color: '#0072b2', dash: RACER_DASHES[1] })
    expect(ctx.strokes('#0072b2')[0].dash).toEqual([9, 5])
    const big = new RecordingContext()
    const scale = { text: 2, line: 2, profile: 'projector' as const }
    drawTrajectory(big, xs, ys, 3, scales, { color: '#0072b2', dash: RACER_DASHES[2], scale })
    expect(big.strokes('#0072b2')[0].dash).toEqual([4, 8])
  })

  it('drawTrajectory puts a dot on every iterate (black dots joined by lines, by default)', () => {
    const ctx = new RecordingContext()
    drawTrajectory(ctx, xs, ys, 3, scales)
    const dots = ctx.fills('#000000').find((f) => arcs(f).length === 3)
    expect(dots).toBeDefined()
    expect(arcs(dots as PaintOp)).toEqual([
      [10, 90, 2],
      [50, 50, 2],
      [90, 80, 2],
    ])
    expect(ctx.strokes('#000000')[0].d).toBe('M10,90L50,50L90,80')
  })

  it('drawTrajectory lays a wider white halo under the line and rings each dot in white', () => {
    const ctx = new RecordingContext()
    drawTrajectory(ctx, xs, ys, 3, scales, { color: '#d55e00' })
    const white = ctx.strokes('#ffffff')
    const haloLine = white.find((o) => o.d === 'M10,90L50,50L90,80')
    expect(haloLine?.lineWidth).toBe(1.25 + 2)
    // The halo comes first, so the coloured line is painted over it.
    expect(ctx.ops.indexOf(haloLine as PaintOp)).toBeLessThan(ctx.ops.indexOf(ctx.strokes('#d55e00')[0]))
    const rings = white.find((o) => arcs(o).length === 3)
    expect(rings?.lineWidth).toBe(1.5)
    const noHalo = new RecordingContext()
    drawTrajectory(noHalo, xs, ys, 3, scales, {
      color: '#d55e00',
      halo: false,
      startMarker: false,
      currentMarker: false,
    })
    expect(noHalo.strokes('#ffffff')).toEqual([])
  })

  it('drawTrajectory marks the start with a black dot and the current point with a bigger racer dot in a white ring', () => {
    const ctx = new RecordingContext()
    drawTrajectory(ctx, xs, ys, 3, scales, { color: '#009e73' })
    const single = (o: PaintOp): boolean => arcs(o).length === 1
    const start = ctx.fills('#000000').filter(single)
    expect(start.map(arcs)).toEqual([[[10, 90, 3.5]]])
    const current = ctx.fills('#009e73').filter(single)
    expect(current.map(arcs)).toEqual([[[90, 80, 5]]])
    const ring = ctx.strokes('#ffffff').filter((o) => single(o) && arcs(o)[0][0] === 90)
    expect(ring).toHaveLength(1)
    expect(ring[0].lineWidth).toBe(2)
  })

  it('drawTrajectory(…, count) draws only the first count points', () => {
    const ctx = new RecordingContext()
    const info = drawTrajectory(ctx, xs, ys, 2, scales, { halo: false })
    expect(ctx.strokes('#000000')[0].d).toBe('M10,90L50,50')
    expect(info.current).toBe(1)
  })

  it('drawTrajectory breaks the line at non-finite points and puts the current marker on the last finite one', () => {
    const ctx = new RecordingContext()
    const x = Float64Array.of(1, 2, NaN, 4, 5, Infinity)
    const y = Float64Array.of(1, 2, 3, 4, 5, 6)
    const info = drawTrajectory(ctx, x, y, 6, scales, { halo: false, color: '#882255' })
    expect(ctx.strokes('#882255')[0].d).toBe('M10,90L20,80M40,60L50,50')
    expect(info.current).toBe(4)
    expect(ctx.fills('#882255').some((o) => o.d === 'M55,50A50,50,5,0,6.283')).toBe(true)
  })

  it('drawTrajectory stops a path that leaves the view at the view’s edge, keeping its direction (diverging runs)', () => {
    const ctx = new RecordingContext()
    // From (5, 5) towards (5 + 10¹², 5 + 10¹²): on screen from (50, 50) along (+1, −1) in pixels.
    const info = drawTrajectory(ctx, Float64Array.of(5, 5 + 1e12), Float64Array.of(5, 5 + 1e12), 2, scales, {
      halo: false,
    })
    const [a, b] = vertices(ctx.strokes('#000000')[0])
    expect(a).toEqual([50, 50])
    // The edge of the 100 × 100 px view, widened by 2 px: the corner (102, −2).
    expect(b[0]).toBeCloseTo(102, 9)
    expect(b[1]).toBeCloseTo(-2, 9)
    // The far point is off screen: no current marker is drawn for it, but it is still the current index.
    expect(info.current).toBe(1)
  })

  it('drawTrajectory leaves out steps from outside the view to outside it: no stripes from a diverging zig-zag', () => {
    const ctx = new RecordingContext()
    // A run diverging across a canyon: w flips sign with a growing amplitude while b barely moves, so every step
    // from (b, +big) to (b′, −big) would cross the whole view as a vertical line (scene 3, card 7).
    const n = 40
    const x = Float64Array.from({ length: n }, (_, k) => 4 + 0.05 * k)
    const y = Float64Array.from({ length: n }, (_, k) => 5 + (k % 2 === 0 ? 1 : -1) * 4 * 1.5 ** k)
    drawTrajectory(ctx, x, y, n, scales, { halo: false, dotRadius: 0 })
    const v = vertices(ctx.strokes('#000000')[0])
    // Steps 0 → 1 (both inside: |4·1.5| < 5) and 1 → 2, which leaves: it stops at the top or bottom edge.
    const ys = v.map((p) => p[1])
    expect(v.length).toBeLessThanOrEqual(4)
    for (const py of ys) expect(py).toBeGreaterThanOrEqual(-2 - 1e-9)
    for (const py of ys) expect(py).toBeLessThanOrEqual(102 + 1e-9)
    // A straight step between two far-away points through the middle of the view is not drawn either.
    const across = new RecordingContext()
    drawTrajectory(across, Float64Array.of(-1e12, 1e12), Float64Array.of(5, 5), 2, scales, { halo: false })
    expect(across.strokes('#000000')).toHaveLength(0)
  })

  it('drawTrajectory stops at a clipBox smaller than the canvas (the plot inside the axes)', () => {
    const ctx = new RecordingContext()
    drawTrajectory(ctx, Float64Array.of(5, 9.5), Float64Array.of(5, 5), 2, scales, {
      halo: false,
      clipBox: { left: 10, top: 10, width: 70, height: 80 },
    })
    const v = vertices(ctx.strokes('#000000')[0])
    expect(v).toEqual([
      [50, 50],
      [82, 50],
    ])
  })

  it('drawTrajectory decimates 100 000 points along a 100 px line to ≤ 202 vertices and keeps the last point', () => {
    const n = 100_000
    const x = Float64Array.from({ length: n }, (_, k) => (10 * k) / (n - 1))
    const y = new Float64Array(n).fill(5)
    x[n - 1] = 9.9993 // the last point is within 0.5 px of the previous kept one, yet must be drawn
    const ctx = new RecordingContext()
    const info = drawTrajectory(ctx, x, y, n, scales, { halo: false })
    expect(info.vertices).toBeLessThanOrEqual(100 / 0.5 + 2)
    const v = vertices(ctx.strokes('#000000')[0])
    expect(v[v.length - 1]).toEqual([99.993, 50])
    // No gap wider than 0.5 px + one point spacing (0.001 px).
    for (let k = 1; k < v.length; k++) expect(v[k][0] - v[k - 1][0]).toBeLessThanOrEqual(0.5 + 0.0011)
  })

  it('drawTrajectory keeps a lone excursion even inside a dense pile (the spike is not decimated away)', () => {
    const n = 50_000
    const x = new Float64Array(n).fill(5)
    const y = new Float64Array(n).fill(5)
    x[31_337] = 8 // one step bounces 30 px to the right, then back
    const ctx = new RecordingContext()
    drawTrajectory(ctx, x, y, n, scales, { halo: false })
    expect(vertices(ctx.strokes('#000000')[0])).toEqual([
      [50, 50],
      [80, 50],
      [50, 50],
    ])
  })

  it('drawTrajectory skips dots when more than maxDots kept points are on screen', () => {
    const n = 600
    const x = Float64Array.from({ length: n }, (_, k) => (k % 30) / 3)
    const y = Float64Array.from({ length: n }, (_, k) => Math.floor(k / 30) / 2)
    const dense = new RecordingContext()
    const info = drawTrajectory(dense, x, y, n, scales, {
      maxDots: 100,
      startMarker: false,
      currentMarker: false,
    })
    expect(info.dots).toBe(0)
    expect(dense.fills()).toEqual([])
    const sparse = new RecordingContext()
    expect(drawTrajectory(sparse, x, y, n, scales, { maxDots: 1000 }).dots).toBe(n)
  })
})

describe('incremental trails', () => {
  it('drawTrajectory(…, { from }) draws only the new chunk, joined to the last drawn point, with no start dot', () => {
    const x = Float64Array.of(1, 5, 9, 9)
    const y = Float64Array.of(1, 5, 2, 8)
    const ctx = new RecordingContext()
    // Points 0–2 were drawn in an earlier frame; now 4 exist: continue from point 2.
    const info = drawTrajectory(ctx, x, y, 4, scales, { from: 2, halo: false, currentMarker: false })
    expect(ctx.strokes('#000000')[0].d).toBe('M90,80L90,20')
    expect(info.current).toBe(3)
    expect(ctx.fills('#000000').flatMap(arcs)).toEqual([
      [90, 80, 2],
      [90, 20, 2],
    ])
  })

  it('drawCurrentMarker draws the racer dot in a white ring at one point, and nothing off screen', () => {
    const ctx = new RecordingContext()
    drawCurrentMarker(ctx, scales, paramPoint(5, 5), '#cc79a7')
    expect(ctx.fills('#cc79a7').map((o) => o.d)).toEqual(['M55,50A50,50,5,0,6.283'])
    expect(ctx.strokes('#ffffff')[0].lineWidth).toBe(2)
    const off = new RecordingContext()
    drawCurrentMarker(off, scales, paramPoint(50, 5), '#cc79a7')
    drawCurrentMarker(off, scales, [NaN, 5], '#cc79a7')
    expect(off.ops).toEqual([])
  })
})

describe('drawMinima', () => {
  it('drawMinima draws a yellow × over a dark outline at each minimum', () => {
    const ctx = new RecordingContext()
    drawMinima(ctx, [paramPoint(5, 5), [1, 2]], scales)
    const [outline, cross] = ctx.strokes()
    const d = 'M44,44L56,56M44,56L56,44M4,74L16,86M4,86L16,74'
    expect(outline.d).toBe(d)
    expect(cross.d).toBe(d)
    expect(outline.lineWidth).toBeGreaterThan(cross.lineWidth)
    expect(outline.strokeStyle).toBe('#262626')
    // Yellow/orange: strong red and green, little blue.
    const [r, g, b] = [1, 3, 5].map((k) => parseInt(cross.strokeStyle.slice(k, k + 2), 16))
    expect(Math.min(r, g)).toBeGreaterThan(180)
    expect(b).toBeLessThan(60)
  })
})
