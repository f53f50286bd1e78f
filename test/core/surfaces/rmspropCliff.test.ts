import { describe, expect, it } from 'vitest'
import { rmspropCliff } from '../../../src/core/surfaces/rmspropCliff'

/** 200 steps from w = 0 with η = 0.1 on the w₁ axis; σ update given; returns the largest step and the end. */
function run(sigma: (prev: number, g: number, t: number) => number): { maxStep: number; end: number } {
  let w = 0
  let s = 0
  let maxStep = 0
  const g = new Float64Array(2)
  for (let t = 0; t < 200; t++) {
    rmspropCliff.grad(w, 0, g)
    s = sigma(s, g[0], t)
    const step = (0.1 / s) * g[0]
    maxStep = Math.max(maxStep, Math.abs(step))
    w -= step
  }
  return { maxStep, end: w }
}

describe('rmsprop-cliff', () => {
  it('slopes down everywhere along w₁ and is unbounded below, so it lists no minima', () => {
    expect(rmspropCliff.boundedBelow).toBe(false)
    expect(rmspropCliff.minima).toEqual([])
    for (const w of [-5, 0, 2, 2.3, 10, 1e4]) expect(rmspropCliff.grad(w, 0)[0]).toBeLessThan(0)
    expect(rmspropCliff.f(1e5, 0)).toBeLessThan(-4000)
  })

  it('reproduces docs/lectures.md S8: Adagrad max step 0.30, ends at 5.9; RMSProp α = 0.5 max 0.12, ends at 19.8; α = 0.9 max 0.28, ends at 17.1', () => {
    let sum = 0
    const adagrad = run((_s, g, t) => {
      sum += g * g
      return Math.sqrt(sum / (t + 1))
    })
    expect(adagrad.maxStep).toBeCloseTo(0.3, 2)
    // "ends at w = 5.9": the text truncates, so 5.9 ≤ w < 6.0.
    expect(adagrad.end).toBeGreaterThanOrEqual(5.9)
    expect(adagrad.end).toBeLessThan(6)
    const rms = (a: number) =>
      run((s, g, t) => (t === 0 ? Math.abs(g) : Math.sqrt(a * s * s + (1 - a) * g * g)))
    expect(rms(0.5).maxStep).toBeCloseTo(0.12, 2)
    expect(rms(0.5).end).toBeCloseTo(19.8, 1)
    expect(rms(0.9).maxStep).toBeCloseTo(0.28, 2)
    expect(rms(0.9).end).toBeCloseTo(17.1, 1)
  })
})
