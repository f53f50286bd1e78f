import { defineScheduleMeta } from './scheduleMeta'

/** η_t = η for every t (what an omitted schedule means). */
export const constantMeta = defineScheduleMeta({
  id: 'constant',
  name: { en: 'Constant', zh: '固定学习率' },
  formula: '\\eta_t = \\eta',
  reference: '',
  identity: true,
  fields: [],
  defaults: { kind: 'constant' },
  raceDefault: () => ({ kind: 'constant' }),
  lr: (base) => base,
})
