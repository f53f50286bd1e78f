// Finite-difference checks shared by the surface tests (not a test file itself).
import type { Surface } from '../../../src/core/types'

const EPS = Number.EPSILON

/**
 * ∂f/∂(coordinate `axis`) at (x, y) by Richardson-extrapolated central differences:
 * D(h) = (f(p + h) − f(p − h))/2h has error ~h²f‴/6, and R = (4D(h) − D(2h))/3 cancels it, leaving O(h⁴).
 * Also returns the four sampled values, whose magnitude sets the round-off bound (`roundoffBound`).
 */
export function richardson(
  fn: (x: number, y: number) => number,
  x: number,
  y: number,
  axis: 0 | 1,
  h: number,
): { value: number; samples: number[] } {
  const at = (t: number): number => (axis === 0 ? fn(x + t, y) : fn(x, y + t))
  const p1 = at(h)
  const m1 = at(-h)
  const p2 = at(2 * h)
  const m2 = at(-2 * h)
  const d1 = (p1 - m1) / (2 * h)
  const d2 = (p2 - m2) / (4 * h)
  return { value: (4 * d1 - d2) / 3, samples: [p1, m1, p2, m2] }
}

/** Round-off bound of `richardson` when the sampled values carry relative error ~ε on magnitude `scale`. */
export function roundoffBound(scale: number, h: number): number {
  // R's error ≤ (4/3·2/(2h) + 1/3·2/(4h))·δ = 1.5·δ/h for sample errors δ; δ = 16·ε·scale allows for the
  // few-ulp error of evaluating f itself (or of cancelling terms of size `scale`).
  return (24 * EPS * scale) / h
}

/** Steps scaled to the view: h = 1e−4 × the extent's width along each axis. */
export function stepsFor(s: Surface): [number, number] {
  return [1e-4 * (s.extent.x[1] - s.extent.x[0]), 1e-4 * (s.extent.y[1] - s.extent.y[0])]
}
