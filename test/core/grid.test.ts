import { describe, expect, it } from 'vitest'
import { SpecError } from '../../src/core/errors'
import { GRID_MAX_SIZE, sampleGrid } from '../../src/core/grid'
import { surfaces } from '../../src/core/surfaces/index'
import type { Extent, Surface } from '../../src/core/types'

/** A test surface L = 10·x + y, so a value tells which column and row it came from. */
const plane: Surface = {
  ...surfaces.ravine,
  id: 'plane',
  f: (x, y) => 10 * x + y,
}

describe('sampleGrid', () => {
  it("sampleGrid('saddle', [−2, 2]², 5) has exact values at the corners and the centre", () => {
    const g = sampleGrid('saddle', { x: [-2, 2], y: [-2, 2] }, 5)
    expect(g.nx).toBe(5)
    expect(g.ny).toBe(5)
    expect(g.values).toHaveLength(25)
    // (1 − xy)²: (−2, −2) → 9, (2, −2) → 25, (−2, 2) → 25, (2, 2) → 9, (0, 0) → 1, (1, 1) → 0.
    expect(g.values[0]).toBe(9)
    expect(g.values[4]).toBe(25)
    expect(g.values[20]).toBe(25)
    expect(g.values[24]).toBe(9)
    expect(g.values[2 * 5 + 2]).toBe(1)
    expect(g.values[3 * 5 + 3]).toBe(0)
    expect(g.min).toBe(0)
    expect(g.max).toBe(25)
  })

  it('stores values[j·nx + i] = f(xᵢ, yⱼ) with row 0 at the bottom (y₀), also for nx ≠ ny', () => {
    const g = sampleGrid(plane, { x: [0, 3], y: [100, 120] }, 4, 3)
    expect(Array.from(g.values)).toEqual([100, 110, 120, 130, 110, 120, 130, 140, 120, 130, 140, 150])
    expect(g.min).toBe(100)
    expect(g.max).toBe(150)
  })

  it('hits the extent’s far edges exactly even when (x₁ − x₀)/(nx − 1) is inexact', () => {
    const g = sampleGrid(plane, { x: [0.1, 0.7], y: [-0.3, 0.3] }, 7, 7)
    expect(g.values[6]).toBe(10 * 0.7 - 0.3)
    expect(g.values[48]).toBe(10 * 0.7 + 0.3)
    expect(g.values[1]).toBe(10 * (0.1 + 0.1) - 0.3)
  })

  it('returns its own copy of the extent and a Float64Array', () => {
    const extent: Extent = { x: [-1, 1], y: [-1, 1] }
    const g = sampleGrid('ravine', extent, 3)
    expect(g.extent).toEqual(extent)
    expect(g.extent).not.toBe(extent)
    expect(g.values).toBeInstanceOf(Float64Array)
  })

  it('ignores non-finite values in min and max, and gives NaN when nothing is finite', () => {
    const holes: Surface = { ...plane, f: (x, y) => (x > 0.5 ? Infinity : y > 0.5 ? NaN : x + y) }
    const g = sampleGrid(holes, { x: [0, 1], y: [0, 1] }, 3)
    expect(g.values[2]).toBe(Infinity)
    expect(Number.isNaN(g.values[6])).toBe(true)
    expect(g.min).toBe(0)
    expect(g.max).toBe(1)
    const none = sampleGrid({ ...plane, f: () => -Infinity }, { x: [0, 1], y: [0, 1] }, 2)
    expect(none.min).toBeNaN()
    expect(none.max).toBeNaN()
  })

  it('throws a SpecError naming nx or ny unless it is an integer in [2, 2048]', () => {
    const e: Extent = { x: [0, 1], y: [0, 1] }
    expect(GRID_MAX_SIZE).toBe(2048)
    for (const bad of [1, 0, -3, 2.5, NaN, Infinity, 2049]) {
      expect(() => sampleGrid('saddle', e, bad)).toThrow(/^nx must be an integer in 2\.\.2048 \(got /)
      expect(() => sampleGrid('saddle', e, 8, bad)).toThrow(/^ny must be an integer in 2\.\.2048 \(got /)
    }
    expect(sampleGrid('saddle', e, 2, 2048).values).toHaveLength(4096)
  })

  it('throws a SpecError naming extent.x or extent.y when a range is reversed, empty or not finite', () => {
    const bad: [number, number][] = [
      [1, 0],
      [1, 1],
      [NaN, 1],
      [0, Infinity],
      [-1e308, 1e308],
    ]
    for (const r of bad) {
      expect(() => sampleGrid('saddle', { x: r, y: [0, 1] }, 4)).toThrow(
        /extent\.x must be two finite numbers/,
      )
      expect(() => sampleGrid('saddle', { x: [0, 1], y: r }, 4)).toThrow(/extent\.y/)
    }
    expect(() => sampleGrid('saddle', { x: [0, 1] } as unknown as Extent, 4)).toThrow(/extent\.y/)
    expect(() => sampleGrid('saddle', { x: [1, 0], y: [0, 1] }, 4)).toThrow(SpecError)
  })

  it('throws a SpecError naming an unknown surface id', () => {
    expect(() => sampleGrid('nope', { x: [0, 1], y: [0, 1] }, 4)).toThrow(
      /^surface must be one of .*\(got 'nope'\)/,
    )
  })
})
