import { GRID_MAX_SIZE, MAX_CONTOUR_LEVELS } from '../../core/limits'
import type { GridRequest } from '../protocol'
import { all, field, isInteger, isObject, isRange, netSpec, optional, requestId, surface } from './fields'
import type { Check } from './fields'

const nodes = (name: string): Check =>
  field(name, (v) => isInteger(v, 2, GRID_MAX_SIZE), `an integer in 2..${GRID_MAX_SIZE}`)

/** The structural check of the `grid` request (src/worker/protocol/grid.ts). */
export const gridChecks: Record<GridRequest['type'], Check> = {
  grid: all(
    requestId,
    surface,
    field(
      'extent',
      (v) => isObject(v) && isRange(v.x) && isRange(v.y),
      '{ x: [x0, x1], y: [y0, y1] } with x0 < x1, y0 < y1',
    ),
    nodes('nx'),
    nodes('ny'),
    optional(
      'contours',
      (v) => isObject(v) && isInteger(v.count, 1, MAX_CONTOUR_LEVELS),
      `{ count } with count an integer in 1..${MAX_CONTOUR_LEVELS}`,
    ),
    netSpec,
  ),
}
