import { describe, expect, it } from 'vitest'
import { SpecError } from '../../../src/core/errors'
import { createTrainer, generateDataset, validateClassifierConfig } from '../../../src/core/mlp/index'
import type { ClassifierConfig } from '../../../src/core/mlp/index'

const data = generateDataset('circle', 40, 0, 1)
const good: ClassifierConfig = {
  layers: [2, 11, 1],
  activation: 'relu',
  output: 'linear',
  loss: 'mse',
  optimizer: { kind: 'sgd', lr: 0.005 },
  batchSize: 32,
  epochs: 800,
  shuffle: false,
  seed: 1,
  regularization: { kind: 'l2', lambda: 0.03 },
  init: { kind: 'normal', seed: 1 },
}

/** The SpecError `validateClassifierConfig` throws for `good` with `patch` applied. */
function fieldOf(patch: Record<string, unknown>, dataset = data): string {
  try {
    validateClassifierConfig({ ...good, ...patch }, dataset)
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError)
    return (e as SpecError).field
  }
  throw new Error('expected a SpecError')
}

describe('validateClassifierConfig(config, dataset)', () => {
  it('accepts the course preset and returns it', () => {
    expect(validateClassifierConfig(good, data)).toBe(good)
  })

  it('names the field of a bad network shape', () => {
    expect(fieldOf({ layers: [2, 1] })).toBe('layers')
    expect(fieldOf({ layers: [2, 4, 4, 4, 4, 1] })).toBe('layers')
    expect(fieldOf({ layers: [3, 4, 1] })).toBe('layers[0]')
    expect(fieldOf({ layers: [2, 4, 2] })).toBe('layers[2]')
    expect(fieldOf({ layers: [2, 33, 1] })).toBe('layers[1]')
    expect(fieldOf({ layers: [2, 4, 0, 1] })).toBe('layers[2]')
    expect(fieldOf({ layers: [2, 4.5, 1] })).toBe('layers[1]')
  })

  it('names the field of a bad choice, number or flag', () => {
    expect(fieldOf({ activation: 'softplus' })).toBe('activation')
    expect(fieldOf({ output: 'softmax' })).toBe('output')
    expect(fieldOf({ loss: 'hinge' })).toBe('loss')
    expect(fieldOf({ optimizer: { kind: 'sgd', lr: -1 } })).toBe('optimizer.lr')
    expect(fieldOf({ optimizer: { kind: 'newton', lr: 1 } })).toBe('optimizer.kind')
    expect(fieldOf({ schedule: { kind: 'step', stepSize: 0, gamma: 0.5 } })).toMatch(/^schedule\./)
    expect(fieldOf({ batchSize: 0 })).toBe('batchSize')
    expect(fieldOf({ epochs: 100_001 })).toBe('epochs')
    expect(fieldOf({ shuffle: 'yes' })).toBe('shuffle')
    expect(fieldOf({ seed: NaN })).toBe('seed')
    expect(fieldOf({ regularization: { kind: 'l2' } })).toBe('regularization.lambda')
    expect(fieldOf({ regularization: { kind: 'dropout' } })).toBe('regularization.kind')
    expect(fieldOf({ dropout: 1 })).toBe('dropout')
    expect(fieldOf({ batchNorm: 1 })).toBe('batchNorm')
    expect(fieldOf({ validationSplit: 1 })).toBe('validationSplit')
    expect(fieldOf({ earlyStopping: { patience: 5 } })).toBe('earlyStopping')
    expect(fieldOf({ validationSplit: 0.2, earlyStopping: { patience: 0 } })).toBe('earlyStopping.patience')
  })

  it('checks explicit weights against the layer sizes, naming the entry', () => {
    const w = [
      {
        W: [
          [1, 2],
          [3, 4],
        ],
        b: [0, 0],
      },
      { W: [[1], [2]], b: [0] },
    ]
    const layers = [2, 2, 1]
    expect(() =>
      validateClassifierConfig({ ...good, layers, init: { kind: 'explicit', weights: w } }),
    ).not.toThrow()
    expect(fieldOf({ layers, init: { kind: 'explicit', weights: w.slice(0, 1) } })).toBe('init.weights')
    expect(fieldOf({ layers, init: { kind: 'explicit', weights: [{ ...w[0], W: [[1, 2]] }, w[1]] } })).toBe(
      'init.weights[0].W',
    )
    expect(
      fieldOf({ layers, init: { kind: 'explicit', weights: [w[0], { W: [[1], [NaN]], b: [0] }] } }),
    ).toBe('init.weights[1].W[1][0]')
    expect(fieldOf({ layers, init: { kind: 'explicit', weights: [w[0], { W: [[1], [2]], b: [] }] } })).toBe(
      'init.weights[1].b',
    )
    expect(fieldOf({ layers, init: { kind: 'explicit', weights: [{ ...w[0], gamma: [1] }, w[1]] } })).toBe(
      'init.weights[0].gamma',
    )
    expect(fieldOf({ init: { kind: 'xavier' } })).toBe('init.seed')
  })

  it('checks the data set and what the split leaves of it', () => {
    expect(fieldOf({}, { ...data, y: data.y.slice(1) })).toBe('dataset.y')
    expect(fieldOf({}, { ...data, x: new Float64Array(3) })).toBe('dataset.x')
    expect(fieldOf({ validationSplit: 0.99 })).toBe('validationSplit')
    expect(fieldOf({ validationSplit: 1e-17 })).toBe('validationSplit')
    expect(fieldOf({ batchNorm: true, batchSize: 10_000 }, generateDataset('circle', 20_000, 0, 1))).toBe(
      'batchSize',
    )
  })

  it('is what createTrainer runs first, with a readable message', () => {
    expect(() => createTrainer({ ...good, layers: [2, 40, 1] }, data)).toThrow(
      'layers[1] must be an integer in 1..32 (got 40)',
    )
  })
})
