/**
 * The numeric core's public API: a contract that outside checks import in Node. Keep these names and shapes;
 * add freely. Everything here is pure TypeScript (no DOM, no React) and deterministic given its seeds.
 */
export type * from './types'
export { createRng, type Rng } from './math/rng'
export { surfaces, surfaceIds, getSurface } from './surfaces/index'
export { analyzePoint, analyzeHessian, ANALYSIS_TOLERANCES } from './analyzePoint'
export { sampleGrid } from './grid'
export { optimizers, createOptimizer, withDefaults, supportedConventions } from './optimizers/index'
export { schedules, learningRate, createPlateauScheduler } from './schedules/index'
export { runTrajectory, createRun } from './run'
export { validateTrajectorySpec, validateOptimizerSpec, validateScheduleSpec } from './validate'
export { parseDataset, generateDataset, trainClassifier, createTrainer, lossHessian } from './mlp/index'
