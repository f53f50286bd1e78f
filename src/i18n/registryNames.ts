import {
  getScheduleMeta,
  hyperParamDomain,
  hyperParamName,
  optimizerKinds,
  optimizerMeta,
  scheduleKinds,
} from '../core/meta'
import type { HyperParamKey } from '../core/meta'
import type { OptimizerKind, ScheduleKind } from '../core/types'
import type { Language } from './translate'

/**
 * Names of registry entries come from the core's meta registries (one name per kind, zh and en), never from
 * the dictionaries: these helpers pick the language.
 */
/** The one name of an optimizer kind (legend, editor, cards). */
export const optimizerName = (kind: OptimizerKind, lang: Language): string => optimizerMeta[kind].name[lang]

/** The one name of a schedule kind (editor, cards, charts). */
export const scheduleName = (kind: ScheduleKind, lang: Language): string => getScheduleMeta(kind).name[lang]

/** The keys `registryMessages` adds to each dictionary. */
export type RegistryMessageKey =
  | `optimizer.${OptimizerKind}`
  | `schedule.${ScheduleKind}`
  | `param.${HyperParamKey}`
  | `scheduleParam.${string}`

/**
 * The registry names as dictionary entries (`optimizer.<kind>`, `schedule.<kind>`, `param.<key>`,
 * `scheduleParam.<field>`), derived from the meta registries so that `t(…)` of such a key says what the
 * registry says; the dictionaries spread them in and hold no copy of their own.
 */
export function registryMessages(lang: Language): Record<RegistryMessageKey, string> {
  const out: Record<string, string> = {}
  for (const k of optimizerKinds) out[`optimizer.${k}`] = optimizerName(k, lang)
  for (const k of scheduleKinds) out[`schedule.${k}`] = scheduleName(k, lang)
  for (const key of Object.keys(hyperParamDomain) as HyperParamKey[])
    out[`param.${key}`] = hyperParamName(key)[lang]
  for (const k of scheduleKinds)
    for (const f of getScheduleMeta(k).fields) out[`scheduleParam.${f.key}`] ??= f.name[lang]
  return out as Record<RegistryMessageKey, string>
}
