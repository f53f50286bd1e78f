import { describe, expect, it } from 'vitest'
import { createLeastSquares } from '../../../src/core/surfaces/leastSquares'

describe('createLeastSquares', () => {
  it('createLeastSquares(u, v, y, scale) fits y = 1 + 2x exactly: minimum (1, 2), value 0, H = 2·scale·ZᵀZ', () => {
    const ls = createLeastSquares([1, 1, 1], [0, 1, 2], [1, 3, 5], 0.5)
    expect(ls.minimum[0]).toBeCloseTo(1, 14)
    expect(ls.minimum[1]).toBeCloseTo(2, 14)
    expect(ls.minValue).toBeCloseTo(0, 28)
    // ZᵀZ = [[3, 3], [3, 5]].
    expect(Array.from(ls.hessian(7, 7))).toEqual([3, 3, 5])
    // L(0, 0) = 0.5·(1 + 9 + 25).
    expect(ls.f(0, 0)).toBeCloseTo(17.5, 13)
    // ∇L(0, 0) = −2·0.5·Zᵀy = −(9, 13).
    const g = ls.grad(0, 0)
    expect(g[0]).toBeCloseTo(-9, 13)
    expect(g[1]).toBeCloseTo(-13, 13)
  })

  it('createLeastSquares throws on collinear columns or mismatched lengths', () => {
    expect(() => createLeastSquares([1, 1, 1], [2, 2, 2], [1, 2, 3], 1)).toThrow(/collinear/)
    expect(() => createLeastSquares([1, 1], [1, 2, 3], [1, 2, 3], 1)).toThrow(/length/)
  })
})
