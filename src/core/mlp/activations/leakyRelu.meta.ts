import type { ActivationMeta } from './activation'

/** The UI's names and TeX for `leakyRelu` (./leakyRelu.ts holds the kernels and their derivation). */
export const leakyReluMeta: ActivationMeta = {
  id: 'leaky-relu',
  label: { en: 'Leaky ReLU (slope 0.01)', zh: 'Leaky ReLU（斜率 0.01）' },
  formula: 'f(z)=\\begin{cases}z & z>0\\\\ 0.01\\,z & z\\le 0\\end{cases}',
  derivativeFormula: "f'(z)=\\begin{cases}1 & z>0\\\\ 0.01 & z\\le 0\\end{cases}",
}
