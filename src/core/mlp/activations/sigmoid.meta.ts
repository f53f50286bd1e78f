import type { ActivationMeta } from './activation'

/** The UI's names and TeX for `sigmoid` (./sigmoid.ts holds the kernels and their derivation). */
export const sigmoidMeta: ActivationMeta = {
  id: 'sigmoid',
  label: { en: 'sigmoid', zh: 'sigmoid' },
  formula: '\\sigma(z)=\\frac{1}{1+e^{-z}}',
  derivativeFormula: "\\sigma'(z)=\\sigma(z)\\,(1-\\sigma(z))",
}
