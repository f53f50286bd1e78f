import type { ActivationMeta } from './activation'

/** The UI's names and TeX for `linear` (./linear.ts holds the kernels and their derivation). */
export const linearMeta: ActivationMeta = {
  id: 'linear',
  label: { en: 'linear (none)', zh: '线性（无激活）' },
  formula: 'f(z)=z',
  derivativeFormula: "f'(z)=1",
}
