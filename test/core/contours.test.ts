import { describe, expect, it } from 'vitest'
import {
  contourBuffers,
  contourLevels,
  MAX_CONTOUR_LEVELS,
  surfaceContours,
  traceContours,
} from '../../src/core/contours'
import { sampleGrid } from '../../src/core/grid'
import { heatmapLevels } from '../../src/render/heatmap'
import { assertInDelta } from '../helpers/assertInDelta'

/** f(x, y) = x² + y² on an n × n node grid over [−1, 1]²: the level v is the circle of radius √v. */
function bowl(n: number) {
  const values = new Float64Array(n * n)
  const d = 2 / (n - 1)
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) values[i + j * n] = (-1 + i * d) ** 2 + (-1 + j * d) ** 2
  return { values, nx: n, ny: n, min: 0, max: 2, d }
}

/** Grid-index coordinates (sample i at i + ½) back to the bowl's parameters. */
const toParam = (c: number, d: number): number => -1 + (c - 0.5) * d

describe('contourLevels', () => {
  it('contourLevels(0, 10, 4, false) splits the range into 5 equal bands: 2, 4, 6, 8', () => {
    assertInDelta(contourLevels(0, 10, 4, false), [2, 4, 6, 8], 1e-12)
  })

  it('contourLevels(0, 999, 2, true, ε = 1) is log-spaced in v − min + ε: 1000^(1/3) − 1 = 9 and 1000^(2/3) − 1 = 99', () => {
    assertInDelta(contourLevels(0, 999, 2, true, 1), [9, 99], 1e-9)
  })

  it('contourLevels stays linear without the hint even when the range spans three decades (Pokémon-like)', () => {
    const min = 1e4
    const max = 1e7
    const levels = contourLevels(min, max, 5, false)
    // Equal gaps (max − min)/6: the range alone never switches a surface to log levels.
    for (let k = 0; k < levels.length; k++) assertInDelta(levels[k], min + ((k + 1) * (max - min)) / 6, 1e-6)
    const eps = 1e-4 * (max - min)
    const logLevels = contourLevels(min, max, 5, true)
    const ratio = ((max - min + eps) / eps) ** (1 / 6)
    for (let k = 1; k < logLevels.length; k++)
      assertInDelta((logLevels[k] - min + eps) / (logLevels[k - 1] - min + eps), ratio, 1e-9)
  })

  it('contourLevels agrees with the heatmap’s band edges (render heatmapLevels), linear and log', () => {
    for (const [min, max, count, log] of [
      [-3, 7, 9, false],
      [0, 2500, 20, true],
      [1.02e4, 1.1e7, 20, false],
    ] as const)
      assertInDelta(contourLevels(min, max, count, log), heatmapLevels(min, max, count, log), 1e-9 * max)
  })

  it('contourLevels is empty for a grid without finite values or a flat grid', () => {
    expect(contourLevels(NaN, NaN, 10, false)).toEqual([])
    expect(contourLevels(3, 3, 10, true)).toEqual([])
  })

  it('contourLevels throws unless count is an integer in 1..MAX_CONTOUR_LEVELS', () => {
    for (const bad of [0, 1.5, MAX_CONTOUR_LEVELS + 1, NaN])
      expect(() => contourLevels(0, 1, bad, false)).toThrow(/level count/)
  })
})

describe('traceContours', () => {
  it('traceContours(bowl, [0.25, 0.81]) draws each level as one closed ring on the circle of radius 0.5 or 0.9', () => {
    const g = bowl(101)
    const levels = traceContours(g, [0.81, 0.25])
    expect(levels.map((l) => l.value)).toEqual([0.25, 0.81])
    const onBorder = (r: Float64Array, k: number) =>
      r[k] === 0 || r[k] === 101 || r[k + 1] === 0 || r[k + 1] === 101
    for (const level of levels) {
      // The region above the level is the grid minus a disc: an outer ring along the border (which drawings
      // skip) with the circle as its hole.
      const inner = level.rings.filter((r) => !r.some((_, k) => k % 2 === 0 && onBorder(r, k)))
      const outer = level.rings.filter((r) => r.every((_, k) => k % 2 === 1 || onBorder(r, k)))
      expect(inner).toHaveLength(1)
      expect(inner.length + outer.length).toBe(level.rings.length)
      const ring = inner[0]
      expect(ring.length).toBeGreaterThan(100)
      // Closed: the last point repeats the first.
      expect([ring[ring.length - 2], ring[ring.length - 1]]).toEqual([ring[0], ring[1]])
      const radius = Math.sqrt(level.value)
      // Linear interpolation along a cell edge misplaces the level by at most d²/4 = 1e−4 here.
      for (let k = 0; k < ring.length; k += 2)
        assertInDelta(Math.hypot(toParam(ring[k], g.d), toParam(ring[k + 1], g.d)), radius, 2e-4, `r${k}`)
    }
  })

  it('traceContours puts every ring of every level in one buffer, so contourBuffers lists a single transfer', () => {
    const g = bowl(41)
    const set = { levels: traceContours(g, [0.1, 0.5, 1.5]), log: false }
    const rings = set.levels.flatMap((l) => l.rings)
    expect(rings.length).toBeGreaterThanOrEqual(3)
    expect(new Set(rings.map((r) => r.buffer)).size).toBe(1)
    expect(contourBuffers(set)).toEqual([rings[0].buffer])
  })

  it('a level that leaves the grid is closed along the border, whose points lie exactly on c ∈ {0, nx} or r ∈ {0, ny}', () => {
    const g = bowl(41)
    const [level] = traceContours(g, [1.5])
    const ring = level.rings[0]
    let border = 0
    for (let k = 0; k < ring.length; k += 2)
      if (ring[k] === 0 || ring[k] === 41 || ring[k + 1] === 0 || ring[k + 1] === 41) border++
    expect(border).toBeGreaterThan(0)
  })

  it('traceContours of no levels is empty, and it throws on a non-finite level or a grid too small for its size', () => {
    const g = bowl(5)
    expect(traceContours(g, [])).toEqual([])
    expect(() => traceContours(g, [Infinity])).toThrow(/level/)
    expect(() => traceContours({ values: new Float64Array(3), nx: 2, ny: 2 }, [0.5])).toThrow(/grid/)
  })
})

describe('surfaceContours', () => {
  it('surfaceContours(grid, n, logHint) traces n levels, log-spaced only when the hint or the range rule asks', () => {
    const g = bowl(21)
    const linear = surfaceContours(g, 4, false)
    expect(linear.log).toBe(false)
    assertInDelta(
      linear.levels.map((l) => l.value),
      [0.4, 0.8, 1.2, 1.6],
      1e-12,
    )
    const log = surfaceContours(g, 4, true)
    expect(log.log).toBe(true)
    assertInDelta(
      log.levels.map((l) => l.value),
      contourLevels(0, 2, 4, true),
      0,
    )
  })

  it("surfaceContours on Rosenbrock's valley is log-spaced only when asked, whatever its range", () => {
    // 100(y − x²)² + (1 − x)²: about 1226 at the corner (2, 0.5), below 1 at the nodes next to the minimum (1, 1).
    const grid = sampleGrid('rosenbrock', { x: [0.5, 2], y: [0.5, 3] }, 32, 32)
    expect(grid.min).toBeGreaterThan(0)
    expect(grid.min).toBeLessThan(1)
    expect(grid.max).toBeGreaterThanOrEqual(1226)
    expect(surfaceContours(grid, 10, false).log).toBe(false)
    expect(surfaceContours(grid, 10, true).log).toBe(true)
  })

  it('a grid without finite values gets no levels', () => {
    const values = new Float64Array(4).fill(NaN)
    expect(surfaceContours({ values, nx: 2, ny: 2, min: NaN, max: NaN }, 10, true)).toEqual({
      levels: [],
      log: false,
    })
  })
})
