import { describe, expect, it } from 'vitest'
import { createRng } from '../../../src/core/math/rng'

// The reference mulberry32 as published (Tommy Ettinger), written independently of the implementation.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('createRng(seed)', () => {
  it('next() reproduces the published mulberry32 sequence', () => {
    for (const seed of [0, 1, 42, 2 ** 32 - 1, 123456789]) {
      const ours = createRng(seed)
      const ref = mulberry32(seed)
      for (let i = 0; i < 1000; i++) expect(ours.next()).toBe(ref())
    }
  })

  it('is deterministic per seed and differs between seeds', () => {
    const a = createRng(7)
    const b = createRng(7)
    const c = createRng(8)
    const xs = Array.from({ length: 5 }, () => a.normal())
    expect(Array.from({ length: 5 }, () => b.normal())).toEqual(xs)
    expect(Array.from({ length: 5 }, () => c.normal())).not.toEqual(xs)
  })

  it('normal() has mean 0 and variance 1 within sampling error', () => {
    const r = createRng(2024)
    const n = 200_000
    let s = 0
    let s2 = 0
    for (let i = 0; i < n; i++) {
      const z = r.normal()
      s += z
      s2 += z * z
    }
    const mean = s / n
    const variance = s2 / n - mean * mean
    // 5 standard errors: mean SE = 1/√n ≈ 0.0022, variance SE = √(2/n) ≈ 0.0032.
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n))
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n))
  })

  it('int(n) stays in [0, n)', () => {
    const r = createRng(3)
    for (let i = 0; i < 10_000; i++) {
      const k = r.int(7)
      expect(k >= 0 && k < 7 && Number.isInteger(k)).toBe(true)
    }
  })
})
