import type { ActivationMeta } from './activation'

/** The UI's names and TeX for `relu` (./relu.ts holds the kernels and their derivation). */
export const reluMeta: ActivationMeta = {
  id: 'relu',
  label: { en: 'ReLU', zh: 'ReLU' },
  formula: 'f(z)=\\max(0,z)',
  derivativeFormula: "f'(z)=\\begin{cases}1 & z>0\\\\ 0 & z\\le 0\\end{cases}",
}
