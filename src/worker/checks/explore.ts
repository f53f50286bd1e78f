import { MAX_BASIN_LEVELS, MAX_BASIN_MAPS, MAX_BASIN_SIDE, MAX_SLICE_POINTS } from '../../core/limits'
import type { ExploreToWorker } from '../protocol'
import { all, field, isFiniteNumber, isInteger, isObject, requestId, runId, surface } from './fields'
import type { Check } from './fields'

const isPoint = (v: unknown): boolean => Array.isArray(v) && v.length === 2 && v.every(isFiniteNumber)

/** Increasing sides in 1..MAX_BASIN_SIDE, each (side − 1) a multiple of the previous (side − 1). */
const isSides = (v: unknown): boolean =>
  Array.isArray(v) &&
  v.length >= 1 &&
  v.length <= MAX_BASIN_LEVELS &&
  v.every((s, i) => {
    if (!isInteger(s, 1, MAX_BASIN_SIDE)) return false
    if (i === 0) return true
    const prev = v[i - 1] as number
    return s > prev && (prev === 1 || (s - 1) % (prev - 1) === 0)
  })

/** The structural checks of the explore family (src/worker/protocol/explore.ts); the core judges the spec. */
export const exploreChecks: Record<ExploreToWorker['type'], Check> = {
  'basin.start': all(
    runId,
    field(
      'specs',
      (v) => Array.isArray(v) && v.length >= 1 && v.length <= MAX_BASIN_MAPS && v.every(isObject),
      `1..${MAX_BASIN_MAPS} basin map spec objects`,
    ),
    field(
      'sides',
      isSides,
      `1..${MAX_BASIN_LEVELS} increasing sides in 1..${MAX_BASIN_SIDE}, each (side − 1) a multiple of the previous`,
    ),
  ),
  'basin.cancel': runId,
  slice: all(
    requestId,
    surface,
    field('from', isPoint, 'a point [x, y] of finite numbers'),
    field('to', isPoint, 'a point [x, y] of finite numbers'),
    field('n', (v) => isInteger(v, 2, MAX_SLICE_POINTS), `an integer in 2..${MAX_SLICE_POINTS}`),
  ),
  stability: all(requestId, field('spec', isObject, 'a trajectory spec object')),
}
