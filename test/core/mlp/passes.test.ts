import { describe, expect, it } from 'vitest'
import { BN_EPSILON, BN_MOMENTUM } from '../../../src/core/mlp/batchNorm'
import { initParams } from '../../../src/core/mlp/init'
import { createLayout } from '../../../src/core/mlp/layout'
import { forwardChunk } from '../../../src/core/mlp/passes'
import { createWorkspace } from '../../../src/core/mlp/workspace'
import { patternWeights } from './naiveMlp'

const rows = 64
function setup(layers: number[], options: { dropout?: number; batchNorm?: boolean }) {
  const layout = createLayout(layers, options.batchNorm ?? false)
  const ws = createWorkspace(layout, rows, {
    activation: 'relu',
    output: 'linear',
    loss: 'mse',
    dropout: options.dropout,
    seed: 5,
  })
  const params = new Float64Array(layout.n)
  initParams(layout, { kind: 'explicit', weights: patternWeights(layers, 1, 3) }, params, ws.stats)
  for (let s = 0; s < rows; s++) {
    ws.a[0][2 * s] = Math.sin(s)
    ws.a[0][2 * s + 1] = Math.cos(3 * s)
  }
  return { layout, ws, params }
}

describe('forwardChunk(ws, params, count, train) with dropout p (inverted)', () => {
  it('keeps each hidden unit with probability 1 − p and scales kept units by 1/(1 − p) in training', () => {
    const { ws, params } = setup([2, 32, 1], { dropout: 0.25 })
    let kept = 0
    for (let rep = 0; rep < 20; rep++) {
      forwardChunk(ws, params, rows, true)
      for (let k = 0; k < rows * 32; k++) {
        const m = ws.mask[0][k]
        expect(m === 0 || m === 1 / 0.75).toBe(true)
        expect(ws.a[1][k]).toBe(ws.h[0][k] * m)
        if (m > 0) kept++
      }
    }
    const rate = kept / (20 * rows * 32)
    expect(rate).toBeGreaterThan(0.74)
    expect(rate).toBeLessThan(0.76)
  })

  it('passes every unit through unscaled in evaluation mode', () => {
    const { ws, params } = setup([2, 8, 1], { dropout: 0.5 })
    forwardChunk(ws, params, rows, false)
    for (let k = 0; k < rows * 8; k++) expect(ws.a[1][k]).toBe(ws.h[0][k])
  })
})

describe('forwardChunk(ws, params, count, train) with batch norm', () => {
  it('moves the running statistics by μ̄ ← 0.9μ̄ + 0.1μ_B and σ̄² ← 0.9σ̄² + 0.1σ_B² (biased σ_B²) in training only', () => {
    const layers = [2, 3, 1]
    const { layout, ws, params } = setup(layers, { batchNorm: true })
    const w = patternWeights(layers, 1, 3)[0]
    expect(BN_MOMENTUM).toBe(0.9)
    expect(BN_EPSILON).toBe(1e-5)
    forwardChunk(ws, params, rows, false)
    expect(Array.from(ws.stats)).toEqual([0, 0, 0, 1, 1, 1])
    forwardChunk(ws, params, rows, true)
    for (let j = 0; j < 3; j++) {
      const z = Array.from(
        { length: rows },
        (_, s) => w.b[j] + ws.a[0][2 * s] * w.W[0][j] + ws.a[0][2 * s + 1] * w.W[1][j],
      )
      const mean = z.reduce((a, b) => a + b, 0) / rows
      const variance = z.reduce((a, v) => a + (v - mean) ** 2, 0) / rows
      expect(ws.stats[layout.statsOff[0] + j]).toBeCloseTo(0.1 * mean, 14)
      expect(ws.stats[layout.statsOff[0] + 3 + j]).toBeCloseTo(0.9 + 0.1 * variance, 14)
      // Normalized over the batch: mean 0, variance σ²/(σ² + ε) for the unit γ = 1, β = 0.
      const xs = Array.from({ length: rows }, (_, s) => ws.xhat[0][s * 3 + j])
      expect(xs.reduce((a, b) => a + b, 0) / rows).toBeCloseTo(0, 14)
      expect(xs.reduce((a, v) => a + v * v, 0) / rows).toBeCloseTo(variance / (variance + 1e-5), 12)
    }
  })
})
