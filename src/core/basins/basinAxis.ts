import type { BasinAxis } from './types'

/** The i-th start of an axis: min + i·(max − min)/(n − 1), exactly max at i = n − 1 (min alone when n = 1). */
export function basinCoordinate(axis: BasinAxis, i: number): number {
  if (axis.n === 1 || i === 0) return axis.min
  if (i === axis.n - 1) return axis.max
  return axis.min + (i * (axis.max - axis.min)) / (axis.n - 1)
}
