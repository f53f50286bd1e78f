import { MAX_CSV_LENGTH, MAX_ROWS, MIN_ROWS } from '../limits'
import { csvRecords, detectSeparator } from './csvRecords'
import type { Separator } from './csvRecords'
import { DatasetError, clipText } from './datasetError'
import type { Dataset } from './types'

/** Fewest and most data rows `parseDataset` accepts (declared with the other shared limits). */
export { MAX_ROWS, MIN_ROWS }

/** Header names recognised as the label column, compared lower-case without spaces, '_' or '-'. */
const LABEL_NAMES = ['y', 'yc', 'label', 'class', 'target']
/** Columns that are row numbers, not features (pandas writes its index with an empty name). */
const INDEX_NAMES = ['', 'id', 'index', 'unnamed:0']
// Unambiguous (the fraction needs its dot), so a 10,000-digit cell with junk at the end fails in linear time.
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

/**
 * Parses a CSV of two numeric features and a 0/1 label into a `Dataset`, such as the PKU course's dot.csv
 * (`x1,x2,y_c`). The first non-blank line is the header. The label column is the one named y, y_c, label,
 * class or target (any case), else the third column; the features are the first two other numeric columns
 * (an unnamed first column, an id or an index column is skipped). Tokenized as RFC 4180 by d3-dsv (see
 * `csvRecords`), so a quoted cell may hold the separator or a line break; also accepts a BOM, CRLF or CR line
 * ends, blank lines, blanks around cells and around quoted cells, a trailing separator, and comma,
 * semicolon or tab separators (with ';' or tab, "1,5" reads as 1.5). Throws a `DatasetError` naming the
 * (physical, 1-based) line for: an empty file, a text over `MAX_CSV_LENGTH` characters (checked first, in
 * O(1)) or a line over `MAX_LINE_LENGTH` (checked as the scan reaches it, before tokenizing), a quote never
 * closed or followed by text, no header, a column without a name (except the first, a pandas index) or
 * named twice, fewer than 3 columns, a missing or non-numeric value, extra cells, a label other than 0 or
 * 1, fewer than 4 or more than 100,000 rows, and a single class. Input quoted in messages is cut to 40
 * characters.
 */
export function parseDataset(text: string): Dataset {
  if (text.length > MAX_CSV_LENGTH) {
    throw new DatasetError(
      'too-large',
      `The file has ${text.length.toLocaleString('en')} characters; the limit is ${MAX_CSV_LENGTH.toLocaleString('en')}.`,
      undefined,
      { count: text.length, limit: MAX_CSV_LENGTH },
    )
  }
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const sep = detectSeparator(text, from)
  const records = csvRecords(text, sep, from)
  const first = records.next()
  if (first.done) {
    throw new DatasetError(
      'empty',
      'The file is empty: expected a header such as x1,x2,y_c and at least 4 rows.',
    )
  }
  const headerLine = first.value.line
  const header = readHeader(first.value.cells, sep, headerLine)
  const usable = header.map((_, i) => i).filter((i) => !INDEX_NAMES.includes(normalize(header[i])))
  if (usable.length < 3) {
    throw new DatasetError(
      'too-few-columns',
      `the header names ${usable.length} column${usable.length === 1 ? '' : 's'} (${usable.map((i) => clipText(header[i])).join(', ')}); two features and a 0/1 label are needed, e.g. x1,x2,y_c.`,
      headerLine,
      { count: usable.length, limit: 3 },
    )
  }
  const label = usable.find((i) => LABEL_NAMES.includes(normalize(header[i]))) ?? usable[2]
  const candidates = usable.filter((i) => i !== label)
  let f1 = candidates[0]
  let f2 = candidates[1]
  const xs: number[] = []
  const ys: number[] = []
  for (let r = records.next(); !r.done; r = records.next()) {
    const { line: lineNo } = r.value
    const cells = r.value.cells.map((c) => c.trim())
    if (ys.length === 0 && candidates.length > 2) {
      // With spare columns, the first two whose first value is a number are the features.
      const numeric = candidates.filter((i) => toNumber(cells[i] ?? '', sep) !== undefined)
      if (numeric.length >= 2) [f1, f2] = numeric
    }
    if (ys.length === MAX_ROWS) {
      throw new DatasetError(
        'too-many-rows',
        `more than ${MAX_ROWS.toLocaleString('en')} data rows; the limit is ${MAX_ROWS.toLocaleString('en')}.`,
        lineNo,
        { count: ys.length + 1, limit: MAX_ROWS },
      )
    }
    if (cells.length > header.length && cells.slice(header.length).some((c) => c !== '')) {
      throw new DatasetError(
        'extra-cells',
        `${cells.length} values but the header names ${header.length} columns (check the separator, or decimals written with commas).`,
        lineNo,
        { count: cells.length, limit: header.length, value: clipText(cells.join(sep)) },
      )
    }
    xs.push(readNumber(cells, f1, header, sep, lineNo), readNumber(cells, f2, header, sep, lineNo))
    const y = readNumber(cells, label, header, sep, lineNo)
    if (y !== 0 && y !== 1) {
      throw new DatasetError(
        'bad-label',
        `the label ${clipText(header[label])} is ${clipText(cells[label])}; labels must be 0 or 1.`,
        lineNo,
        { column: clipText(header[label]), value: clipText(cells[label]) },
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
      { column: clipText(header[label]), value: String(ys[0]), count: ys.length },
    )
  }
  return {
    x: Float64Array.from(xs),
    y: Float64Array.from(ys),
    n: ys.length,
    columns: [header[f1], header[f2], header[label]],
  }
}

/**
 * The header's trimmed names, without the empty cells of a trailing separator. Refuses a line of numbers
 * (no header), a name left empty (the first column may be: pandas writes its index so) and a name used twice.
 */
function readHeader(cells: string[], sep: Separator, line: number): string[] {
  const header = cells.map((c) => c.trim())
  while (header.length > 1 && header[header.length - 1] === '') header.pop()
  if (header.every((cell) => cell === '' || toNumber(cell, sep) !== undefined)) {
    const shown = clipText(header.join(sep))
    throw new DatasetError(
      'no-header',
      `"${shown}" looks like data, not a header: the first line must name the columns, e.g. x1,x2,y_c.`,
      line,
      { value: shown },
    )
  }
  const seen = new Map<string, number>()
  for (let i = 0; i < header.length; i++) {
    const name = header[i]
    if (name === '' && i > 0) {
      throw new DatasetError(
        'empty-column',
        `column ${i + 1} of the header has no name; every column except a leading index needs one.`,
        line,
        { count: i + 1 },
      )
    }
    const before = seen.get(name)
    if (before !== undefined) {
      throw new DatasetError(
        'duplicate-column',
        `the header names the column ${clipText(name)} twice (columns ${before + 1} and ${i + 1}); each column needs its own name.`,
        line,
        { column: clipText(name), count: i + 1, limit: before + 1 },
      )
    }
    seen.set(name, i)
  }
  return header
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
    throw new DatasetError('missing-value', `the value of ${clipText(header[col])} is missing.`, lineNo, {
      column: clipText(header[col]),
    })
  }
  const v = toNumber(cell, sep)
  if (v === undefined || !Number.isFinite(v)) {
    throw new DatasetError(
      'non-numeric',
      `${clipText(header[col])} is "${clipText(cell)}", which is not a number.`,
      lineNo,
      { column: clipText(header[col]), value: clipText(cell) },
    )
  }
  return v
}
