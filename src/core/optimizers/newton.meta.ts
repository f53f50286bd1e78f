import type { Convention } from '../types'
import type { ConventionRule } from './optimizerMeta'
import { defineOptimizerMeta, hyperParam } from './optimizerMeta'

const rule: ConventionRule = {
  rule: '\\theta \\leftarrow \\theta - \\eta_t\\, H^{-1} g',
  stateKeys: [],
  hyperParams: [hyperParam('lr', 1)],
  note: {
    en: 'Second-order reference: it jumps to the stationary point of the local quadratic — a saddle as readily as a minimum.',
    zh: '二阶方法作对照：直接跳到局部二次近似的临界点——鞍点和极小值一样会吸引它。',
  },
}

/** Newton's method: θ ← θ − η_t·H⁻¹g with the surface's analytic 2×2 Hessian; a new racer takes the full step. */
export const newtonMeta = defineOptimizerMeta({
  id: 'newton',
  name: { en: "Newton's method", zh: '牛顿法' },
  conventions: { lecture: rule, pytorch: rule, tensorflow: rule, course: rule } satisfies Record<
    Convention,
    ConventionRule
  >,
  teachingLr: 1,
  addOrder: 7,
  capabilities: { needsHessian: true, twoDimensionalOnly: true },
})
