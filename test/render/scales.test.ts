import { describe, expect, it } from 'vitest'
import { createRng } from '../../src/core/math/rng'
import type { Extent } from '../../src/core/types'
import { fitExtent, panExtent, paramPoint, pixelPoint, viewScales, zoomExtent } from '../../src/render/scales'
import type { PixelPoint } from '../../src/render/scales'
import { assertInDelta } from '../helpers/assertInDelta'

const extent: Extent = { x: [-2, 2], y: [-1, 3] }
const margin = { top: 10, right: 20, bottom: 30, left: 40 }
// Plot area of a 400×300 view with that margin: left 40, top 10, 340 × 260 px.

describe('viewScales', () => {
  it('viewScales(extent, size) has no margin by default: the extent fills the whole surface', () => {
    const s = viewScales(extent, { widthPx: 400, heightPx: 300 })
    expect(s.plot).toEqual({ left: 0, top: 0, width: 400, height: 300 })
    assertInDelta(s.paramToPixel(paramPoint(-2, 3)), [0, 0], 1e-12)
    assertInDelta(s.paramToPixel(paramPoint(2, -1)), [400, 300], 1e-12)
  })

  it('viewScales(extent, size) puts (x₀, y₁) at the top-left of the plot area and (x₁, y₀) at its bottom-right', () => {
    const s = viewScales(extent, { widthPx: 400, heightPx: 300, margin })
    expect(s.plot).toEqual({ left: 40, top: 10, width: 340, height: 260 })
    assertInDelta(s.paramToPixel(paramPoint(-2, 3)), [40, 10], 1e-12)
    assertInDelta(s.paramToPixel(paramPoint(2, -1)), [380, 270], 1e-12)
    // The centre of the extent is the centre of the plot area.
    assertInDelta(s.paramToPixel(paramPoint(0, 1)), [210, 140], 1e-12)
  })

  it('viewScales(…) points the y axis up: a larger y is a smaller pixel y, and x grows to the right', () => {
    const s = viewScales(extent, { widthPx: 400, heightPx: 300, margin })
    expect(s.yToPx(2)).toBeLessThan(s.yToPx(1))
    expect(s.xToPx(1)).toBeGreaterThan(s.xToPx(0))
    expect(s.ky).toBeLessThan(0)
    expect(s.kx).toBeGreaterThan(0)
  })

  it('viewScales(…).pixelToParam inverts paramToPixel, and the scalar helpers and coefficients agree with both', () => {
    const s = viewScales({ x: [-200, -100], y: [-5, 5] }, { widthPx: 640, heightPx: 480, margin: 17 })
    const rng = createRng(7)
    for (let k = 0; k < 200; k++) {
      const p = paramPoint(-200 + 100 * rng.next(), -5 + 10 * rng.next())
      const q = s.paramToPixel(p)
      assertInDelta(s.pixelToParam(q), p, 1e-12 * 200)
      assertInDelta([s.xToPx(p[0]), s.yToPx(p[1])], q, 1e-9)
      assertInDelta([s.ox + s.kx * p[0], s.oy + s.ky * p[1]], q, 1e-9)
      assertInDelta([s.pxToX(q[0]), s.pyToY(q[1])], p, 1e-12 * 200)
    }
  })

  it('viewScales(…) throws on an empty or non-finite extent and on a plot area without size', () => {
    expect(() => viewScales({ x: [1, 1], y: [0, 1] }, { widthPx: 10, heightPx: 10 })).toThrow(
      /invalid extent/,
    )
    expect(() => viewScales({ x: [0, 1], y: [NaN, 1] }, { widthPx: 10, heightPx: 10 })).toThrow(
      /invalid extent/,
    )
    expect(() => viewScales(extent, { widthPx: 10, heightPx: 10, margin: 5 })).toThrow(/invalid plot size/)
  })

  it('ParamPoint and PixelPoint cannot be swapped (compile-time brands)', () => {
    const s = viewScales(extent, { widthPx: 400, heightPx: 300 })
    const px: PixelPoint = pixelPoint(10, 10)
    // @ts-expect-error a pixel position is not a parameter point
    s.paramToPixel(px)
    // @ts-expect-error a parameter point is not a pixel position
    s.pixelToParam(paramPoint(0, 0))
    expect(s.pixelToParam(px)).toHaveLength(2)
  })
})

describe('zoomExtent', () => {
  it('zoomExtent(extent, centre, 2) halves every distance to the centre', () => {
    // Hand computation: 1 + (−2 − 1)/2 = −0.5, 1 + (2 − 1)/2 = 1.5, 1 + (−1 − 1)/2 = 0, 1 + (3 − 1)/2 = 2.
    expect(zoomExtent(extent, paramPoint(1, 1), 2)).toEqual({ x: [-0.5, 1.5], y: [0, 2] })
  })

  it('zoomExtent keeps the centre at the same pixel (zoom under the cursor)', () => {
    const view = { widthPx: 400, heightPx: 300, margin }
    const before = viewScales(extent, view)
    const c = paramPoint(0.7, 2.2)
    for (const f of [1.1, 3, 0.25]) {
      const after = viewScales(zoomExtent(extent, c, f), view)
      assertInDelta(after.paramToPixel(c), before.paramToPixel(c), 1e-9)
    }
  })

  it('zoomExtent by f then by 1/f gives the extent back', () => {
    const back = zoomExtent(zoomExtent(extent, paramPoint(-1.3, 0.4), 7), paramPoint(-1.3, 0.4), 1 / 7)
    assertInDelta([...back.x, ...back.y], [-2, 2, -1, 3], 1e-12)
  })

  it('zoomExtent throws on a factor that is not positive and finite', () => {
    for (const f of [0, -1, NaN, Infinity])
      expect(() => zoomExtent(extent, paramPoint(0, 0), f)).toThrow(/zoom factor/)
  })
})

describe('panExtent', () => {
  it('panExtent(extent, dx, dy, scales) shifts the extent against the drag: 85 px per unit across, 65 up', () => {
    const s = viewScales(extent, { widthPx: 400, heightPx: 300, margin })
    // 340 px / 4 units = 85 px per x unit; 260 px / 4 units = 65 px per y unit.
    const e = panExtent(extent, 85, 65, s)
    assertInDelta([...e.x, ...e.y], [-3, 1, 0, 4], 1e-12)
  })

  it('panExtent keeps the point grabbed under the pointer', () => {
    const view = { widthPx: 400, heightPx: 300, margin }
    const before = viewScales(extent, view)
    const grab = pixelPoint(123, 77)
    const grabbed = before.pixelToParam(grab)
    const after = viewScales(panExtent(extent, -31.5, 48, before), view)
    assertInDelta(after.paramToPixel(grabbed), [123 - 31.5, 77 + 48], 1e-9)
  })
})

describe('fitExtent', () => {
  it('fitExtent widens the axis with room to spare so one unit has the same pixels on both axes', () => {
    // 4 × 4 units into 400 × 200 px: 0.02 units per px on the tighter (y) axis, so x spans 0.02·400 = 8 units.
    const e = fitExtent(extent, { widthPx: 400, heightPx: 200 })
    assertInDelta([...e.x, ...e.y], [-4, 4, -1, 3], 1e-12)
    const s = viewScales(e, { widthPx: 400, heightPx: 200 })
    assertInDelta(s.kx, -s.ky, 1e-9)
  })

  it('fitExtent respects the margin and keeps the whole original extent visible', () => {
    const view = { widthPx: 500, heightPx: 300, margin: { top: 0, right: 0, bottom: 100, left: 0 } }
    const e = fitExtent({ x: [0, 1], y: [0, 10] }, view)
    expect(e.x[0]).toBeLessThanOrEqual(0)
    expect(e.x[1]).toBeGreaterThanOrEqual(1)
    assertInDelta([...e.y], [0, 10], 1e-12)
    const s = viewScales(e, view)
    assertInDelta(s.kx, -s.ky, 1e-9)
  })
})
