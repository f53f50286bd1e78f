import { describe, expect, it } from 'vitest'
import { momentumHill } from '../../../src/core/surfaces/momentumHill'

/** The lecture's momentum, m ← λm − ηg, θ ← θ + m, from (−2, 0) with η = 0.01. */
function roll(lambda: number, steps = 3000): [number, number] {
  let x = -2
  let y = 0
  let mx = 0
  let my = 0
  const g = new Float64Array(2)
  for (let t = 0; t < steps; t++) {
    momentumHill.grad(x, y, g)
    mx = lambda * mx - 0.01 * g[0]
    my = lambda * my - 0.01 * g[1]
    x += mx
    y += my
  }
  return [x, y]
}

describe('momentum-hill', () => {
  it('has the shallow minimum w₁ ≈ −1.131 (L ≈ −1.07) and the deep one w₁ ≈ 1.301 (L ≈ −3.51) of docs/lectures.md S7', () => {
    const [[sx, sy], [dx, dy]] = momentumHill.minima
    expect(sx).toBeCloseTo(-1.131, 3)
    expect(dx).toBeCloseTo(1.301, 3)
    expect(sy).toBe(0)
    expect(dy).toBe(0)
    expect(momentumHill.f(sx, 0)).toBeCloseTo(-1.07, 2)
    expect(momentumHill.f(dx, 0)).toBeCloseTo(-3.51, 2)
    // Both are roots of 4w³ − 6w − 1 to double precision.
    for (const w of [sx, dx]) expect(Math.abs(4 * w ** 3 - 6 * w - 1)).toBeLessThan(1e-14)
  })

  it('has the bump at w₁ ≈ −0.170 with L ≈ 0.08 between them (a saddle in 2D)', () => {
    let w = -0.17
    for (let k = 0; k < 30; k++) w -= (4 * w ** 3 - 6 * w - 1) / (12 * w * w - 6)
    expect(w).toBeCloseTo(-0.17, 3)
    expect(momentumHill.f(w, 0)).toBeCloseTo(0.08, 2)
    const [hxx, , hyy] = momentumHill.hessian(w, 0)
    expect(hxx).toBeLessThan(0)
    expect(hyy).toBeGreaterThan(0)
  })

  it('from (−2, 0) with η = 0.01, GD and λ = 0.8 stop in the shallow minimum while λ = 0.9 rolls into the deep one', () => {
    const [[shallow], [deep]] = momentumHill.minima
    expect(momentumHill.start).toEqual([-2, 0])
    expect(roll(0)[0]).toBeCloseTo(shallow, 8)
    expect(roll(0.8)[0]).toBeCloseTo(shallow, 8)
    expect(roll(0.9)[0]).toBeCloseTo(deep, 8)
  })
})
