import type { ActivationMeta } from './activation'

/** The UI's names and TeX for `tanh` (./tanh.ts holds the kernels and their derivation). */
export const tanhMeta: ActivationMeta = {
  id: 'tanh',
  label: { en: 'tanh', zh: 'tanh' },
  formula: 'f(z)=\\tanh z',
  derivativeFormula: "f'(z)=1-\\tanh^2 z",
}
