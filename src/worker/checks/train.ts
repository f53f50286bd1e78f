import {
  MAX_COMPARE_ROWS,
  MAX_EPOCHS,
  MAX_EPOCHS_PER_SECOND,
  MAX_ROWS,
  MAX_TRAIN_GRID,
  MIN_EPOCHS_PER_SECOND,
} from '../../core/limits'
import { datasetKinds } from '../../core/mlp/generateDataset'
import type { TrainToWorker } from '../protocol'
import {
  all,
  describe,
  field,
  isBoolean,
  isFiniteNumber,
  isInteger,
  isObject,
  isRange,
  optional,
  requestId,
  runId,
} from './fields'
import type { Check } from './fields'

const isRunKey = (v: unknown): boolean => v === 'a' || v === 'b'

const isPace = (v: unknown): boolean =>
  v === null || (isFiniteNumber(v) && v >= MIN_EPOCHS_PER_SECOND && v <= MAX_EPOCHS_PER_SECOND)
const PACE = `null or a number in ${MIN_EPOCHS_PER_SECOND}..${MAX_EPOCHS_PER_SECOND}`

// Only the shape: x is n×2, y has n entries. Values are the core's (the page builds data with it anyway).
const dataset =
  (name: string): Check =>
  (m) => {
    const d = m[name]
    if (!isObject(d)) return [name, `${name} must be a data set { x, y, n }, got ${describe(d)}`]
    if (!isInteger(d.n, 1, MAX_ROWS))
      return [`${name}.n`, `${name}.n must be an integer in 1..${MAX_ROWS}, got ${describe(d.n)}`]
    if (!(d.x instanceof Float64Array) || d.x.length !== 2 * d.n)
      return [
        `${name}.x`,
        `${name}.x must be a Float64Array of 2·n = ${2 * d.n} numbers, got ${describe(d.x)}`,
      ]
    if (!(d.y instanceof Float64Array) || d.y.length !== d.n)
      return [`${name}.y`, `${name}.y must be a Float64Array of n = ${d.n} labels, got ${describe(d.y)}`]
    return null
  }

const trainRuns: Check = (m) => {
  const list = m.runs
  if (!Array.isArray(list) || list.length < 1 || list.length > 2)
    return ['runs', `runs must be an array of 1..2 { key, config }, got ${describe(list)}`]
  const seen = new Set<unknown>()
  for (let i = 0; i < list.length; i++) {
    const r: unknown = list[i]
    if (!isObject(r))
      return [`runs[${i}]`, `runs[${i}] must be an object { key, config }, got ${describe(r)}`]
    if (!isRunKey(r.key))
      return [`runs[${i}].key`, `runs[${i}].key must be 'a' or 'b', got ${describe(r.key)}`]
    if (seen.has(r.key)) return [`runs[${i}].key`, `runs[${i}].key ${describe(r.key)} is used twice`]
    seen.add(r.key)
    // The config's content is the core's to judge (validateClassifierConfig); here only its shape.
    if (!isObject(r.config))
      return [
        `runs[${i}].config`,
        `runs[${i}].config must be a ClassifierConfig object, got ${describe(r.config)}`,
      ]
  }
  return null
}

const trainGrid = field(
  'grid',
  (v) =>
    isObject(v) &&
    isObject(v.extent) &&
    isRange(v.extent.x) &&
    isRange(v.extent.y) &&
    isInteger(v.nx, 2, MAX_TRAIN_GRID) &&
    isInteger(v.ny, 2, MAX_TRAIN_GRID),
  `{ extent: { x: [x0, x1], y: [y0, y1] }, nx, ny } with x0 < x1, y0 < y1 and 2..${MAX_TRAIN_GRID} nodes per axis`,
)

const dataSource: Check = (m) => {
  const s = m.source
  if (!isObject(s))
    return ['source', `source must be { kind: 'csv', text } or { kind: 'generated', … }, got ${describe(s)}`]
  if (s.kind === 'csv') {
    // The length is the core's to judge: parseDataset refuses a text over MAX_CSV_LENGTH in O(1) with the
    // DatasetError 'too-large', which the lab translates.
    if (typeof s.text !== 'string')
      return ['source.text', `source.text must be a string, got ${describe(s.text)}`]
    return null
  }
  if (s.kind !== 'generated')
    return ['source.kind', `source.kind must be 'csv' or 'generated', got ${describe(s.kind)}`]
  if (typeof s.shape !== 'string' || !Object.hasOwn(datasetKinds, s.shape))
    return [
      'source.shape',
      `source.shape must be one of ${Object.keys(datasetKinds).join(', ')}, got ${describe(s.shape)}`,
    ]
  // n, noise and seed are the core's to judge (generateDataset), which names them.
  for (const key of ['n', 'noise', 'seed'])
    if (typeof s[key] !== 'number')
      return [`source.${key}`, `source.${key} must be a number, got ${describe(s[key])}`]
  return null
}

const compareOptimizers: Check = (m) => {
  const list = m.optimizers
  if (!Array.isArray(list) || list.length < 1 || list.length > MAX_COMPARE_ROWS)
    return [
      'optimizers',
      `optimizers must be an array of 1..${MAX_COMPARE_ROWS} OptimizerSpec, got ${describe(list)}`,
    ]
  for (let i = 0; i < list.length; i++)
    if (!isObject(list[i]))
      return [
        `optimizers[${i}]`,
        `optimizers[${i}] must be an OptimizerSpec object, got ${describe(list[i])}`,
      ]
  return null
}

/** The structural checks of the `train.*` messages (src/worker/protocol/train.ts). */
export const trainChecks: Record<TrainToWorker['type'], Check> = {
  'train.start': all(
    runId,
    trainRuns,
    dataset('dataset'),
    trainGrid,
    field('autoplay', isBoolean, 'a boolean'),
    optional('epochsPerSecond', isPace, PACE),
  ),
  'train.play': runId,
  'train.pause': runId,
  'train.step': all(
    runId,
    optional('epochs', (v) => isInteger(v, 1, MAX_EPOCHS), `an integer in 1..${MAX_EPOCHS}`),
  ),
  'train.reset': runId,
  'train.speed': all(runId, field('epochsPerSecond', isPace, PACE)),
  'train.seek': all(
    runId,
    field('epoch', (v) => isInteger(v, 0, MAX_EPOCHS), `an integer in 0..${MAX_EPOCHS}`),
  ),
  'train.cancel': runId,
  'train.load': all(requestId, dataSource),
  'train.compare': all(
    requestId,
    field('config', isObject, 'a ClassifierConfig object'),
    compareOptimizers,
    dataset('dataset'),
    field('targetLoss', (v) => isFiniteNumber(v) && v >= 0, 'a finite number ≥ 0'),
  ),
  'train.hessian': all(requestId, runId, field('run', isRunKey, "'a' or 'b'")),
}
