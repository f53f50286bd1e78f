import { MAX_EPOCHS } from '../limits'
import { SpecError, expectInteger, expectNumber, expectOneOf, expectRecord } from '../errors'
import { optimizerMeta, validateOptimizerSpec } from '../optimizers/index'
import { validateScheduleSpec } from '../schedules/index'
import { activationIds } from './activations/index'
import { lossIds } from './losses/index'
import type { ClassifierConfig, Dataset } from './types'
import { validateDataset } from './validateDataset'

/** Widest hidden layer and deepest network the classifier accepts. */
export const MAX_UNITS = 32
export const MAX_HIDDEN_LAYERS = 3
export { MAX_EPOCHS }
/** Batch norm holds the whole batch for its statistics, so its batch is capped (≈ 24 MB of buffers). */
export const MAX_BATCH_NORM_BATCH = 8192

/** Rows used for training and for validation: Keras' split, train = the first ⌊n·(1 − s)⌋ rows. */
export function validationSplitSizes(
  n: number,
  validationSplit: number | undefined,
): { nTrain: number; nVal: number } {
  const nTrain = validationSplit ? Math.floor(n * (1 - validationSplit)) : n
  return { nTrain, nVal: n - nTrain }
}

/**
 * Checks a classifier config (and, when given, the data set it will train on) at the core's edge. Throws a
 * `SpecError` naming the field ('layers[2]', 'optimizer.lr', 'init.weights[0].W[1][3]', …) and its domain,
 * or, for the data set's content, the `DatasetError` of `validateDataset` (NaN features, labels other than 0
 * or 1, a single class, n < 2); returns the config typed.
 */
export function validateClassifierConfig(config: unknown, dataset?: Dataset): ClassifierConfig {
  const c = expectRecord(config, 'config')
  const layers = c.layers
  if (!Array.isArray(layers) || layers.length < 3 || layers.length > MAX_HIDDEN_LAYERS + 2) {
    throw new SpecError(
      'layers',
      `an array [2, h1, …, 1] with 1 to ${MAX_HIDDEN_LAYERS} hidden layers`,
      layers,
    )
  }
  expectNumber(layers[0], 'layers[0]', '2 (the two features)', (v) => v === 2)
  expectNumber(
    layers[layers.length - 1],
    `layers[${layers.length - 1}]`,
    '1 (one output unit)',
    (v) => v === 1,
  )
  for (let l = 1; l < layers.length - 1; l++) expectInteger(layers[l], `layers[${l}]`, 1, MAX_UNITS)
  expectOneOf(c.activation, 'activation', activationIds)
  expectOneOf(c.output, 'output', ['linear', 'sigmoid'] as const)
  expectOneOf(c.loss, 'loss', lossIds)
  const optimizer = validateOptimizerSpec(c.optimizer, 'optimizer')
  if (optimizerMeta[optimizer.kind].capabilities.twoDimensionalOnly === true) {
    throw new SpecError(
      'optimizer.kind',
      'a first-order optimizer (Newton needs a 2D surface)',
      optimizer.kind,
    )
  }
  const schedule = c.schedule === undefined ? undefined : validateScheduleSpec(c.schedule, 'schedule')
  expectInteger(c.batchSize, 'batchSize', 1, Infinity)
  expectInteger(c.epochs, 'epochs', 1, MAX_EPOCHS)
  if (typeof c.shuffle !== 'boolean') throw new SpecError('shuffle', 'true or false', c.shuffle)
  expectNumber(c.seed, 'seed', 'a finite number', Number.isFinite)
  const reg = expectRecord(c.regularization, 'regularization')
  const regKind = expectOneOf(reg.kind, 'regularization.kind', ['none', 'l2', 'l1'] as const)
  if (regKind !== 'none') {
    expectNumber(reg.lambda, 'regularization.lambda', 'a finite number ≥ 0', (v) => v >= 0 && v < Infinity)
  }
  if (c.dropout !== undefined)
    expectNumber(c.dropout, 'dropout', 'a number in [0, 1)', (v) => v >= 0 && v < 1)
  if (c.batchNorm !== undefined && typeof c.batchNorm !== 'boolean') {
    throw new SpecError('batchNorm', 'true or false', c.batchNorm)
  }
  validateInit(c.init, layers as number[])
  if (c.validationSplit !== undefined) {
    expectNumber(c.validationSplit, 'validationSplit', 'a number in (0, 1)', (v) => v > 0 && v < 1)
  }
  if (c.earlyStopping !== undefined) {
    const es = expectRecord(c.earlyStopping, 'earlyStopping')
    expectInteger(es.patience, 'earlyStopping.patience', 1, MAX_EPOCHS)
    if (c.validationSplit === undefined) {
      throw new SpecError(
        'earlyStopping',
        'used with a validationSplit (it monitors the validation loss)',
        c.earlyStopping,
      )
    }
  }
  // The schedule's clean copy, so the trainer can use its formula without checking it again per batch.
  const cfg = (schedule === undefined ? c : { ...c, schedule }) as unknown as ClassifierConfig
  if (dataset !== undefined) validateAgainstDataset(cfg, dataset)
  return cfg
}

function validateInit(value: unknown, layers: number[]): void {
  const init = expectRecord(value, 'init')
  const kind = expectOneOf(init.kind, 'init.kind', ['normal', 'xavier', 'he', 'explicit'] as const)
  if (kind !== 'explicit') {
    expectNumber(init.seed, 'init.seed', 'a finite number', Number.isFinite)
    return
  }
  const weights = init.weights
  if (!Array.isArray(weights) || weights.length !== layers.length - 1) {
    throw new SpecError('init.weights', `an array of ${layers.length - 1} layers {W, b}`, weights)
  }
  weights.forEach((layer: unknown, l: number) => {
    const field = `init.weights[${l}]`
    const rec = expectRecord(layer, field)
    const nIn = layers[l]
    const nOut = layers[l + 1]
    const W = rec.W
    if (!Array.isArray(W) || W.length !== nIn)
      throw new SpecError(`${field}.W`, `${nIn} rows (inputs × units)`, W)
    W.forEach((row: unknown, i: number) => expectVector(row, `${field}.W[${i}]`, nOut))
    expectVector(rec.b, `${field}.b`, nOut)
    for (const key of ['gamma', 'beta', 'movingMean', 'movingVariance'] as const) {
      if (rec[key] !== undefined) expectVector(rec[key], `${field}.${key}`, nOut)
    }
  })
}

function expectVector(value: unknown, field: string, length: number): void {
  if (!Array.isArray(value) || value.length !== length) {
    throw new SpecError(field, `an array of ${length} finite numbers`, value)
  }
  value.forEach((v: unknown, j: number) =>
    expectNumber(v, `${field}[${j}]`, 'a finite number', Number.isFinite),
  )
}

function validateAgainstDataset(cfg: ClassifierConfig, dataset: Dataset): void {
  const { n } = validateDataset(dataset)
  const { nTrain, nVal } = validationSplitSizes(n, cfg.validationSplit)
  if (nTrain < 1 || (cfg.validationSplit !== undefined && nVal < 1)) {
    throw new SpecError(
      'validationSplit',
      `a fraction leaving rows for both training and validation (n = ${n})`,
      cfg.validationSplit,
    )
  }
  if (cfg.batchNorm && Math.min(cfg.batchSize, nTrain) > MAX_BATCH_NORM_BATCH) {
    throw new SpecError('batchSize', `at most ${MAX_BATCH_NORM_BATCH} with batch norm`, cfg.batchSize)
  }
}
