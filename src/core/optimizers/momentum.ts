import type { Bilingual, Convention } from '../types'
import type { ConventionRule, OptimizerEntry, StateKeySpec } from './optimizerEntry'
import { hyper, hyperParam, makeOptimizer, weightDecayParam } from './optimizerEntry'

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
 * Gradient descent with momentum (`momentum` = λ in the lecture and the frameworks, β in the course; default
 * 0.9). State `m` (length n), whose meaning follows the convention:
 * - `lecture`: m ← λm − η_t·g ; θ ← θ + m (m is the movement itself, LECTURES S7);
 * - `pytorch`, `tensorflow`: m ← λm + g ; θ ← θ − η_t·m (PyTorch's buffer b, no dampening);
 * - `course`: m ← βm + (1 − β)g ; θ ← θ − η_t·m (an exponential average).
 * The first three coincide under a constant η and differ under a schedule. g includes `weightDecay`·θ.
 */
export const momentum: OptimizerEntry = {
  id: 'momentum',
  name: { en: 'Momentum', zh: '动量法（Momentum）' },
  conventions: { lecture, pytorch: framework, tensorflow: framework, course } satisfies Record<
    Convention,
    ConventionRule
  >,
  create(spec, n) {
    const mu = hyper(spec, 'momentum')
    const wd = hyper(spec, 'weightDecay')
    const m = new Float64Array(n)
    const reset = () => m.fill(0)
    switch (spec.convention) {
      case 'lecture':
        return makeOptimizer(
          spec,
          { m },
          (theta, grad, lr) => {
            for (let i = 0; i < n; i++) {
              const mi = mu * m[i] - lr * (grad[i] + wd * theta[i])
              m[i] = mi
              theta[i] += mi
            }
            return true
          },
          reset,
        )
      case 'course': {
        const c = 1 - mu
        return makeOptimizer(
          spec,
          { m },
          (theta, grad, lr) => {
            for (let i = 0; i < n; i++) {
              const mi = mu * m[i] + c * (grad[i] + wd * theta[i])
              m[i] = mi
              theta[i] -= lr * mi
            }
            return true
          },
          reset,
        )
      }
      default:
        return makeOptimizer(
          spec,
          { m },
          (theta, grad, lr) => {
            for (let i = 0; i < n; i++) {
              const mi = mu * m[i] + grad[i] + wd * theta[i]
              m[i] = mi
              theta[i] -= lr * mi
            }
            return true
          },
          reset,
        )
    }
  },
  run2d(spec) {
    const mu = hyper(spec, 'momentum')
    const wd = hyper(spec, 'weightDecay')
    const conv = spec.convention
    const c = 1 - mu
    return (r, from, to) => {
      const mem = r.mem
      const out0 = r.s0
      let x = mem[0]
      let y = mem[1]
      let m0 = mem[2]
      let m1 = mem[3]
      let t = from
      for (; t < to; t++) {
        const lr = r.eta(t)
        r.gradient(t)
        if (conv === 'lecture') {
          m0 = mu * m0 - lr * (r.gx + wd * x)
          m1 = mu * m1 - lr * (r.gy + wd * y)
          x += m0
          y += m1
        } else if (conv === 'course') {
          m0 = mu * m0 + c * (r.gx + wd * x)
          m1 = mu * m1 + c * (r.gy + wd * y)
          x -= lr * m0
          y -= lr * m1
        } else {
          m0 = mu * m0 + r.gx + wd * x
          m1 = mu * m1 + r.gy + wd * y
          x -= lr * m0
          y -= lr * m1
        }
        out0[2 * t] = m0
        out0[2 * t + 1] = m1
        if (!r.point(t, x, y)) break
      }
      mem[0] = x
      mem[1] = y
      mem[2] = m0
      mem[3] = m1
      return t
    }
  },
}
