import type { NoiseCloudRequest } from '../protocol'
import { all, field, isFiniteNumber, isInteger, requestId, surface } from './fields'
import type { Check } from './fields'

/** The structural check of the `noiseCloud` request (src/worker/protocol/noiseCloud.ts); N is the core's. */
export const noiseCloudChecks: Record<NoiseCloudRequest['type'], Check> = {
  noiseCloud: all(
    requestId,
    surface,
    field('x', isFiniteNumber, 'a finite number'),
    field('y', isFiniteNumber, 'a finite number'),
    field('size', (v) => isInteger(v, 1, 100_000), 'an integer batch size ≥ 1'),
    field('seed', (v) => isInteger(v, 0, 0xffffffff), 'an integer in 0..2³²−1'),
  ),
}
