import { adagradMeta } from './adagrad.meta'
import type { OptimizerEntry } from './optimizerEntry'
import { hyper, makeOptimizer } from './optimizerEntry'

/**
 * Adagrad: a per-parameter rate η_t/σ from the history of squared gradients (docs/conventions.md).
 * - `lecture` (state `sigma`, `rate`): σ_t = √((1/(t+1))·Σ_{τ≤t} g_τ²), the root *mean* square, σ₀ = |g₀|;
 *   θ ← θ − (η_t/σ_t)·g, no ε (first step η·sign(g)). t counts the optimizer's own steps since reset.
 * - `pytorch` (state `s`, `rate`): s ← s + g², s₀ = `initialAccumulator` (0); θ ← θ − η_t·g/(√s + ε), ε 1e−10.
 * - `tensorflow` (state `s`, `rate`): s₀ = `initialAccumulator` (0.1); θ ← θ − η_t·g/√(s + ε), ε 1e−7.
 * - `course` (state `s`, `rate`): s ← s + g² from 0; θ ← θ − η_t·g/√s, no ε.
 * `rate` = η_t/σ (the effective per-parameter learning rate, 0 when the rule below applied). A zero
 * denominator (zero gradient with zero history) takes a zero step. g includes `weightDecay`·θ.
 */
export const adagrad: OptimizerEntry = {
  ...adagradMeta,
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
