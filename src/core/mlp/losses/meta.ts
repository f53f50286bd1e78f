import type { LossKind } from '../types'
import { crossEntropyMeta } from './crossEntropy.meta'
import type { LossMeta } from './loss'
import { mseMeta } from './mse.meta'

export type { LossMeta } from './loss'

/**
 * The data terms' names and TeX, in UI order: the main thread's registry (./index.ts adds the kernels). Keyed
 * by every `LossKind`, so a kind without an entry is a type error.
 */
export const lossMetas: Readonly<Record<LossKind, LossMeta>> = {
  mse: mseMeta,
  'cross-entropy': crossEntropyMeta,
}

/** Loss ids in UI order. */
export const lossIds = Object.keys(lossMetas) as LossKind[]
