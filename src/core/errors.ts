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

/** A short, unambiguous rendering of any value for an error message ('adam' quoted, NaN and -1 as is). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value)
  if (Array.isArray(value)) return `[${value.map(describeValue).join(', ')}]`
  try {
    const json = JSON.stringify(value)
    return json.length > 80 ? `${json.slice(0, 77)}...` : json
  } catch {
    return Object.prototype.toString.call(value)
  }
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
