import type { ActivationKind } from '../types'
import type { ActivationMeta } from './activation'
import { leakyReluMeta } from './leakyRelu.meta'
import { linearMeta } from './linear.meta'
import { reluMeta } from './relu.meta'
import { sigmoidMeta } from './sigmoid.meta'
import { tanhMeta } from './tanh.meta'

export type { ActivationMeta } from './activation'

/**
 * The hidden-layer activations' names and TeX, in UI order: the main thread's registry (./index.ts adds the
 * kernels). Keyed by every `ActivationKind`, so a kind without an entry is a type error.
 */
export const activationMetas: Readonly<Record<ActivationKind, ActivationMeta>> = {
  relu: reluMeta,
  'leaky-relu': leakyReluMeta,
  tanh: tanhMeta,
  sigmoid: sigmoidMeta,
  linear: linearMeta,
}

/** Activation ids in UI order. */
export const activationIds = Object.keys(activationMetas) as ActivationKind[]
