import { describe, expect, it } from 'vitest'
import { lectureColors } from '../../src/render/colors'
import { drawEigenAxes } from '../../src/render/eigenAxes'
import { paramPoint, viewScales } from '../../src/render/scales'
import { RecordingContext } from '../helpers/recordingContext'
import type { PaintOp } from '../helpers/recordingContext'

// 200 × 200 px over [−2, 2]²: 50 px per unit, the origin at (100, 100), y up.
const scales = viewScales({ x: [-2, 2], y: [-2, 2] }, { widthPx: 200, heightPx: 200 })
const s = Math.SQRT1_2
const r3 = (v: number): number => Math.round(v * 1000) / 1000

const vertices = (op: PaintOp): number[][] =>
  op.segments.flatMap((q) => (q.op === 'M' || q.op === 'L' ? [[q.x, q.y]] : []))

describe('drawEigenAxes', () => {
  it("drawEigenAxes at the saddle (1 − w₁w₂)²'s origin highlights u = [1, 1] (λ = −2) as the escape double arrow", () => {
    // H = [[0, −2], [−2, 0]]: λ₁ = −2 with u₁ = [1, 1]/√2, λ₂ = 2 with u₂ = [1, −1]/√2 (docs/lectures.md S1).
    const ctx = new RecordingContext()
    drawEigenAxes(
      ctx,
      scales,
      paramPoint(0, 0),
      [
        [s, s],
        [s, -s],
      ],
      [-2, 2],
      { lengthPx: 40 },
    )
    // u₁ on screen points right and UP: (+1, −1)/√2 in pixels; the arrow heads end 40 px away both ways.
    const tips = ctx.fills(lectureColors.escape).map((o) => vertices(o)[0])
    const d = 40 * s
    expect(tips).toEqual([
      [r3(100 + d), r3(100 - d)],
      [r3(100 - d), r3(100 + d)],
    ])
    expect(ctx.strokes(lectureColors.escape).every((o) => o.dash.length === 0)).toBe(true)
  })

  it('drawEigenAxes draws a positive-curvature axis as a white line on a dark outline along u', () => {
    const ctx = new RecordingContext()
    drawEigenAxes(
      ctx,
      scales,
      paramPoint(0, 0),
      [
        [s, s],
        [s, -s],
      ],
      [-2, 2],
      { lengthPx: 40 },
    )
    const d = 40 * s
    // u₂ = [1, −1]/√2 is (+1, +1)/√2 on screen (y down).
    const line = `M${r3(100 - d)},${r3(100 - d)}L${r3(100 + d)},${r3(100 + d)}`
    const white = ctx.strokes(lectureColors.curvingUp).filter((o) => o.d === line)
    const dark = ctx.strokes(lectureColors.outline).filter((o) => o.d === line)
    expect(white).toHaveLength(1)
    expect(dark).toHaveLength(1)
    expect(dark[0].lineWidth).toBeGreaterThan(white[0].lineWidth)
    // The escape route is painted after (on top of) the wall.
    expect(ctx.ops.indexOf(white[0])).toBeLessThan(ctx.ops.indexOf(ctx.fills(lectureColors.escape)[0]))
  })

  it('drawEigenAxes labels each axis with its eigenvalue', () => {
    const ctx = new RecordingContext()
    drawEigenAxes(
      ctx,
      scales,
      paramPoint(0, 0),
      [
        [s, s],
        [s, -s],
      ],
      [-2, 2],
    )
    expect(ctx.filledTexts().sort()).toEqual(['λ₁ = −2', 'λ₂ = 2'])
    const none = new RecordingContext()
    drawEigenAxes(
      none,
      scales,
      paramPoint(0, 0),
      [
        [s, s],
        [s, -s],
      ],
      [-2, 2],
      { labels: false },
    )
    expect(none.texts).toEqual([])
  })

  it('drawEigenAxes writes a label on the side with room when the point is near the canvas border', () => {
    const ctx = new RecordingContext()
    // At (1.9, 0) the +u₂ = (+1, +1)/√2 end (screen) runs out of the canvas on the right: label the other end.
    drawEigenAxes(
      ctx,
      scales,
      paramPoint(1.9, 0),
      [
        [s, s],
        [s, -s],
      ],
      [-2, 2],
      { lengthPx: 40 },
    )
    for (const t of ctx.texts) {
      const widthPx = 0.6 * 12 * t.text.length
      const left = t.textAlign === 'left' ? t.x : t.x - widthPx
      expect(left, t.text).toBeGreaterThanOrEqual(0)
      expect(left + widthPx, t.text).toBeLessThanOrEqual(200)
    }
  })

  it('drawEigenAxes draws a zero eigenvalue (the flat valley floor of xy = 1) as a grey dashed line', () => {
    // At (1, 1) on the saddle surface: λ ∈ {0, 4}, flat along [1, −1]/√2.
    const ctx = new RecordingContext()
    drawEigenAxes(
      ctx,
      scales,
      paramPoint(1, 1),
      [
        [s, -s],
        [s, s],
      ],
      [1e-13, 4],
    )
    const flat = ctx.strokes(lectureColors.flat)
    expect(flat).toHaveLength(1)
    expect(flat[0].dash.length).toBeGreaterThan(0)
    expect(ctx.fills(lectureColors.escape)).toEqual([])
  })

  it('drawEigenAxes draws the true on-screen directions when the axes are scaled differently', () => {
    // 100 px per unit across, 10 px per unit up: u = [1, 1]/√2 shows as (100, −10) on screen.
    const wide = viewScales({ x: [0, 2], y: [0, 20] }, { widthPx: 200, heightPx: 200 })
    const ctx = new RecordingContext()
    drawEigenAxes(
      ctx,
      wide,
      paramPoint(1, 10),
      [
        [s, s],
        [-s, s],
      ],
      [-1, 1],
      { lengthPx: 50 },
    )
    const [tip] = vertices(ctx.fills(lectureColors.escape)[0])
    const len = Math.hypot(100, 10)
    expect(tip[0]).toBeCloseTo(100 + (50 * 100) / len, 3)
    expect(tip[1]).toBeCloseTo(100 - (50 * 10) / len, 3)
  })
})
