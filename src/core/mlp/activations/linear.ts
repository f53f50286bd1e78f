import type { Activation } from './activation'
import { linearMeta } from './linear.meta'

/** Identity f(z) = z, f′ = 1 (a stack of linear layers is still one linear map: a lesson, not a bug). */
export const linear: Activation = {
  ...linearMeta,
  f: (z) => z,
  derivative: () => 1,
  negativeSlope: 1,
  slope: [1, 1, 0, 0],
  kernel: 0,
}
