import { describe, expect, it } from 'vitest'
import { himmelblau } from '../../../src/core/surfaces/himmelblau'

/** Newton's method on ∇L = 0 with the Hessian written out here from the formula (not the surface's). */
function newton(x: number, y: number): [number, number] {
  for (let k = 0; k < 30; k++) {
    const a = x * x + y - 11
    const b = x + y * y - 7
    const gx = 4 * x * a + 2 * b
    const gy = 2 * a + 4 * y * b
    const hxx = 4 * a + 8 * x * x + 2
    const hxy = 4 * x + 4 * y
    const hyy = 2 + 4 * b + 8 * y * y
    const det = hxx * hyy - hxy * hxy
    x -= (hyy * gx - hxy * gy) / det
    y -= (hxx * gy - hxy * gx) / det
  }
  return [x, y]
}

describe('himmelblau', () => {
  it('lists its four minima to full double precision: Newton from the published 6-digit values lands on them', () => {
    const published: [number, number][] = [
      [3, 2],
      [-2.805118, 3.131312],
      [-3.77931, -3.283186],
      [3.584428, -1.848126],
    ]
    expect(himmelblau.minima).toHaveLength(4)
    published.forEach(([px, py], k) => {
      const [x, y] = newton(px, py)
      const [mx, my] = himmelblau.minima[k]
      expect(Math.abs(mx - x)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.abs(x))
      expect(Math.abs(my - y)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.abs(y))
      expect(Math.abs(mx - px)).toBeLessThan(1e-6)
      expect(himmelblau.f(mx, my)).toBeLessThan(1e-26)
    })
    expect(himmelblau.f(3, 2)).toBe(0)
  })

  it('has the local maximum ≈ (−0.270845, −0.923039) with L ≈ 181.617 between its minima', () => {
    const [x, y] = newton(-0.27, -0.92)
    expect(x).toBeCloseTo(-0.270845, 5)
    expect(y).toBeCloseTo(-0.923039, 5)
    expect(himmelblau.f(x, y)).toBeCloseTo(181.617, 3)
    const [hxx, , hyy] = himmelblau.hessian(x, y)
    expect(hxx).toBeLessThan(0)
    expect(hyy).toBeLessThan(0)
  })
})
