import type { LossMeta } from './loss'

/** The UI's names and TeX for `mse` (./mse.ts holds the kernels and their derivation). */
export const mseMeta: LossMeta = {
  id: 'mse',
  label: { en: 'mean squared error', zh: '均方误差' },
  formula: 'L=\\frac{1}{B}\\sum_n (\\hat y^n - y^n)^2',
}
