/**
 * The building blocks of the worker's structural message checks (one table per message family beside this
 * file, joined by `../parseMessage.ts`). A check looks only at shapes, types and ranges; the content of specs
 * and configs is the core's to judge.
 */

export type Fields = Record<string, unknown>
/** Returns the offending field and a problem text, or null when the message is well formed. */
export type Check = (m: Fields) => [field: string, problem: string] | null

export const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v)
export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
export const isInteger = (v: unknown, lo: number, hi: number): v is number =>
  Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi
/** A finite interval [a, b] with a < b. */
export const isRange = (v: unknown): boolean =>
  Array.isArray(v) && v.length === 2 && isFiniteNumber(v[0]) && isFiniteNumber(v[1]) && v[0] < v[1]

/** Runs the checks in order; the first failing one is reported. */
export const all =
  (...checks: Check[]): Check =>
  (m) => {
    for (const check of checks) {
      const problem = check(m)
      if (problem) return problem
    }
    return null
  }

/** Field `name` must satisfy `ok`; `expected` completes "name must be …". */
export const field =
  (name: string, ok: (v: unknown) => boolean, expected: string): Check =>
  (m) =>
    ok(m[name]) ? null : [name, `${name} must be ${expected}, got ${describe(m[name])}`]

/** As `field`, but an absent (undefined) field passes. */
export const optional =
  (name: string, ok: (v: unknown) => boolean, expected: string): Check =>
  (m) =>
    m[name] === undefined ? null : field(name, ok, expected)(m)

const isId = (v: unknown): boolean => isInteger(v, 0, Number.MAX_SAFE_INTEGER)
export const runId = field('runId', isId, 'a non-negative integer')
export const requestId = field('requestId', isId, 'a non-negative integer')
export const isBoolean = (v: unknown): boolean => typeof v === 'boolean'

/** A surface registry id: only its shape here; the engine looks it up and names the ids there are. */
export const surface = field(
  'surface',
  (v) => typeof v === 'string' && v.length > 0,
  'a surface id (non-empty string)',
)

/** A network surface's spec: an object here; the core's `validateNetSurfaceSpec` checks its content. */
export const netSpec = optional(
  'net',
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  'a network surface spec (an object)',
)

/** A short, safe description of a value for error texts (never the whole object). */
export function describe(v: unknown): string {
  if (v === undefined) return 'nothing'
  if (v === null) return 'null'
  if (Array.isArray(v)) return `an array of length ${v.length}`
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)
  if (typeof v === 'object') return 'an object'
  return `${typeof v} ${String(v)}`
}
