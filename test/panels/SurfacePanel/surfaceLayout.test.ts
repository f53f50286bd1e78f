import { describe, expect, it } from 'vitest'
import { viewScales } from '../../../src/render/scales'
import {
  extentFromTransform,
  gridNodesFor,
  isUsableView,
  MAX_GRID_NODES,
  panViewBy,
  squareViewScales,
  surfaceMargin,
  viewAttr,
  zoomViewBy,
} from '../../../src/panels/SurfacePanel/surfaceLayout'
import { assertInDelta } from '../../helpers/assertInDelta'

describe('gridNodesFor', () => {
  it('gridNodesFor(plotPx) asks about one node per 2 px, in steps of 32, at least 32 and at most 256', () => {
    expect(gridNodesFor(300)).toBe(160) // 150 nodes → the next multiple of 32
    expect(gridNodesFor(256)).toBe(128)
    expect(gridNodesFor(40)).toBe(32)
    expect(gridNodesFor(0)).toBe(32)
    expect(gridNodesFor(2000)).toBe(MAX_GRID_NODES)
  })

  it('a resize by a few pixels asks for the same grid, so it triggers no new request', () => {
    expect(gridNodesFor(301)).toBe(gridNodesFor(310))
  })
})

describe('extentFromTransform', () => {
  const size = { widthPx: 500, heightPx: 400, margin: surfaceMargin(500) }
  const base = viewScales({ x: [-2, 2], y: [-1, 3] }, size)

  it('extentFromTransform(base, identity) is the base extent', () => {
    const e = extentFromTransform(base, { k: 1, x: 0, y: 0 })
    assertInDelta([...e.x, ...e.y], [-2, 2, -1, 3], 1e-12)
  })

  it('a drag by (+100 px, +50 px) shows what was left of and above the view: x − 100/kx, y + 50/|ky|', () => {
    const e = extentFromTransform(base, { k: 1, x: 100, y: 50 })
    const dx = 100 / base.kx
    const dy = 50 / -base.ky
    assertInDelta([...e.x, ...e.y], [-2 - dx, 2 - dx, -1 + dy, 3 + dy], 1e-12)
  })

  it('every parameter point lands where the gesture moved it: new scales(p) = k·base(p) + t', () => {
    const t = { k: 2.5, x: -310, y: 42 }
    const after = viewScales(extentFromTransform(base, t), size)
    for (const [px, py] of [
      [0, 0],
      [1.3, -0.7],
      [-1.9, 2.6],
    ]) {
      assertInDelta(after.xToPx(px), t.k * base.xToPx(px) + t.x, 1e-9)
      assertInDelta(after.yToPx(py), t.k * base.yToPx(py) + t.y, 1e-9)
    }
  })
})

describe('view steps', () => {
  const view = { x: [-200, -100] as [number, number], y: [-5, 5] as [number, number] }

  it('zoomViewBy(view, 1.5) shrinks both half-widths by 1.5 about the centre, and 1/1.5 undoes it', () => {
    const z = zoomViewBy(view, 1.5)
    assertInDelta([...z.x, ...z.y], [-150 - 50 / 1.5, -150 + 50 / 1.5, -5 / 1.5, 5 / 1.5], 1e-12)
    const back = zoomViewBy(z, 1 / 1.5)
    assertInDelta([...back.x, ...back.y], [-200, -100, -5, 5], 1e-12)
  })

  it('panViewBy(view, 0.1, −0.1) moves a tenth of the width right and a tenth of the height down', () => {
    const p = panViewBy(view, 0.1, -0.1)
    assertInDelta([...p.x, ...p.y], [-190, -90, -6, 4], 1e-12)
  })

  it('isUsableView rejects unordered, non-finite and too narrow extents', () => {
    expect(isUsableView(view)).toBe(true)
    expect(isUsableView({ x: [1, 1], y: [0, 1] })).toBe(false)
    expect(isUsableView({ x: [0, 1], y: [2, 1] })).toBe(false)
    expect(isUsableView({ x: [0, Infinity], y: [0, 1] })).toBe(false)
    expect(isUsableView({ x: [1e6, 1e6 + 1e-4], y: [0, 1] })).toBe(false)
  })

  it('viewAttr spells x0,x1,y0,y1 with every digit (the e2e tests read the view back from it)', () => {
    expect(viewAttr({ x: [-0.1, 2], y: [1 / 3, 4] })).toBe('-0.1,2,0.3333333333333333,4')
  })
})

describe('squareViewScales', () => {
  it('one unit of w₁ is as many pixels as one unit of w₂: the view is widened on one axis, never stretched', () => {
    for (const [w, h] of [
      [800, 450],
      [360, 300],
      [390, 700],
      [1280, 720],
    ]) {
      const s = squareViewScales({ x: [-2, 2], y: [-2, 2] }, w, h)
      expect(Math.abs(s.kx / s.ky)).toBeCloseTo(1, 12)
      // The asked-for view is inside what is shown, centred, and one axis is kept exactly.
      expect(s.extent.x[0]).toBeLessThanOrEqual(-2)
      expect(s.extent.y[0]).toBeLessThanOrEqual(-2)
      expect(s.extent.x[0] + s.extent.x[1]).toBeCloseTo(0, 12)
      expect(Math.min(s.extent.x[1], s.extent.y[1])).toBeCloseTo(2, 12)
    }
  })

  it('a banner-sized canvas (360 × 60) still gets a plot, so the grid is requested and never waits forever', () => {
    const s = squareViewScales({ x: [-2, 2], y: [-2, 2] }, 360, 60)
    expect(s.plot.height).toBeGreaterThanOrEqual(30)
    expect(s.plot.width).toBeGreaterThanOrEqual(180)
    expect(Math.abs(s.kx / s.ky)).toBeCloseTo(1, 12)
  })

  it('the presenter scale widens the margins with the type, and the units stay square', () => {
    const screen = squareViewScales({ x: [-2, 2], y: [-2, 2] }, 1000, 800)
    const presenter = squareViewScales({ x: [-2, 2], y: [-2, 2] }, 1000, 800, {
      text: 2,
      line: 2,
      profile: 'projector',
    })
    expect(presenter.plot.left).toBeGreaterThan(screen.plot.left)
    expect(Math.abs(presenter.kx / presenter.ky)).toBeCloseTo(1, 12)
  })
})
