import { defineScheduleMeta } from './scheduleMeta'

/**
 * Inverse square-root decay of Li Hongyi's 2017 lecture: η_t = η/√(t + 1). With the lecture's RMS Adagrad
 * it reproduces the 2017 "sum" Adagrad exactly (σ_t·√(t+1) = √Σg²).
 */
export const inverseSqrtMeta = defineScheduleMeta({
  id: 'inverse-sqrt',
  name: { en: 'η/√(t+1) (2017 lecture)', zh: 'η/√(t+1)（2017 年课程）' },
  formula: '\\eta_t = \\frac{\\eta}{\\sqrt{t + 1}}',
  reference: 'Li Hongyi 2017',
  fields: [],
  defaults: { kind: 'inverse-sqrt' },
  raceDefault: () => ({ kind: 'inverse-sqrt' }),
  lr: (base, _spec, t) => base / Math.sqrt(t + 1),
})
