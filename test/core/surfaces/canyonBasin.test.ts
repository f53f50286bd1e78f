import { describe, expect, it } from 'vitest'
import { CANYON_BASIN_SHIFT, canyonBasin, canyonBasinTest } from '../../../src/core/surfaces/canyonBasin'
import { assertClose } from '../../helpers/assertInDelta'

/** docs/lectures.md S6's formula, written out here, on the axis w₂ = 0. */
const L = (x: number): number =>
  1 - Math.exp(-((x + 1.5) ** 2) / 2) - Math.exp(-((x - 1.5) ** 2) / (2 * 0.2 ** 2)) + 0.05 * x * x

/** 1-D Newton on L′ = 0 with derivatives by hand: L′ = (x+1.5)g₁ + (x−1.5)g₂/0.04 + 0.1x, etc. */
function refine(x: number): number {
  for (let k = 0; k < 40; k++) {
    const g1 = Math.exp(-((x + 1.5) ** 2) / 2)
    const g2 = Math.exp(-((x - 1.5) ** 2) / 0.08)
    const d1 = (x + 1.5) * g1 + ((x - 1.5) * g2) / 0.04 + 0.1 * x
    const d2 = g1 * (1 - (x + 1.5) ** 2) + (g2 / 0.04) * (1 - (x - 1.5) ** 2 / 0.04) + 0.1
    x -= d1 / d2
  }
  return x
}

describe('canyon-basin', () => {
  it('equals the docs/lectures.md S6 formula, and the test surface is it shifted by δ = (0.3, 0)', () => {
    expect(CANYON_BASIN_SHIFT).toEqual([0.3, 0])
    for (const [x, y] of [
      [0, 0],
      [-1.5, 0.4],
      [1.5, -0.1],
      [2.2, 1],
    ]) {
      const ref =
        1 -
        Math.exp(-((x + 1.5) ** 2 + y * y) / 2) -
        Math.exp(-((x - 1.5) ** 2 + y * y) / (2 * 0.2 ** 2)) +
        0.05 * (x * x + y * y)
      assertClose(canyonBasin.f(x, y), ref, 1e-15)
      expect(canyonBasinTest.f(x + 0.3, y)).toBe(canyonBasin.f(x + 0.3 - 0.3, y))
    }
  })

  it('lists the basin and canyon minima to full precision (1-D Newton on the formula)', () => {
    const basin = refine(-1.5)
    const canyon = refine(1.5)
    expect(canyonBasin.minima).toEqual([
      [basin, 0],
      [canyon, 0],
    ])
    expect(canyonBasinTest.minima[0][0]).toBeCloseTo(basin + 0.3, 15)
    expect(canyonBasinTest.minima[1][0]).toBeCloseTo(canyon + 0.3, 15)
  })

  it('has two equally low training minima (≈ 0.102 basin, ≈ 0.101 canyon): the canyon is 25× sharper', () => {
    const [[bx], [cx]] = canyonBasin.minima
    expect(L(bx)).toBeCloseTo(0.1022, 4)
    expect(L(cx)).toBeCloseTo(0.1007, 4)
    const hb = canyonBasin.hessian(bx, 0)
    const hc = canyonBasin.hessian(cx, 0)
    expect(hc[0] / hb[0]).toBeGreaterThan(20)
  })

  it('at the training minima the testing loss is ≈ 0.151 in the basin but ≈ 0.737 in the canyon (gap 0.049 vs 0.637)', () => {
    const [[bx], [cx]] = canyonBasin.minima
    expect(canyonBasinTest.f(bx, 0)).toBeCloseTo(L(bx - 0.3), 14)
    expect(canyonBasinTest.f(bx, 0)).toBeCloseTo(0.1513, 4)
    expect(canyonBasinTest.f(cx, 0)).toBeCloseTo(0.7374, 4)
    expect(canyonBasinTest.f(bx, 0) - canyonBasin.f(bx, 0)).toBeCloseTo(0.049, 3)
    expect(canyonBasinTest.f(cx, 0) - canyonBasin.f(cx, 0)).toBeCloseTo(0.637, 3)
  })

  it('plain GD with η = 0.05 from the start (1.3, 0.15) ends in the canyon (docs/lectures.md S6)', () => {
    let [x, y] = canyonBasin.start
    expect([x, y]).toEqual([1.3, 0.15])
    const g = new Float64Array(2)
    for (let t = 0; t < 3000; t++) {
      canyonBasin.grad(x, y, g)
      x -= 0.05 * g[0]
      y -= 0.05 * g[1]
    }
    expect(x).toBeCloseTo(canyonBasin.minima[1][0], 10)
    expect(Math.abs(y)).toBeLessThan(1e-10)
  })
})
