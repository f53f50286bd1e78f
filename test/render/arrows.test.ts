import { describe, expect, it } from 'vitest'
import { ARROW_DASH, clampLengthFactor, drawArrow, drawMomentumArrows } from '../../src/render/arrows'
import { lectureColors } from '../../src/render/colors'
import { paramPoint, pixelPoint, viewScales } from '../../src/render/scales'
import { RecordingContext } from '../helpers/recordingContext'
import type { PaintOp } from '../helpers/recordingContext'

const first = (op: PaintOp): number[] => {
  const s = op.segments[0]
  return s.op === 'M' ? [s.x, s.y] : []
}

describe('drawArrow', () => {
  it('drawArrow draws a solid shaft up to the head and a filled head with its tip on `to`', () => {
    const ctx = new RecordingContext()
    drawArrow(ctx, pixelPoint(0, 0), pixelPoint(100, 0), {
      color: '#123456',
      headPx: 10,
      width: 2,
      halo: false,
    })
    const [shaft] = ctx.strokes('#123456')
    expect(shaft.d).toBe('M0,0L90,0')
    expect(shaft.dash).toEqual([])
    expect(shaft.lineWidth).toBe(2)
    // Head: tip (100, 0), base 10 px back, half-width 5 px.
    expect(ctx.fills('#123456').map((o) => o.d)).toEqual(['M100,0L90,5L90,-5Z'])
  })

  it('drawArrow with dashed: true dashes the shaft only; the head stays solid', () => {
    const ctx = new RecordingContext()
    drawArrow(ctx, pixelPoint(0, 0), pixelPoint(0, 50), { color: '#e3120b', dashed: true, halo: false })
    expect(ctx.strokes('#e3120b')[0].dash).toEqual(ARROW_DASH)
    expect(ctx.fills('#e3120b')[0].dash).toEqual([])
  })

  it('drawArrow adds a white halo under shaft and head by default', () => {
    const ctx = new RecordingContext()
    drawArrow(ctx, pixelPoint(0, 0), pixelPoint(100, 0), { color: '#123456', headPx: 10 })
    const halo = ctx.strokes('#ffffff')
    expect(halo.map((o) => o.d)).toEqual(['M0,0L90,0', 'M100,0L90,5L90,-5Z'])
    expect(ctx.ops.indexOf(halo[0])).toBeLessThan(ctx.ops.indexOf(ctx.strokes('#123456')[0]))
  })

  it('drawArrow shortens the head of a short arrow and draws nothing for a zero-length one', () => {
    const ctx = new RecordingContext()
    drawArrow(ctx, pixelPoint(0, 0), pixelPoint(10, 0), { color: '#000000', headPx: 10, halo: false })
    // 45 % of 10 px = 4.5 px of head, half-width max(2.25, default width 2.5) = 2.5.
    expect(ctx.fills()[0].d).toBe('M10,0L5.5,2.5L5.5,-2.5Z')
    const none = new RecordingContext()
    drawArrow(none, pixelPoint(3, 3), pixelPoint(3, 3), { color: '#000000' })
    expect(none.ops).toEqual([])
  })
})

describe('clampLengthFactor', () => {
  it('clampLengthFactor brings a length into [min, max] and is 0 without a direction', () => {
    expect(clampLengthFactor(5, 14, 160)).toBeCloseTo(14 / 5, 15)
    expect(clampLengthFactor(200, 14, 160)).toBeCloseTo(0.8, 15)
    expect(clampLengthFactor(50, 14, 160)).toBe(1)
    expect(clampLengthFactor(0, 14, 160)).toBe(0)
    expect(clampLengthFactor(NaN, 14, 160)).toBe(0)
  })
})

describe('drawMomentumArrows', () => {
  // 200 × 200 px over [−10, 10]²: 10 px per unit, origin at (100, 100), y up.
  const scales = viewScales({ x: [-10, 10], y: [-10, 10] }, { widthPx: 200, heightPx: 200 })
  const red = lectureColors.negativeGradient
  const blue = lectureColors.movement

  it('drawMomentumArrows draws −ηg dashed red, the previous movement dashed blue and the new movement solid blue', () => {
    const ctx = new RecordingContext()
    // −ηg = (3, 0), λm = (0, 4), m_new = (3, 4): pixel vectors (30, 0), (0, −40), (30, −40).
    drawMomentumArrows(ctx, scales, paramPoint(0, 0), [3, 0], [0, 4], [3, 4], { scaleToPx: 1 })
    const redShaft = ctx.strokes(red)
    expect(redShaft).toHaveLength(1)
    expect(redShaft[0].dash).toEqual(ARROW_DASH)
    expect(first(redShaft[0])).toEqual([100, 100])
    expect(first(ctx.fills(red)[0])).toEqual([130, 100])
    const blueShafts = ctx.strokes(blue)
    expect(blueShafts.map((o) => o.dash)).toEqual([ARROW_DASH, []])
    // Head tips: the dashed previous movement ends at (100, 60), the solid new movement at (130, 60).
    expect(ctx.fills(blue).map(first)).toEqual([
      [100, 60],
      [130, 60],
    ])
  })

  it('drawMomentumArrows closes the parallelogram with dotted guides when no arrow was clamped', () => {
    const ctx = new RecordingContext()
    drawMomentumArrows(ctx, scales, paramPoint(0, 0), [3, 0], [0, 4], [3, 4], { scaleToPx: 1 })
    const guides = ctx.strokes(lectureColors.outline)
    expect(guides).toHaveLength(1)
    expect(guides[0].d).toBe('M100,60L130,60M130,100L130,60')
    expect(guides[0].dash.length).toBeGreaterThan(0)
  })

  it("drawMomentumArrows with scaleToPx 'auto' scales all three alike so the longest is 70 px", () => {
    const ctx = new RecordingContext()
    // True sizes are far below a pixel (η = 0.01 steps): 3·10⁻⁴, 4·10⁻⁴, 5·10⁻⁴ units.
    drawMomentumArrows(ctx, scales, paramPoint(0, 0), [3e-4, 0], [0, 4e-4], [3e-4, 4e-4])
    const tips = ctx.fills(blue).map(first)
    // The new movement (3, −4)/5 · 70 px from the origin; the previous one 40/50 of that: 56 px up.
    expect(tips[1][0]).toBeCloseTo(100 + 42, 3)
    expect(tips[1][1]).toBeCloseTo(100 - 56, 3)
    expect(tips[0][1]).toBeCloseTo(100 - 56, 3)
    expect(first(ctx.fills(red)[0])[0]).toBeCloseTo(100 + 42, 3)
  })

  it('drawMomentumArrows lengthens a too-short arrow to minPx in its own direction and then drops the guides', () => {
    const ctx = new RecordingContext()
    // −ηg = (0.01, 0) is 0.1 px at scale 1 → clamped to 14 px along +x.
    drawMomentumArrows(ctx, scales, paramPoint(0, 0), [0.01, 0], [0, 4], [0.01, 4], { scaleToPx: 1 })
    expect(first(ctx.fills(red)[0])).toEqual([114, 100])
    expect(ctx.strokes(lectureColors.outline)).toEqual([])
  })

  it('drawMomentumArrows shortens a too-long arrow to maxPx', () => {
    const ctx = new RecordingContext()
    drawMomentumArrows(ctx, scales, paramPoint(0, 0), [0, -100], [0, 0], [0, -100], {
      scaleToPx: 1,
      maxPx: 80,
    })
    expect(first(ctx.fills(red)[0])).toEqual([100, 180])
  })

  it('drawMomentumArrows skips the previous movement on the first step, when it is zero', () => {
    const ctx = new RecordingContext()
    drawMomentumArrows(ctx, scales, paramPoint(1, 1), [2, 0], [0, 0], [2, 0], { scaleToPx: 1 })
    const blueShafts = ctx.strokes(blue)
    expect(blueShafts).toHaveLength(1)
    expect(blueShafts[0].dash).toEqual([])
    expect(first(blueShafts[0])).toEqual([110, 90])
  })
})
