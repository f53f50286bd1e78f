import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DatasetError, MAX_ROWS, parseDataset } from '../../../src/core/mlp/index'
import type { DatasetErrorCode } from '../../../src/core/mlp/index'

const dotText = readFileSync(new URL('../../../public/dot.csv', import.meta.url), 'utf8')

/** The error parseDataset throws on `text` (fails the test if it parses). */
function errorOf(text: string): DatasetError {
  try {
    parseDataset(text)
  } catch (e) {
    expect(e).toBeInstanceOf(DatasetError)
    return e as DatasetError
  }
  throw new Error('expected a DatasetError')
}

function expectError(
  text: string,
  code: DatasetErrorCode,
  line: number | undefined,
  message: RegExp,
): DatasetError {
  const e = errorOf(text)
  expect(e.code).toBe(code)
  expect(e.line).toBe(line)
  expect(e.message).toMatch(message)
  if (line !== undefined) expect(e.message.startsWith(`Line ${line}: `)).toBe(true)
  return e
}

const rows4 = '0.5,0.5,1\n2,2,0\n-0.1,0.3,1\n1.9,-1.2,0\n'

describe('parseDataset(text) on the course file public/dot.csv', () => {
  const data = parseDataset(dotText)

  it('reads 300 rows of (x1, x2) and the label y_c', () => {
    expect(data.n).toBe(300)
    expect(data.x.length).toBe(600)
    expect(data.y.length).toBe(300)
    expect(data.columns).toEqual(['x1', 'x2', 'y_c'])
  })

  it('reads the first row as -0.416757847, -0.056266827, 1 and the last as in the file', () => {
    expect([data.x[0], data.x[1], data.y[0]]).toEqual([-0.416757847, -0.056266827, 1])
    const last = dotText.trim().split('\n').pop()!.split(',').map(Number)
    expect([data.x[598], data.x[599], data.y[299]]).toEqual(last)
  })

  it('has labels that follow the generating rule x1² + x2² < 2 on every row off the boundary', () => {
    let checked = 0
    let ones = 0
    for (let i = 0; i < data.n; i++) {
      const r2 = data.x[2 * i] ** 2 + data.x[2 * i + 1] ** 2
      if (Math.abs(r2 - 2) < 1e-6) continue
      checked++
      expect(data.y[i], `row ${i + 1}`).toBe(r2 < 2 ? 1 : 0)
      ones += data.y[i]
    }
    expect(checked).toBe(300)
    // Class counts from the raw text, split by hand, agree with the parsed labels.
    const rawOnes = dotText
      .trim()
      .split('\n')
      .slice(1)
      .filter((l) => l.trim().endsWith(',1')).length
    expect(ones).toBe(rawOnes)
    expect(data.y.reduce((s, v) => s + v, 0)).toBe(rawOnes)
  })
})

describe('parseDataset(text) accepts the usual CSV variations', () => {
  const expected = { x: [0.5, 0.5, 2, 2, -0.1, 0.3, 1.9, -1.2], y: [1, 0, 1, 0] }
  const check = (text: string, columns?: [string, string, string]) => {
    const d = parseDataset(text)
    expect(Array.from(d.x)).toEqual(expected.x)
    expect(Array.from(d.y)).toEqual(expected.y)
    expect(d.n).toBe(4)
    if (columns) expect(d.columns).toEqual(columns)
  }

  it('with CRLF line ends, a BOM and blank trailing lines', () => {
    check(`\uFEFFx1,x2,y_c\r\n${rows4.replace(/\n/g, '\r\n')}\r\n\r\n  \r\n`, ['x1', 'x2', 'y_c'])
  })

  it('with spaces and quotes around cells', () => {
    check(`"x1" , "x2",  "y_c"\n${rows4.replace(/,/g, ' ,  ')}`, ['x1', 'x2', 'y_c'])
  })

  it('with semicolons, and with tabs, as separators (and decimal commas under semicolons)', () => {
    check(`a;b;label\n${rows4.replace(/,/g, ';')}`, ['a', 'b', 'label'])
    check(`a\tb\tlabel\n${rows4.replace(/,/g, '\t')}`)
    check(`a;b;label\n${rows4.replace(/,/g, ';').replace(/\./g, ',')}`)
  })

  it('finds the label column by name (y, y_c, label, class, target) wherever it is', () => {
    const moved = rows4
      .trim()
      .split('\n')
      .map((l) => {
        const [a, b, c] = l.split(',')
        return `${c},${a},${b}`
      })
      .join('\n')
    check(`Class,x,y2\n${moved}`, ['x', 'y2', 'Class'])
    check(`target,u,v\n${moved}`, ['u', 'v', 'target'])
    check(`y,p,q\n${moved}`)
  })

  it('takes the third column as the label when none is named like one', () => {
    check(`first,second,third\n${rows4}`, ['first', 'second', 'third'])
  })

  it('skips an index column (pandas writes it unnamed) and takes the first two numeric columns as features', () => {
    const indexed = rows4
      .trim()
      .split('\n')
      .map((l, i) => `${i},${l}`)
      .join('\n')
    check(`,x1,x2,y_c\n${indexed}`, ['x1', 'x2', 'y_c'])
    const named = rows4
      .trim()
      .split('\n')
      .map((l, i) => `p${i},${l.replace(/,(\d)$/, ',$1,extra')}`)
      .join('\n')
    check(`name,x1,x2,y_c,note\n${named}`, ['x1', 'x2', 'y_c'])
  })
})

describe('parseDataset(text) rejects bad input with a DatasetError naming the line', () => {
  it('an empty file', () => {
    expectError('', 'empty', undefined, /empty/)
    expectError('\n \r\n', 'empty', undefined, /empty/)
  })

  it('a file without a header (line 1 is numbers)', () => {
    expectError(rows4, 'no-header', 1, /looks like data, not a header/)
    expectError('0,5;0,5;1\n2;2;0\n', 'no-header', 1, /looks like data/)
  })

  it('a header with fewer than three columns', () => {
    const e = expectError('x1,x2\n1,2\n', 'too-few-columns', 1, /2 columns \(x1, x2\)/)
    expect(e.details).toEqual({ count: 2, limit: 3 })
  })

  it('a missing cell', () => {
    const e = expectError(
      'x1,x2,y\n0.5,0.5,1\n2,,0\n-0.1,0.3,1\n1.9,-1.2,0\n',
      'missing-value',
      3,
      /x2 is missing/,
    )
    expect(e.details.column).toBe('x2')
    expectError('x1,x2,y\n0.5,0.5,1\n2,2\n', 'missing-value', 3, /y is missing/)
  })

  it('a non-numeric cell, with the line counted in the file (blank lines included)', () => {
    const e = expectError(
      '\nx1,x2,y\n0.5,0.5,1\n\n2,abc,0\n',
      'non-numeric',
      5,
      /x2 is "abc", which is not a number/,
    )
    expect(e.details).toEqual({ column: 'x2', value: 'abc' })
    expectError('x1,x2,y\n0.5,1e999,1\n', 'non-numeric', 2, /not a number/)
    expectError('x1,x2,y\nNaN,0,1\n', 'non-numeric', 2, /x1 is "NaN"/)
  })

  it('more cells than the header names (decimal commas under comma separators)', () => {
    expectError('x1,x2,y\n0,5,0,5,1\n', 'extra-cells', 2, /5 values but the header names 3 columns/)
  })

  it('a label other than 0 or 1', () => {
    const e = expectError(`x1,x2,y_c\n${rows4}0.1,0.2,2\n`, 'bad-label', 6, /y_c is 2; labels must be 0 or 1/)
    expect(e.details).toEqual({ column: 'y_c', value: '2' })
    expectError('x1,x2,y_c\n0.1,0.2,-1\n', 'bad-label', 2, /labels must be 0 or 1/)
  })

  it('fewer than 4 rows', () => {
    const e = expectError('x1,x2,y\n0,0,1\n1,1,0\n2,2,1\n', 'too-few-rows', undefined, /Only 3 data rows/)
    expect(e.details).toEqual({ count: 3, limit: 4 })
  })

  it('more than 100,000 rows, at the first line past the limit', () => {
    const body = '0.5,0.5,1\n1.5,1.5,0\n'.repeat(MAX_ROWS / 2)
    expect(parseDataset(`x1,x2,y\n${body}`).n).toBe(MAX_ROWS)
    expectError(`x1,x2,y\n${body}0,0,1\n`, 'too-many-rows', MAX_ROWS + 2, /more than 100,000 data rows/)
  })

  it('a single class', () => {
    const e = expectError(
      'x1,x2,y\n0,0,1\n1,1,1\n2,2,1\n3,3,1\n',
      'one-class',
      undefined,
      /Every row has label 1/,
    )
    expect(e.details.count).toBe(4)
  })

  it('is an Error with the name DatasetError', () => {
    const e = errorOf('x1,x2,y\n')
    expect(e).toBeInstanceOf(Error)
    expect(e.name).toBe('DatasetError')
  })
})
