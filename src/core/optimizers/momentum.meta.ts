import type { Bilingual, Convention } from '../types'
import type { ConventionRule, StateKeySpec } from './optimizerMeta'
import { defineOptimizerMeta, hyperParam, weightDecayParam } from './optimizerMeta'

const movement: StateKeySpec = { key: 'm', name: { en: 'movement', zh: '移动量（动量）' }, tex: 'm' }
const buffer: StateKeySpec = {
  key: 'm',
  name: { en: 'momentum buffer (sum of past gradients)', zh: '动量缓冲（过去梯度的加权和）' },
  tex: 'm',
}
const average: StateKeySpec = {
  key: 'm',
  name: { en: 'moving average of the gradient', zh: '梯度的移动平均' },
  tex: 'm',
}
const scheduleNote: Bilingual = {
  en: 'With a constant η this is the lecture rule with m_lecture = −η·m; under a schedule the new η_t scales the whole history.',
  zh: 'η 固定时与课程写法相同（课程的 m = −η·m）；有学习率调度时，新的 η_t 会作用在整段历史上。',
}

const lecture: ConventionRule = {
  rule: '\\begin{aligned} m &\\leftarrow \\lambda\\, m - \\eta_t\\, g \\\\ \\theta &\\leftarrow \\theta + m \\end{aligned}',
  stateKeys: [movement],
  hyperParams: [hyperParam('lr', 0.01), hyperParam('momentum', 0.9), weightDecayParam],
  hasVelocity: true,
  note: {
    en: 'The movement is the negative gradient plus λ times the previous movement; each past η stays inside m.',
    zh: '这一步的移动 = 负梯度 + λ 倍的上一步移动；过去的 η 留在 m 里面。',
  },
}
const framework: ConventionRule = {
  rule: '\\begin{aligned} m &\\leftarrow \\lambda\\, m + g \\\\ \\theta &\\leftarrow \\theta - \\eta_t\\, m \\end{aligned}',
  stateKeys: [buffer],
  hyperParams: [hyperParam('lr', 0.01), hyperParam('momentum', 0.9), weightDecayParam],
  note: scheduleNote,
  hasVelocity: true,
}
const course: ConventionRule = {
  rule: '\\begin{aligned} m &\\leftarrow \\beta\\, m + (1-\\beta)\\, g \\\\ \\theta &\\leftarrow \\theta - \\eta_t\\, m \\end{aligned}',
  stateKeys: [average],
  hyperParams: [hyperParam('lr', 0.01), hyperParam('momentum', 0.9, '\\beta'), weightDecayParam],
  note: {
    en: 'm is an average, not a sum: steady steps are (1 − β) = 10× smaller than the other forms at β = 0.9.',
    zh: 'm 是平均而不是累加：β = 0.9 时，稳定后的步长是其他写法的 1/10。',
  },
}

/**
 * Gradient descent with momentum (`momentum` = λ in the lecture and the frameworks, β in the course). A new
 * racer starts at η = 0.05 with λ = 0.9 (the lecture's values on the saddle).
 */
export const momentumMeta = defineOptimizerMeta({
  id: 'momentum',
  name: { en: 'Momentum', zh: '动量法' },
  conventions: { lecture, pytorch: framework, tensorflow: framework, course } satisfies Record<
    Convention,
    ConventionRule
  >,
  teachingLr: 0.05,
  addOrder: 1,
  capabilities: {},
  cardNotes: [
    {
      id: 'momentumSchedule',
      when: { scheduled: true },
      text: {
        en: "Under a schedule the lecture's momentum keeps the old η inside m, while PyTorch applies the new η to the whole history",
        zh: '使用学习率调度时，课程的动量法让 m 里保留旧的 η，而 PyTorch 会把新的 η 用在全部历史上',
      },
    },
  ],
})
