import type { ScheduleEntry } from './scheduleEntry'
import { field, finalParam, finiteNonNegative, integerField, param } from './scheduleEntry'

/**
 * Polynomial decay (PyTorch `PolynomialLR` with final = 0, d2l `PolyScheduler`):
 * η_t = (η − final)·(1 − min(t, T)/T)^power + final, reaching `final` at t = T and staying there.
 * T (`totalSteps`) an integer ≥ 1, power > 0, final ≥ 0 (default 0).
 */
export const polynomial: ScheduleEntry<'polynomial'> = {
  id: 'polynomial',
  name: { en: 'Polynomial decay', zh: '多项式衰减' },
  formula:
    '\\eta_t = (\\eta - \\eta_{\\mathrm{final}})\\left(1 - \\frac{\\min(t, T)}{T}\\right)^{p} + \\eta_{\\mathrm{final}}',
  reference: 'PyTorch PolynomialLR; d2l PolyScheduler',
  params: [
    param('totalSteps', { en: 'total steps', zh: '总步数' }, 'T', {
      min: 1,
      max: 100000,
      step: 1,
      default: 1000,
      integer: true,
    }),
    param('power', { en: 'power', zh: '幂次' }, 'p', { min: 0.1, max: 4, step: 0.1, default: 1 }),
    finalParam,
  ],
  defaults: { kind: 'polynomial', totalSteps: 1000, power: 1, final: 0 },
  lr(base, spec, t) {
    const T = spec.totalSteps
    const final = spec.final ?? 0
    return (base - final) * Math.pow(1 - Math.min(t, T) / T, spec.power) + final
  },
  validate(raw, path) {
    const totalSteps = integerField(raw, 'totalSteps', path, 1)
    const power = field(raw, 'power', path, 'a finite number > 0', (v) => v > 0 && v < Infinity)
    if (raw.final === undefined) return { kind: 'polynomial', totalSteps, power }
    const final = field(raw, 'final', path, finiteNonNegative.allowed, finiteNonNegative.test)
    return { kind: 'polynomial', totalSteps, power, final }
  },
}
