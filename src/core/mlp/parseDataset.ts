import { DatasetError } from './datasetError'
import type { Dataset } from './types'

/** Fewest and most data rows `parseDataset` accepts. */
export const MIN_ROWS = 4
export const MAX_ROWS = 100_000

/** Header names recognised as the label column, compared lower-case without spaces, '_' or '-'. */
const LABEL_NAMES = ['y', 'yc', 'label', 'class', 'target']
/** Columns that are row numbers, not features (pandas writes its index with an empty name). */
const INDEX_NAMES = ['', 'id', 'index', 'unnamed:0']
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/

/**
 * Parses a CSV of two numeric features and a 0/1 label into a `Dataset`, such as the PKU course's dot.csv
 * (`x1,x2,y_c`). The first non-blank line is the header. The label column is the one named y, y_c, label,
 * class or target (any case), else the third column; the features are the first two other numeric columns
 * (an unnamed, id or index column is skipped). Accepts a BOM, CRLF or CR line ends, blank lines, spaces and
 * double quotes around cells, and comma, semicolon or tab separators (with ';' or tab, "1,5" reads as 1.5).
 * Throws a `DatasetError` naming the line for: an empty file, no header, fewer than 3 columns, a missing or
 * non-numeric value, extra cells, a label other than 0 or 1, fewer than 4 or more than 100,000 rows, and a
 * single class.
 */
export function parseDataset(text: string): Dataset {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  let li = 0
  while (li < lines.length && lines[li].trim() === '') li++
  if (li === lines.length) {
    throw new DatasetError(
      'empty',
      'The file is empty: expected a header such as x1,x2,y_c and at least 4 rows.',
    )
  }
  const headerLine = li + 1
  const sep = lines[li].includes('\t') ? '\t' : lines[li].includes(';') ? ';' : ','
  const header = splitCells(lines[li], sep)
  if (header.every((cell) => cell === '' || toNumber(cell, sep) !== undefined)) {
    throw new DatasetError(
      'no-header',
      `"${clip(lines[li].trim())}" looks like data, not a header: the first line must name the columns, e.g. x1,x2,y_c.`,
      headerLine,
      { value: clip(lines[li].trim()) },
    )
  }
  const usable = header.map((_, i) => i).filter((i) => !INDEX_NAMES.includes(normalize(header[i])))
  if (usable.length < 3) {
    throw new DatasetError(
      'too-few-columns',
      `the header names ${usable.length} column${usable.length === 1 ? '' : 's'} (${usable.map((i) => header[i]).join(', ')}); two features and a 0/1 label are needed, e.g. x1,x2,y_c.`,
      headerLine,
      { count: usable.length, limit: 3 },
    )
  }
  const label = usable.find((i) => LABEL_NAMES.includes(normalize(header[i]))) ?? usable[2]
  let candidates = usable.filter((i) => i !== label)
  li++
  while (li < lines.length && lines[li].trim() === '') li++
  if (candidates.length > 2 && li < lines.length) {
    // With spare columns, the first two whose first value is a number are the features.
    const first = splitCells(lines[li], sep)
    const numeric = candidates.filter((i) => toNumber(first[i] ?? '', sep) !== undefined)
    if (numeric.length >= 2) candidates = numeric
  }
  const [f1, f2] = candidates
  const xs: number[] = []
  const ys: number[] = []
  for (; li < lines.length; li++) {
    const raw = lines[li]
    if (raw.trim() === '') continue
    const lineNo = li + 1
    if (ys.length === MAX_ROWS) {
      throw new DatasetError(
        'too-many-rows',
        `more than ${MAX_ROWS.toLocaleString('en')} data rows; the limit is ${MAX_ROWS.toLocaleString('en')}.`,
        lineNo,
        { count: ys.length + 1, limit: MAX_ROWS },
      )
    }
    const cells = splitCells(raw, sep)
    if (cells.length > header.length && cells.slice(header.length).some((c) => c !== '')) {
      throw new DatasetError(
        'extra-cells',
        `${cells.length} values but the header names ${header.length} columns (check the separator, or decimals written with commas).`,
        lineNo,
        { count: cells.length, limit: header.length, value: clip(raw.trim()) },
      )
    }
    xs.push(readNumber(cells, f1, header, sep, lineNo), readNumber(cells, f2, header, sep, lineNo))
    const y = readNumber(cells, label, header, sep, lineNo)
    if (y !== 0 && y !== 1) {
      throw new DatasetError(
        'bad-label',
        `the label ${header[label]} is ${cells[label]}; labels must be 0 or 1.`,
        lineNo,
        {
          column: header[label],
          value: clip(cells[label]),
        },
      )
    }
    ys.push(y)
  }
  if (ys.length < MIN_ROWS) {
    throw new DatasetError(
      'too-few-rows',
      `Only ${ys.length} data row${ys.length === 1 ? '' : 's'} after the header; at least ${MIN_ROWS} are needed.`,
      undefined,
      { count: ys.length, limit: MIN_ROWS },
    )
  }
  const ones = ys.reduce((a, b) => a + b, 0)
  if (ones === 0 || ones === ys.length) {
    throw new DatasetError(
      'one-class',
      `Every row has label ${ys[0]}: the classifier needs rows of both classes (0 and 1).`,
      undefined,
      { column: header[label], value: String(ys[0]), count: ys.length },
    )
  }
  return {
    x: Float64Array.from(xs),
    y: Float64Array.from(ys),
    n: ys.length,
    columns: [header[f1], header[f2], header[label]],
  }
}

function splitCells(line: string, sep: string): string[] {
  return line.split(sep).map((cell) => {
    const t = cell.trim()
    return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).trim() : t
  })
}

function normalize(name: string): string {
  return name.toLowerCase().replace(/[\s_-]/g, '')
}

function toNumber(cell: string, sep: string): number | undefined {
  const s = sep !== ',' && /^[+-]?\d+,\d+$/.test(cell) ? cell.replace(',', '.') : cell
  return NUMBER.test(s) ? Number(s) : undefined
}

function readNumber(cells: string[], col: number, header: string[], sep: string, lineNo: number): number {
  const cell = cells[col]
  if (cell === undefined || cell === '') {
    throw new DatasetError('missing-value', `the value of ${header[col]} is missing.`, lineNo, {
      column: header[col],
    })
  }
  const v = toNumber(cell, sep)
  if (v === undefined || !Number.isFinite(v)) {
    throw new DatasetError(
      'non-numeric',
      `${header[col]} is "${clip(cell)}", which is not a number.`,
      lineNo,
      {
        column: header[col],
        value: clip(cell),
      },
    )
  }
  return v
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s
}
