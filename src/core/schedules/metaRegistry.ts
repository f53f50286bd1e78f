import type { ScheduleMeta } from './scheduleMeta'

/**
 * The lookups of a schedule meta list, all derived from the list (its order is the display order). A test
 * may build them over a longer list (a toy kind) and hand them out in place of `./meta`'s.
 */
export function scheduleMetaRegistry<
  const L extends readonly { id: string; lr?: unknown }[],
  K extends string = L[number]['id'],
>(list: L) {
  const scheduleMeta = Object.fromEntries(list.map((m) => [m.id, m])) as {
    readonly [I in L[number]['id']]: Extract<L[number], { id: I }>
  }
  const scheduleKinds: readonly K[] = list.map((m) => m.id as K)
  return {
    scheduleMetaList: list as L & readonly ScheduleMeta<K>[],
    scheduleMeta,
    scheduleKinds,
    /** The kinds whose η_t depends on t alone (all but plateau): what a trajectory accepts. */
    stepScheduleKinds: list.filter((m) => m.lr !== undefined).map((m) => m.id as K) as readonly K[],
    /** True for the strings that name a schedule kind. */
    isScheduleKind: (v: unknown): v is K => typeof v === 'string' && Object.hasOwn(scheduleMeta, v),
    /** The meta of `kind`, typed for any kind. */
    getScheduleMeta: (kind: K): ScheduleMeta<K> =>
      (scheduleMeta as unknown as Record<string, ScheduleMeta<K>>)[kind],
  }
}
