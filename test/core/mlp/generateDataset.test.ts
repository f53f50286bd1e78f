import { describe, expect, it } from 'vitest'
import { SpecError } from '../../../src/core/errors'
import { datasetKinds, generateDataset } from '../../../src/core/mlp/index'
import type { DatasetKind } from '../../../src/core/mlp/index'

const kinds = Object.keys(datasetKinds) as DatasetKind[]

describe('generateDataset(kind, n, noise, seed)', () => {
  for (const kind of kinds) {
    it(`makes ${kind}: n rows of two classes over roughly [−3, 3]², the same for the same seed`, () => {
      const d = generateDataset(kind, 301, 0.1, 42)
      expect(d.n).toBe(301)
      expect(d.x.length).toBe(602)
      expect(new Set(d.y)).toEqual(new Set([0, 1]))
      const inBox = Array.from(d.x).filter((v) => Math.abs(v) <= 3.2).length / d.x.length
      expect(inBox).toBeGreaterThan(0.95)
      expect(Math.max(...Array.from(d.x, Math.abs))).toBeLessThan(4.5)
      const again = generateDataset(kind, 301, 0.1, 42)
      expect(Array.from(again.x)).toEqual(Array.from(d.x))
      expect(Array.from(again.y)).toEqual(Array.from(d.y))
      expect(Array.from(generateDataset(kind, 301, 0.1, 43).x)).not.toEqual(Array.from(d.x))
    })
  }

  it('labels circle points by the dot.csv rule x1² + x2² < 2 when noise is 0, about 1 − e⁻¹ of them inside', () => {
    const d = generateDataset('circle', 4000, 0, 1)
    let ones = 0
    for (let i = 0; i < d.n; i++) {
      expect(d.y[i]).toBe(d.x[2 * i] ** 2 + d.x[2 * i + 1] ** 2 < 2 ? 1 : 0)
      ones += d.y[i]
    }
    // |p|² of a 2D standard normal is χ²₂: P(|p|² < 2) = 1 − e⁻¹ ≈ 0.632.
    expect(ones / d.n).toBeGreaterThan(0.6)
    expect(ones / d.n).toBeLessThan(0.66)
  })

  it('labels xor points by the sign of x1·x2 when noise is 0', () => {
    const d = generateDataset('xor', 500, 0, 2)
    for (let i = 0; i < d.n; i++) expect(d.y[i]).toBe(d.x[2 * i] * d.x[2 * i + 1] > 0 ? 1 : 0)
  })

  it('alternates the classes row by row for gaussians and spiral, so a tail split holds both', () => {
    for (const kind of ['gaussians', 'spiral'] as const) {
      const d = generateDataset(kind, 10, 0, 3)
      expect(Array.from(d.y)).toEqual([1, 0, 1, 0, 1, 0, 1, 0, 1, 0])
    }
  })

  it('moves points but keeps labels when noise grows', () => {
    const clean = generateDataset('spiral', 200, 0, 5)
    const noisy = generateDataset('spiral', 200, 0.5, 5)
    expect(Array.from(noisy.y)).toEqual(Array.from(clean.y))
    expect(Array.from(noisy.x)).not.toEqual(Array.from(clean.x))
  })

  it('throws a SpecError for an unknown kind, n outside 4..100,000, or negative noise', () => {
    expect(() => generateDataset('moons' as DatasetKind, 100, 0, 1)).toThrow(SpecError)
    expect(() => generateDataset('circle', 3, 0, 1)).toThrow(/n must be an integer in 4..100,000/)
    expect(() => generateDataset('circle', 100.5, 0, 1)).toThrow(SpecError)
    expect(() => generateDataset('circle', 100, -1, 1)).toThrow(/noise/)
  })
})
