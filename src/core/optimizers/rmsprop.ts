import type { OptimizerEntry } from './optimizerEntry'
import { hyper, makeOptimizer } from './optimizerEntry'
import { rmspropMeta } from './rmsprop.meta'

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
  ...rmspropMeta,
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
