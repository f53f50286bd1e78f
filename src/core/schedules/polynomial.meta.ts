import { defineScheduleMeta, finalField, slider, stepsDomain } from './scheduleMeta'

/**
 * Polynomial decay (PyTorch `PolynomialLR` with final = 0, d2l `PolyScheduler`):
 * η_t = (η − final)·(1 − min(t, T)/T)^power + final, reaching `final` at t = T and staying there.
 * T (`totalSteps`) an integer in 1..10⁶, power ∈ (0, 100], final ∈ [0, 10⁴] (default 0). A race starts with
 * a linear decay over the whole race.
 */
export const polynomialMeta = defineScheduleMeta({
  id: 'polynomial',
  name: { en: 'Polynomial decay', zh: '多项式衰减' },
  formula:
    '\\eta_t = (\\eta - \\eta_{\\mathrm{final}})\\left(1 - \\frac{\\min(t, T)}{T}\\right)^{p} + \\eta_{\\mathrm{final}}',
  reference: 'PyTorch PolynomialLR; d2l PolyScheduler',
  fields: [
    {
      key: 'totalSteps',
      type: 'number',
      name: { en: 'total steps', zh: '总步数' },
      domain: stepsDomain,
      slider: slider('T', { min: 1, max: 100000, step: 1, default: 1000 }, true),
    },
    {
      key: 'power',
      type: 'number',
      name: { en: 'power', zh: '幂次' },
      domain: { min: 0, minExclusive: true, max: 100, cap: true },
      slider: slider('p', { min: 0.1, max: 4, step: 0.1, default: 1 }),
    },
    finalField,
  ],
  defaults: { kind: 'polynomial', totalSteps: 1000, power: 1, final: 0 },
  raceDefault: (steps) => ({ kind: 'polynomial', totalSteps: steps, power: 1 }),
  lr(base, spec, t) {
    const T = spec.totalSteps
    const final = spec.final ?? 0
    return (base - final) * Math.pow(1 - Math.min(t, T) / T, spec.power) + final
  },
})
