import { SpecError } from '../errors'
import { describeDomain, inDomain } from '../numberDomain'
import type { ScheduleFieldMeta, ScheduleMeta, ScheduleOf } from './scheduleMeta'

export type { ScheduleOf } from './scheduleMeta'

/** A registry entry: the kind's meta plus the edge check the worker and the core entry points run. */
export interface ScheduleEntry<K extends string = string> extends ScheduleMeta<K> {
  /** Checks the parameters of a spec of this kind and returns a clean copy; throws a SpecError. */
  validate(raw: Readonly<Record<string, unknown>>, field: string): ScheduleOf<K>
}

/** The meta with its edge check: every field against its one domain, in the meta's canonical order. */
export function scheduleEntry<K extends string>(meta: ScheduleMeta<K>): ScheduleEntry<K> {
  return { ...meta, validate: (raw, path) => validateFields(meta, raw, path) }
}

/**
 * A clean copy of a spec of `meta`'s kind (known keys only, in field order) or a SpecError naming
 * `<path>.<key>`: each number in its domain, flags true or false, lists of `length` elements each in the
 * domain (strictly increasing where flagged), and a `lessThan` field below the field it names.
 */
export function validateFields<K extends string>(
  meta: ScheduleMeta<K>,
  raw: Readonly<Record<string, unknown>>,
  path: string,
): ScheduleOf<K> {
  const out: Record<string, unknown> = { kind: meta.id }
  for (const f of meta.fields) {
    const value = raw[f.key]
    if (value === undefined && f.optional === true) continue
    out[f.key] = validateField(f, value, `${path}.${f.key}`)
  }
  for (const f of meta.fields) {
    const v = out[f.key]
    if (f.lessThan === undefined || typeof v !== 'number') continue
    const bound = out[f.lessThan] as number
    if (!(v < bound)) {
      const d = f.domain
      throw new SpecError(
        `${path}.${f.key}`,
        `an integer in ${d.min}..${bound - 1} (less than ${f.lessThan})`,
        v,
      )
    }
  }
  return out as ScheduleOf<K>
}

function validateField(f: ScheduleFieldMeta, value: unknown, path: string): unknown {
  if (f.type === 'boolean') {
    if (typeof value !== 'boolean') throw new SpecError(path, 'true or false', value)
    return value
  }
  if (f.type === 'number') return expectIn(f, value, path)
  const min = f.length?.min ?? 0
  const max = f.length?.coreMax ?? f.length?.max ?? Infinity
  const noun = f.domain.integer === true ? 'integers' : 'numbers'
  if (!Array.isArray(value)) throw new SpecError(path, `an array of ${noun} ≥ ${f.domain.min}`, value)
  if (value.length < min || value.length > max)
    throw new SpecError(path, `a list of ${min}..${max} ${noun}`, value)
  return value.map((v: unknown, i) => {
    const x = expectIn(f, v, `${path}[${i}]`)
    const prev = value[i - 1] as number
    if (i > 0 && f.increasing === true && !(x > prev))
      throw new SpecError(`${path}[${i}]`, `an integer > ${prev} (${f.key} increase)`, x)
    return x
  })
}

function expectIn(f: ScheduleFieldMeta, value: unknown, path: string): number {
  if (!inDomain(f.domain, value)) throw new SpecError(path, describeDomain(f.domain, value), value)
  return value
}
