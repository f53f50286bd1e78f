import type * as D3Dsv from 'd3-dsv'
import { describe, expect, it, vi } from 'vitest'
import { DatasetError, parseDataset } from '../../../src/core/mlp/index'
import type { DatasetErrorCode } from '../../../src/core/mlp/index'
import { MAX_LINE_LENGTH } from '../../../src/core/mlp/csvRecords'
import { MAX_CSV_LENGTH } from '../../../src/core/limits'

const rows4 = '0.5,0.5,1\n2,2,0\n-0.1,0.3,1\n1.9,-1.2,0\n'
const expectedX = [0.5, 0.5, 2, 2, -0.1, 0.3, 1.9, -1.2]

function errorOf(text: string): DatasetError {
  try {
    parseDataset(text)
  } catch (e) {
    expect(e).toBeInstanceOf(DatasetError)
    return e as DatasetError
  }
  throw new Error('expected a DatasetError')
}

function expectCode(text: string, code: DatasetErrorCode, line?: number): DatasetError {
  const e = errorOf(text)
  expect(e.code).toBe(code)
  expect(e.line).toBe(line)
  return e
}

// The length of every text handed to d3-dsv's tokenizer: an over-long line must be refused before it is read.
const tokenized = vi.hoisted(() => [] as number[])
vi.mock('d3-dsv', async (importOriginal) => {
  const real = await importOriginal<typeof D3Dsv>()
  return {
    ...real,
    dsvFormat: (sep: string) => {
      const format = real.dsvFormat(sep)
      return {
        ...format,
        parseRows: (text: string) => {
          tokenized.push(text.length)
          return format.parseRows(text)
        },
      }
    },
  }
})

describe('parseDataset tokenizes RFC 4180 (quoted separators, line breaks and quotes)', () => {
  it('reads a quoted header cell holding the separator, under commas and under semicolons', () => {
    const d = parseDataset(`x1,"x,2",y_c\n${rows4}`)
    expect(d.columns).toEqual(['x1', 'x,2', 'y_c'])
    expect(Array.from(d.x)).toEqual(expectedX)
    // The ';' inside quotes does not make ';' the separator, nor does it split the cell.
    expect(parseDataset(`"a;b",x2,y\n${rows4}`).columns).toEqual(['a;b', 'x2', 'y'])
    const semi = parseDataset(`x1;"x;2";label\n${rows4.replace(/,/g, ';')}`)
    expect(semi.columns).toEqual(['x1', 'x;2', 'label'])
    expect(Array.from(semi.y)).toEqual([1, 0, 1, 0])
  })

  it('unescapes doubled quotes and counts lines physically across a quoted line break', () => {
    expect(parseDataset(`x1,"the ""x2""",y\n${rows4}`).columns![1]).toBe('the "x2"')
    // The header spans lines 1–2, so the bad cell on the fourth record is on line 5.
    expectCode(`x1,"x\r\n2",y\n0.5,0.5,1\n2,2,0\nq,0.3,1\n`, 'non-numeric', 5)
  })

  it('allows blanks around quoted cells and quoted numbers', () => {
    const d = parseDataset(`  "x1" ,  "x2"  , "y"  \n"0.5" , "0.5",1\n2,2,0\n-0.1,0.3,1\n1.9,-1.2,0\n`)
    expect(d.columns).toEqual(['x1', 'x2', 'y'])
    expect(Array.from(d.x)).toEqual(expectedX)
  })

  it('accepts a trailing separator on every line', () => {
    const d = parseDataset(`x1,x2,y,\n${rows4.replace(/\n/g, ',\n')}`)
    expect(d.columns).toEqual(['x1', 'x2', 'y'])
    expect(Array.from(d.x)).toEqual(expectedX)
  })

  it('refuses a quote never closed, at the line it opened', () => {
    expectCode(`x1,x2,y\n0.5,"0.5,1\n2,2,0\n`, 'unclosed-quote', 2)
    expectCode('"', 'unclosed-quote', 1)
  })

  it('refuses text after a closing quote', () => {
    const e = expectCode(`x1,x2,y\n0.5,"0.5"x,1\n`, 'bad-quote', 2)
    expect(e.details.value).toBe('"0.5"x')
  })
})

describe('parseDataset refuses ambiguous headers', () => {
  it('a column named twice (x,x,y)', () => {
    const e = expectCode(`x,x,y\n${rows4}`, 'duplicate-column', 1)
    expect(e.details).toEqual({ column: 'x', count: 2, limit: 1 })
    expect(e.message).toMatch(/the column x twice \(columns 1 and 2\)/)
  })

  it('a column without a name, except the first (a pandas index)', () => {
    expect(expectCode(`x1,,x2,y\n${rows4}`, 'empty-column', 1).details).toEqual({ count: 2 })
    expectCode(`x1,x2,"",y\n${rows4}`, 'empty-column', 1)
    expect(parseDataset(`,x1,x2,y\n7,0.5,0.5,1\n8,2,2,0\n9,-0.1,0.3,1\n10,1.9,-1.2,0\n`).n).toBe(4)
  })
})

describe('parseDataset keeps its messages short and refuses huge input early', () => {
  it('quotes at most 40 characters of any input', () => {
    const long = 'n'.repeat(5000)
    for (const text of [
      `x1,${long}\n1,2\n`,
      `"${long}",x2,y\n1,,0\n`,
      `x1,x2,y\n1,2,${'1'.repeat(5000)}\n`,
      `x1,x2,y\n1,${long},0\n`,
      `x1,x2,y\n1,2,0,${long}\n`,
      `x1,x2,y\n0.5,"${long}"x,1\n`,
      `${'1'.repeat(5000)}\n`,
      `${long},${long}\n`,
    ]) {
      const e = errorOf(text)
      expect(e.message.length, e.code).toBeLessThan(220)
      for (const v of Object.values(e.details))
        if (typeof v === 'string') expect(v.length).toBeLessThanOrEqual(40)
    }
  })

  it('refuses a line longer than MAX_LINE_LENGTH (a 1 MB column name) with a short message', () => {
    const e = expectCode(`x1,${'n'.repeat(1_000_000)}\n1,2\n`, 'line-too-long', 1)
    expect(e.message.length).toBeLessThan(200)
    expect(e.details.limit).toBe(MAX_LINE_LENGTH)
    // A line of exactly the limit is still read.
    const cell = '1'.repeat(MAX_LINE_LENGTH - 'x1,x2,y,note\n'.length)
    expect(parseDataset(`x1,x2,y,note\n${rows4.replace(/\n/g, `,${cell}\n`)}`).n).toBe(4)
  })

  it(`refuses a text over ${MAX_CSV_LENGTH.toLocaleString('en')} characters at once, and a 30 MB line without reading it`, () => {
    tokenized.length = 0
    const huge = 'x'.repeat(50_000_000)
    expect(expectCode(huge, 'too-large').details).toEqual({ count: 50_000_000, limit: MAX_CSV_LENGTH })
    expect(tokenized).toEqual([])
    const line = `x1,x2,y\n"${'1'.repeat(30_000_000)}`
    expectCode(line, 'line-too-long', 2)
    // The header was tokenized; the 30 MB line never was (the scan refused it first).
    expect(tokenized.length).toBeGreaterThan(0)
    expect(Math.max(...tokenized)).toBeLessThanOrEqual(MAX_LINE_LENGTH)
  })
})
