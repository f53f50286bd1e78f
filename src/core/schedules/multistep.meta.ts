import { defineScheduleMeta, slider, unitFactor } from './scheduleMeta'

/**
 * Multi-step decay (PyTorch `MultiStepLR`, d2l `MultiFactorScheduler`): η_t = η·γ^k with k the number of
 * milestones ≤ t, so η drops by γ exactly at each milestone. Milestones: 1 to 32 integers in 0..10⁶,
 * strictly increasing; γ ∈ (0, 1]. A race starts with drops at one half and three quarters of the race.
 */
export const multistepMeta = defineScheduleMeta({
  id: 'multistep',
  name: { en: 'Multi-step decay', zh: '多阶段衰减' },
  formula: '\\eta_t = \\eta \\cdot \\gamma^{\\,|\\{\\, s \\in \\mathrm{milestones} \\,:\\, s \\le t \\,\\}|}',
  reference: 'PyTorch MultiStepLR; d2l MultiFactorScheduler',
  fields: [
    {
      key: 'milestones',
      type: 'list',
      name: { en: 'Milestones', zh: '里程碑' },
      domain: { min: 0, max: 1_000_000, integer: true, cap: true },
      length: { min: 1, max: 32 },
      increasing: true,
    },
    {
      key: 'gamma',
      type: 'number',
      name: { en: 'decay factor', zh: '衰减倍数' },
      domain: unitFactor,
      slider: slider('\\gamma', { min: 0.01, max: 1, step: 0.01, default: 0.1 }),
    },
  ],
  defaults: { kind: 'multistep', milestones: [100, 200], gamma: 0.1 },
  raceDefault(steps) {
    const quarter = Math.max(1, Math.round(steps / 4))
    return { kind: 'multistep', milestones: [2 * quarter, 3 * quarter], gamma: 0.1 }
  },
  lr(base, spec, t) {
    const ms = spec.milestones
    let k = 0
    for (let i = 0; i < ms.length; i++) if (ms[i] <= t) k++
    return base * Math.pow(spec.gamma, k)
  },
})
