import { describe, expect, it } from 'vitest'
import { createTrailPlanner, trailChunks } from '../../../src/panels/SurfacePanel/trailPlan'

const item = (count: number, color = '#000') => ({ track: { count }, color })

describe('createTrailPlanner', () => {
  it('the first plan clears and draws each trail up to the playhead (cursor + 1 points)', () => {
    const p = createTrailPlanner()
    const items = [item(10), item(3)]
    expect(p.plan('v1', items, 5)).toEqual({
      clear: true,
      draws: [
        { index: 0, from: 0, to: 6, dense: false },
        { index: 1, from: 0, to: 3, dense: false },
      ],
      more: false,
    })
  })

  it('then each frame draws only the new points, starting at the last drawn one so the line joins', () => {
    const p = createTrailPlanner()
    const a = { track: { count: 6 }, color: '#000' }
    p.plan('v', [a], 5)
    a.track.count = 9
    expect(p.plan('v', [a], 8)).toEqual({
      clear: false,
      draws: [{ index: 0, from: 5, to: 9, dense: false }],
      more: false,
    })
    expect(p.plan('v', [a], 8)).toEqual({ clear: false, draws: [], more: false })
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

  it('redraws whole, in the dense style, when a trail passes the dense limit', () => {
    const p = createTrailPlanner(10)
    const a = { track: { count: 100 }, color: '#000' }
    expect(p.plan('v', [a], 5).draws[0].dense).toBe(false)
    expect(p.plan('v', [a], 8)).toMatchObject({ clear: false, draws: [{ from: 5, to: 9, dense: false }] })
    expect(p.plan('v', [a], 20)).toEqual({
      clear: true,
      draws: [{ index: 0, from: 0, to: 21, dense: true }],
      more: false,
    })
  })

  it('reset() makes the next plan redraw everything (a resized canvas was cleared)', () => {
    const p = createTrailPlanner()
    const a = item(5)
    p.plan('v', [a], 10)
    p.reset()
    expect(p.plan('v', [a], 10)).toEqual({
      clear: true,
      draws: [{ index: 0, from: 0, to: 5, dense: false }],
      more: false,
    })
  })

  it('spreads a big redraw over frames: at most `budget` new points per plan, the rest in the next plans', () => {
    const p = createTrailPlanner(3000, 100)
    const items = [item(150), item(80)]
    expect(p.plan('v', items, 1000)).toEqual({
      clear: true,
      draws: [{ index: 0, from: 0, to: 100, dense: false }],
      more: true,
    })
    expect(p.plan('v', items, 1000)).toEqual({
      clear: false,
      draws: [
        { index: 0, from: 99, to: 150, dense: false },
        { index: 1, from: 0, to: 50, dense: false },
      ],
      more: true,
    })
    expect(p.plan('v', items, 1000)).toEqual({
      clear: false,
      draws: [{ index: 1, from: 49, to: 80, dense: false }],
      more: false,
    })
  })
})

describe('trailChunks', () => {
  it('trailChunks(0, 600, 256) splits into windows that share their end points: [0, 257), [256, 513), [512, 600)', () => {
    expect(trailChunks(0, 600, 256)).toEqual([
      [0, 257],
      [256, 513],
      [512, 600],
    ])
  })

  it('a short or empty range is one window or none', () => {
    expect(trailChunks(5, 9, 256)).toEqual([[5, 9]])
    expect(trailChunks(4, 4, 256)).toEqual([])
  })
})
