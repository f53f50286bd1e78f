import type { ActivationKind, MlpChoice } from '../types'

/**
 * Which inner loop of the one-hidden-layer fast kernels (`shallow.ts`) computes f: 0 piecewise linear
 * (z > 0 ? z : `negativeSlope`·z), 1 tanh, 2 sigmoid. A small integer tested outside the inner loops, so
 * the hot loops never call through a strategy object.
 */
export type ActivationKernel = 0 | 1 | 2

/** What the UI shows of an activation: its id, names and the TeX of f and f′ (the `*.meta.ts` files). */
export interface ActivationMeta extends MlpChoice<ActivationKind> {
  /** TeX of f′(z). */
  derivativeFormula: string
}

/**
 * A hidden-layer activation as a strategy object: its meta (names, TeX), f and f′ for one number, and the
 * coefficients the layer kernels use so that no activation needs its own copy of the hot loops:
 * - forward, f(z) = z for z > 0 and `negativeSlope`·z otherwise, followed by `smooth` (in place) when set;
 * - backward, f′ written in the output h = f(z): f′ = (h > 0 ? p : q) + h·(c₁ + c₂·h), `slope` = [p, q, c₁, c₂].
 */
export interface Activation extends ActivationMeta {
  /** f(z). */
  f(z: number): number
  /** f′(z); at a kink, the value backprop uses (stated on each activation). */
  derivative(z: number): number
  /** Slope of the piecewise-linear part for z ≤ 0 (1 for the smooth activations, whose `smooth` does the rest). */
  negativeSlope: number
  /** h[k] ← f(h[k]) for k < len, for activations that are not piecewise linear. */
  smooth?: (h: Float64Array, len: number) => void
  /** [p, q, c₁, c₂] of f′ = (h > 0 ? p : q) + h·(c₁ + c₂·h). */
  slope: readonly [number, number, number, number]
  /** The fast kernels' code for f (see `ActivationKernel`). */
  kernel: ActivationKernel
}
