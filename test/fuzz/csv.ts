/**
 * CSV texts for fuzzing `parseDataset`: structured files (header names plain, quoted, holding the separator,
 * duplicated, empty or long; comma, semicolon or tab; LF, CRLF or CR; BOM, blank lines, trailing
 * separators; cells that are numbers, decimal commas, exponents, overflowing, quoted, blank, text, broken
 * quotes), CSV-alphabet noise, and a few large files (a 20,000-character line, 100,000 blank lines, 100,001
 * rows).
 */
import fc from 'fast-check'

const separators = [',', ';', '\t'] as const
const lineEnds = ['\n', '\r\n', '\r'] as const

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`
}

const headerName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('x1', 'x2', 'y_c', 'label', 'y', 'class', 'id', 'a', 'b') },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'x,1', 'x;2', 'x\t3', 'x"q', 'x\n2', 'Unnamed: 0', 'x1') },
  { weight: 1, arbitrary: fc.string({ maxLength: 5 }) },
  { weight: 1, arbitrary: fc.integer({ min: 41, max: 3000 }).map((n) => 'n'.repeat(n)) },
)

const numberCell = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -10, max: 10, noNaN: true }).map(String) },
  { weight: 3, arbitrary: fc.constantFrom('0', '1', '0', '1', '1.', '.5', '-0', '+1', '1e3', '1E-2') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('1,5', '2', '0.5', '-1', '1e999', 'NaN', 'Infinity', '', ' ', 'abc', '0x1'),
  },
  { weight: 1, arbitrary: fc.constantFrom('"1"', '" 0 "', '"1,5"', '"0"x', '"', '1"', '""', '"a""b"') },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 12_000 }).map((n) => '1'.repeat(n)) },
)

interface Layout {
  sep: (typeof separators)[number]
  eol: (typeof lineEnds)[number]
  bom: boolean
  quoteHeader: boolean
  trailingSep: boolean
}

const layout: fc.Arbitrary<Layout> = fc.record({
  sep: fc.constantFrom(...separators),
  eol: fc.constantFrom(...lineEnds),
  bom: fc.boolean(),
  quoteHeader: fc.boolean(),
  trailingSep: fc.boolean(),
})

/** A file shaped like a data set, with hostile details. */
const structured: fc.Arbitrary<string> = fc
  .tuple(
    layout,
    fc.array(headerName, { minLength: 0, maxLength: 5 }),
    fc.array(fc.array(numberCell, { minLength: 0, maxLength: 5 }), { minLength: 0, maxLength: 30 }),
    fc.array(fc.nat(40), { maxLength: 3 }),
  )
  .map(([l, names, rows, blanks]) => {
    const end = l.trailingSep ? l.sep : ''
    const header = names.map((n) => (l.quoteHeader || n.includes(l.sep) ? quote(n) : n)).join(l.sep) + end
    const lines = [header, ...rows.map((cells) => cells.join(l.sep) + end)]
    for (const at of blanks) lines.splice(at % (lines.length + 1), 0, at % 2 ? '' : '  ')
    return (l.bom ? '\uFEFF' : '') + lines.join(l.eol) + (blanks.length % 2 ? l.eol : '')
  })

/** A well-formed file of two features and a label, to be sure the happy path is exercised too. */
const valid: fc.Arbitrary<string> = fc
  .tuple(
    layout,
    fc.array(
      fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true })),
      {
        minLength: 4,
        maxLength: 40,
      },
    ),
  )
  .map(([l, points]) => {
    const rows = points.map(([a, b], i) => [String(a), String(b), String(i % 2)].join(l.sep))
    return [['x1', 'x2', 'y_c'].map((n) => (l.quoteHeader ? quote(n) : n)).join(l.sep), ...rows].join(l.eol)
  })

/** Noise over the CSV alphabet. */
const noise: fc.Arbitrary<string> = fc.string({
  unit: fc.constantFrom(',', ';', '\t', '"', '\n', '\r', ' ', '0', '1', '.', 'e', '-', 'x', 'y', '\uFEFF'),
  maxLength: 200,
})

export const csvText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: structured },
  { weight: 2, arbitrary: valid },
  { weight: 2, arbitrary: noise },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 100 }) },
)

/**
 * Large files, run once each: sizes the generators above never reach, with the most time the call may take
 * inside the worker (refusing must be fast; parsing 100,000 rows is real work).
 */
export const largeCsvTexts: Record<string, () => string> = {
  'a 20,000-character line': () => `x1,x2,y\n${'1'.repeat(20_000)},0,1\n`,
  'a 1 MB column name': () => `x1,${'n'.repeat(1_000_000)}\n1,2\n`,
  '100,000 blank lines then rows': () => `x1,x2,y\n${'\n'.repeat(100_000)}0,0,1\n1,1,0\n2,2,1\n3,3,0\n`,
  '100,001 rows': () => `x1,x2,y\n${'0.5,0.5,1\n1.5,1.5,0\n'.repeat(50_000)}0,0,1\n`,
  'a quote opened on line 2 and never closed': () => `x1,x2,y\n"${'0,0,1\n'.repeat(100_000)}`,
  'a 50 MB line': () => 'x'.repeat(50_000_000),
  'a 30 MB line': () => `x1,x2,y\n${'1'.repeat(30_000_000)}`,
}
