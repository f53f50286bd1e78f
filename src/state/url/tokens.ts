/**
 * The lexical layer of the URL format: numbers, `name(arg,arg)` calls, `key:value` fields and query pairs.
 * Everything here only slices strings and calls `Number`/`decodeURIComponent`; nothing is evaluated.
 */

/**
 * The shortest decimal that reads back as exactly `x` (ECMAScript's Number→String), with `e+` written as
 * `e` so no `+` appears in a query string. −0 is written as 0. NaN and ±Infinity come out as words that
 * `parseNumber` refuses, so a broken setting can never travel as a valid one.
 */
export function formatNumber(x: number): string {
  return x === 0 ? '0' : String(x).replace('e+', 'e')
}

const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/
/** Longest accepted numeral: 17 significant digits, sign, point, exponent, and leading zeros to spare. */
const MAX_NUMBER_LENGTH = 40

/**
 * A plain decimal numeral (`1.5`, `-0.25`, `.5`, `1e-7`, `1e+21`) as a finite number, or undefined. Hex,
 * `Infinity`, `NaN`, whitespace, `_` separators, full-width digits and overflow to ±Infinity are rejected.
 */
export function parseNumber(raw: string): number | undefined {
  if (raw.length > MAX_NUMBER_LENGTH || !NUMBER.test(raw)) return undefined
  const x = Number(raw)
  return Number.isFinite(x) ? x + 0 : undefined
}

/** A comma list of exactly `n` numbers, or undefined. */
export function parseNumberList(raw: string, n: number, sep = ','): number[] | undefined {
  const parts = raw.split(sep)
  if (parts.length !== n) return undefined
  const out = parts.map(parseNumber)
  return out.every((v) => v !== undefined) ? (out as number[]) : undefined
}

/** Splits at `sep` outside parentheses; undefined when the parentheses do not balance. */
export function splitTop(s: string, sep: string): string[] | undefined {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (c === '(') depth++
    else if (c === ')' && --depth < 0) return undefined
    else if (c === sep && depth === 0) {
      parts.push(s.slice(start, i))
      start = i + 1
    }
  }
  if (depth !== 0) return undefined
  parts.push(s.slice(start))
  return parts
}

const NAME = /^[a-z][a-z0-9-]{0,31}$/

/** True for the registry-style names the URL may carry (`saddle`, `warmup-inverse-sqrt`, `r3`). */
export function isName(s: string): boolean {
  return NAME.test(s)
}

/** `name` or `name(args)` → the name and its top-level arguments; undefined when malformed. */
export function parseCall(s: string): { name: string; args: string[] } | undefined {
  const open = s.indexOf('(')
  if (open === -1) return isName(s) ? { name: s, args: [] } : undefined
  const name = s.slice(0, open)
  if (!isName(name) || !s.endsWith(')')) return undefined
  const inner = s.slice(open + 1, -1)
  if (inner === '') return { name, args: [] }
  const args = splitTop(inner, ',')
  return args && { name, args }
}

const KEY = /^[A-Za-z][A-Za-z0-9]{0,31}$/

/** `key:value` → both parts, or a bare flag `key` → the key alone; undefined when the key is malformed. */
export function parseField(s: string): { key: string; value?: string } | undefined {
  const colon = s.indexOf(':')
  const key = colon === -1 ? s : s.slice(0, colon)
  if (!KEY.test(key)) return undefined
  return colon === -1 ? { key } : { key, value: s.slice(colon + 1) }
}

/** Percent-encodes a value but keeps the format's separators `, : / ( ) ~` readable. */
export function encodeValue(s: string): string {
  return encodeURIComponent(s).replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%2F/g, '/')
}

/**
 * Splits `?a=1&b=2` (a leading `?` or `#` is skipped) into decoded pairs, in order. `+` stays a plus sign (the
 * format never encodes a space). A part that is not valid percent-encoding decodes to undefined.
 */
export function splitQuery(query: string): { key: string | undefined; value: string | undefined }[] {
  const body = query.startsWith('?') || query.startsWith('#') ? query.slice(1) : query
  if (body === '') return []
  return body
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=')
      return eq === -1
        ? { key: decode(part), value: '' }
        : { key: decode(part.slice(0, eq)), value: decode(part.slice(eq + 1)) }
    })
}

function decode(s: string): string | undefined {
  try {
    return decodeURIComponent(s)
  } catch {
    return undefined
  }
}
