import { MAX_CONTOUR_LEVELS } from '../core/contours'
import { GRID_MAX_SIZE } from '../core/grid'
import { datasetKinds } from '../core/mlp/generateDataset'
import { MAX_ROWS } from '../core/mlp/parseDataset'
import { MAX_EPOCHS } from '../core/mlp/validateConfig'
import { MAX_STEPS } from '../core/validate'
import type { ToWorker } from './protocol'

/** A structural problem in an incoming message: a readable text and the path of the offending field. */
export interface MessageProblem {
  message: string
  field?: string
  /** The ids the message carried, when readable, so the error reaches the right run or request. */
  runId?: number
  requestId?: number
}

export type ParseResult = { ok: true; message: ToWorker } | { ok: false; problem: MessageProblem }

/** Playback speed range, steps per second. */
export const MIN_SPEED = 1
export const MAX_SPEED = 10_000
/** Most racers in one race. */
export const MAX_RACERS = 16

type Fields = Record<string, unknown>
/** Returns a problem text for the field it names, or null when the message is well formed. */
type Check = (m: Fields) => [field: string, problem: string] | null

const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v)
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const isInteger = (v: unknown, lo: number, hi: number): v is number =>
  Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi
const isRange = (v: unknown): boolean =>
  Array.isArray(v) && v.length === 2 && isFiniteNumber(v[0]) && isFiniteNumber(v[1]) && v[0] < v[1]

// Checks run in order; the first failing one is reported.
const all =
  (...checks: Check[]): Check =>
  (m) => {
    for (const check of checks) {
      const problem = check(m)
      if (problem) return problem
    }
    return null
  }
const field =
  (name: string, ok: (v: unknown) => boolean, expected: string): Check =>
  (m) =>
    ok(m[name]) ? null : [name, `${name} must be ${expected}, got ${describe(m[name])}`]
const optional =
  (name: string, ok: (v: unknown) => boolean, expected: string): Check =>
  (m) =>
    m[name] === undefined ? null : field(name, ok, expected)(m)

const runId = field('runId', (v) => isInteger(v, 0, Number.MAX_SAFE_INTEGER), 'a non-negative integer')
const requestId = field(
  'requestId',
  (v) => isInteger(v, 0, Number.MAX_SAFE_INTEGER),
  'a non-negative integer',
)
const speed = (name: string) =>
  field(
    name,
    (v) => isFiniteNumber(v) && v >= MIN_SPEED && v <= MAX_SPEED,
    `a number in ${MIN_SPEED}..${MAX_SPEED}`,
  )
const surface = field(
  'surface',
  (v) => typeof v === 'string' && v.length > 0,
  'a surface id (non-empty string)',
)

const racers: Check = (m) => {
  const list = m.racers
  if (!Array.isArray(list) || list.length < 1 || list.length > MAX_RACERS)
    return ['racers', `racers must be an array of 1..${MAX_RACERS} { id, spec }, got ${describe(list)}`]
  const seen = new Set<string>()
  for (let i = 0; i < list.length; i++) {
    const r: unknown = list[i]
    if (!isObject(r))
      return [`racers[${i}]`, `racers[${i}] must be an object { id, spec }, got ${describe(r)}`]
    if (typeof r.id !== 'string' || r.id.length === 0)
      return [`racers[${i}].id`, `racers[${i}].id must be a non-empty string, got ${describe(r.id)}`]
    if (seen.has(r.id)) return [`racers[${i}].id`, `racers[${i}].id "${r.id}" is used twice`]
    seen.add(r.id)
    // The spec's content is the core's to judge (validateTrajectorySpec); here only its shape.
    if (!isObject(r.spec))
      return [
        `racers[${i}].spec`,
        `racers[${i}].spec must be a TrajectorySpec object, got ${describe(r.spec)}`,
      ]
  }
  return null
}

/** Grid nodes per axis of a training frame's boundary. */
export const MAX_TRAIN_GRID = 256
/** Most optimizers in one comparison. */
export const MAX_COMPARE_ROWS = 8
/** Longest CSV text accepted, in UTF-16 code units (100,000 rows of long numbers fit easily). */
export const MAX_CSV_LENGTH = 32_000_000

const isRunKey = (v: unknown): boolean => v === 'a' || v === 'b'

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
    if (typeof s.text !== 'string' || s.text.length > MAX_CSV_LENGTH)
      return [
        'source.text',
        `source.text must be a string of at most ${MAX_CSV_LENGTH} characters, got ${describe(s.text)}`,
      ]
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

/**
 * The structural schema of every message type. Typed as a record over `ToWorker['type']`, so adding a
 * message to the protocol without a check here fails to compile.
 */
const checks: Record<ToWorker['type'], Check> = {
  'race.start': all(
    runId,
    racers,
    speed('speed'),
    field('autoplay', (v) => typeof v === 'boolean', 'a boolean'),
  ),
  'race.play': runId,
  'race.pause': runId,
  'race.step': all(
    runId,
    optional('n', (v) => isInteger(v, -MAX_STEPS, MAX_STEPS), `an integer in ±${MAX_STEPS}`),
  ),
  'race.seek': all(
    runId,
    field('step', (v) => isInteger(v, 0, MAX_STEPS), `an integer in 0..${MAX_STEPS}`),
  ),
  'race.speed': all(runId, speed('stepsPerSecond')),
  'race.toEnd': runId,
  'race.reset': runId,
  'race.cancel': runId,
  grid: all(
    requestId,
    surface,
    field(
      'extent',
      (v) => isObject(v) && isRange(v.x) && isRange(v.y),
      '{ x: [x0, x1], y: [y0, y1] } with x0 < x1, y0 < y1',
    ),
    field('nx', (v) => isInteger(v, 2, GRID_MAX_SIZE), `an integer in 2..${GRID_MAX_SIZE}`),
    field('ny', (v) => isInteger(v, 2, GRID_MAX_SIZE), `an integer in 2..${GRID_MAX_SIZE}`),
    optional(
      'contours',
      (v) => isObject(v) && isInteger(v.count, 1, MAX_CONTOUR_LEVELS),
      `{ count } with count an integer in 1..${MAX_CONTOUR_LEVELS}`,
    ),
  ),
  analyze: all(
    requestId,
    surface,
    field('x', isFiniteNumber, 'a finite number'),
    field('y', isFiniteNumber, 'a finite number'),
  ),
  'train.start': all(
    runId,
    trainRuns,
    dataset('dataset'),
    trainGrid,
    field('autoplay', (v) => typeof v === 'boolean', 'a boolean'),
  ),
  'train.play': runId,
  'train.pause': runId,
  'train.step': all(
    runId,
    optional('epochs', (v) => isInteger(v, 1, MAX_EPOCHS), `an integer in 1..${MAX_EPOCHS}`),
  ),
  'train.reset': runId,
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

/**
 * Checks that `data` (a `MessageEvent.data`) is a well-formed `ToWorker` message: an object whose `type` is
 * known and whose fields have the right types and ranges. Content the core validates (trajectory specs,
 * surface ids) is only checked for shape here.
 */
export function parseMessage(data: unknown): ParseResult {
  if (!isObject(data)) return bad({ message: `expected a message object { type, … }, got ${describe(data)}` })
  const ids = {
    ...(isInteger(data.runId, 0, Number.MAX_SAFE_INTEGER) && { runId: data.runId }),
    ...(isInteger(data.requestId, 0, Number.MAX_SAFE_INTEGER) && { requestId: data.requestId }),
  }
  const type = data.type
  if (typeof type !== 'string' || !Object.hasOwn(checks, type))
    return bad({ message: `unknown message type ${describe(type)}`, field: 'type', ...ids })
  const problem = checks[type as ToWorker['type']](data)
  if (problem) return bad({ message: `${type}: ${problem[1]}`, field: problem[0], ...ids })
  return { ok: true, message: data as unknown as ToWorker }
}

const bad = (problem: MessageProblem): ParseResult => ({ ok: false, problem })

/** A short, safe description of a value for error texts (never the whole object). */
function describe(v: unknown): string {
  if (v === undefined) return 'nothing'
  if (v === null) return 'null'
  if (Array.isArray(v)) return `an array of length ${v.length}`
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)
  if (typeof v === 'object') return 'an object'
  return `${typeof v} ${String(v)}`
}
