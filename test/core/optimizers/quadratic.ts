import { createOptimizer } from '../../../src/core/optimizers/index'
import type { Optimizer, OptimizerSpec } from '../../../src/core/types'

/** L(x, y) = x² + 3y², whose gradient (2x, 6y) the hand computations in these tests use. */
export const quad = {
  f: (x: number, y: number): number => x * x + 3 * y * y,
  grad: (x: number, y: number): [number, number] => [2 * x, 6 * y],
}

/**
 * Runs `lrs.length` updates of a fresh optimizer from `start` on `quad`, with η_t = lrs[t], and returns every
 * point visited (start included) plus the optimizer.
 */
export function walk(
  spec: OptimizerSpec,
  lrs: number[],
  start: [number, number] = [1, 1],
): { points: [number, number][]; opt: Optimizer } {
  const opt = createOptimizer(spec, 2)
  const theta = Float64Array.from(start)
  const points: [number, number][] = [[theta[0], theta[1]]]
  lrs.forEach((lr, t) => {
    const g = Float64Array.from(quad.grad(theta[0], theta[1]))
    opt.step(theta, g, lr, t)
    points.push([theta[0], theta[1]])
  })
  return { points, opt }
}

/** `count` copies of η. */
export const constantLr = (lr: number, count: number): number[] => Array.from({ length: count }, () => lr)
