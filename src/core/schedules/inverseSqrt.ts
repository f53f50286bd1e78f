import type { ScheduleEntry } from './scheduleEntry'

/**
 * Inverse square-root decay of Li Hongyi's 2017 lecture: η_t = η/√(t + 1). With the lecture's RMS Adagrad
 * it reproduces the 2017 "sum" Adagrad exactly (σ_t·√(t+1) = √Σg²).
 */
export const inverseSqrt: ScheduleEntry<'inverse-sqrt'> = {
  id: 'inverse-sqrt',
  name: { en: 'Inverse square root', zh: '平方根倒数衰减' },
  formula: '\\eta_t = \\frac{\\eta}{\\sqrt{t + 1}}',
  reference: 'Li Hongyi 2017',
  params: [],
  defaults: { kind: 'inverse-sqrt' },
  lr: (base, _spec, t) => base / Math.sqrt(t + 1),
  validate: () => ({ kind: 'inverse-sqrt' }),
}
