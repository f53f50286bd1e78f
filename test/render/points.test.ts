import { describe, expect, it } from 'vitest'
import { classColors } from '../../src/render/colors'
import { drawDataPoints } from '../../src/render/points'
import { viewScales } from '../../src/render/scales'
import { RecordingContext } from '../helpers/recordingContext'

// 100 × 100 px over [−1, 1]²: x px = 50 + 50x, y px = 50 − 50y.
const scales = viewScales({ x: [-1, 1], y: [-1, 1] }, { widthPx: 100, heightPx: 100 })

describe('drawDataPoints', () => {
  it('drawDataPoints paints label-1 points red and label-0 points blue, each with a white outline', () => {
    const ctx = new RecordingContext()
    const x = Float64Array.of(0, 0, 0.5, -0.5, -1, 1)
    drawDataPoints(ctx, scales, x, Float64Array.of(1, 0, 1), { radius: 3 })
    expect(ctx.fills(classColors.positive).map((o) => o.d)).toEqual([
      'M53,50A50,50,3,0,6.283M3,0A0,0,3,0,6.283',
    ])
    expect(ctx.fills(classColors.negative).map((o) => o.d)).toEqual(['M78,75A75,75,3,0,6.283'])
    const outlines = ctx.strokes('#ffffff')
    expect(outlines).toHaveLength(2)
    expect(outlines.every((o) => o.lineWidth === 1)).toBe(true)
  })

  it('drawDataPoints draws the blue class first so red points sit on top', () => {
    const ctx = new RecordingContext()
    drawDataPoints(ctx, scales, Float64Array.of(0, 0, 0, 0), Float64Array.of(1, 0))
    expect(ctx.fills().map((o) => o.fillStyle)).toEqual([classColors.negative, classColors.positive])
  })

  it('drawDataPoints throws when x has fewer than 2 numbers per label', () => {
    expect(() =>
      drawDataPoints(new RecordingContext(), scales, Float64Array.of(0, 0, 1), Float64Array.of(1, 0)),
    ).toThrow(/needs 4/)
  })
})
