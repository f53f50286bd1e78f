import { describe, expect, it } from 'vitest'
import { createTrailPlanner } from '../../../src/panels/SurfacePanel/trailPlan'

const item = (count: number, color = '#000') => ({ track: { count }, color })

describe('createTrailPlanner', () => {
  it('the first plan clears and draws each trail up to the playhead (cursor + 1 points)', () => {
    const p = createTrailPlanner()
    const items = [item(10), item(3)]
    expect(p.plan('v1', items, 5)).toEqual({
      clear: true,
      draws: [
        { index: 0, from: 0, to: 6, dotted: true },
        { index: 1, from: 0, to: 3, dotted: true },
      ],
    })
  })

  it('then each frame draws only the new points, starting at the last drawn one so the line joins', () => {
    const p = createTrailPlanner()
    const a = { track: { count: 6 }, color: '#000' }
    p.plan('v', [a], 5)
    a.track.count = 9
    expect(p.plan('v', [a], 8)).toEqual({ clear: false, draws: [{ index: 0, from: 5, to: 9, dotted: true }] })
    expect(p.plan('v', [a], 8)).toEqual({ clear: false, draws: [] })
  })

  it('redraws whole when the playhead goes back, the key (view, visibility) changes or a new race starts', () => {
    const p = createTrailPlanner()
    const a = item(100)
    p.plan('v', [a], 50)
    expect(p.plan('v', [a], 20).clear).toBe(true)
    expect(p.plan('v', [a], 30).clear).toBe(false)
    expect(p.plan('zoomed', [a], 30).clear).toBe(true)
    expect(p.plan('zoomed', [item(100)], 30).clear).toBe(true)
  })

  it('redraws whole, without dots, when a trail passes the dotted limit', () => {
    const p = createTrailPlanner(10)
    const a = { track: { count: 100 }, color: '#000' }
    expect(p.plan('v', [a], 5).draws[0].dotted).toBe(true)
    expect(p.plan('v', [a], 8)).toMatchObject({ clear: false, draws: [{ from: 5, to: 9, dotted: true }] })
    expect(p.plan('v', [a], 20)).toEqual({ clear: true, draws: [{ index: 0, from: 0, to: 21, dotted: false }] })
  })

  it('reset() makes the next plan redraw everything (a resized canvas was cleared)', () => {
    const p = createTrailPlanner()
    const a = item(5)
    p.plan('v', [a], 10)
    p.reset()
    expect(p.plan('v', [a], 10)).toEqual({ clear: true, draws: [{ index: 0, from: 0, to: 5, dotted: true }] })
  })
})
