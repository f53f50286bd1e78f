import type { ActivationKind } from '../types'
import type { Activation } from './activation'
import { relu } from './relu'
import { leakyRelu } from './leakyRelu'
import { tanh } from './tanh'
import { sigmoid } from './sigmoid'
import { linear } from './linear'

export type { Activation, ActivationKernel } from './activation'
export { LEAKY_SLOPE } from './leakyRelu'

/** Registry of hidden-layer activations, in UI order. */
export const activations: Record<ActivationKind, Activation> = {
  relu,
  'leaky-relu': leakyRelu,
  tanh,
  sigmoid,
  linear,
}

/** Activation ids in UI order. */
export const activationIds = Object.keys(activations) as ActivationKind[]
