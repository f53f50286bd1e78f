/**
 * The numeric core's public API: a contract that outside checks import in Node. Keep these names and shapes;
 * add freely. Everything here is pure TypeScript (no DOM, no React) and deterministic given its seeds.
 */
export type * from './types'
export type { TrajectoryArrays } from './trajectoryLayout'
export { SpecError } from './errors'
export { createRng, type Rng } from './math/rng'
export { eigenSym2, solveSym2 } from './math/mat2'
export { eigenSym } from './math/eigenSym'
export { surfaces, surfaceIds, getSurface } from './surfaces/index'
export {
  surfaceMetaList,
  surfaceMetas,
  findSurfaceMeta,
  getSurfaceMeta,
  type SurfaceId,
} from './surfaces/index'
export {
  analyzePoint,
  analyzeHessian,
  ANALYSIS_TOLERANCES,
  type PointAnalysis,
  type PointKind,
} from './analyzePoint'
export { sampleGrid, GRID_MAX_SIZE, type Grid } from './grid'
export {
  optimizers,
  optimizerKinds,
  conventions,
  conventionNames,
  createOptimizer,
  withDefaults,
  supportedConventions,
  defaultConvention,
  fillDefaults,
  optimizerMetaList,
  optimizerMeta,
} from './optimizers/index'
export { schedules, scheduleKinds, learningRate, createPlateauScheduler } from './schedules/index'
export { scheduleMetaList, scheduleMeta, stepScheduleKinds } from './schedules/index'
export { runTrajectory, createRun, type Run } from './run'
export {
  validateTrajectorySpec,
  validateOptimizerSpec,
  validateScheduleSpec,
  validateNoiseSpec,
  MAX_STEPS,
} from './validate'
export * from './mlp/index'
export * from './scenes/index'
export { basinMap } from './basins/basinMap'
export { basinCoordinate } from './basins/basinAxis'
export {
  createBasinSolver,
  validateBasinMapSpec,
  MAX_BASIN_STEPS,
  MAX_BASIN_SIDE,
  type BasinSolver,
} from './basins/basinSolver'
export { BASIN_NONE, BASIN_DIVERGED, type BasinMap, type BasinMapSpec, type BasinAxis } from './basins/types'
export { stabilityBand, type StabilityBand } from './stability/stabilityBand'
export { stabilityRule, type StabilityRule } from './stability/stabilityRule'
export * from './landscape/index'
