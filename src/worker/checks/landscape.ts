import { MAX_CONTOUR_LEVELS } from '../../core/limits'
import type { TrainInterpolationRequest, TrainLandscapeRequest } from '../protocol'
import { MAX_INTERPOLATION_POINTS } from '../protocol/interpolation'
import { MAX_LANDSCAPE_NODES } from '../protocol/landscape'
import { all, field, isInteger, optional, requestId, runId } from './fields'
import type { Check } from './fields'

const isAxis = (v: unknown): boolean => {
  if (typeof v !== 'object' || v === null) return false
  const { min, max, n } = v as Record<string, unknown>
  return (
    typeof min === 'number' &&
    typeof max === 'number' &&
    min >= -10 &&
    max <= 10 &&
    min < max &&
    isInteger(n, 3, MAX_INTERPOLATION_POINTS)
  )
}

/**
 * The structural checks of the landscape family: `train.landscape` (src/worker/protocol/landscape.ts) and
 * `train.interpolation` (src/worker/protocol/interpolation.ts).
 */
export const landscapeChecks: Record<
  TrainLandscapeRequest['type'] | TrainInterpolationRequest['type'],
  Check
> = {
  'train.landscape': all(
    requestId,
    runId,
    field('seed', (v) => isInteger(v, 0, 0xffffffff), 'an integer in 0..4294967295'),
    field('span', (v) => typeof v === 'number' && v > 0 && v <= 10, 'a number in (0, 10]'),
    field(
      'n',
      (v) => isInteger(v, 5, MAX_LANDSCAPE_NODES) && (v as number) % 2 === 1,
      `an odd integer in 5..${MAX_LANDSCAPE_NODES} (the center is a node)`,
    ),
    field('contours', (v) => isInteger(v, 1, MAX_CONTOUR_LEVELS), `an integer in 1..${MAX_CONTOUR_LEVELS}`),
    optional('directions', (v) => v === 'random' || v === 'pca', "'random' or 'pca'"),
  ),
  'train.interpolation': all(
    requestId,
    runId,
    field(
      't',
      isAxis,
      `{ min, max, n } with −10 ≤ min < max ≤ 10 and n an integer in 3..${MAX_INTERPOLATION_POINTS}`,
    ),
  ),
}
