import type { Activation } from './activation'

/** Identity f(z) = z, f′ = 1 (a stack of linear layers is still one linear map: a lesson, not a bug). */
export const linear: Activation = {
  id: 'linear',
  label: { en: 'linear (none)', zh: '线性（无激活）' },
  formula: 'f(z)=z',
  derivativeFormula: "f'(z)=1",
  f: (z) => z,
  derivative: () => 1,
  negativeSlope: 1,
  slope: [1, 1, 0, 0],
  kernel: 0,
}
