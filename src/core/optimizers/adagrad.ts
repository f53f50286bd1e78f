import type { Convention } from '../types'
import type { ConventionRule, OptimizerEntry, StateKeySpec } from './optimizerEntry'
import { hyper, hyperParam, makeOptimizer, rateKey, weightDecayParam } from './optimizerEntry'

const sigma: StateKeySpec = {
  key: 'sigma',
  name: { en: 'root mean square of past gradients', zh: '过去梯度的均方根' },
  tex: '\\sigma_t',
}
const sum: StateKeySpec = { key: 's', name: { en: 'sum of squared gradients', zh: '梯度平方和' }, tex: 's' }
const rate = rateKey('\\eta_t/\\sigma')

const lecture: ConventionRule = {
  rule: '\\begin{aligned} \\sigma_t &= \\sqrt{\\tfrac{1}{t+1}\\textstyle\\sum_{\\tau=0}^{t} g_\\tau^2} \\\\ \\theta &\\leftarrow \\theta - \\frac{\\eta_t}{\\sigma_t}\\, g \\end{aligned}',
  stateKeys: [sigma, rateKey('\\eta_t/\\sigma_t')],
  hyperParams: [hyperParam('lr', 0.1), weightDecayParam],
  note: {
    en: 'σ is the root mean square of all past gradients (σ₀ = |g₀|, so the first step is η·sign(g)); no ε and no built-in 1/√t decay.',
    zh: 'σ 是过去所有梯度的均方根（σ₀ = |g₀|，第一步正好是 η·sign(g)）；没有 ε，也没有内建的 1/√t 衰减。',
  },
}
const pytorch: ConventionRule = {
  rule: '\\begin{aligned} s &\\leftarrow s + g^2 \\\\ \\sigma &= \\sqrt{s} + \\epsilon \\\\ \\theta &\\leftarrow \\theta - \\frac{\\eta_t}{\\sigma}\\, g \\end{aligned}',
  stateKeys: [sum, rate],
  hyperParams: [
    hyperParam('lr', 0.01),
    hyperParam('initialAccumulator', 0),
    hyperParam('eps', 1e-10),
    weightDecayParam,
  ],
  note: {
    en: 'A sum, not a mean: the effective rate decays like 1/√t by itself. ε is added outside the root.',
    zh: '累加而不是平均：有效学习率自己就会像 1/√t 一样衰减。ε 加在根号外。',
  },
}
const tensorflow: ConventionRule = {
  rule: '\\begin{aligned} s &\\leftarrow s + g^2 \\\\ \\sigma &= \\sqrt{s + \\epsilon} \\\\ \\theta &\\leftarrow \\theta - \\frac{\\eta_t}{\\sigma}\\, g \\end{aligned}',
  stateKeys: [sum, rate],
  hyperParams: [
    hyperParam('lr', 0.01),
    hyperParam('initialAccumulator', 0.1),
    hyperParam('eps', 1e-7),
    weightDecayParam,
  ],
  note: {
    en: 'TF.js starts the accumulator at 0.1 and puts ε inside the root, so early steps are smaller than PyTorch’s.',
    zh: 'TF.js 的累加器从 0.1 开始，ε 放在根号里，所以前几步比 PyTorch 的小。',
  },
}
const course: ConventionRule = {
  rule: '\\begin{aligned} s &\\leftarrow s + g^2 \\\\ \\sigma &= \\sqrt{s} \\\\ \\theta &\\leftarrow \\theta - \\frac{\\eta_t}{\\sigma}\\, g \\end{aligned}',
  stateKeys: [sum, rate],
  hyperParams: [hyperParam('lr', 0.1), weightDecayParam],
  note: {
    en: 'The course’s hand-written Adagrad: the plain sum of squares, no ε.',
    zh: '北大课程手写的 Adagrad：直接累加梯度平方，没有 ε。',
  },
}

/**
 * Adagrad: a per-parameter rate η_t/σ from the history of squared gradients (CONVENTIONS.md).
 * - `lecture` (state `sigma`, `rate`): σ_t = √((1/(t+1))·Σ_{τ≤t} g_τ²), the root *mean* square, σ₀ = |g₀|;
 *   θ ← θ − (η_t/σ_t)·g, no ε (first step η·sign(g)). t counts the optimizer's own steps since reset.
 * - `pytorch` (state `s`, `rate`): s ← s + g², s₀ = `initialAccumulator` (0); θ ← θ − η_t·g/(√s + ε), ε 1e−10.
 * - `tensorflow` (state `s`, `rate`): s₀ = `initialAccumulator` (0.1); θ ← θ − η_t·g/√(s + ε), ε 1e−7.
 * - `course` (state `s`, `rate`): s ← s + g² from 0; θ ← θ − η_t·g/√s, no ε.
 * `rate` = η_t/σ (the effective per-parameter learning rate, 0 when the rule below applied). A zero
 * denominator (zero gradient with zero history) takes a zero step. g includes `weightDecay`·θ.
 */
export const adagrad: OptimizerEntry = {
  id: 'adagrad',
  name: { en: 'Adagrad', zh: 'Adagrad' },
  conventions: { lecture, pytorch, tensorflow, course } satisfies Record<Convention, ConventionRule>,
  create(spec, n) {
    const wd = hyper(spec, 'weightDecay')
    const r = new Float64Array(n)
    if (spec.convention === 'lecture') {
      const sig = new Float64Array(n)
      const sumSq = new Float64Array(n)
      let count = 0
      return makeOptimizer(
        spec,
        { sigma: sig, rate: r },
        (theta, grad, lr) => {
          count++
          const invSqrtCount = 1 / Math.sqrt(count)
          for (let i = 0; i < n; i++) {
            const g = grad[i] + wd * theta[i]
            const si = sumSq[i] + g * g
            sumSq[i] = si
            const d = Math.sqrt(si) * invSqrtCount
            sig[i] = d
            const ri = d > 0 ? lr / d : 0
            r[i] = ri
            theta[i] -= ri * g
          }
          return true
        },
        () => {
          count = 0
          sig.fill(0)
          sumSq.fill(0)
          r.fill(0)
        },
      )
    }
    const conv = spec.convention
    const s0 = conv === 'course' ? 0 : hyper(spec, 'initialAccumulator')
    const eps = conv === 'course' ? 0 : hyper(spec, 'eps')
    const s = new Float64Array(n).fill(s0)
    const reset = () => {
      s.fill(s0)
      r.fill(0)
    }
    if (conv === 'tensorflow') {
      return makeOptimizer(
        spec,
        { s, rate: r },
        (theta, grad, lr) => {
          for (let i = 0; i < n; i++) {
            const g = grad[i] + wd * theta[i]
            const si = s[i] + g * g
            s[i] = si
            const d = Math.sqrt(si + eps)
            const ri = d > 0 ? lr / d : 0
            r[i] = ri
            theta[i] -= ri * g
          }
          return true
        },
        reset,
      )
    }
    // pytorch (ε outside the root) and course (ε = 0) share one form.
    return makeOptimizer(
      spec,
      { s, rate: r },
      (theta, grad, lr) => {
        for (let i = 0; i < n; i++) {
          const g = grad[i] + wd * theta[i]
          const si = s[i] + g * g
          s[i] = si
          const d = Math.sqrt(si) + eps
          const ri = d > 0 ? lr / d : 0
          r[i] = ri
          theta[i] -= ri * g
        }
        return true
      },
      reset,
    )
  },
  run2d(spec) {
    const wd = hyper(spec, 'weightDecay')
    const conv = spec.convention
    const lecture = conv === 'lecture'
    const inside = conv === 'tensorflow'
    const eps = lecture || conv === 'course' ? 0 : hyper(spec, 'eps')
    const start = lecture || conv === 'course' ? 0 : hyper(spec, 'initialAccumulator')
    return (r, from, to) => {
      const mem = r.mem
      const out0 = r.s0
      const out1 = r.s1
      // mem[2], mem[3]: Σg² (lecture, from 0) or the accumulator s (from s₀).
      if (from === 0) mem[2] = mem[3] = start
      let x = mem[0]
      let y = mem[1]
      let a0 = mem[2]
      let a1 = mem[3]
      let t = from
      for (; t < to; t++) {
        const lr = r.eta(t)
        r.gradient(t)
        const g0 = r.gx + wd * x
        const g1 = r.gy + wd * y
        a0 = a0 + g0 * g0
        a1 = a1 + g1 * g1
        let d0: number
        let d1: number
        if (lecture) {
          const invSqrtCount = 1 / Math.sqrt(t + 1)
          d0 = Math.sqrt(a0) * invSqrtCount
          d1 = Math.sqrt(a1) * invSqrtCount
        } else if (inside) {
          d0 = Math.sqrt(a0 + eps)
          d1 = Math.sqrt(a1 + eps)
        } else {
          d0 = Math.sqrt(a0) + eps
          d1 = Math.sqrt(a1) + eps
        }
        const r0 = d0 > 0 ? lr / d0 : 0
        const r1 = d1 > 0 ? lr / d1 : 0
        x -= r0 * g0
        y -= r1 * g1
        // State key 0 is σ in the lecture, the accumulator s elsewhere; key 1 is the rate.
        out0[2 * t] = lecture ? d0 : a0
        out0[2 * t + 1] = lecture ? d1 : a1
        out1[2 * t] = r0
        out1[2 * t + 1] = r1
        if (!r.point(t, x, y)) break
      }
      mem[0] = x
      mem[1] = y
      mem[2] = a0
      mem[3] = a1
      return t
    }
  },
}
