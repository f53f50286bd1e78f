/**
 * Machine-readable reasons `parseDataset` rejects a file, or `validateDataset` a data set in memory (the UI
 * translates them; see `DatasetError`).
 */
export const datasetErrorCodes = [
  'empty',
  'too-large',
  'line-too-long',
  'unclosed-quote',
  'bad-quote',
  'no-header',
  'empty-column',
  'duplicate-column',
  'too-few-columns',
  'missing-value',
  'non-numeric',
  'extra-cells',
  'bad-label',
  'too-few-rows',
  'too-many-rows',
  'one-class',
] as const
export type DatasetErrorCode = (typeof datasetErrorCodes)[number]

/** The facts behind a `DatasetError`, for a translated message. */
export interface DatasetErrorDetails {
  /** Column name (as in the header) the problem is in. */
  column?: string
  /** The offending cell or line text (cut to 40 characters). */
  value?: string
  /** A count: data rows found, header columns found, or cells found. */
  count?: number
  /** The limit or expected count the count broke. */
  limit?: number
  /** For a data set in memory (`validateDataset`): the offending entry, e.g. 'dataset.x[7]'. */
  field?: string
}

/**
 * A data file `parseDataset` cannot use, or a data set `validateDataset` refuses. `message` is plain English
 * naming the (1-based, physical) line or the field and the problem; `code`, `line` and `details` let the UI
 * say the same in Chinese. Text taken from the input is cut to 40 characters in both.
 */
export class DatasetError extends Error {
  readonly code: DatasetErrorCode
  readonly line?: number
  readonly details: DatasetErrorDetails

  constructor(code: DatasetErrorCode, message: string, line?: number, details: DatasetErrorDetails = {}) {
    super(line === undefined ? message : `Line ${line}: ${message}`)
    this.name = 'DatasetError'
    this.code = code
    if (line !== undefined) this.line = line
    this.details = details
  }
}

/** Longest piece of input quoted in a `DatasetError` (message or details). */
export const MAX_QUOTE_LENGTH = 40

/** `s` cut to `MAX_QUOTE_LENGTH` characters ('…' ends a cut one), so a 1 MB cell cannot make a 1 MB message. */
export function clipText(s: string): string {
  if (s.length <= MAX_QUOTE_LENGTH) return s
  let end = MAX_QUOTE_LENGTH - 3
  // Never split a surrogate pair: half an emoji would print as U+FFFD.
  const c = s.charCodeAt(end - 1)
  if (c >= 0xd800 && c <= 0xdbff) end--
  return `${s.slice(0, end)}...`
}
