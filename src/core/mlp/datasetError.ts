/** Machine-readable reasons `parseDataset` rejects a file (the UI translates them; see `DatasetError`). */
export type DatasetErrorCode =
  | 'empty'
  | 'no-header'
  | 'too-few-columns'
  | 'missing-value'
  | 'non-numeric'
  | 'extra-cells'
  | 'bad-label'
  | 'too-few-rows'
  | 'too-many-rows'
  | 'one-class'

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
}

/**
 * A data file `parseDataset` cannot use. `message` is plain English naming the (1-based, physical) line and
 * the problem; `code`, `line` and `details` let the UI say the same in Chinese.
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
