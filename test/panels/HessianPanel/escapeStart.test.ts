import { describe, expect, it } from 'vitest'
import { analyzePoint } from '../../../src/core/analyzePoint'
import { saddle } from '../../../src/core/surfaces/saddle'
import { escapeScale, escapeStart } from '../../../src/panels/HessianPanel/escapeStart'

describe('escapeScale', () => {
  it('escapeScale(view) is one unit in ordinary views and a tenth of the shorter side in huge ones', () => {
    expect(escapeScale({ x: [-2, 2], y: [-2, 2] })).toBe(1)
    expect(escapeScale({ x: [-5, 5], y: [-5, 5] })).toBe(1)
    // The Pokémon valley: b over 100 units but w over 10, so a unit step still shows.
    expect(escapeScale({ x: [-200, -100], y: [-5, 5] })).toBe(1)
    expect(escapeScale({ x: [-100, 100], y: [-50, 50] })).toBe(10)
  })
})

describe('escapeStart', () => {
  it('escapeStart(θ′, u₁, 1) at the saddle of the worst network moves to (1/√2, 1/√2), where the loss is lower', () => {
    const { escapeDirection } = analyzePoint('saddle', 0, 0)
    const [x, y] = escapeStart([0, 0], escapeDirection!, escapeScale(saddle.extent))
    expect(x).toBeCloseTo(Math.SQRT1_2, 15)
    expect(y).toBeCloseTo(Math.SQRT1_2, 15)
    // L = (1 − w₁w₂)²: 1 at the origin, (1 − ½)² = ¼ after the step (docs/lectures.md S1).
    expect(saddle.f(x, y)).toBeCloseTo(0.25, 12)
    expect(saddle.f(x, y)).toBeLessThan(saddle.f(0, 0))
  })

  it('escapeStart(θ′, u, s) adds s·u to θ′', () => {
    expect(escapeStart([1, -2], [0.6, 0.8], 10)).toEqual([7, 6])
  })
})
