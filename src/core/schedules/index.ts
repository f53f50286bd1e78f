import type { ScheduleKind } from '../types'
import { scheduleMeta } from './meta'
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
