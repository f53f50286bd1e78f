import { createBatchSampler } from './batchSampler'
import { SpecError } from './errors'
import type { Surface } from './types'

/**
 * The gradient-noise cloud at θ = (x, y) of a data surface with N examples and batch size B (1 ≤ B ≤ N): the
 * gradients g_B = (1/|B|)·Σ_{n∈B} ∇eₙ(θ) of every batch of E = ⌈N/⌈N/B⌉⌉ epochs of `createBatchSampler(N, B,
 * seed)`, interleaved [g₀ₓ, g₀ᵧ, g₁ₓ, …], so the cloud has E·⌈N/B⌉ ≈ N points whatever B. Each epoch's batches
 * partition the data, so for B dividing N the cloud's mean is ∇L(θ) exactly (up to rounding); for B = 1 it
 * is the N per-example gradients, and for B = N it is ∇L(θ) N times (no spread).
 * Throws a SpecError on a surface without examples or a B outside 1..N.
 */
export function noiseCloud(surface: Surface, x: number, y: number, size: number, seed: number): Float64Array {
  const n = surface.examples
  const each = surface.perExample
  if (n === undefined || each === undefined)
    throw new SpecError('surface', 'a data surface (one with examples)', surface.id)
  if (!Number.isInteger(size) || size < 1 || size > n)
    throw new SpecError('size', `an integer batch size in 1..${n}`, size)
  const sampler = createBatchSampler(n, size, seed)
  const epochs = Math.ceil(n / sampler.perEpoch)
  const count = epochs * sampler.perEpoch
  const out = new Float64Array(2 * count)
  const g = new Float64Array(2)
  for (let t = 0; t < count; t++) {
    const batch = sampler.batch(t)
    let gx = 0
    let gy = 0
    for (let i = 0; i < batch.length; i++) {
      each.grad(batch[i], x, y, g)
      gx += g[0]
      gy += g[1]
    }
    out[2 * t] = gx / batch.length
    out[2 * t + 1] = gy / batch.length
  }
  return out
}

/**
 * The expected spread of a batch gradient at θ: √E‖g_B − ∇L‖² for a batch of B examples drawn uniformly
 * without replacement, = √( tr Σ / B · (N − B)/(N − 1) ), Σ = (1/N)·Σₙ(∇eₙ − ∇L)(∇eₙ − ∇L)ᵀ the per-example
 * gradients' covariance (the finite-population correction makes it 0 at B = N). Same units as the gradient.
 */
export function batchGradientSpread(surface: Surface, x: number, y: number, size: number): number {
  const n = surface.examples
  const each = surface.perExample
  if (n === undefined || each === undefined)
    throw new SpecError('surface', 'a data surface (one with examples)', surface.id)
  const full = surface.grad(x, y, new Float64Array(2))
  const g = new Float64Array(2)
  let tr = 0
  for (let i = 0; i < n; i++) {
    each.grad(i, x, y, g)
    tr += (g[0] - full[0]) ** 2 + (g[1] - full[1]) ** 2
  }
  tr /= n
  return n === 1 ? 0 : Math.sqrt(((tr / size) * (n - size)) / (n - 1))
}
