import { describe, expect, it } from 'vitest'
import { SpecError } from '../../../src/core/errors'
import {
  DatasetError,
  createObjective,
  createTrainer,
  trainClassifier,
  validateDataset,
} from '../../../src/core/mlp/index'
import type { ClassifierConfig, Dataset, DatasetErrorCode } from '../../../src/core/mlp/index'

const config: ClassifierConfig = {
  layers: [2, 3, 1],
  activation: 'tanh',
  output: 'sigmoid',
  loss: 'cross-entropy',
  optimizer: { kind: 'sgd', lr: 0.1 },
  batchSize: 4,
  epochs: 3,
  shuffle: false,
  seed: 1,
  regularization: { kind: 'none' },
  init: { kind: 'xavier', seed: 2 },
}

const data = (xs: number[], ys: number[], columns?: [string, string, string]): Dataset => ({
  x: Float64Array.from(xs),
  y: Float64Array.from(ys),
  n: ys.length,
  ...(columns && { columns }),
})
const good = data([0, 0, 1, 1, 0, 1, 1, 0], [0, 1, 1, 0])

/** The error each entry point throws on `dataset`; all three must agree. */
function errorOf(dataset: unknown): Error {
  const errors = [
    () => trainClassifier(config, dataset as Dataset),
    () => createTrainer(config, dataset as Dataset),
    () => createObjective(config, dataset as Dataset),
    () => validateDataset(dataset),
  ].map((f) => {
    try {
      f()
    } catch (e) {
      return e as Error
    }
    throw new Error('expected an error')
  })
  for (const e of errors) expect(e.message).toBe(errors[0].message)
  return errors[0]
}

function expectDatasetError(dataset: Dataset, code: DatasetErrorCode, field: string, message: RegExp): void {
  const e = errorOf(dataset)
  expect(e).toBeInstanceOf(DatasetError)
  expect((e as DatasetError).code).toBe(code)
  expect((e as DatasetError).details.field).toBe(field)
  expect(e.message).toMatch(message)
}

describe('trainClassifier and createTrainer check the data set with the rules of parseDataset', () => {
  it('train on a good data set', () => {
    expect(trainClassifier(config, good).epochs).toBe(3)
    expect(validateDataset(good)).toBe(good)
  })

  it('refuse a feature that is NaN or infinite, naming the entry and its column', () => {
    expectDatasetError(
      data([0, 0, 1, NaN, 0, 1, 1, 0], [0, 1, 1, 0], ['a', 'b', 'c']),
      'non-numeric',
      'dataset.x[3]',
      /^dataset\.x\[3\] \(b of row 2\) is NaN; features must be finite numbers\.$/,
    )
    expectDatasetError(
      data([0, 0, 1, 1, -Infinity, 1, 1, 0], [0, 1, 1, 0]),
      'non-numeric',
      'dataset.x[4]',
      /x1 of row 3\) is -Infinity/,
    )
  })

  it('refuse labels of 2, 0.5 or NaN', () => {
    for (const bad of [2, 0.5, NaN]) {
      expectDatasetError(
        data([0, 0, 1, 1, 0, 1, 1, 0], [0, 1, bad, 0]),
        'bad-label',
        'dataset.y[2]',
        new RegExp(`^dataset\\.y\\[2\\] \\(the label y of row 3\\) is ${bad}; labels must be 0 or 1\\.$`),
      )
    }
  })

  it('refuse a single class and n = 1 (or 0)', () => {
    expectDatasetError(data([0, 0, 1, 1], [1, 1]), 'one-class', 'dataset.y', /Every row .* has label 1/)
    expectDatasetError(data([0, 0], [1]), 'too-few-rows', 'dataset.n', /dataset\.n is 1; at least 2 rows/)
    expectDatasetError(data([], []), 'too-few-rows', 'dataset.n', /dataset\.n is 0/)
  })

  it('refuse inconsistent widths, a non-integer n and malformed columns with a SpecError naming the field', () => {
    const cases: [unknown, string][] = [
      [{ ...good, x: good.x.subarray(0, 6) }, 'dataset.x'],
      [{ ...good, y: good.y.subarray(0, 3) }, 'dataset.y'],
      [{ ...good, x: Array.from(good.x) }, 'dataset.x'],
      [{ ...good, n: 4.5 }, 'dataset.n'],
      [{ ...good, n: -1 }, 'dataset.n'],
      [{ ...good, columns: ['a', 'b'] }, 'dataset.columns'],
      [null, 'dataset'],
    ]
    for (const [dataset, field] of cases) {
      const e = errorOf(dataset)
      expect(e, field).toBeInstanceOf(SpecError)
      expect((e as SpecError).field).toBe(field)
    }
  })

  it('refuses hooks.every below 1 or NaN', () => {
    for (const every of [0, -1, NaN]) {
      expect(() => trainClassifier(config, good, { every, onProgress: () => {} })).toThrow(
        /^hooks\.every must be a number ≥ 1/,
      )
    }
  })
})
