import { describe, expect, it } from 'vitest'
import { SpecError } from '../../../src/core/errors'
import { createRng } from '../../../src/core/math/rng'
import { eigenSym2, solveSym2 } from '../../../src/core/math/mat2'
import { getSurface, surfaceIds, surfaces } from '../../../src/core/surfaces/index'
import type { Surface } from '../../../src/core/types'
import { richardson, roundoffBound, stepsFor } from './finiteDiff'

const REQUIRED = [
  'saddle',
  'tanh-plateau',
  'ravine',
  'rosenbrock',
  'himmelblau',
  'pokemon',
  'pokemon-sum',
  'momentum-hill',
  'rmsprop-cliff',
  'canyon-basin',
  'canyon-basin-test',
  'feature-raw',
  'feature-standardized',
  'mse-logits',
  'ce-logits',
  'saddle-classic',
]

// Each analytic derivative must match its Richardson difference to RTOL·|exact| plus the differences' own
// round-off bound. The O(h⁴) truncation at h = 1e−4·width is ≲ 1e−12 relative on these smooth surfaces, and
// the largest error seen is 3% of the tolerance, while scaling any one entry by (1 + 1e−6) fails on every surface.
const RTOL = 1e-7
const POINTS = 25
// The network surface (#12) is a real ReLU network's loss: piecewise smooth with kinks wherever a unit
// switches, and its minima are unknown. Its derivatives are checked against differences of lossSlice away
// from kinks, and against the network's own Hessian, in test/core/landscape/netSurface.test.ts.
const NON_SMOOTH = new Set(['net-slice'])

function randomPoints(s: Surface, seed: number): [number, number][] {
  const rng = createRng(seed)
  const { x, y } = s.extent
  return Array.from({ length: POINTS }, () => [
    x[0] + (x[1] - x[0]) * rng.next(),
    y[0] + (y[1] - y[0]) * rng.next(),
  ])
}

function inside(s: Surface, [x, y]: readonly number[]): boolean {
  return x >= s.extent.x[0] && x <= s.extent.x[1] && y >= s.extent.y[0] && y <= s.extent.y[1]
}

describe('surfaces registry', () => {
  it('surfaceIds lists every required id, in the registry’s insertion order, without duplicates', () => {
    for (const id of REQUIRED) expect(surfaceIds).toContain(id)
    expect(Object.keys(surfaces)).toEqual(surfaceIds)
    expect(new Set(surfaceIds).size).toBe(surfaceIds.length)
  })

  it('getSurface(id) returns the registered descriptor whose id is that id', () => {
    for (const id of surfaceIds) {
      expect(getSurface(id)).toBe(surfaces[id])
      expect(getSurface(id).id).toBe(id)
    }
  })

  it('getSurface(unknown) throws a SpecError naming the id and listing the allowed ids', () => {
    expect(() => getSurface('banana')).toThrow(SpecError)
    expect(() => getSurface('banana')).toThrow(/got 'banana'/)
    expect(() => getSurface('banana')).toThrow(/surface must be one of 'saddle', .*'rosenbrock'/)
    expect(() => getSurface('toString')).toThrow(/got 'toString'/)
    try {
      getSurface('banana')
    } catch (e) {
      expect((e as SpecError).field).toBe('surface')
    }
  })
})

describe.each(surfaceIds.map((id) => [id, surfaces[id]] as const))('surface %s', (id, s) => {
  it('has bilingual names and descriptions, a formula and two axis labels', () => {
    for (const text of [s.name.en, s.name.zh, s.description.en, s.description.zh, s.formula]) {
      expect(text.trim().length).toBeGreaterThan(0)
    }
    expect(s.name.zh).toMatch(/[\u4e00-\u9fff]/)
    expect(s.description.zh).toMatch(/[\u4e00-\u9fff]/)
    expect(s.axes).toHaveLength(2)
    expect(s.axes.every((a) => a.length > 0)).toBe(true)
  })

  it('has a finite, non-degenerate extent with the start point inside it', () => {
    for (const [lo, hi] of [s.extent.x, s.extent.y]) {
      expect(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi).toBe(true)
    }
    expect(inside(s, s.start)).toBe(true)
    expect(Number.isFinite(s.f(s.start[0], s.start[1]))).toBe(true)
  })

  it('grad(x, y, out) writes into out and returns it; without out it returns a fresh pair equal to it', () => {
    const out = new Float64Array(2)
    const [x, y] = s.start
    expect(s.grad(x, y, out)).toBe(out)
    expect(Array.from(s.grad(x, y))).toEqual(Array.from(out))
    const h = new Float64Array(3)
    expect(s.hessian(x, y, h)).toBe(h)
    expect(Array.from(s.hessian(x, y))).toEqual(Array.from(h))
  })

  it.skipIf(NON_SMOOTH.has(id))(
    'grad matches Richardson central differences of f at 25 seeded points',
    () => {
      const [hx, hy] = stepsFor(s)
      const out = new Float64Array(2)
      for (const [x, y] of randomPoints(s, 11)) {
        const g = s.grad(x, y, out)
        const dx = richardson(s.f, x, y, 0, hx)
        const dy = richardson(s.f, x, y, 1, hy)
        const scale = Math.max(1, ...[...dx.samples, ...dy.samples].map(Math.abs))
        const tolX = RTOL * Math.abs(g[0]) + roundoffBound(scale, hx)
        const tolY = RTOL * Math.abs(g[1]) + roundoffBound(scale, hy)
        if (!(Math.abs(dx.value - g[0]) <= tolX))
          expect.fail(`${id} ∂/∂x at (${x}, ${y}): ${g[0]} vs fd ${dx.value}`)
        if (!(Math.abs(dy.value - g[1]) <= tolY))
          expect.fail(`${id} ∂/∂y at (${x}, ${y}): ${g[1]} vs fd ${dy.value}`)
      }
    },
  )

  it.skipIf(NON_SMOOTH.has(id))(
    'hessian matches Richardson central differences of the analytic gradient at 25 seeded points',
    () => {
      const [hx, hy] = stepsFor(s)
      const gx = (x: number, y: number): number => s.grad(x, y, [0, 0])[0]
      const gy = (x: number, y: number): number => s.grad(x, y, [0, 0])[1]
      for (const [x, y] of randomPoints(s, 12)) {
        const [hxx, hxy, hyy] = s.hessian(x, y, [0, 0, 0])
        const dxx = richardson(gx, x, y, 0, hx)
        const dxy = richardson(gx, x, y, 1, hy)
        const dyx = richardson(gy, x, y, 0, hx)
        const dyy = richardson(gy, x, y, 1, hy)
        const gscale = Math.max(
          1,
          ...[...dxx.samples, ...dxy.samples, ...dyx.samples, ...dyy.samples].map(Math.abs),
        )
        const checks: [string, number, number, number][] = [
          ['xx', hxx, dxx.value, hx],
          ['xy', hxy, dxy.value, hy],
          ['yx', hxy, dyx.value, hx],
          ['yy', hyy, dyy.value, hy],
        ]
        for (const [name, exact, fd, h] of checks) {
          const tol = RTOL * Math.abs(exact) + roundoffBound(gscale, h)
          if (!(Math.abs(fd - exact) <= tol))
            expect.fail(`${id} H${name} at (${x}, ${y}): ${exact} vs fd ${fd}`)
        }
      }
    },
  )

  it('every listed minimum has ‖∇L‖ ≈ 0, a positive semidefinite Hessian and no lower point nearby', () => {
    const r = 1e-3 * Math.min(s.extent.x[1] - s.extent.x[0], s.extent.y[1] - s.extent.y[0])
    for (const [x, y] of s.minima) {
      const L = s.f(x, y)
      const g = s.grad(x, y, [0, 0])
      expect(Math.hypot(g[0], g[1]), `${id} ‖g‖ at (${x}, ${y})`).toBeLessThanOrEqual(
        1e-9 * Math.max(1, Math.abs(L)),
      )
      const h = s.hessian(x, y, [0, 0, 0])
      const { values } = eigenSym2(h[0], h[1], h[2])
      expect(values[0]).toBeGreaterThanOrEqual(-1e-9 * Math.max(1, Math.abs(values[1])))
      for (let k = 0; k < 16; k++) {
        const a = (k * Math.PI) / 8
        expect(s.f(x + r * Math.cos(a), y + r * Math.sin(a))).toBeGreaterThanOrEqual(L)
      }
    }
  })

  it('its strict minima are stored to full double precision (a Newton step from them is below 1e−13 relative)', () => {
    for (const [x, y] of s.minima) {
      const h = s.hessian(x, y, [0, 0, 0])
      const g = s.grad(x, y, [0, 0])
      const step = [0, 0]
      if (!solveSym2(h[0], h[1], h[2], g[0], g[1], step)) continue // the flat valley of `saddle`
      expect(Math.abs(step[0])).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(x)))
      expect(Math.abs(step[1])).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(y)))
    }
  })

  it.skipIf(id === 'saddle' || NON_SMOOTH.has(id))(
    'lists every strict local minimum that a 121×121 scan of its view leads to',
    () => {
      const n = 121
      const { x: ex, y: ey } = s.extent
      const X = (i: number): number => ex[0] + ((ex[1] - ex[0]) * i) / (n - 1)
      const Y = (j: number): number => ey[0] + ((ey[1] - ey[0]) * j) / (n - 1)
      const v = new Float64Array(n * n)
      for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) v[j * n + i] = s.f(X(i), Y(j))
      const found: [number, number][] = []
      for (let j = 1; j < n - 1; j++) {
        for (let i = 1; i < n - 1; i++) {
          const c = v[j * n + i]
          let isMin = true
          for (let dj = -1; dj <= 1; dj++)
            for (let di = -1; di <= 1; di++) {
              if ((di || dj) && !(c < v[(j + dj) * n + i + di])) isMin = false
            }
          if (!isMin) continue
          // Newton from the discrete minimum, using only f's analytic derivatives.
          let p: [number, number] = [X(i), Y(j)]
          const step = [0, 0]
          for (let k = 0; k < 60; k++) {
            const g = s.grad(p[0], p[1], [0, 0])
            const h = s.hessian(p[0], p[1], [0, 0, 0])
            if (!solveSym2(h[0], h[1], h[2], g[0], g[1], step)) break
            p = [p[0] - step[0], p[1] - step[1]]
          }
          const g = s.grad(p[0], p[1], [0, 0])
          const h = s.hessian(p[0], p[1], [0, 0, 0])
          const { values } = eigenSym2(h[0], h[1], h[2])
          if (
            Math.hypot(g[0], g[1]) <= 1e-9 * Math.max(1, Math.abs(s.f(p[0], p[1]))) &&
            values[0] > 0 &&
            inside(s, p)
          ) {
            found.push(p)
          }
        }
      }
      const tolX = 1e-8 * (ex[1] - ex[0])
      const tolY = 1e-8 * (ey[1] - ey[0])
      const matches = (a: readonly number[], b: readonly number[]): boolean =>
        Math.abs(a[0] - b[0]) <= tolX && Math.abs(a[1] - b[1]) <= tolY
      for (const p of found) {
        expect(
          s.minima.some((m) => matches(m, p)),
          `${id}: unlisted minimum at (${p[0]}, ${p[1]})`,
        ).toBe(true)
      }
      for (const m of s.minima.filter((m) => inside(s, m))) {
        expect(
          found.some((p) => matches(m, p)),
          `${id}: listed minimum (${m[0]}, ${m[1]}) not found by the scan`,
        ).toBe(true)
      }
      if (!s.boundedBelow) expect(s.minima).toEqual([])
    },
  )
})
