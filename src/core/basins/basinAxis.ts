import type { BasinAxis } from './types'

/**
 * The i-th start of an axis: min + (i/(n − 1))·(max − min), exactly max at i = n − 1 (min alone when n = 1).
 * The fraction i/(n − 1) is one correctly rounded division of integers, so nested grids agree bit for bit:
 * start i of n is start i·k of k(n − 1) + 1 (a progressive map reuses coarse starts as fine ones).
 */
export function basinCoordinate(axis: BasinAxis, i: number): number {
  if (axis.n === 1 || i === 0) return axis.min
  if (i === axis.n - 1) return axis.max
  return axis.min + (i / (axis.n - 1)) * (axis.max - axis.min)
}
