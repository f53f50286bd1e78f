import type { ScheduleEntry } from './scheduleEntry'
import { field, integerField, param, unitFactor } from './scheduleEntry'

/**
 * Step decay (PyTorch `StepLR`): η_t = η·γ^⌊t/stepSize⌋, so η drops by γ at t = stepSize, 2·stepSize, ….
 * stepSize an integer ≥ 1, γ ∈ (0, 1].
 */
export const step: ScheduleEntry<'step'> = {
  id: 'step',
  name: { en: 'Step decay', zh: '阶梯衰减' },
  formula: '\\eta_t = \\eta \\cdot \\gamma^{\\lfloor t / T_{\\mathrm{step}} \\rfloor}',
  reference: 'PyTorch StepLR',
  params: [
    param('stepSize', { en: 'step size', zh: '间隔步数' }, 'T_{\\mathrm{step}}', {
      min: 1,
      max: 10000,
      step: 1,
      default: 100,
      integer: true,
    }),
    param('gamma', { en: 'decay factor', zh: '衰减倍数' }, '\\gamma', {
      min: 0.01,
      max: 1,
      step: 0.01,
      default: 0.1,
    }),
  ],
  defaults: { kind: 'step', stepSize: 100, gamma: 0.1 },
  lr: (base, spec, t) => base * Math.pow(spec.gamma, Math.floor(t / spec.stepSize)),
  validate(raw, path) {
    const stepSize = integerField(raw, 'stepSize', path, 1)
    const gamma = field(raw, 'gamma', path, unitFactor.allowed, unitFactor.test)
    return { kind: 'step', stepSize, gamma }
  },
}
