import { getScheduleMeta, isScheduleKind, stepScheduleKinds } from '../core/meta'
import type { ScheduleFieldMeta } from '../core/meta'
import type { ScheduleKind, ScheduleSpec } from '../core/types'
import { clampToRule, isInRule } from './limits'
import type { NumberRule } from './limits'

/**
 * The store's view of the schedule meta registry (src/core/schedules/meta.ts): the fields of each kind,
 * their one domain (what the core validates), and the teaching defaults of a race all come from there.
 * Schedule kinds a 2D race can use are those with a closed-form η_t: `plateau` watches a validation loss,
 * so it belongs to the classifier (docs/conventions.md).
 */
export type RaceScheduleKind = Exclude<ScheduleKind, 'plateau'>
export type RaceScheduleSpec = Exclude<ScheduleSpec, { kind: 'plateau' }>

/** The registry's step-indexed kinds (all but plateau), in display order. */
export const SCHEDULE_KINDS = stepScheduleKinds as readonly RaceScheduleKind[]

/** One field of a schedule spec: a number, a flag, or a list of numbers, each element checked by `rule`. */
export interface ScheduleField {
  name: string
  type: 'number' | 'boolean' | 'list'
  rule: NumberRule
  optional?: boolean
}

/** The most milestones a multistep schedule may list (the meta's list length). */
export const MAX_MILESTONES = Math.max(
  ...SCHEDULE_KINDS.flatMap((k) => getScheduleMeta(k).fields.map((f) => f.length?.max ?? 0)),
)

const toField = (f: ScheduleFieldMeta): ScheduleField =>
  f.optional === true
    ? { name: f.key, type: f.type, rule: f.domain, optional: true }
    : { name: f.key, type: f.type, rule: f.domain }

/** The conditions between fields that the meta states (list length and order, `lessThan`). */
function crossCheck(
  fields: readonly ScheduleFieldMeta[],
): ((s: Record<string, unknown>) => boolean) | undefined {
  const checked = fields.filter(
    (f) => f.length !== undefined || f.increasing === true || f.lessThan !== undefined,
  )
  if (checked.length === 0) return undefined
  return (s) =>
    checked.every((f) => {
      const v = s[f.key]
      if (v === undefined) return true
      if (Array.isArray(v)) {
        const { min, max } = f.length ?? { min: 0, max: Infinity }
        const inOrder = f.increasing !== true || v.every((x: number, i) => i === 0 || x > v[i - 1])
        return v.length >= min && v.length <= max && inOrder
      }
      return f.lessThan === undefined || (v as number) < (s[f.lessThan] as number)
    })
}

/** The fields of `kind` (any kind, plateau included) in canonical order, and their cross-field check. */
export function scheduleRulesOf(kind: ScheduleKind): {
  fields: readonly ScheduleField[]
  check?: (s: Record<string, unknown>) => boolean
} {
  const fields = getScheduleMeta(kind).fields
  const check = crossCheck(fields)
  return check === undefined ? { fields: fields.map(toField) } : { fields: fields.map(toField), check }
}

/**
 * The fields of each race kind in canonical order with their domains (the core's, from the meta), plus the
 * cross-field conditions: multistep milestones strictly increase (PyTorch MultiStepLR), cosine warm-up ends
 * before T (the d2l form divides by T − W).
 */
export const SCHEDULE_RULES: Readonly<
  Record<
    RaceScheduleKind,
    { fields: readonly ScheduleField[]; check?: (s: Record<string, unknown>) => boolean }
  >
> = Object.fromEntries(SCHEDULE_KINDS.map((k) => [k, scheduleRulesOf(k)])) as Record<
  RaceScheduleKind,
  ReturnType<typeof scheduleRulesOf>
>

/** True for the strings that name a race schedule kind. */
export function isRaceScheduleKind(v: unknown): v is RaceScheduleKind {
  return typeof v === 'string' && (SCHEDULE_KINDS as readonly string[]).includes(v)
}

/**
 * A schedule of `kind` with teaching defaults for a race of `steps` updates (each meta's `raceDefault`):
 * exponential η·0.99^t (the PKU course's decay), halving every ¼ race, cosine and polynomial over the whole
 * race, 10 % warm-up.
 */
export function defaultSchedule(kind: RaceScheduleKind, steps: number): RaceScheduleSpec {
  const meta = getScheduleMeta(kind)
  return (meta.raceDefault?.(steps) ?? meta.defaults) as RaceScheduleSpec
}

/**
 * Checks a schedule and returns it in canonical form (fields in the meta's order, unset optionals omitted),
 * or undefined when it cannot be a race schedule. The checks are the meta's, the same the core runs at the
 * worker's edge, so a stored schedule is never one the worker would refuse. With `clamp`, numbers are
 * brought into their domain as `clampToRule` does (the actions' behaviour); without it any out-of-domain
 * value rejects the whole spec (the URL parser's behaviour).
 */
export function normalizeSchedule(spec: unknown, clamp = false): RaceScheduleSpec | undefined {
  if (typeof spec !== 'object' || spec === null) return undefined
  const input = spec as Record<string, unknown>
  if (!Object.hasOwn(input, 'kind') || !isRaceScheduleKind(input.kind)) return undefined
  return normalizeFields(input, SCHEDULE_RULES[input.kind], clamp) as RaceScheduleSpec | undefined
}

/**
 * `normalizeSchedule` for any kind of the registry, plateau included (the classifier's schedules); the
 * result is typed by the caller.
 */
export function normalizeAnySchedule(spec: unknown, clamp = false): ScheduleSpec | undefined {
  if (typeof spec !== 'object' || spec === null) return undefined
  const input = spec as Record<string, unknown>
  if (!Object.hasOwn(input, 'kind') || !isScheduleKind(input.kind)) return undefined
  return normalizeFields(input, scheduleRulesOf(input.kind), clamp) as ScheduleSpec | undefined
}

function normalizeFields(
  input: Record<string, unknown>,
  rules: ReturnType<typeof scheduleRulesOf>,
  clamp: boolean,
): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = { kind: input.kind }
  for (const field of rules.fields) {
    const raw = Object.hasOwn(input, field.name) ? input[field.name] : undefined
    if (raw === undefined) {
      if (field.optional) continue
      return undefined
    }
    const v = checkField(field, raw, clamp)
    if (v === undefined) return undefined
    out[field.name] = v
  }
  if (rules.check && !rules.check(out)) return undefined
  return out
}

function checkField(field: ScheduleField, raw: unknown, clamp: boolean): unknown {
  const num = (v: unknown): number | undefined =>
    clamp ? clampToRule(field.rule, v) : isInRule(field.rule, v) ? v + 0 : undefined
  if (field.type === 'boolean') return typeof raw === 'boolean' ? raw : undefined
  if (field.type === 'number') return num(raw)
  if (!Array.isArray(raw) || raw.length > MAX_MILESTONES) return undefined
  const list = raw.map(num)
  return list.every((v) => v !== undefined) ? list : undefined
}
