/**
 * The set of values one number of a spec may take, as plain data: the registries' meta files state it once,
 * the core validates against it and the store clamps to it (src/state/limits.ts reads the same fields).
 * It is an interval [min, max] (each end excluded where flagged), integers only when `integer`.
 */
export interface NumberDomain {
  min: number
  max: number
  minExclusive?: boolean
  maxExclusive?: boolean
  integer?: boolean
  /**
   * True when `max` is the app's practical limit rather than the math's (η ≤ 10⁴, at most 10⁶ steps): an
   * error then names the lower bound alone, unless the cap is what was exceeded.
   */
  cap?: boolean
}

/** True when `v` is a finite number inside the domain (and an integer when required). */
export function inDomain(d: NumberDomain, v: unknown): v is number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return false
  if (d.integer === true && !Number.isInteger(v)) return false
  if (d.minExclusive === true ? v <= d.min : v < d.min) return false
  return d.maxExclusive === true ? v < d.max : v <= d.max
}

const fmt = (v: number): string => v.toLocaleString('en')

/**
 * The domain in words, as a `SpecError` states it: "a number in [0, 1)", "an integer in 1..100",
 * "a finite number > 0", "an integer ≥ 1". For a capped domain the words name the lower bound, or the cap
 * ("a number ≤ 10,000") when `got` is a valid number above it.
 */
export function describeDomain(d: NumberDomain, got?: unknown): string {
  const noun = d.integer === true ? 'an integer' : 'a number'
  const aboveCap =
    d.cap === true &&
    typeof got === 'number' &&
    Number.isFinite(got) &&
    (d.integer !== true || Number.isInteger(got)) &&
    (d.maxExclusive === true ? got >= d.max : got > d.max)
  if (aboveCap) return `${noun} ${d.maxExclusive === true ? '<' : '≤'} ${fmt(d.max)}`
  if (d.cap === true || d.max === Infinity) {
    const op = d.minExclusive === true ? '>' : '≥'
    return d.integer === true ? `an integer ${op} ${fmt(d.min)}` : `a finite number ${op} ${fmt(d.min)}`
  }
  if (d.integer === true && d.minExclusive !== true && d.maxExclusive !== true)
    return `an integer in ${fmt(d.min)}..${fmt(d.max)}`
  const open = d.minExclusive === true ? '(' : '['
  const close = d.maxExclusive === true ? ')' : ']'
  return `${noun} in ${open}${d.min}, ${d.max}${close}`
}
