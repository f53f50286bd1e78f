import type { ScheduleEntry } from './scheduleEntry'

/** η_t = η for every t (what an omitted schedule means). */
export const constant: ScheduleEntry<'constant'> = {
  id: 'constant',
  name: { en: 'Constant', zh: '固定学习率' },
  formula: '\\eta_t = \\eta',
  reference: '',
  params: [],
  defaults: { kind: 'constant' },
  lr: (base) => base,
  validate: () => ({ kind: 'constant' }),
}
