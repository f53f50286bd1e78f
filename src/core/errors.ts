/**
 * A malformed spec caught at the core's edge (d3's `"invalid size"`, with more words): the message names the
 * field, what it accepts and what it got, e.g. `optimizer.lr must be a finite number > 0 (got -1)`.
 * `field` is the dotted path inside the spec ('optimizer.lr', 'schedule.milestones[2]', 'start'), `allowed`
 * the human-readable domain, so a UI can point at the offending control.
 */
export class SpecError extends Error {
  readonly field: string
  readonly allowed: string

  constructor(field: string, allowed: string, got: unknown) {
    super(`${field} must be ${allowed} (got ${describeValue(got)})`)
    this.name = 'SpecError'
    this.field = field
    this.allowed = allowed
  }
}

/** Longest quoted string in a message: enough to recognize the value, never a wall of text. */
export const MAX_QUOTED_CHARS = 40
/** Most array elements a message lists before it summarizes the rest. */
const MAX_LISTED = 8

/**
 * A short, unambiguous rendering of any value for an error message ('adam' quoted, NaN and -1 as is). Bounded
 * whatever the value: a string is clipped to 40 characters with its length stated ('aaaa…' (5,000
 * characters)), an array lists its first 8 elements and counts the rest, anything else is JSON clipped to 80.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return quote(value)
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value)
  if (Array.isArray(value)) {
    const shown = value.slice(0, MAX_LISTED).map(describeScalar)
    const more = value.length - shown.length
    return `[${shown.join(', ')}${more > 0 ? `, … ${more.toLocaleString('en')} more` : ''}]`
  }
  return describeObject(value)
}

/** An element inside a listed array: scalars as `describeValue`, nested structures as clipped JSON. */
function describeScalar(value: unknown): string {
  return typeof value === 'object' && value !== null ? describeObject(value) : describeValue(value)
}

function describeObject(value: unknown): string {
  try {
    const json = JSON.stringify(value, (_, v: unknown) =>
      typeof v === 'string' && v.length > MAX_QUOTED_CHARS ? clip(v) : v,
    )
    if (json === undefined) return Object.prototype.toString.call(value)
    return json.length > 80 ? `${json.slice(0, 77)}...` : json
  } catch {
    return Object.prototype.toString.call(value)
  }
}

function quote(s: string): string {
  return s.length > MAX_QUOTED_CHARS ? `'${clip(s)}' (${s.length.toLocaleString('en')} characters)` : `'${s}'`
}

/** The first 40 UTF-16 units and an ellipsis, without splitting a surrogate pair. */
function clip(s: string): string {
  let head = s.slice(0, MAX_QUOTED_CHARS)
  const last = head.charCodeAt(head.length - 1)
  if (last >= 0xd800 && last <= 0xdbff) head = head.slice(0, -1)
  return `${head}…`
}

/** The value as a plain object (not null, not an array), or a SpecError naming `field`. */
export function expectRecord(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SpecError(field, 'an object', value)
  }
  return value as Record<string, unknown>
}

/**
 * The value as a number passing `test`, or a SpecError with `allowed` as the stated domain. Non-numbers and
 * NaN always fail, so `test` only has to express the range.
 */
export function expectNumber(
  value: unknown,
  field: string,
  allowed: string,
  test: (v: number) => boolean,
): number {
  if (typeof value !== 'number' || Number.isNaN(value) || !test(value))
    throw new SpecError(field, allowed, value)
  return value
}

/** An integer in [min, max] (both finite), or a SpecError. */
export function expectInteger(value: unknown, field: string, min: number, max: number): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value
  const allowed =
    max === Infinity
      ? `an integer ≥ ${min}`
      : `an integer in ${min.toLocaleString('en')}..${max.toLocaleString('en')}`
  throw new SpecError(field, allowed, value)
}

/** One of the listed strings, or a SpecError listing them all. */
export function expectOneOf<T extends string>(value: unknown, field: string, options: readonly T[]): T {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    throw new SpecError(field, `one of ${options.map((o) => `'${o}'`).join(', ')}`, value)
  }
  return value as T
}
