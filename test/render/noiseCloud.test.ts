import { describe, expect, it } from 'vitest'
import { batchGradientSpread, noiseCloud } from '../../src/core/noiseCloud'
import { miniBatchLinear } from '../../src/core/surfaces/miniBatch'
import { cloudSpread } from '../../src/render/noiseCloud'

describe('cloudSpread (the surface panel’s data-cloud-* value)', () => {
  const [x, y] = [-1.5, -1]
  const g = miniBatchLinear.grad(x, y)
  const full: [number, number] = [g[0], g[1]]

  it('of the batch-1 cloud is the core’s exact batch-gradient spread for B = 1', () => {
    const spread = cloudSpread(noiseCloud(miniBatchLinear, x, y, 1, 9), full)
    expect(spread).toBeCloseTo(batchGradientSpread(miniBatchLinear, x, y, 1), 10)
  })

  it('shrinks as the batch grows (1 > 5 > 30 = 0), near the core’s expected spread', () => {
    const s = [1, 5, 30].map((b) => cloudSpread(noiseCloud(miniBatchLinear, x, y, b, 9), full))
    expect(s[0]).toBeGreaterThan(s[1])
    expect(s[1]).toBeGreaterThan(s[2])
    expect(s[2]).toBeLessThan(1e-12)
    const expected = batchGradientSpread(miniBatchLinear, x, y, 5)
    expect(Math.abs(s[1] - expected)).toBeLessThan(0.35 * expected)
  })

  it('is 0 for an empty cloud and the plain RMS distance otherwise', () => {
    expect(cloudSpread([], [1, 2])).toBe(0)
    expect(cloudSpread([4, 6, 1, 2], [1, 2])).toBeCloseTo(Math.sqrt(25 / 2), 12)
  })
})
