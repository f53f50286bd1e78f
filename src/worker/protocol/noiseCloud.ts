/** The `noiseCloud` request: every mini-batch gradient at one point of a data surface (core/noiseCloud.ts). */
import type { RequestScoped } from './common'

/**
 * Asks for the gradient-noise cloud of surface `surface` (a data surface, registry id) at (x, y) with
 * batch size `size` (1..N) and permutation seed `seed`.
 */
export interface NoiseCloudRequest extends RequestScoped {
  type: 'noiseCloud'
  surface: string
  x: number
  y: number
  size: number
  seed: number
}

/**
 * Reply to `NoiseCloudRequest`: `points` interleaves the batch gradients [g₀ₓ, g₀ᵧ, g₁ₓ, …] (its buffer is
 * transferred), `full` is ∇L at (x, y).
 */
export interface NoiseCloudReply extends RequestScoped {
  type: 'noiseCloud'
  points: Float64Array
  full: [number, number]
}

/** What the page receives for a cloud (the reply without its envelope). */
export type NoiseCloudResult = Pick<NoiseCloudReply, 'points' | 'full'>
