import { SpecError, expectInteger, expectRecord } from '../errors'
import { MAX_ROWS } from '../limits'
import { DatasetError, clipText } from './datasetError'
import type { Dataset } from './types'

/** Fewest rows a data set in memory may have: one of each class. */
export const MIN_TRAIN_ROWS = 2

/**
 * Checks a data set in memory with `parseDataset`'s rules, so training never starts on data a file could not
 * have produced. The shape is a `SpecError` naming the field: `dataset` an object, `dataset.n` an integer in
 * 0..100,000, `dataset.x` a Float64Array of 2n numbers, `dataset.y` one of n, `dataset.columns` (optional)
 * three strings. The content is a `DatasetError` with `details.field` naming the entry: 'non-numeric' for a
 * feature that is not finite (NaN, ±∞), 'bad-label' for a label other than exactly 0 or 1 (2, 0.5, NaN),
 * 'too-few-rows' for n < 2 and 'one-class' when every label is the same. O(n); returns the data set typed.
 */
export function validateDataset(dataset: unknown): Dataset {
  const d = expectRecord(dataset, 'dataset')
  const n = expectInteger(d.n, 'dataset.n', 0, MAX_ROWS)
  if (!(d.x instanceof Float64Array) || d.x.length !== 2 * n) {
    throw new SpecError('dataset.x', `a Float64Array of 2·n = ${2 * n} numbers`, describeArray(d.x))
  }
  if (!(d.y instanceof Float64Array) || d.y.length !== n) {
    throw new SpecError('dataset.y', `a Float64Array of n = ${n} labels`, describeArray(d.y))
  }
  const columns = d.columns
  if (
    columns !== undefined &&
    !(Array.isArray(columns) && columns.length === 3 && columns.every((c) => typeof c === 'string'))
  ) {
    throw new SpecError('dataset.columns', 'three names [feature 1, feature 2, label]', columns)
  }
  const names = (columns as string[] | undefined)?.map(clipText) ?? ['x1', 'x2', 'y']
  const { x, y } = d
  if (n < MIN_TRAIN_ROWS) {
    throw new DatasetError(
      'too-few-rows',
      `dataset.n is ${n}; at least ${MIN_TRAIN_ROWS} rows (one of each class) are needed.`,
      undefined,
      { count: n, limit: MIN_TRAIN_ROWS, field: 'dataset.n' },
    )
  }
  for (let i = 0; i < 2 * n; i++) {
    if (Number.isFinite(x[i])) continue
    const column = names[i % 2]
    const field = `dataset.x[${i}]`
    throw new DatasetError(
      'non-numeric',
      `${field} (${column} of row ${Math.floor(i / 2) + 1}) is ${x[i]}; features must be finite numbers.`,
      undefined,
      { column, value: String(x[i]), field },
    )
  }
  let ones = 0
  for (let i = 0; i < n; i++) {
    const v = y[i]
    if (v !== 0 && v !== 1) {
      const field = `dataset.y[${i}]`
      throw new DatasetError(
        'bad-label',
        `${field} (the label ${names[2]} of row ${i + 1}) is ${String(v)}; labels must be 0 or 1.`,
        undefined,
        { column: names[2], value: String(v), field },
      )
    }
    ones += v
  }
  if (ones === 0 || ones === n) {
    throw new DatasetError(
      'one-class',
      `Every row of the data set has label ${y[0]}: the classifier needs rows of both classes (0 and 1).`,
      undefined,
      { column: names[2], value: String(y[0]), count: n, field: 'dataset.y' },
    )
  }
  return d as unknown as Dataset
}

/** 'Float64Array(80)' rather than 80 numbers in an error message. */
function describeArray(value: unknown): unknown {
  const v = value as { constructor?: { name?: string }; length?: unknown } | null
  return v && typeof v === 'object' && typeof v.length === 'number'
    ? `${v.constructor?.name}(${v.length})`
    : value
}
