import { defineScheduleMeta, slider, stepsDomain, unitFactor } from './scheduleMeta'

/**
 * Step decay (PyTorch `StepLR`): η_t = η·γ^⌊t/stepSize⌋, so η drops by γ at t = stepSize, 2·stepSize, ….
 * stepSize an integer in 1..10⁶, γ ∈ (0, 1]. A race starts by halving η every quarter of the race.
 */
export const stepMeta = defineScheduleMeta({
  id: 'step',
  name: { en: 'Step decay', zh: '阶梯衰减' },
  formula: '\\eta_t = \\eta \\cdot \\gamma^{\\lfloor t / T_{\\mathrm{step}} \\rfloor}',
  reference: 'PyTorch StepLR',
  fields: [
    {
      key: 'stepSize',
      type: 'number',
      name: { en: 'step size', zh: '间隔步数' },
      domain: stepsDomain,
      slider: slider('T_{\\mathrm{step}}', { min: 1, max: 10000, step: 1, default: 100 }, true),
    },
    {
      key: 'gamma',
      type: 'number',
      name: { en: 'decay factor', zh: '衰减倍数' },
      domain: unitFactor,
      slider: slider('\\gamma', { min: 0.01, max: 1, step: 0.01, default: 0.1 }),
    },
  ],
  defaults: { kind: 'step', stepSize: 100, gamma: 0.1 },
  raceDefault: (steps) => ({ kind: 'step', stepSize: Math.max(1, Math.round(steps / 4)), gamma: 0.5 }),
  lr: (base, spec, t) => base * Math.pow(spec.gamma, Math.floor(t / spec.stepSize)),
})
