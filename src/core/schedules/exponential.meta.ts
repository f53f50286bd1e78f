import { defineScheduleMeta, slider, unitFactor } from './scheduleMeta'

/**
 * Exponential decay: η_t = η·decay^(t/decaySteps), with the exponent floored when `staircase` (TF's
 * `exponential_decay`). The PKU course uses η = 0.2, decay = 0.99, decaySteps = 1: 0.2, 0.198, 0.19602, …,
 * 0.07394592752994529 at t = 99. decay ∈ (0, 1], decaySteps ∈ (0, 10⁶] (default 1), staircase default false.
 */
export const exponentialMeta = defineScheduleMeta({
  id: 'exponential',
  name: { en: 'Exponential decay', zh: '指数衰减' },
  formula: '\\eta_t = \\eta \\cdot \\mathrm{decay}^{\\,t/T_{\\mathrm{decay}}}',
  reference: 'PKU TensorFlow course; tf.compat.v1.train.exponential_decay',
  fields: [
    {
      key: 'decay',
      type: 'number',
      name: { en: 'decay rate', zh: '衰减率' },
      domain: unitFactor,
      slider: slider('\\mathrm{decay}', { min: 0.9, max: 1, step: 0.0001, default: 0.99 }),
    },
    {
      key: 'decaySteps',
      type: 'number',
      name: { en: 'decay steps', zh: '衰减步数' },
      domain: { min: 0, minExclusive: true, max: 1_000_000, cap: true },
      slider: slider('T_{\\mathrm{decay}}', { min: 1, max: 10000, step: 1, default: 1 }, true),
    },
    {
      key: 'staircase',
      type: 'boolean',
      name: { en: 'Staircase', zh: '阶梯式衰减' },
      domain: { min: 0, max: 1, integer: true },
      optional: true,
    },
  ],
  defaults: { kind: 'exponential', decay: 0.99, decaySteps: 1, staircase: false },
  // The PKU course's decay.
  raceDefault: () => ({ kind: 'exponential', decay: 0.99, decaySteps: 1 }),
  lr(base, spec, t) {
    const e = t / spec.decaySteps
    return base * Math.pow(spec.decay, spec.staircase === true ? Math.floor(e) : e)
  },
})
