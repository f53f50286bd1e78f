import type { LossMeta } from './loss'

/** The UI's names and TeX for `crossEntropy` (./crossEntropy.ts holds the kernels and their derivation). */
export const crossEntropyMeta: LossMeta = {
  id: 'cross-entropy',
  label: { en: 'cross-entropy', zh: '交叉熵' },
  formula: 'L=-\\frac{1}{B}\\sum_n \\left[\\hat y^n\\ln y^n + (1-\\hat y^n)\\ln(1-y^n)\\right]',
}
