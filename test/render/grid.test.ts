import { describe, expect, it } from 'vitest'
import { gridImageRect, gridTransform } from '../../src/render/grid'
import { viewScales } from '../../src/render/scales'
import { assertInDelta } from '../helpers/assertInDelta'

// 200 × 200 px showing [0, 2]²: x px = 100·x, y px = 200 − 100·y.
const scales = viewScales({ x: [0, 2], y: [0, 2] }, { widthPx: 200, heightPx: 200 })
const apply = (t: { kx: number; ox: number; ky: number; oy: number }, c: number, r: number): number[] => [
  t.ox + t.kx * c,
  t.oy + t.ky * r,
]

describe('gridTransform', () => {
  it("gridTransform(…, 'nodes') puts sample (i, j), at d3 coordinates (i + ½, j + ½), on param (x_i, y_j)", () => {
    // 3 × 3 nodes over [0, 2]²: x_i = i, y_j = j.
    const t = gridTransform(scales, { x: [0, 2], y: [0, 2] }, 3, 3)
    expect([t.nx, t.ny]).toEqual([3, 3])
    assertInDelta(apply(t, 0.5, 0.5), [0, 200], 1e-12)
    assertInDelta(apply(t, 2.5, 0.5), [200, 200], 1e-12)
    assertInDelta(apply(t, 1.5, 2.5), [100, 0], 1e-12)
  })

  it("gridTransform(…, 'cells') puts sample (i, j) at the centre of cell (i, j) and the grid edge on the extent edge", () => {
    // 2 × 2 cells over [0, 2]²: sample (0, 0) at (0.5, 0.5).
    const t = gridTransform(scales, { x: [0, 2], y: [0, 2] }, 2, 2, 'cells')
    assertInDelta(apply(t, 0.5, 0.5), [50, 150], 1e-12)
    assertInDelta(apply(t, 0, 0), [0, 200], 1e-12)
    assertInDelta(apply(t, 2, 2), [200, 0], 1e-12)
  })

  it('gridTransform flips rows: a larger row index is higher on the canvas', () => {
    const t = gridTransform(scales, { x: [0, 2], y: [0, 2] }, 5, 5)
    expect(t.ky).toBeLessThan(0)
  })

  it("gridTransform throws when 'nodes' sampling has fewer than two samples on an axis", () => {
    expect(() => gridTransform(scales, { x: [0, 2], y: [0, 2] }, 1, 3)).toThrow(/invalid grid size/)
    expect(() => gridTransform(scales, { x: [0, 2], y: [0, 2] }, 1, 1, 'cells')).not.toThrow()
  })
})

describe('gridImageRect', () => {
  it('gridImageRect overhangs the extent by half a cell for nodes, so pixel centres sit on the samples', () => {
    // 3 nodes over [0, 2]: cells 1 wide, image spans [−0.5, 2.5] → px [−50, 250].
    const r = gridImageRect(gridTransform(scales, { x: [0, 2], y: [0, 2] }, 3, 3))
    assertInDelta([r.left, r.top, r.width, r.height], [-50, -50, 300, 300], 1e-12)
  })

  it('gridImageRect covers the extent exactly for cells', () => {
    const r = gridImageRect(gridTransform(scales, { x: [0, 2], y: [0, 2] }, 4, 4, 'cells'))
    assertInDelta([r.left, r.top, r.width, r.height], [0, 0, 200, 200], 1e-12)
  })
})
