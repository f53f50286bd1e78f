import { SpecError, expectOneOf, expectRecord } from '../errors'
import type { ScheduleKind, ScheduleSpec } from '../types'
import { scheduleKinds, scheduleMeta, stepScheduleKinds } from './meta'
import { plateau } from './plateau'
import type { ScheduleEntry } from './scheduleEntry'
import { scheduleEntry } from './scheduleEntry'

export * from './meta'
export { createPlateauScheduler } from './plateau'
export type { PlateauOptions, PlateauScheduler } from './plateau'
export type { ScheduleEntry, ScheduleOf } from './scheduleEntry'
export { validateFields } from './scheduleEntry'

/**
 * The learning-rate schedule registry (docs/conventions.md), in display order: each kind's meta (`./meta`)
 * with its edge check. Every field of every kind is checked against the one domain its meta states, so
 * no kind needs code of its own here; plateau's stateful scheduler lives in `./plateau`.
 */
export const schedules: { readonly [K in ScheduleKind]: ScheduleEntry<K> } = {
  constant: scheduleEntry(scheduleMeta.constant),
  exponential: scheduleEntry(scheduleMeta.exponential),
  step: scheduleEntry(scheduleMeta.step),
  multistep: scheduleEntry(scheduleMeta.multistep),
  polynomial: scheduleEntry(scheduleMeta.polynomial),
  cosine: scheduleEntry(scheduleMeta.cosine),
  'inverse-sqrt': scheduleEntry(scheduleMeta['inverse-sqrt']),
  'warmup-inverse-sqrt': scheduleEntry(scheduleMeta['warmup-inverse-sqrt']),
  'cosine-restarts': scheduleEntry(scheduleMeta['cosine-restarts']),
  plateau,
}

/**
 * Checks a schedule spec at the edge and returns a clean copy: kind one of `schedules`, and each field in
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
  const kinds = allowPlateau ? scheduleKinds : stepScheduleKinds
  const kind = expectOneOf(raw.kind, `${field}.kind`, kinds)
  return (schedules[kind] as ScheduleEntry).validate(raw, field) as ScheduleSpec
}
