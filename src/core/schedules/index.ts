import { SpecError, expectOneOf, expectRecord } from '../errors'
import type { ScheduleKind, ScheduleSpec } from '../types'
import { constant } from './constant'
import { cosine } from './cosine'
import { cosineRestarts } from './cosineRestarts'
import { exponential } from './exponential'
import { inverseSqrt } from './inverseSqrt'
import { multistep } from './multistep'
import { plateau } from './plateau'
import { polynomial } from './polynomial'
import type { ScheduleEntry } from './scheduleEntry'
import { step } from './step'
import { warmupInverseSqrt } from './warmupInverseSqrt'

export { createPlateauScheduler } from './plateau'
export type { PlateauOptions, PlateauScheduler } from './plateau'
export type { ScheduleEntry, ScheduleOf } from './scheduleEntry'

/**
 * The learning-rate schedule registry (CONVENTIONS.md), in display order: names, TeX formula, reference,
 * parameter sliders with defaults and ranges, the pure η_t and the edge check of each kind.
 */
export const schedules: { readonly [K in ScheduleKind]: ScheduleEntry<K> } = {
  constant,
  exponential,
  step,
  multistep,
  polynomial,
  cosine,
  'inverse-sqrt': inverseSqrt,
  'warmup-inverse-sqrt': warmupInverseSqrt,
  'cosine-restarts': cosineRestarts,
  plateau,
}

/** Every schedule kind, in display order. */
export const scheduleKinds = Object.keys(schedules) as readonly ScheduleKind[]

/** The kinds whose η_t depends on t alone: all but `plateau`. These are what a trajectory accepts. */
export const stepScheduleKinds: readonly ScheduleKind[] = scheduleKinds.filter((k) => k !== 'plateau')

const entryOf = (kind: ScheduleKind): ScheduleEntry => schedules[kind] as ScheduleEntry

/**
 * η_t, the learning rate of the update with index t (t = 0 first), for base rate η = `base`; an undefined
 * schedule means constant. Trusts its inputs (validate specs at the edge with `validateScheduleSpec`);
 * throws a SpecError for `plateau`, which depends on the loss (use `createPlateauScheduler`).
 */
export function learningRate(base: number, schedule: ScheduleSpec | undefined, t: number): number {
  if (schedule === undefined) return base
  const entry = entryOf(schedule.kind)
  if (entry.lr === undefined) {
    throw new SpecError(
      'schedule.kind',
      `a schedule of the step index alone (plateau needs the loss: use createPlateauScheduler)`,
      schedule.kind,
    )
  }
  return entry.lr(base, schedule, t)
}

/**
 * Checks a schedule spec at the edge and returns a clean copy: kind one of `schedules`, and each parameter
 * in its domain (see each entry's doc); a SpecError names `<field>.<key>` otherwise. With
 * `allowPlateau = false` (trajectories) `plateau` is rejected, since a 2D race has no loss to monitor.
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
  const kinds = allowPlateau ? scheduleKinds : stepScheduleKinds
  const kind = expectOneOf(raw.kind, `${field}.kind`, kinds)
  return entryOf(kind).validate(raw, field)
}
