import type { ActivationKind } from '../types'
import type { Activation } from './activation'
import { relu } from './relu'
import { leakyRelu } from './leakyRelu'
import { tanh } from './tanh'
import { sigmoid } from './sigmoid'
import { linear } from './linear'

export type { Activation, ActivationKernel, ActivationMeta } from './activation'
export { LEAKY_SLOPE } from './leakyRelu'
export { activationMetas, activationIds } from './meta'

/** Registry of hidden-layer activations with their kernels, in UI order (`activationIds`, ./meta.ts). */
export const activations: Record<ActivationKind, Activation> = {
  relu,
  'leaky-relu': leakyRelu,
  tanh,
  sigmoid,
  linear,
}
