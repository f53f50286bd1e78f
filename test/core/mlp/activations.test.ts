import { describe, expect, it } from 'vitest'
import { activationIds, activations, LEAKY_SLOPE } from '../../../src/core/mlp/index'

const zs = [-30, -5, -1.3, -0.2, -1e-9, 0, 1e-9, 0.2, 0.7, 1.3, 5, 30]

describe('activations registry', () => {
  it('lists relu, leaky-relu, tanh, sigmoid and linear, each with its id and both-language labels', () => {
    expect(activationIds).toEqual(['relu', 'leaky-relu', 'tanh', 'sigmoid', 'linear'])
    for (const id of activationIds) {
      expect(activations[id].id).toBe(id)
      expect(activations[id].label.en.length).toBeGreaterThan(0)
      expect(activations[id].label.zh.length).toBeGreaterThan(0)
    }
  })

  for (const id of activationIds) {
    const act = activations[id]
    it(`${id}: derivative(z) matches central differences of f away from the kink`, () => {
      for (const z of zs) {
        if (Math.abs(z) < 1e-3) continue
        const h = 1e-6
        expect(act.derivative(z)).toBeCloseTo((act.f(z + h) - act.f(z - h)) / (2 * h), 7)
      }
    })

    it(`${id}: the kernel form (piecewise-linear part, then smooth) gives f, and the slope coefficients f′`, () => {
      const [p, q, c1, c2] = act.slope
      for (const z of zs) {
        const h = new Float64Array([z > 0 ? z : act.negativeSlope * z])
        act.smooth?.(h, 1)
        expect(h[0]).toBeCloseTo(act.f(z), 15)
        const hv = act.f(z)
        expect((hv > 0 ? p : q) + hv * (c1 + c2 * hv)).toBeCloseTo(act.derivative(z), 15)
      }
    })
  }

  it('takes the derivative at the kink z = 0 as 0 for ReLU and 0.01 for leaky ReLU (TF, PyTorch)', () => {
    expect(activations.relu.derivative(0)).toBe(0)
    expect(activations['leaky-relu'].derivative(0)).toBe(LEAKY_SLOPE)
    expect(LEAKY_SLOPE).toBe(0.01)
  })
})
