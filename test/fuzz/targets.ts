/**
 * The public core functions under fuzz (src/core/index.ts), each wrapped to run one call and return the
 * problems found in its result (empty: well-formed). A wrapper only reads the result; refusing the input is
 * the function's own business (it must throw SpecError or DatasetError, which fuzzWorker.ts classifies).
 * Arguments arrive structured-cloned, so they are plain data, typed arrays and primitives.
 */
import {
  analyzeHessian,
  analyzePoint,
  applySceneAction,
  classifierConfigOf,
  createObjective,
  createOptimizer,
  createPlateauScheduler,
  createRun,
  createTrainer,
  generateDataset,
  getScene,
  getSurface,
  initialSetup,
  learningRate,
  lossHessian,
  maxCurvature,
  parseDataset,
  runTrajectory,
  sampleGrid,
  stabilityLimit,
  trainClassifier,
  validateClassifierConfig,
  validateDataset,
  validateNoiseSpec,
  validateOptimizerSpec,
  validateScheduleSpec,
  validateTrajectorySpec,
} from '../../src/core/index'
import type { Dataset, Trajectory, TrainResult } from '../../src/core/index'

type Target = (...args: never[]) => string[]

/**
 * Walks plain objects, arrays and typed arrays and lists every number that is NaN (and, unless
 * `allowInfinite`, ±∞), by path. Stops after 5 findings.
 */
function nonFinite(value: unknown, path = 'result', allowInfinite = false, out: string[] = []): string[] {
  if (out.length >= 5) return out
  if (typeof value === 'number') {
    if (Number.isNaN(value) || (!allowInfinite && !Number.isFinite(value))) out.push(`${path} = ${value}`)
  } else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const a = value as unknown as ArrayLike<number>
    for (let i = 0; i < a.length && out.length < 5; i++) {
      const v = a[i]
      if (typeof v === 'number' && (Number.isNaN(v) || (!allowInfinite && !Number.isFinite(v))))
        out.push(`${path}[${i}] = ${v}`)
    }
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nonFinite(v, `${path}[${i}]`, allowInfinite, out))
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) nonFinite(v, `${path}.${k}`, allowInfinite, out)
  }
  return out
}

function checkTrajectory(t: Trajectory): string[] {
  const problems = nonFinite(t, 'trajectory')
  if (t.status !== 'ok' && t.status !== 'diverged') problems.push(`status ${String(t.status)}`)
  return problems
}

function checkDataset(d: Dataset, minRows: number): string[] {
  const problems = nonFinite(d, 'dataset')
  if (!(Number.isInteger(d.n) && d.n >= minRows && d.n <= 100_000)) problems.push(`n = ${d.n}`)
  if (d.x.length !== 2 * d.n || d.y.length !== d.n) problems.push('x/y lengths do not match n')
  let ones = 0
  for (const v of d.y) {
    if (v !== 0 && v !== 1) {
      problems.push(`label ${v}`)
      break
    }
    ones += v
  }
  if (ones === 0 || ones === d.n) problems.push('a single class')
  return problems
}

function checkTraining(r: TrainResult): string[] {
  // A diverged run stops at the first non-finite loss by design; everything else must be finite.
  return r.stopReason === 'diverged' ? [] : nonFinite({ final: r.final, params: r.params }, 'train')
}

export const targets: Record<string, Target> = {
  learningRate(base: number, schedule: never, t: number) {
    const lr = learningRate(base, schedule, t)
    return Number.isFinite(lr) && lr >= 0 ? [] : [`η = ${lr}`]
  },
  validateOptimizerSpec: (spec: unknown) => nonFinite(validateOptimizerSpec(spec)),
  validateScheduleSpec: (spec: unknown) => nonFinite(validateScheduleSpec(spec)),
  validateNoiseSpec: (spec: unknown) => nonFinite(validateNoiseSpec(spec)),
  validateTrajectorySpec: (spec: unknown) => nonFinite(validateTrajectorySpec(spec)),
  runTrajectory: (spec: never) => checkTrajectory(runTrajectory(spec)),
  createRun(spec: never, capacity: never) {
    const run = capacity === undefined ? createRun(spec) : createRun(spec, capacity)
    run.advance(Math.min(run.total, 5000))
    return checkTrajectory(run.trajectory())
  },
  createOptimizer(spec: never, n: number) {
    const optimizer = createOptimizer(spec, n)
    const size = Math.min(n, 64)
    const theta = new Float64Array(size).fill(0.5)
    const grad = new Float64Array(size).fill(1)
    const hessian = new Float64Array(size * size)
    for (let i = 0; i < size; i++) hessian[i * size + i] = 2
    optimizer.step(theta, grad, optimizer.spec.lr, 0, hessian)
    return nonFinite(optimizer.spec, 'spec')
  },
  createPlateauScheduler(options: never, base: number, losses: number[]) {
    const s = createPlateauScheduler(options, base)
    const rates = losses.map((l) => s.observe(l))
    return rates.every((r) => Number.isFinite(r) && r >= 0) ? [] : [`η = ${rates.join(', ')}`]
  },
  sampleGrid(surface: never, extent: never, nx: number, ny: number) {
    const g = ny === undefined ? sampleGrid(surface, extent, nx) : sampleGrid(surface, extent, nx, ny)
    const problems: string[] = []
    if (g.values.length !== g.nx * g.ny) problems.push('values.length ≠ nx·ny')
    if (Number.isNaN(g.min) || Number.isNaN(g.max)) problems.push(`min/max ${g.min}, ${g.max}`)
    return problems
  },
  getSurface(id: never) {
    return getSurface(id).id === id ? [] : ['another surface']
  },
  analyzePoint: (surface: never, x: number, y: number) => nonFinite(analyzePoint(surface, x, y)),
  analyzeHessian(value: number, g: never, h: never) {
    const a = analyzeHessian(value, g, h)
    // Documented: non-finite input propagates (not critical / degenerate); finite input gives finite output.
    const inputs = [value, ...Array.from(g as ArrayLike<number>), ...Array.from(h as ArrayLike<number>)]
    return inputs.every((v) => Number.isFinite(v)) ? nonFinite(a) : []
  },
  maxCurvature: (surface: never, at: never) => nonFinite(maxCurvature(surface, at), 'λmax', true),
  stabilityLimit: (surface: never, at: never) => nonFinite(stabilityLimit(surface, at), 'limit', true),
  applySceneAction(sceneId: never, action: never) {
    return nonFinite(applySceneAction(initialSetup(getScene(sceneId)), action), 'setup')
  },
  classifierConfigOf: (choice: never) => nonFinite(classifierConfigOf(choice)),
  parseDataset: (text: string) => checkDataset(parseDataset(text), 4),
  generateDataset: (kind: never, n: number, noise: number, seed: number) =>
    checkDataset(generateDataset(kind, n, noise, seed), 4),
  validateDataset: (dataset: unknown) => checkDataset(validateDataset(dataset), 2),
  validateClassifierConfig(config: unknown, dataset: never) {
    validateClassifierConfig(config, dataset)
    return []
  },
  trainClassifier: (config: never, dataset: never) => checkTraining(trainClassifier(config, dataset)),
  createTrainer(config: never, dataset: never) {
    const trainer = createTrainer(config, dataset)
    trainer.trainEpochs(3)
    const problems = trainer.stopReason === 'diverged' ? [] : nonFinite(trainer.evaluate(), 'evaluate')
    const grid = trainer.predictGrid({ x: [-1, 1], y: [-1, 1] }, 4, 4)
    if (trainer.stopReason !== 'diverged') problems.push(...nonFinite(grid, 'predictGrid'))
    return problems.concat(checkTraining(trainer.result()))
  },
  createObjective(config: never, dataset: never, options: never) {
    const objective = createObjective(config, dataset, options)
    const g = new Float64Array(objective.n)
    objective.gradient(objective.params, g)
    return objective.params.length === objective.n ? [] : ['params.length ≠ n']
  },
  lossHessian(config: never, dataset: never, weights: never, options: never) {
    const h = lossHessian(config, dataset, weights, options)
    return h.hessian.length === h.n * h.n ? nonFinite(h, 'lossHessian') : ['hessian is not n×n']
  },
}
