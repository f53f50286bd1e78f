import { SpecError, expectOneOf, expectRecord } from '../errors'
import type { ScheduleSpec } from '../types'
import { constantMeta } from './constant.meta'
import { cosineMeta } from './cosine.meta'
import { cosineRestartsMeta } from './cosineRestarts.meta'
import { exponentialMeta } from './exponential.meta'
import { inverseSqrtMeta } from './inverseSqrt.meta'
import { scheduleMetaRegistry } from './metaRegistry'
import { multistepMeta } from './multistep.meta'
import { plateauMeta } from './plateau.meta'
import { polynomialMeta } from './polynomial.meta'
import { validateFields } from './scheduleEntry'
import type { ScheduleMeta } from './scheduleMeta'
import { stepMeta } from './step.meta'
import { warmupInverseSqrtMeta } from './warmupInverseSqrt.meta'

export { scheduleMetaRegistry } from './metaRegistry'
export { finalField, rateDomain, slider, stepsDomain, unitFactor } from './scheduleMeta'
export type {
  ScheduleFieldMeta,
  ScheduleMeta,
  ScheduleMetaInput,
  ScheduleOf,
  ScheduleSlider,
} from './scheduleMeta'

/**
 * The learning-rate schedule meta registry (docs/conventions.md), the table of contents in display order:
 * names, TeX formula, reference, fields (domains, sliders), defaults and the closed-form η_t of each kind.
 */
export const scheduleMetaList = [
  constantMeta,
  exponentialMeta,
  stepMeta,
  multistepMeta,
  polynomialMeta,
  cosineMeta,
  inverseSqrtMeta,
  warmupInverseSqrtMeta,
  cosineRestartsMeta,
  plateauMeta,
] as const

/** Schedule kinds, derived from the meta registry. */
export type ScheduleKind = (typeof scheduleMetaList)[number]['id']

// Every kind has a spec shape in core/types.ts and every shape a meta entry.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const specsMatchMeta: Same<ScheduleKind, ScheduleSpec['kind']> = true
void specsMatchMeta

export const { scheduleMeta, scheduleKinds, stepScheduleKinds, isScheduleKind, getScheduleMeta } =
  scheduleMetaRegistry(scheduleMetaList)

/**
 * Checks a schedule spec at the edge and returns a clean copy: kind one of `scheduleKinds`, and each field in
 * the domain its meta states; a SpecError names `<field>.<key>` otherwise. With `allowPlateau = false`
 * (trajectories) `plateau` is rejected, since a 2D race has no loss to monitor.
 */
export function validateScheduleSpec(spec: unknown, field = 'schedule', allowPlateau = true): ScheduleSpec {
  const raw = expectRecord(spec, field)
  if (!allowPlateau && raw.kind === 'plateau') {
    const list = stepScheduleKinds.map((k) => `'${k}'`).join(', ')
    throw new SpecError(
      `${field}.kind`,
      `one of ${list} (plateau needs a loss to monitor: classifier only)`,
      raw.kind,
    )
  }
  const kind = expectOneOf(raw.kind, `${field}.kind`, allowPlateau ? scheduleKinds : stepScheduleKinds)
  return validateFields(getScheduleMeta(kind) as ScheduleMeta, raw, field) as ScheduleSpec
}

/**
 * η_t, the learning rate of the update with index t (t = 0 first), for base rate η = `base`; an undefined
 * schedule means constant. Validates at its edge, so it always returns a finite η_t ≥ 0 or throws a
 * SpecError naming the field: `base` a finite number > 0, `t` a finite number ≥ 0, the schedule as
 * `validateScheduleSpec` checks it (`schedule.<key>`), and `plateau` refused (it depends on the loss: use
 * `createPlateauScheduler`). Each kind's η_t is O(1) per call (multistep O(log m) in its m milestones).
 * The last few schedule objects checked are remembered (re-checked when a top-level field is replaced), so a
 * per-step loop over one spec pays the O(m) check of a long list once; lists are treated as immutable data,
 * as everywhere in the app.
 */
export function learningRate(base: number, schedule: ScheduleSpec | undefined, t: number): number {
  if (typeof base !== 'number' || !(base > 0 && base < Infinity))
    throw new SpecError('base', 'a finite number > 0', base)
  if (typeof t !== 'number' || !(t >= 0 && t < Infinity))
    throw new SpecError('t', 'a finite number ≥ 0 (the update index)', t)
  if (schedule === undefined) return base
  const c = checkedSchedule(schedule)
  return c.lr(base, c.spec as never, t)
}

interface Checked {
  raw: Readonly<Record<string, unknown>>
  spec: ScheduleSpec
  lr: NonNullable<ScheduleMeta['lr']>
  keys: readonly string[]
  /** The top-level field values the check saw (arrays by reference). */
  seen: readonly unknown[]
}

/** The last schedules checked, newest first: a plain array, not a WeakMap, so fresh specs cost no GC work. */
const recent: Checked[] = []
const RECENT = 4

function unchanged(c: Checked, raw: Readonly<Record<string, unknown>>): boolean {
  if (c.raw !== raw || raw.kind !== c.spec.kind) return false
  for (let i = 0; i < c.keys.length; i++) if (raw[c.keys[i]] !== c.seen[i]) return false
  return true
}

/** The clean copy of a step-indexed schedule and its η_t, from `recent` when the object is unchanged. */
function checkedSchedule(schedule: unknown): Checked {
  const raw = expectRecord(schedule, 'schedule')
  for (let i = 0; i < recent.length; i++) if (unchanged(recent[i], raw)) return recent[i]
  const kind = expectOneOf(raw.kind, 'schedule.kind', scheduleKinds)
  const meta = getScheduleMeta(kind) as ScheduleMeta
  if (meta.lr === undefined) {
    throw new SpecError(
      'schedule.kind',
      `a schedule of the step index alone (plateau needs the loss: use createPlateauScheduler)`,
      kind,
    )
  }
  const spec = validateFields(meta, raw, 'schedule') as ScheduleSpec
  const keys = meta.fields.map((f) => f.key)
  const entry: Checked = { raw, spec, lr: meta.lr, keys, seen: keys.map((k) => raw[k]) }
  recent.unshift(entry)
  if (recent.length > RECENT) recent.pop()
  return entry
}
