import { SpecError } from '../errors'
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
 * η_t, the learning rate of the update with index t (t = 0 first), for base rate η = `base`; an undefined
 * schedule means constant. Trusts its inputs (validate specs at the edge with `validateScheduleSpec`);
 * throws a SpecError for `plateau`, which depends on the loss (use `createPlateauScheduler`).
 */
export function learningRate(base: number, schedule: ScheduleSpec | undefined, t: number): number {
  if (schedule === undefined) return base
  const meta = getScheduleMeta(schedule.kind) as ScheduleMeta
  if (meta.lr === undefined) {
    throw new SpecError(
      'schedule.kind',
      `a schedule of the step index alone (plateau needs the loss: use createPlateauScheduler)`,
      schedule.kind,
    )
  }
  return meta.lr(base, schedule as never, t)
}
