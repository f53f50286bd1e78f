import { dsvFormat } from 'd3-dsv'
import { DatasetError, clipText } from './datasetError'

/**
 * Longest physical line, in UTF-16 code units (room for about 300 numeric columns). A longer one is refused
 * where the scan reaches it, before anything is tokenized or copied.
 */
export const MAX_LINE_LENGTH = 10_000

/** The separators `parseDataset` recognises. */
export type Separator = ',' | ';' | '\t'

/** One non-blank CSV record: its cells (unquoted, untrimmed) and the physical line it starts on (1-based). */
export interface CsvRecord {
  cells: string[]
  line: number
}

const QUOTE = 34
const LF = 10
const CR = 13
const SPACE = 32
const TAB = 9

// Where the scanner is inside the current record: at the start of a cell (maybe after blanks), inside an
// unquoted cell, inside a quoted cell, after a closing quote.
const CELL_START = 0
const PLAIN = 1
const QUOTED = 2
const AFTER_QUOTE = 3

/** The characters `String.prototype.trim` removes, other than line ends. */
function isBlank(c: number): boolean {
  return (
    c === SPACE ||
    c === TAB ||
    c === 11 ||
    c === 12 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  )
}

function lineTooLong(line: number): DatasetError {
  return new DatasetError(
    'line-too-long',
    `the line is longer than ${MAX_LINE_LENGTH.toLocaleString('en')} characters; is this a CSV file of two features and a label?`,
    line,
    { limit: MAX_LINE_LENGTH },
  )
}

/**
 * The separator of the first non-blank line: tab if it holds one outside quotes, else ';' if it holds one,
 * else ','. Reads at most that line (and never past `MAX_LINE_LENGTH` characters of it).
 */
export function detectSeparator(text: string, from = 0): Separator {
  const n = text.length
  let i = from
  let lineStart = from
  // Find the first line holding something other than blanks.
  for (; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === LF || c === CR) lineStart = i + 1
    else if (!isBlank(c)) break
  }
  let quoted = false
  let tab = false
  let semicolon = false
  // A quote toggles, so an escaped "" toggles twice: only the quoted/unquoted status matters here.
  for (i = lineStart; i < n && i - lineStart < MAX_LINE_LENGTH; i++) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) quoted = !quoted
    else if (quoted) continue
    else if (c === LF || c === CR) break
    else if (c === TAB) tab = true
    else if (c === 59) semicolon = true
  }
  return tab ? '\t' : semicolon ? ';' : ','
}

/**
 * The non-blank records of CSV `text` (RFC 4180: a quoted cell may hold the separator, a line break or a
 * doubled quote), read lazily from index `from`. Line ends are LF, CRLF or CR. Beyond RFC 4180, blanks
 * around a quoted cell are allowed (`"x1" , "x2"`); a blank line is skipped. d3-dsv does the tokenizing and
 * unquoting, one record at a time; this scan, in one linear pass that copies nothing, finds the records and
 * their physical line numbers and refuses first: a line longer than `MAX_LINE_LENGTH` ('line-too-long'),
 * text after a closing quote ('bad-quote') and a quote never closed ('unclosed-quote', at the line it opened).
 */
export function* csvRecords(text: string, sep: Separator, from = 0): Generator<CsvRecord> {
  const parser = dsvFormat(sep)
  const SEP = sep.charCodeAt(0)
  const cellBlank = (c: number): boolean => c === SPACE || (c === TAB && SEP !== TAB)
  const n = text.length
  let i = from
  let line = 1
  let lineStart = from
  while (i < n) {
    const recordLine = line
    const recordStart = i
    let blank = true
    // [start, end) pairs of blanks around quoted cells, left out of what d3-dsv reads.
    let drops: number[] | undefined
    let at: number = CELL_START
    let cellStart = i
    let blanksFrom = -1
    let quoteLine = line
    let end = n
    let next = n
    for (; i < n; i++) {
      const c = text.charCodeAt(i)
      if (c === LF || c === CR) {
        const crlf = c === CR && text.charCodeAt(i + 1) === LF
        if (at !== QUOTED) {
          end = i
          next = crlf ? i + 2 : i + 1
          break
        }
        if (crlf) i++
        line++
        lineStart = i + 1
        continue
      }
      if (i - lineStart >= MAX_LINE_LENGTH) throw lineTooLong(line)
      switch (at) {
        case CELL_START:
          if (cellBlank(c)) {
            if (blanksFrom < 0) blanksFrom = i
          } else if (c === QUOTE) {
            if (blanksFrom >= 0) (drops ??= []).push(blanksFrom, i)
            at = QUOTED
            quoteLine = line
            blank = false
          } else if (c === SEP) {
            blanksFrom = -1
            cellStart = i + 1
            blank = false
          } else {
            at = PLAIN
            if (!isBlank(c)) blank = false
          }
          break
        case PLAIN:
          if (c === SEP) {
            at = CELL_START
            blanksFrom = -1
            cellStart = i + 1
            blank = false
          } else if (!isBlank(c)) blank = false
          break
        case QUOTED:
          if (c === QUOTE) {
            if (text.charCodeAt(i + 1) === QUOTE) i++
            else {
              at = AFTER_QUOTE
              blanksFrom = i + 1
            }
          }
          break
        case AFTER_QUOTE:
          if (c === SEP) {
            if (i > blanksFrom) (drops ??= []).push(blanksFrom, i)
            at = CELL_START
            blanksFrom = -1
            cellStart = i + 1
          } else if (!cellBlank(c)) {
            const cell = text.slice(cellStart, Math.min(i + 1, cellStart + 2 * MAX_LINE_LENGTH))
            throw new DatasetError(
              'bad-quote',
              `text after the closing quote in ${clipText(cell.trim())}; a quoted value must end at a separator or the end of the line.`,
              line,
              { value: clipText(cell.trim()) },
            )
          }
          break
      }
    }
    if (at === QUOTED) {
      throw new DatasetError(
        'unclosed-quote',
        'a quote (") opens a value here that is never closed.',
        quoteLine,
      )
    }
    if (at === AFTER_QUOTE && end > blanksFrom) (drops ??= []).push(blanksFrom, end)
    i = next
    line++
    lineStart = next
    if (blank) continue
    let record: string
    if (drops === undefined) record = text.slice(recordStart, end)
    else {
      const parts: string[] = []
      let from = recordStart
      for (let k = 0; k < drops.length; k += 2) {
        parts.push(text.slice(from, drops[k]))
        from = drops[k + 1]
      }
      parts.push(text.slice(from, end))
      record = parts.join('')
    }
    yield { cells: parser.parseRows(record)[0] ?? [''], line: recordLine }
  }
}
