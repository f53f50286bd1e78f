import type { Convention } from '../types'
import type { ConventionRule, OptimizerEntry, StateKeySpec } from './optimizerEntry'
import { hyper, hyperParam, makeOptimizer, rateKey, weightDecayParam } from './optimizerEntry'

const sigma: StateKeySpec = {
  key: 'sigma',
  name: { en: 'RMS of recent gradients', zh: '近期梯度的均方根' },
  tex: '\\sigma_t',
}
const meanSquare = (key: string, tex: string): StateKeySpec => ({
  key,
  name: { en: 'moving average of squared gradients', zh: '梯度平方的移动平均' },
  tex,
})
const rate = rateKey('\\eta_t/\\sigma')

const lecture: ConventionRule = {
  rule: '\\begin{aligned} \\sigma_0 &= |g_0|, \\quad \\sigma_t = \\sqrt{\\alpha\\,\\sigma_{t-1}^2 + (1-\\alpha)\\, g_t^2} \\\\ \\theta &\\leftarrow \\theta - \\frac{\\eta_t}{\\sigma_t}\\, g \\end{aligned}',
  stateKeys: [sigma, rateKey('\\eta_t/\\sigma_t')],
  hyperParams: [hyperParam('lr', 0.01), hyperParam('rho', 0.9), weightDecayParam],
  note: {
    en: 'A small α trusts the fresh gradient, so σ reacts at once to a cliff. The first step is exactly η·sign(g); no ε.',
    zh: 'α 越小越看重新鲜的梯度，遇到陡坡 σ 立刻变大（踩刹车）。第一步正好是 η·sign(g)；没有 ε。',
  },
}
const pytorch: ConventionRule = {
  rule: '\\begin{aligned} v &\\leftarrow \\alpha\\, v + (1-\\alpha)\\, g^2, \\quad \\sigma = \\sqrt{v} + \\epsilon \\\\ m &\\leftarrow \\lambda\\, m + g/\\sigma \\\\ \\theta &\\leftarrow \\theta - \\eta_t\\, m \\end{aligned}',
  stateKeys: [
    meanSquare('v', 'v'),
    { key: 'm', name: { en: 'momentum buffer (λ = 0: g/σ)', zh: '动量缓冲（λ = 0 时即 g/σ）' }, tex: 'm' },
    rate,
  ],
  hyperParams: [
    hyperParam('lr', 0.01),
    hyperParam('rho', 0.99),
    hyperParam('eps', 1e-8),
    hyperParam('momentum', 0),
    weightDecayParam,
  ],
  note: {
    en: 'PyTorch averages with α = 0.99 (slow) and adds ε outside the root; its momentum buffer is off by default.',
    zh: 'PyTorch 的 α 默认 0.99（反应较慢），ε 加在根号外；动量默认关闭。',
  },
}
const tensorflow: ConventionRule = {
  rule: '\\begin{aligned} s &\\leftarrow \\alpha\\, s + (1-\\alpha)\\, g^2, \\quad \\sigma = \\sqrt{s + \\epsilon} \\\\ \\mathit{mom} &\\leftarrow \\lambda\\, \\mathit{mom} + \\frac{\\eta_t}{\\sigma}\\, g \\\\ \\theta &\\leftarrow \\theta - \\mathit{mom} \\end{aligned}',
  stateKeys: [
    meanSquare('ms', 's'),
    {
      key: 'mom',
      name: { en: 'momentum of the steps (λ = 0: the step)', zh: '步长的动量（λ = 0 时即这一步）' },
      tex: '\\mathit{mom}',
    },
    rate,
  ],
  hyperParams: [
    hyperParam('lr', 0.01),
    hyperParam('rho', 0.9),
    hyperParam('momentum', 0),
    hyperParam('eps', 1e-7),
    weightDecayParam,
  ],
  note: {
    en: 'TF.js (decay ρ = 0.9) puts ε inside the root and η inside its momentum accumulator.',
    zh: 'TF.js（衰减率 ρ = 0.9）把 ε 放在根号里，并把 η 放进它的动量累加器。',
  },
}
const course: ConventionRule = {
  rule: '\\begin{aligned} v &\\leftarrow \\beta\\, v + (1-\\beta)\\, g^2, \\quad \\sigma = \\sqrt{v} \\\\ \\theta &\\leftarrow \\theta - \\frac{\\eta_t}{\\sigma}\\, g \\end{aligned}',
  stateKeys: [meanSquare('v', 'v'), rate],
  hyperParams: [hyperParam('lr', 0.01), hyperParam('rho', 0.9, '\\beta'), weightDecayParam],
  note: {
    en: 'The course’s hand-written RMSProp: v starts at 0 (so the first step is η·sign(g)/√(1−β)), no ε.',
    zh: '北大课程手写的 RMSProp：v 从 0 开始（第一步是 η·sign(g)/√(1−β)），没有 ε。',
  },
}

/**
 * RMSProp: the rate η_t/σ with σ from an exponential average of squared gradients; `rho` is the weight on
 * the old average (α in the lecture and PyTorch, ρ in TF, β in the course).
 * - `lecture` (state `sigma`, `rate`): σ₀ = |g₀|, σ_t = √(α·σ_{t−1}² + (1 − α)·g_t²); θ ← θ − (η_t/σ_t)·g.
 *   α default 0.9, no ε; the first step is exactly η·sign(g).
 * - `pytorch` (state `v`, `m`, `rate`): v ← αv + (1 − α)g²; m ← λm + g/(√v + ε); θ ← θ − η_t·m. α 0.99,
 *   ε 1e−8, `momentum` λ default 0 (then m = g/(√v + ε) and this is the plain PyTorch RMSprop).
 * - `tensorflow` (state `ms`, `mom`, `rate`): ms ← ρ·ms + (1 − ρ)g²; mom ← μ·mom + η_t·g/√(ms + ε);
 *   θ ← θ − mom. ρ 0.9, μ (`momentum`) 0, ε 1e−7 inside the root (TF.js `RMSPropOptimizer`, not centered).
 * - `course` (state `v`, `rate`): v ← βv + (1 − β)g²; θ ← θ − η_t·g/√v. β 0.9, no ε.
 * `rate` = η_t/σ. A zero denominator takes a zero step. g includes `weightDecay`·θ.
 */
export const rmsprop: OptimizerEntry = {
  id: 'rmsprop',
  name: { en: 'RMSProp', zh: 'RMSProp' },
  conventions: { lecture, pytorch, tensorflow, course } satisfies Record<Convention, ConventionRule>,
  create(spec, n) {
    const rho = hyper(spec, 'rho')
    const c = 1 - rho
    const wd = hyper(spec, 'weightDecay')
    const r = new Float64Array(n)
    const acc = new Float64Array(n)
    switch (spec.convention) {
      case 'lecture': {
        let first = true
        return makeOptimizer(
          spec,
          { sigma: acc, rate: r },
          (theta, grad, lr) => {
            for (let i = 0; i < n; i++) {
              const g = grad[i] + wd * theta[i]
              const prev = acc[i]
              const d = first ? Math.abs(g) : Math.sqrt(rho * prev * prev + c * g * g)
              acc[i] = d
              const ri = d > 0 ? lr / d : 0
              r[i] = ri
              theta[i] -= ri * g
            }
            first = false
            return true
          },
          () => {
            first = true
            acc.fill(0)
            r.fill(0)
          },
        )
      }
      case 'pytorch':
      case 'tensorflow': {
        const mu = hyper(spec, 'momentum')
        const eps = hyper(spec, 'eps')
        const buf = new Float64Array(n)
        const reset = () => {
          acc.fill(0)
          buf.fill(0)
          r.fill(0)
        }
        if (spec.convention === 'pytorch') {
          return makeOptimizer(
            spec,
            { v: acc, m: buf, rate: r },
            (theta, grad, lr) => {
              for (let i = 0; i < n; i++) {
                const g = grad[i] + wd * theta[i]
                const vi = rho * acc[i] + c * g * g
                acc[i] = vi
                const d = Math.sqrt(vi) + eps
                const bi = mu * buf[i] + (d > 0 ? g / d : 0)
                buf[i] = bi
                r[i] = d > 0 ? lr / d : 0
                theta[i] -= lr * bi
              }
              return true
            },
            reset,
          )
        }
        return makeOptimizer(
          spec,
          { ms: acc, mom: buf, rate: r },
          (theta, grad, lr) => {
            for (let i = 0; i < n; i++) {
              const g = grad[i] + wd * theta[i]
              const si = rho * acc[i] + c * g * g
              acc[i] = si
              const d = Math.sqrt(si + eps)
              const bi = mu * buf[i] + (d > 0 ? (g * lr) / d : 0)
              buf[i] = bi
              r[i] = d > 0 ? lr / d : 0
              theta[i] -= bi
            }
            return true
          },
          reset,
        )
      }
      default:
        return makeOptimizer(
          spec,
          { v: acc, rate: r },
          (theta, grad, lr) => {
            for (let i = 0; i < n; i++) {
              const g = grad[i] + wd * theta[i]
              const vi = rho * acc[i] + c * g * g
              acc[i] = vi
              const d = Math.sqrt(vi)
              const ri = d > 0 ? lr / d : 0
              r[i] = ri
              theta[i] -= ri * g
            }
            return true
          },
          () => {
            acc.fill(0)
            r.fill(0)
          },
        )
    }
  },
  run2d(spec) {
    const rho = hyper(spec, 'rho')
    const c = 1 - rho
    const wd = hyper(spec, 'weightDecay')
    const conv = spec.convention
    const framework = conv === 'pytorch' || conv === 'tensorflow'
    const mu = framework ? hyper(spec, 'momentum') : 0
    const eps = framework ? hyper(spec, 'eps') : 0
    return (r, from, to) => {
      const mem = r.mem
      const out0 = r.s0
      const out1 = r.s1
      const out2 = r.s2
      let x = mem[0]
      let y = mem[1]
      // a: σ (lecture) or the average of g² (v, ms); b: the momentum buffer (pytorch m, tensorflow mom).
      let a0 = mem[2]
      let a1 = mem[3]
      let b0 = mem[4]
      let b1 = mem[5]
      let t = from
      for (; t < to; t++) {
        const lr = r.eta(t)
        r.gradient(t)
        const g0 = r.gx + wd * x
        const g1 = r.gy + wd * y
        let r0: number
        let r1: number
        if (conv === 'lecture') {
          a0 = t === 0 ? Math.abs(g0) : Math.sqrt(rho * a0 * a0 + c * g0 * g0)
          a1 = t === 0 ? Math.abs(g1) : Math.sqrt(rho * a1 * a1 + c * g1 * g1)
          r0 = a0 > 0 ? lr / a0 : 0
          r1 = a1 > 0 ? lr / a1 : 0
          x -= r0 * g0
          y -= r1 * g1
          out0[2 * t] = a0
          out0[2 * t + 1] = a1
          out1[2 * t] = r0
          out1[2 * t + 1] = r1
        } else if (conv === 'pytorch') {
          a0 = rho * a0 + c * g0 * g0
          a1 = rho * a1 + c * g1 * g1
          const d0 = Math.sqrt(a0) + eps
          const d1 = Math.sqrt(a1) + eps
          b0 = mu * b0 + (d0 > 0 ? g0 / d0 : 0)
          b1 = mu * b1 + (d1 > 0 ? g1 / d1 : 0)
          r0 = d0 > 0 ? lr / d0 : 0
          r1 = d1 > 0 ? lr / d1 : 0
          x -= lr * b0
          y -= lr * b1
          out0[2 * t] = a0
          out0[2 * t + 1] = a1
          out1[2 * t] = b0
          out1[2 * t + 1] = b1
          out2[2 * t] = r0
          out2[2 * t + 1] = r1
        } else if (conv === 'tensorflow') {
          a0 = rho * a0 + c * g0 * g0
          a1 = rho * a1 + c * g1 * g1
          const d0 = Math.sqrt(a0 + eps)
          const d1 = Math.sqrt(a1 + eps)
          b0 = mu * b0 + (d0 > 0 ? (g0 * lr) / d0 : 0)
          b1 = mu * b1 + (d1 > 0 ? (g1 * lr) / d1 : 0)
          r0 = d0 > 0 ? lr / d0 : 0
          r1 = d1 > 0 ? lr / d1 : 0
          x -= b0
          y -= b1
          out0[2 * t] = a0
          out0[2 * t + 1] = a1
          out1[2 * t] = b0
          out1[2 * t + 1] = b1
          out2[2 * t] = r0
          out2[2 * t + 1] = r1
        } else {
          a0 = rho * a0 + c * g0 * g0
          a1 = rho * a1 + c * g1 * g1
          const d0 = Math.sqrt(a0)
          const d1 = Math.sqrt(a1)
          r0 = d0 > 0 ? lr / d0 : 0
          r1 = d1 > 0 ? lr / d1 : 0
          x -= r0 * g0
          y -= r1 * g1
          out0[2 * t] = a0
          out0[2 * t + 1] = a1
          out1[2 * t] = r0
          out1[2 * t + 1] = r1
        }
        if (!r.point(t, x, y)) break
      }
      mem[0] = x
      mem[1] = y
      mem[2] = a0
      mem[3] = a1
      mem[4] = b0
      mem[5] = b1
      return t
    }
  },
}
