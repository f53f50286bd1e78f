import { describe, expect, it } from 'vitest'
import { saddle } from '../../../src/core/surfaces/saddle'
import { saddleClassic } from '../../../src/core/surfaces/saddleClassic'

describe('saddle', () => {
  it('is the worst network’s loss: L(0, 0) = 1, L(1, 1) = 0, L = (1 − w₁w₂·1)² for x = 1, ŷ = 1', () => {
    expect(saddle.f(0, 0)).toBe(1)
    expect(saddle.f(1, 1)).toBe(0)
    expect(saddle.f(-1, -1)).toBe(0)
    expect(saddle.f(2, 3)).toBe(25)
  })

  it('has ∇L = 0 and H = [[0, −2], [−2, 0]] at the origin (docs/lectures.md S1)', () => {
    expect(Array.from(saddle.grad(0, 0)).map((v) => v + 0)).toEqual([0, 0])
    expect(Array.from(saddle.hessian(0, 0))).toEqual([0, -2, 0])
  })

  it('matches the lecture’s general Hessian [[2w₂², 4w₁w₂ − 2], [4w₁w₂ − 2, 2w₁²]] at a hand-computed point', () => {
    // w = (0.5, −3): 2·9 = 18, 4·(−1.5) − 2 = −8, 2·0.25 = 0.5; ∇L = −2(1 + 1.5)·(−3, 0.5) = (15, −2.5).
    expect(Array.from(saddle.hessian(0.5, -3))).toEqual([18, -8, 0.5])
    expect(Array.from(saddle.grad(0.5, -3))).toEqual([15, -2.5])
  })

  it('lowers the loss along ±(1, 1) and raises it along ±(1, −1) from the origin', () => {
    for (const t of [0.1, -0.1]) {
      expect(saddle.f(t, t)).toBeLessThan(1)
      expect(saddle.f(t, -t)).toBeGreaterThan(1)
    }
  })

  it('lists minima on the hyperbola w₁w₂ = 1 only, with the lecture’s view [−2, 2]² and start (1.5, −1.499)', () => {
    for (const [a, b] of saddle.minima) expect(a * b).toBe(1)
    expect(saddle.minima).toContainEqual([1, 1])
    expect(saddle.minima).toContainEqual([-1, -1])
    expect(saddle.extent).toEqual({ x: [-2, 2], y: [-2, 2] })
    expect(saddle.start).toEqual([1.5, -1.499])
  })

  it('plain GD with η = 0.01 from (1.5, −1.499) idles near L ≈ 1 for about 260 steps, then escapes to the valley near (1, 1)', () => {
    let x = 1.5
    let y = -1.499
    const g = new Float64Array(2)
    let escapedAt = -1
    for (let t = 0; t < 3000; t++) {
      saddle.grad(x, y, g)
      x -= 0.01 * g[0]
      y -= 0.01 * g[1]
      if (escapedAt < 0 && saddle.f(x, y) < 0.9) escapedAt = t
    }
    // docs/lectures.md S1 (simulated): "sits on a plateau at L ≈ 1 for about 260 steps".
    expect(escapedAt).toBeGreaterThan(230)
    expect(escapedAt).toBeLessThan(290)
    expect(Math.abs(x * y - 1)).toBeLessThan(1e-12)
    expect(Math.abs(x - 1)).toBeLessThan(0.01)
  })
})

describe('saddle-classic', () => {
  it('is x² − y² with constant Hessian diag(2, −2), unbounded below, with no minima', () => {
    expect(saddleClassic.f(3, 2)).toBe(5)
    expect(Array.from(saddleClassic.hessian(0.3, -7))).toEqual([2, 0, -2])
    expect(saddleClassic.boundedBelow).toBe(false)
    expect(saddleClassic.minima).toEqual([])
    expect(saddleClassic.f(0, 1e6)).toBe(-1e12)
  })

  it('GD from its start leaves the ridge and diverges', () => {
    let [x, y] = saddleClassic.start
    const g = new Float64Array(2)
    for (let t = 0; t < 5000 && Number.isFinite(y); t++) {
      saddleClassic.grad(x, y, g)
      x -= 0.1 * g[0]
      y -= 0.1 * g[1]
    }
    expect(Number.isFinite(y)).toBe(false)
  })
})
