import { MAX_CONTOUR_LEVELS } from '../../core/limits'
import type { TrainLandscapeRequest } from '../protocol'
import { MAX_LANDSCAPE_NODES } from '../protocol/landscape'
import { all, field, isInteger, requestId, runId } from './fields'
import type { Check } from './fields'

/** The structural check of the `train.landscape` request (src/worker/protocol/landscape.ts). */
export const landscapeChecks: Record<TrainLandscapeRequest['type'], Check> = {
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
  ),
}
