import { stepScheduleKinds, validateScheduleSpec } from '../core/schedules'
import type { ScheduleKind, ScheduleSpec } from '../core/types'
import { clampToRule, isInRule } from './limits'
import type { NumberRule } from './limits'

/**
 * Schedule kinds a 2D race can use, in menu order. `plateau` is left out: it watches a validation loss, so it
 * belongs to the classifier (CONVENTIONS.md).
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

const STEPS: NumberRule = { min: 1, max: 1_000_000, integer: true }
const FACTOR: NumberRule = { min: 0, max: 1, minExclusive: true }
const RATE: NumberRule = { min: 0, max: 1e4 }
const FLAG: NumberRule = { min: 0, max: 1, integer: true }
/** The most milestones a multistep schedule may list. */
export const MAX_MILESTONES = 32

/**
 * The fields of each kind in canonical order (CONVENTIONS.md, "Learning-rate schedules") with the store's
 * ranges, which sit inside the registry's domains and add upper bounds (10⁶ steps, η ≤ 10⁴), plus the
 * cross-field conditions: multistep milestones strictly increase (PyTorch MultiStepLR), cosine warm-up ends
 * before T (the d2l form divides by T − W).
 */
export const SCHEDULE_RULES: Readonly<
  Record<
    RaceScheduleKind,
    { fields: readonly ScheduleField[]; check?: (s: Record<string, unknown>) => boolean }
  >
> = {
  constant: { fields: [] },
  exponential: {
    fields: [
      { name: 'decay', type: 'number', rule: FACTOR },
      { name: 'decaySteps', type: 'number', rule: { min: 0, max: 1_000_000, minExclusive: true } },
      { name: 'staircase', type: 'boolean', rule: FLAG, optional: true },
    ],
  },
  step: {
    fields: [
      { name: 'stepSize', type: 'number', rule: STEPS },
      { name: 'gamma', type: 'number', rule: FACTOR },
    ],
  },
  multistep: {
    fields: [
      { name: 'milestones', type: 'list', rule: { min: 0, max: 1_000_000, integer: true } },
      { name: 'gamma', type: 'number', rule: FACTOR },
    ],
    check: (s) => {
      const m = s.milestones as number[]
      return m.length >= 1 && m.length <= MAX_MILESTONES && m.every((v, i) => i === 0 || v > m[i - 1])
    },
  },
  polynomial: {
    fields: [
      { name: 'totalSteps', type: 'number', rule: STEPS },
      { name: 'power', type: 'number', rule: { min: 0, max: 100, minExclusive: true } },
      { name: 'final', type: 'number', rule: RATE, optional: true },
    ],
  },
  cosine: {
    fields: [
      { name: 'totalSteps', type: 'number', rule: STEPS },
      { name: 'final', type: 'number', rule: RATE, optional: true },
      {
        name: 'warmupSteps',
        type: 'number',
        rule: { min: 0, max: 1_000_000, integer: true },
        optional: true,
      },
      { name: 'warmupBegin', type: 'number', rule: RATE, optional: true },
    ],
    check: (s) => s.warmupSteps === undefined || (s.warmupSteps as number) < (s.totalSteps as number),
  },
  'inverse-sqrt': { fields: [] },
  'warmup-inverse-sqrt': { fields: [{ name: 'warmupSteps', type: 'number', rule: STEPS }] },
  'cosine-restarts': {
    fields: [
      { name: 't0', type: 'number', rule: STEPS },
      { name: 'tMult', type: 'number', rule: { min: 1, max: 100, integer: true }, optional: true },
      { name: 'final', type: 'number', rule: RATE, optional: true },
    ],
  },
}

/** True for the strings that name a race schedule kind. */
export function isRaceScheduleKind(v: unknown): v is RaceScheduleKind {
  return typeof v === 'string' && (SCHEDULE_KINDS as readonly string[]).includes(v)
}

/**
 * A schedule of `kind` with teaching defaults for a race of `steps` updates: exponential η·0.99^t (the PKU
 * course's decay), halving every ¼ race, cosine and polynomial over the whole race, 10 % warm-up.
 */
export function defaultSchedule(kind: RaceScheduleKind, steps: number): RaceScheduleSpec {
  const quarter = Math.max(1, Math.round(steps / 4))
  switch (kind) {
    case 'constant':
      return { kind }
    case 'exponential':
      return { kind, decay: 0.99, decaySteps: 1 }
    case 'step':
      return { kind, stepSize: quarter, gamma: 0.5 }
    case 'multistep':
      return { kind, milestones: [2 * quarter, 3 * quarter], gamma: 0.1 }
    case 'polynomial':
      return { kind, totalSteps: steps, power: 1 }
    case 'cosine':
      return { kind, totalSteps: steps, final: 0 }
    case 'inverse-sqrt':
      return { kind }
    case 'warmup-inverse-sqrt':
      return { kind, warmupSteps: Math.max(1, Math.round(steps / 10)) }
    case 'cosine-restarts':
      return { kind, t0: quarter, tMult: 2 }
  }
}

/**
 * Checks a schedule and returns it in canonical form (fields in `SCHEDULE_RULES` order, unset optionals
 * omitted), or undefined when it cannot be a race schedule (including when the registry's
 * `validateScheduleSpec` rejects it). With `clamp`, numbers are brought into range as
 * `clampToRule` does (the actions' behaviour); without it any out-of-range value rejects the whole spec (the
 * URL parser's behaviour).
 */
export function normalizeSchedule(spec: unknown, clamp = false): RaceScheduleSpec | undefined {
  if (typeof spec !== 'object' || spec === null) return undefined
  const input = spec as Record<string, unknown>
  if (!Object.hasOwn(input, 'kind') || !isRaceScheduleKind(input.kind)) return undefined
  const kind = input.kind
  const out: Record<string, unknown> = { kind }
  for (const field of SCHEDULE_RULES[kind].fields) {
    const raw = Object.hasOwn(input, field.name) ? input[field.name] : undefined
    if (raw === undefined) {
      if (field.optional) continue
      return undefined
    }
    const v = checkField(field, raw, clamp)
    if (v === undefined) return undefined
    out[field.name] = v
  }
  const check = SCHEDULE_RULES[kind].check
  if (check && !check(out)) return undefined
  try {
    // The registry has the last word, so a stored schedule is never one the worker would refuse.
    validateScheduleSpec(out, 'schedule', false)
  } catch {
    return undefined
  }
  return out as RaceScheduleSpec
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
