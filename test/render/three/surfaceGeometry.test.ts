import { describe, expect, it } from 'vitest'
import type { SurfaceContours } from '../../../src/core/contours'
import type { Extent } from '../../../src/core/types'
import { packRgba } from '../../../src/render/colors'
import { paintHeatmap } from '../../../src/render/heatmap'
import {
  CONTOUR_LIFT,
  contourSegments,
  createHeightScale,
  fillMeshPositions,
  fillMeshUvs,
  meshIndices,
  planeFrame,
  sampleTrail,
  shownPoints,
  SURFACE_HEIGHT,
  worldX,
  worldZ,
  writeTrackPoint,
} from '../../../src/render/three/surfaceGeometry'
import { assertInDelta } from '../../helpers/assertInDelta'

const H = SURFACE_HEIGHT
const extent: Extent = { x: [-2, 2], y: [-1, 1] }

/** A grid sampled by hand, the numpy `linspace` way: x_i = x₀ + i·(x₁ − x₀)/(nx − 1), rows bottom-up. */
function sample(f: (x: number, y: number) => number, e: Extent, nx: number, ny: number) {
  const values = new Float64Array(nx * ny)
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++)
      values[i + j * nx] = f(
        e.x[0] + ((e.x[1] - e.x[0]) * i) / (nx - 1),
        e.y[0] + ((e.y[1] - e.y[0]) * j) / (ny - 1),
      )
  let min = Infinity
  let max = -Infinity
  for (const v of values) if (Number.isFinite(v)) [min, max] = [Math.min(min, v), Math.max(max, v)]
  return { values, nx, ny, min, max }
}

describe('planeFrame', () => {
  it('planeFrame keeps the aspect ratio: the longer side spans [−1, 1], y runs towards −z', () => {
    const f = planeFrame(extent)
    expect(f).toEqual({ cx: 0, cy: 0, k: 0.5, halfX: 1, halfZ: 0.5 })
    expect(worldX(f, 2)).toBe(1)
    expect(worldX(f, -2)).toBe(-1)
    expect(worldZ(f, 1)).toBe(-0.5)
    expect(worldZ(f, -1)).toBe(0.5)
    expect(() => planeFrame({ x: [1, 1], y: [0, 1] })).toThrow()
  })
})

describe('createHeightScale', () => {
  it('linear: height = H·(L − min)/(max − min), clamped; overflow sits at the top', () => {
    const h = createHeightScale(0, 10, false)
    expect(h(0)).toBe(0)
    assertInDelta(h(5), 0.5 * H, 1e-12)
    assertInDelta(h(2.5), 0.25 * H, 1e-12)
    expect(h(-3)).toBe(0)
    expect(h(20)).toBe(H)
    expect(h(NaN)).toBe(H)
    expect(h(Infinity)).toBe(H)
  })

  it('log: height = H·ln(L − min + ε)/… with ε = 10⁻⁴·(max − min), the colour scale of the 2D map', () => {
    const h = createHeightScale(0, 1e4, true)
    // ε = 1: t = (ln(L + 1) − ln 1)/(ln(10001) − ln 1).
    assertInDelta(h(99), (H * Math.log(100)) / Math.log(10001), 1e-12)
    expect(h(0)).toBe(0)
    expect(h(1e4)).toBe(H)
  })

  it('a flat or empty range lays every finite value at 0', () => {
    expect(createHeightScale(3, 3, false)(3)).toBe(0)
    expect(createHeightScale(NaN, NaN, false)(1)).toBe(0)
    expect(createHeightScale(NaN, NaN, false)(NaN)).toBe(H)
  })
})

describe('fillMeshPositions', () => {
  it('vertex i + j·nx sits over grid node (xᵢ, yⱼ) at the height of L(xᵢ, yⱼ)', () => {
    const f = (x: number, y: number) => x * x + 3 * y * y
    const grid = sample(f, extent, 5, 3)
    const frame = planeFrame(extent)
    const h = createHeightScale(grid.min, grid.max, false)
    const out = new Float32Array(3 * 15)
    fillMeshPositions(grid, extent, frame, h, out)
    for (let j = 0; j < 3; j++)
      for (let i = 0; i < 5; i++) {
        const x = -2 + i
        const y = -1 + j
        const v = i + 5 * j
        // L ranges over [0, 7]: height = H·L/7, and X = x/2, Z = −y/2.
        assertInDelta(
          [out[3 * v], out[3 * v + 1], out[3 * v + 2]],
          [x / 2, (H * f(x, y)) / 7, -y / 2],
          1e-6,
          `${i},${j}`,
        )
      }
  })

  it('refuses a buffer too small for the grid', () => {
    const grid = sample(() => 1, extent, 3, 3)
    expect(() => fillMeshPositions(grid, extent, planeFrame(extent), () => 0, new Float32Array(26))).toThrow()
  })
})

describe('meshIndices', () => {
  it('two triangles per cell, every one facing up (+y) on a flat grid', () => {
    const nx = 4
    const ny = 3
    const idx = meshIndices(nx, ny)
    expect(idx.length).toBe(6 * 3 * 2)
    const pos = new Float32Array(3 * nx * ny)
    fillMeshPositions(
      sample(() => 0, extent, nx, ny),
      extent,
      planeFrame(extent),
      () => 0,
      pos,
    )
    for (let t = 0; t < idx.length; t += 3) {
      const [a, b, c] = [idx[t], idx[t + 1], idx[t + 2]].map((k) => [
        pos[3 * k],
        pos[3 * k + 1],
        pos[3 * k + 2],
      ])
      const u = [b[0] - a[0], b[1] - a[1], b[2] - a[2]]
      const w = [c[0] - a[0], c[1] - a[1], c[2] - a[2]]
      // y component of u × w.
      expect(u[2] * w[0] - u[0] * w[2]).toBeGreaterThan(0)
    }
    expect(Math.max(...idx)).toBe(nx * ny - 1)
  })
})

describe('fillMeshUvs', () => {
  it('each vertex samples the heatmap pixel paintHeatmap painted for its own node', () => {
    const nx = 4
    const ny = 3
    // Node k has value k; a probe LUT whose red byte is its index tells which value a pixel shows.
    const values = Float64Array.from({ length: nx * ny }, (_, k) => k)
    const probe = new Uint32Array(256).map((_, i) => packRgba(i, 0, 0))
    const data = new Uint8ClampedArray(4 * nx * ny)
    paintHeatmap(
      { data, width: nx, height: ny },
      { values, nx, ny, min: 0, max: nx * ny - 1 },
      { palette: probe, log: false },
    )
    const uv = new Float32Array(2 * nx * ny)
    fillMeshUvs(nx, ny, uv)
    for (let k = 0; k < nx * ny; k++) {
      // A DataTexture without flip: texel row = ⌊v·ny⌋ is the image's row from the top.
      const col = Math.floor(uv[2 * k] * nx)
      const row = Math.floor(uv[2 * k + 1] * ny)
      const red = data[4 * (col + row * nx)]
      expect(red).toBe(Math.min(255, Math.floor((k / (nx * ny - 1)) * 256)))
    }
  })
})

describe('contourSegments', () => {
  it('maps ring points (c, r) to x = x₀ + (c − ½)·dx at the level height, leaving out border segments', () => {
    const grid = { nx: 5, ny: 3 }
    const frame = planeFrame(extent)
    const h = createHeightScale(0, 10, false)
    // dx = 1, dy = 1: (1.5, 1.5) is node (1, 1) = (−1, 0); (2.5, 1.5) is (0, 0); (0, 1.5) is on the border.
    const contours: SurfaceContours = {
      log: false,
      levels: [{ value: 5, rings: [Float64Array.from([1.5, 1.5, 2.5, 1.5, 0, 1.5, 1.5, 1.5])] }],
    }
    const seg = contourSegments(contours, grid, extent, frame, h)
    const y = 0.5 * H + CONTOUR_LIFT
    assertInDelta(seg, [-0.5, y, -0, 0, y, -0], 1e-6)
  })
})

describe('trajectory points: ball and trail', () => {
  const track = {
    x: Float64Array.from([1, 0.5, 0.25, 0.125, NaN]),
    y: Float64Array.from([-1, -0.5, 0, 0.5, 1]),
    loss: Float64Array.from([10, 5, 2.5, 1, 0]),
    count: 4,
  }
  const frame = planeFrame(extent)
  const h = createHeightScale(0, 10, false)

  it('shownPoints is the 2D marker rule: min(count, ⌊cursor⌋ + 1)', () => {
    expect(shownPoints(track, 0)).toBe(1)
    expect(shownPoints(track, 2.7)).toBe(3)
    expect(shownPoints(track, 99)).toBe(4)
    expect(shownPoints(track, -1)).toBe(0)
    expect(shownPoints(track, NaN)).toBe(0)
  })

  it('the ball at playhead t stands on trajectory point ⌊t⌋, lifted by its radius', () => {
    for (const cursor of [0, 1, 2.5, 3, 50]) {
      const k = shownPoints(track, cursor) - 1
      const out = [0, 0, 0]
      expect(writeTrackPoint(track, k, frame, h, 0.1, out)).toBe(true)
      assertInDelta(
        out,
        [track.x[k] / 2, (H * track.loss[k]) / 10 + 0.1, -track.y[k] / 2],
        1e-12,
        `cursor ${cursor}`,
      )
    }
    expect(writeTrackPoint(track, 4, frame, h, 0, [0, 0, 0])).toBe(false)
    expect(writeTrackPoint(track, -1, frame, h, 0, [0, 0, 0])).toBe(false)
  })

  it('sampleTrail keeps every point of a short trail', () => {
    const out = new Float32Array(3 * 16)
    expect(sampleTrail(track, 3, 16, frame, h, 0, out)).toBe(3)
    assertInDelta(out.subarray(0, 9), [0.5, H, 0.5, 0.25, 0.5 * H, 0.25, 0.125, 0.25 * H, -0], 1e-6)
  })

  it('sampleTrail thins a long trail evenly and always ends at the shown point under the ball', () => {
    const n = 10_001
    const long = {
      x: Float64Array.from({ length: n }, (_, i) => i / n),
      y: new Float64Array(n),
      loss: new Float64Array(n),
      count: n,
    }
    const max = 100
    const out = new Float32Array(3 * max)
    for (const shown of [n, 5000, 101, 2]) {
      const written = sampleTrail(long, shown, max, frame, h, 0, out)
      expect(written).toBeLessThanOrEqual(max)
      expect(written).toBeGreaterThanOrEqual(Math.min(shown, max / 2))
      assertInDelta(out[0], 0, 1e-9)
      assertInDelta(out[3 * (written - 1)], (shown - 1) / n / 2, 1e-6, `last of ${shown}`)
      // Evenly spaced before the last point.
      const step = out[3] - out[0]
      for (let p = 1; p < written - 1; p++) assertInDelta(out[3 * p] - out[3 * (p - 1)], step, 1e-6)
    }
  })

  it('sampleTrail stops at the first non-finite point', () => {
    const broken = { ...track, count: 5 }
    const out = new Float32Array(3 * 16)
    expect(sampleTrail(broken, 5, 16, frame, h, 0, out)).toBe(4)
  })
})
