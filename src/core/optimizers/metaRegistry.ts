import type { Convention } from '../types'
import type { OptimizerMeta } from './optimizerMeta'

/** Every convention, in display order; `lecture` is the app's default. */
export const conventions: readonly Convention[] = ['lecture', 'pytorch', 'tensorflow', 'course']

/**
 * The lookups of an optimizer meta list, all derived from the list (its order is the display order). A
 * test may build them over a longer list (a toy kind) and hand them out in place of `./meta`'s.
 */
export function optimizerMetaRegistry<
  const L extends readonly OptimizerMeta<string>[],
  K extends string = L[number]['id'],
>(list: L) {
  const optimizerMeta = Object.fromEntries(list.map((m) => [m.id, m])) as Readonly<
    Record<K, OptimizerMeta<K>>
  >
  const optimizerKinds: readonly K[] = list.map((m) => m.id as K)
  /** The conventions that define `kind`, in display order. */
  const supportedConventions = (kind: K): Convention[] =>
    conventions.filter((c) => optimizerMeta[kind].conventions[c] !== undefined)
  return {
    optimizerMetaList: list,
    optimizerMeta,
    optimizerKinds,
    /** The kinds in the order `addRacer` offers them (each meta's `addOrder`). */
    optimizerAddOrder: [...list]
      .sort((a, b) => a.addOrder - b.addOrder)
      .map((m) => m.id as K) as readonly K[],
    /** True for the strings that name an optimizer kind. */
    isOptimizerKind: (v: unknown): v is K => typeof v === 'string' && Object.hasOwn(optimizerMeta, v),
    supportedConventions,
    /** The convention an omitted `convention` means: `lecture` where the kind has one, else its first one. */
    defaultConvention: (kind: K): Convention => supportedConventions(kind)[0],
  }
}
