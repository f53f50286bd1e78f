import { SpecError, expectNumber, expectOneOf, expectRecord } from '../errors'
import { initParams } from './init'
import type { Layout } from './layout'
import { createLayout, parameterLabels } from './layout'
import { backwardChunk, forwardChunk, gatherRows } from './passes'
import { addPenaltyGradient, penaltyValue } from './penalty'
import type { ClassifierConfig, Dataset, LayerWeights } from './types'
import { validationSplitSizes, validateClassifierConfig } from './validateConfig'
import type { Workspace } from './workspace'
import { createWorkspace } from './workspace'

/** The training loss as a function of the flat parameter vector, with its analytic gradient. */
export interface Objective {
  /** Number of parameters. */
  n: number
  /** The parameters the objective was built at (a fresh copy; free to modify). */
  params: Float64Array
  /** Names of the parameters in layout order ('W1[0,3]', 'b1[3]', …). */
  labels: string[]
  /** L(θ) = (1/N)Σℓ + penalty over the objective's rows. */
  value(theta: Float64Array): number
  /** Writes ∇L(θ) into `out` (length n) and returns L(θ). */
  gradient(theta: Float64Array, out: Float64Array): number
}

export interface ObjectiveOptions {
  /** Weights to start from (default: the config's init); a flat vector only without batch norm. */
  weights?: readonly LayerWeights[] | Float64Array
  /**
   * 'eval' (default): evaluation mode, the loss `evaluate()` reports. 'train': the loss one training update
   * differentiates — dropout with ONE mask drawn from `maskSeed` and then frozen, batch norm on the batch's own
   * statistics (moving averages untouched).
   */
  mode?: 'eval' | 'train'
  /** Rows [start, end) in file order (default: all training rows); in 'train' mode they are one batch. */
  rows?: [number, number]
  /** Seed of the frozen dropout mask in 'train' mode (default: the config's seed). */
  maskSeed?: number
}

/**
 * The data term + penalty of `config` on `dataset` as a differentiable function of all parameters: the same
 * forward and backward code the trainer runs, for gradient checks, Hessians and loss-landscape slices.
 * Throws a SpecError for a bad config or data set (`validateClassifierConfig`), options that are not an
 * object, `mode` not 'eval' or 'train', `maskSeed` not finite, `rows` not [start, end) within the data set,
 * or `weights` that do not fit the network.
 */
export function createObjective(
  config: ClassifierConfig,
  dataset: Dataset,
  options: ObjectiveOptions = {},
): Objective {
  const base = validateClassifierConfig(config, dataset)
  const o = checkOptions(options)
  const layout = createLayout(base.layers, base.batchNorm ?? false)
  const { nTrain } = validationSplitSizes(dataset.n, base.validationSplit)
  const rows = o.rows ?? [0, nTrain]
  const ok = Array.isArray(rows) && rows.length === 2
  const [start, end] = ok ? (rows as unknown[]) : []
  if (!(
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    (start as number) >= 0 &&
    (start as number) < (end as number) &&
    (end as number) <= dataset.n
  )) {
    throw new SpecError('rows', `[start, end) with 0 ≤ start < end ≤ ${dataset.n}`, o.rows)
  }
  return build(base, dataset, o, layout, start as number, end as number)
}

/**
 * The options as a record (undefined: {}), `mode` 'eval' or 'train', `maskSeed` a finite number; `rows` and
 * `weights` are checked against the data set and the network where they are used.
 */
function checkOptions(options: unknown): ObjectiveOptions {
  if (options === undefined) return {}
  const o = expectRecord(options, 'options') as ObjectiveOptions
  if (o.mode !== undefined) expectOneOf(o.mode, 'options.mode', ['eval', 'train'] as const)
  if (o.maskSeed !== undefined)
    expectNumber(o.maskSeed, 'options.maskSeed', 'a finite number', Number.isFinite)
  return o
}

function build(
  base: ClassifierConfig,
  dataset: Dataset,
  options: ObjectiveOptions,
  layout: Layout,
  start: number,
  end: number,
): Objective {
  const train = options.mode === 'train'
  const count = end - start
  const cap = train ? count : Math.min(count, 256)
  const ws = createWorkspace(layout, cap, {
    activation: base.activation,
    output: base.output,
    loss: base.loss,
    dropout: train ? (base.dropout ?? 0) : 0,
    seed: options.maskSeed ?? base.seed,
  })
  ws.updateStats = false
  const params = new Float64Array(layout.n)
  loadWeights(base, layout, options.weights, params, ws)
  const order = Int32Array.from({ length: count }, (_, k) => start + k)
  const zOut = ws.z[layout.layers - 1]
  const reg = base.regularization
  if (train) {
    // Draw the dropout masks once, then freeze them: the objective must be one fixed function of θ.
    gatherRows(ws, dataset.x, dataset.y, order, 0, count)
    forwardChunk(ws, params, count, true)
    ws.freezeMask = true
  }

  function pass(theta: Float64Array, grad: Float64Array | null): number {
    let sum = 0
    for (let first = 0; first < count; first += cap) {
      const rows = Math.min(cap, count - first)
      gatherRows(ws, dataset.x, dataset.y, order, first, rows)
      forwardChunk(ws, theta, rows, train)
      if (grad === null) {
        sum += ws.loss.sum(zOut, ws.target, rows, ws.sigmoidOutput)
      } else {
        sum += ws.loss.gradient(zOut, ws.target, rows, ws.sigmoidOutput, 1 / count, ws.gradA)
        backwardChunk(ws, theta, grad, rows, train)
      }
    }
    if (grad !== null) addPenaltyGradient(reg, theta, grad, layout)
    return sum / count + penaltyValue(reg, theta, layout)
  }

  return {
    n: layout.n,
    params: params.slice(),
    labels: parameterLabels(base.layers, layout.batchNorm),
    value: (theta) => pass(theta, null),
    gradient(theta, out) {
      out.fill(0)
      return pass(theta, out)
    },
  }
}

function loadWeights(
  config: ClassifierConfig,
  layout: Layout,
  weights: ObjectiveOptions['weights'],
  params: Float64Array,
  ws: Workspace,
): void {
  if (weights === undefined) {
    initParams(layout, config.init, params, ws.stats)
  } else if (weights instanceof Float64Array) {
    if (weights.length !== layout.n)
      throw new SpecError('weights', `a Float64Array of ${layout.n} parameters`, weights.length)
    if (layout.batchNorm) {
      throw new SpecError(
        'weights',
        'LayerWeights[] (with the moving statistics) when batchNorm is on',
        'Float64Array',
      )
    }
    params.set(weights)
  } else {
    validateClassifierConfig({ ...config, init: { kind: 'explicit', weights: weights as LayerWeights[] } })
    initParams(layout, { kind: 'explicit', weights: weights as LayerWeights[] }, params, ws.stats)
  }
}
