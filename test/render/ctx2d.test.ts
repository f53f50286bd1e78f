import { describe, expect, expectTypeOf, it } from 'vitest'
import type { Ctx2D } from '../../src/render/ctx2d'
import { RecordingContext } from '../helpers/recordingContext'

describe('Ctx2D', () => {
  it('Ctx2D is a subset of the real canvas contexts (checked by tsc)', () => {
    expectTypeOf<CanvasRenderingContext2D>().toExtend<Ctx2D>()
    expectTypeOf<OffscreenCanvasRenderingContext2D>().toExtend<Ctx2D>()
    expectTypeOf<RecordingContext>().toExtend<Ctx2D>()
  })

  it('RecordingContext records paths with the style in force, rounded to 3 decimals, and honours save/restore', () => {
    const ctx = new RecordingContext()
    ctx.save()
    ctx.strokeStyle = '#ff0000'
    ctx.setLineDash([4, 2])
    ctx.beginPath()
    ctx.moveTo(1.23456, 2)
    ctx.lineTo(3, -0.0001)
    ctx.stroke()
    ctx.restore()
    ctx.beginPath()
    ctx.rect(0, 0, 5, 5)
    ctx.fill()
    expect(ctx.ops.map((o) => [o.kind, o.d, o.strokeStyle, o.dash])).toEqual([
      ['stroke', 'M1.235,2L3,0', '#ff0000', [4, 2]],
      ['fill', 'R0,0,5,5', '#000000', []],
    ])
  })
})
