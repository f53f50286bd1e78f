import { basinCoordinate } from './basinAxis'
import { createBasinSolver } from './basinSolver'
import { getSurface } from '../surfaces/index'
import type { BasinMap, BasinMapSpec } from './types'

/**
 * The basin-of-attraction map of an optimizer on a surface: from every start (xᵢ, yⱼ) of the grid
 * xᵢ = x.min + i·(x.max − x.min)/(x.n − 1) (likewise y; cell k = j·x.n + i, row-major with y outer), run
 * `steps` updates exactly as `runTrajectory({ surface, optimizer, schedule, start, steps })` (no noise) and
 * classify the final point: the index of the surface's listed minimum (`SurfaceMeta.minima`) within
 * Euclidean distance `tolerance` of it (the nearest when several are), −1 when none is, −2 when the run
 * diverged (non-finite or escaped, as `runTrajectory`'s status). `steps[k]` is the first point index
 * (0 = the start) within tolerance of that minimum, the run's `divergedAt` for −2, and −1 for −1.
 * Surfaces that list no minimum (the unbounded saddle, the logit surfaces, the RMSProp cliff) give only −1
 * and −2. Throws a SpecError naming the offending field. Cost: x.n·y.n·steps updates, with one preallocated
 * run reused for every start.
 */
export function basinMap(spec: BasinMapSpec): BasinMap {
  const solver = createBasinSolver(spec)
  const { x, y } = solver.spec
  const minimum = new Int32Array(x.n * y.n)
  const steps = new Int32Array(x.n * y.n)
  for (let j = 0, k = 0; j < y.n; j++) {
    const yj = basinCoordinate(y, j)
    for (let i = 0; i < x.n; i++, k++) solver.solve(basinCoordinate(x, i), yj, minimum, steps, k)
  }
  const minima = getSurface(solver.spec.surface).minima.map(([a, b]) => [a, b] as [number, number])
  return { minimum, steps, minima, x: { ...x }, y: { ...y } }
}
