import { SpecError, expectInteger, expectNumber, expectRecord } from '../errors'
import type { AxisSpec } from './types'

/** Most points on one axis of a slice or line. */
export const MAX_AXIS_POINTS = 1001
/** Most weight vectors one slice evaluates (nα·nβ): 256² evaluations. */
export const MAX_SLICE_POINTS = 65_536

/**
 * The axis checked at the core's edge: a record with finite `min` < `max` and an integer `n` in
 * 2..MAX_AXIS_POINTS; a SpecError naming `field.min`, `field.max` or `field.n` otherwise.
 */
export function checkAxis(value: unknown, field: string): AxisSpec {
  const a = expectRecord(value, field)
  const min = expectNumber(a.min, `${field}.min`, 'a finite number', Number.isFinite)
  const max = expectNumber(a.max, `${field}.max`, `a finite number > ${field}.min`, (v) => Number.isFinite(v))
  if (!(max > min)) throw new SpecError(`${field}.max`, `a finite number > ${field}.min (${min})`, max)
  const n = expectInteger(a.n, `${field}.n`, 2, MAX_AXIS_POINTS)
  return { min, max, n }
}

/** value i = min + i·(max − min)/(n − 1); the last lands exactly on max. */
export function axisValues(axis: AxisSpec): Float64Array {
  const out = new Float64Array(axis.n)
  const step = (axis.max - axis.min) / (axis.n - 1)
  for (let i = 0; i < axis.n; i++) out[i] = axis.min + i * step
  out[axis.n - 1] = axis.max
  return out
}
