/**
 * Argument generators for every fuzzed core function (see targets.ts): valid examples of each spec, mutated
 * by hostile.ts. `cases[target]` generates the argument list of one call.
 */
import fc from 'fast-check'
import {
  classifierPresets,
  generateDataset,
  optimizerKinds,
  sceneIds,
  surfaceIds,
} from '../../src/core/index'
import type { ClassifierConfig, Dataset } from '../../src/core/index'
import { csvText } from './csv'
import { hostileNumber, hostileValue, mostly, mutated } from './hostile'

const optimizerBases = fc.constantFrom<object>(
  ...optimizerKinds.map((kind) => ({ kind, lr: 0.05 })),
  { kind: 'adam', convention: 'pytorch', lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 },
  { kind: 'momentum', convention: 'lecture', lr: 0.01, momentum: 0.9 },
  { kind: 'rmsprop', convention: 'tensorflow', lr: 0.01, rho: 0.9, eps: 1e-7 },
  { kind: 'adagrad', convention: 'tensorflow', lr: 0.1, initialAccumulator: 0.1 },
  { kind: 'adamw', lr: 0.01, weightDecay: 0.01 },
  { kind: 'nesterov', convention: 'course', lr: 0.01, momentum: 0.9 },
)

const stepSchedules: object[] = [
  { kind: 'constant' },
  { kind: 'exponential', decay: 0.9, decaySteps: 10, staircase: true },
  { kind: 'step', stepSize: 10, gamma: 0.5 },
  { kind: 'multistep', milestones: [10, 20, 50], gamma: 0.1 },
  { kind: 'polynomial', totalSteps: 100, power: 2, final: 0.001 },
  { kind: 'cosine', totalSteps: 100, final: 0, warmupSteps: 10, warmupBegin: 0 },
  { kind: 'inverse-sqrt' },
  { kind: 'warmup-inverse-sqrt', warmupSteps: 10 },
  { kind: 'cosine-restarts', t0: 10, tMult: 2, final: 0 },
]
const plateau = { kind: 'plateau', factor: 0.5, patience: 3, threshold: 1e-4, cooldown: 1, minLr: 0 }
const scheduleBases = fc.constantFrom<object>(...stepSchedules, plateau)
const noiseBase = { std: 0.1, seed: 1, annealSteps: 100 }

const trajectoryBases = fc
  .record({
    surface: fc.constantFrom(...surfaceIds),
    optimizer: optimizerBases,
    schedule: fc.option(fc.constantFrom(...stepSchedules), { nil: undefined }),
    start: fc.constantFrom<[number, number]>([0.5, -0.5], [1, 1], [-2, 2]),
    steps: fc.integer({ min: 1, max: 300 }),
    noise: fc.option(fc.constant(noiseBase), { nil: undefined }),
  })
  .map((spec) => JSON.parse(JSON.stringify(spec)) as object)

// Small data sets, so that a valid-by-chance config trains in milliseconds.
const datasets: Dataset[] = [
  generateDataset('circle', 24, 0.1, 1),
  generateDataset('xor', 16, 0, 2),
  generateDataset('gaussians', 40, 0.5, 3),
]
const datasetBases = fc.constantFrom(...datasets)
export const explicitWeights = [
  {
    W: [
      [0.1, 0.2],
      [0.3, -0.1],
    ],
    b: [0, 0.01],
  },
  { W: [[0.5], [-0.5]], b: [0] },
]
/** A valid classifier config with explicit weights, and a data set it trains on (for single examples). */
export const exampleConfig: ClassifierConfig = {
  layers: [2, 2, 1],
  activation: 'relu',
  output: 'linear',
  loss: 'mse',
  optimizer: { kind: 'sgd', lr: 0.05 },
  batchSize: 4,
  epochs: 2,
  shuffle: false,
  seed: 3,
  regularization: { kind: 'none' },
  init: { kind: 'explicit', weights: explicitWeights },
}
export const exampleDataset = datasets[0]

const configBases = fc.constantFrom<ClassifierConfig>(
  exampleConfig,
  {
    layers: [2, 3, 1],
    activation: 'tanh',
    output: 'sigmoid',
    loss: 'cross-entropy',
    optimizer: { kind: 'adam', lr: 0.01 },
    schedule: { kind: 'step', stepSize: 5, gamma: 0.5 },
    batchSize: 8,
    epochs: 3,
    shuffle: true,
    seed: 1,
    regularization: { kind: 'l2', lambda: 0.01 },
    dropout: 0.1,
    init: { kind: 'he', seed: 2 },
    validationSplit: 0.25,
    earlyStopping: { patience: 2 },
  },
  {
    layers: [2, 4, 3, 1],
    activation: 'leaky-relu',
    output: 'sigmoid',
    loss: 'mse',
    optimizer: { kind: 'rmsprop', lr: 0.01 },
    schedule: plateau as ClassifierConfig['schedule'],
    batchSize: 16,
    epochs: 2,
    shuffle: true,
    seed: 4,
    regularization: { kind: 'l1', lambda: 0.001 },
    batchNorm: true,
    init: { kind: 'xavier', seed: 5 },
  },
)

const point = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.tuple(
      fc.double({ min: -5, max: 5, noNaN: true }),
      fc.double({ min: -5, max: 5, noNaN: true }),
    ),
  },
  { weight: 2, arbitrary: fc.tuple(hostileNumber, hostileNumber) },
)
const coordinate = fc.oneof(
  { weight: 3, arbitrary: fc.double({ min: -5, max: 5, noNaN: true }) },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.double({ min: 1e100, max: Number.MAX_VALUE }) },
)
const surfaceArg = mostly(fc.constantFrom(...surfaceIds))
const size = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 2, max: 64 }) },
  { weight: 1, arbitrary: hostileNumber },
)
const sceneActions = fc.constantFrom<object>(
  { type: 'escape', distance: 1 },
  { type: 'setStart', start: [1, 1] },
  { type: 'setSurface', surface: 'saddle' },
  { type: 'setRacer', index: 0, patch: { lr: 0.1 } },
  { type: 'setSchedule', schedule: { kind: 'step', stepSize: 10, gamma: 0.5 } },
  { type: 'setNoise', noise: noiseBase },
  { type: 'showRacers', indices: [0] },
  { type: 'setLambda', lambda: 0.1 },
  { type: 'play' },
  { type: 'toEnd' },
  { type: 'sequence', actions: [{ type: 'setStart', start: [0.5, 0.5] }, { type: 'escape' }] },
)

/** One call's arguments, per target. */
export const cases: Record<string, fc.Arbitrary<unknown[]>> = {
  learningRate: fc.tuple(
    mostly(fc.constantFrom(0.1, 1e-3)),
    fc.oneof(
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 9, arbitrary: mutated(fc.constantFrom(...stepSchedules)) },
    ),
    mostly(fc.integer({ min: 0, max: 1000 })),
  ),
  validateOptimizerSpec: fc.tuple(mutated(optimizerBases)),
  validateScheduleSpec: fc.tuple(mutated(scheduleBases)),
  validateNoiseSpec: fc.tuple(mutated(fc.constant(noiseBase))),
  validateTrajectorySpec: fc.tuple(mutated(trajectoryBases)),
  runTrajectory: fc.tuple(mutated(trajectoryBases)),
  createRun: fc.tuple(
    mutated(trajectoryBases),
    fc.oneof(fc.constant(undefined), hostileNumber, fc.integer({ min: 1, max: 500 })),
  ),
  createOptimizer: fc.tuple(
    mutated(optimizerBases),
    fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: 1, max: 64 }) },
      { weight: 1, arbitrary: hostileNumber },
    ),
  ),
  createPlateauScheduler: fc.tuple(
    mutated(fc.constant({ factor: 0.5, patience: 2, threshold: 1e-4, cooldown: 1, minLr: 1e-4 })),
    mostly(fc.constant(0.1)),
    fc.array(mostly(fc.double({ min: 0, max: 10, noNaN: true })) as fc.Arbitrary<number>, { maxLength: 8 }),
  ),
  sampleGrid: fc.tuple(
    surfaceArg,
    mutated(fc.constant({ x: [-2, 2], y: [-1, 3] })),
    size,
    fc.option(size, { nil: undefined }),
  ),
  getSurface: fc.tuple(mostly(fc.constantFrom(...surfaceIds))),
  analyzePoint: fc.tuple(surfaceArg, coordinate, coordinate),
  analyzeHessian: fc.tuple(
    hostileNumber,
    fc.oneof(
      { weight: 4, arbitrary: fc.tuple(hostileNumber, hostileNumber) },
      { weight: 1, arbitrary: hostileValue },
    ),
    fc.oneof(
      { weight: 4, arbitrary: fc.tuple(hostileNumber, hostileNumber, hostileNumber) },
      { weight: 1, arbitrary: hostileValue },
    ),
  ),
  maxCurvature: fc.tuple(surfaceArg, mostly(point)),
  stabilityLimit: fc.tuple(surfaceArg, mostly(point)),
  applySceneAction: fc.tuple(mostly(fc.constantFrom(...sceneIds)), mutated(sceneActions)),
  classifierConfigOf: fc.tuple(
    mutated(fc.constantFrom(...Object.keys(classifierPresets)).map((preset) => ({ preset, lambda: 0.01 }))),
  ),
  parseDataset: fc.tuple(csvText),
  generateDataset: fc.tuple(
    mostly(fc.constantFrom('circle', 'xor', 'gaussians', 'spiral')),
    mostly(fc.integer({ min: 4, max: 400 })),
    mostly(fc.constant(0.2)),
    mostly(fc.constant(7)),
  ),
  validateDataset: fc.tuple(mutated(datasetBases)),
  validateClassifierConfig: fc.tuple(mutated(configBases), mostly(datasetBases)),
  trainClassifier: fc.tuple(mutated(configBases, 2), mutated(datasetBases, 1)),
  createTrainer: fc.tuple(mutated(configBases, 2), mutated(datasetBases, 1)),
  createObjective: fc.tuple(
    mutated(configBases, 1),
    mutated(datasetBases, 1),
    mutated(fc.constant({ mode: 'train', rows: [0, 8], maskSeed: 3, weights: explicitWeights }), 2),
  ),
  lossHessian: fc.tuple(
    mutated(
      configBases.filter((c) => c.init.kind === 'explicit'),
      1,
    ),
    mutated(datasetBases, 1),
    mutated(fc.constant(explicitWeights), 1),
    mutated(fc.constant({ relativeTolerance: 1e-6, step: 1e-5, vectors: true }), 2),
  ),
}
