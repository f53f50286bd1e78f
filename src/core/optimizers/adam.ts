import type { Optimizer } from '../types'
import { adamMeta } from './adam.meta'
import type { OptimizerEntry, ResolvedOptimizerSpec, Run2d } from './optimizerEntry'
import { hyper, makeOptimizer } from './optimizerEntry'

export { adamRule, adamStateKeys } from './adam.meta'

/**
 * The Adam step shared by `adam` and `adamw`: m ← β₁m + (1 − β₁)g ; v ← β₂v + (1 − β₂)g² ;
 * m̂ = m/(1 − β₁^k), v̂ = v/(1 − β₂^k) with k = 1, 2, … the optimizer's own step count since reset (PyTorch's
 * `state['step']`; the powers are kept as running products like TF.js's accBeta) ; θ ← θ − η_t·m̂/(√v̂ + ε).
 * `l2` is added to g as l2·θ (Adam's `weight_decay`); `decoupled` shrinks θ by (1 − η_t·decoupled) first
 * (AdamW). State `m`, `v` (raw moments) and `rate` = η_t/(√v̂ + ε); a zero denominator takes a zero step.
 */
export function createAdamCore(
  spec: ResolvedOptimizerSpec,
  n: number,
  eps: number,
  l2: number,
  decoupled: number,
): Optimizer {
  const beta1 = hyper(spec, 'beta1')
  const beta2 = hyper(spec, 'beta2')
  const c1 = 1 - beta1
  const c2 = 1 - beta2
  const m = new Float64Array(n)
  const v = new Float64Array(n)
  const r = new Float64Array(n)
  // β₁^k and β₂^k live in a typed array: a mutable double in a closure would be re-boxed on every step.
  const pow = new Float64Array([1, 1])
  return makeOptimizer(
    spec,
    { m, v, rate: r },
    (theta, grad, lr) => {
      const p1 = pow[0] * beta1
      const p2 = pow[1] * beta2
      pow[0] = p1
      pow[1] = p2
      // PyTorch's order: σ = √v/√(1 − β₂^k) + ε and step size η/(1 − β₁^k), so each parameter costs one
      // root and one division (the bias corrections are per step, not per parameter).
      const invBc1 = 1 / (1 - p1)
      const invBc2Sqrt = 1 / Math.sqrt(1 - p2)
      const shrink = 1 - lr * decoupled
      for (let i = 0; i < n; i++) {
        const th = theta[i]
        const g = grad[i] + l2 * th
        const mi = beta1 * m[i] + c1 * g
        const vi = beta2 * v[i] + c2 * g * g
        m[i] = mi
        v[i] = vi
        const d = Math.sqrt(vi) * invBc2Sqrt + eps
        const ri = d > 0 ? lr / d : 0
        r[i] = ri
        theta[i] = th * shrink - ri * (mi * invBc1)
      }
      return true
    },
    () => {
      pow.fill(1)
      m.fill(0)
      v.fill(0)
      r.fill(0)
    },
  )
}

/** The 2D kernel of `createAdamCore` (same arguments, same arithmetic): see `Kernel2d`. */
export function adamKernel(
  spec: ResolvedOptimizerSpec,
  eps: number,
  l2: number,
  decoupled: number,
): (r: Run2d, from: number, to: number) => number {
  const beta1 = hyper(spec, 'beta1')
  const beta2 = hyper(spec, 'beta2')
  const c1 = 1 - beta1
  const c2 = 1 - beta2
  return (r, from, to) => {
    const mem = r.mem
    const out0 = r.s0
    const out1 = r.s1
    const out2 = r.s2
    // mem[2..5]: m₀, m₁, v₀, v₁; mem[6], mem[7]: β₁^k, β₂^k.
    if (from === 0) mem[6] = mem[7] = 1
    let x = mem[0]
    let y = mem[1]
    let m0 = mem[2]
    let m1 = mem[3]
    let v0 = mem[4]
    let v1 = mem[5]
    let p1 = mem[6]
    let p2 = mem[7]
    let t = from
    for (; t < to; t++) {
      const lr = r.eta(t)
      r.gradient(t)
      p1 = p1 * beta1
      p2 = p2 * beta2
      const invBc1 = 1 / (1 - p1)
      const invBc2Sqrt = 1 / Math.sqrt(1 - p2)
      const shrink = 1 - lr * decoupled
      const g0 = r.gx + l2 * x
      const g1 = r.gy + l2 * y
      m0 = beta1 * m0 + c1 * g0
      m1 = beta1 * m1 + c1 * g1
      v0 = beta2 * v0 + c2 * g0 * g0
      v1 = beta2 * v1 + c2 * g1 * g1
      const d0 = Math.sqrt(v0) * invBc2Sqrt + eps
      const d1 = Math.sqrt(v1) * invBc2Sqrt + eps
      const r0 = d0 > 0 ? lr / d0 : 0
      const r1 = d1 > 0 ? lr / d1 : 0
      x = x * shrink - r0 * (m0 * invBc1)
      y = y * shrink - r1 * (m1 * invBc1)
      out0[2 * t] = m0
      out0[2 * t + 1] = m1
      out1[2 * t] = v0
      out1[2 * t + 1] = v1
      out2[2 * t] = r0
      out2[2 * t + 1] = r1
      if (!r.point(t, x, y)) break
    }
    mem[0] = x
    mem[1] = y
    mem[2] = m0
    mem[3] = m1
    mem[4] = v0
    mem[5] = v1
    mem[6] = p1
    mem[7] = p2
    return t
  }
}

/**
 * Adam (Kingma & Ba), β₁ 0.9, β₂ 0.999, bias correction with t counted from 1:
 * θ ← θ − η_t·m̂/(√v̂ + ε) with ε 1e−8 in `lecture` and `pytorch` (the lecture writes σ = √v̂ + ε), 1e−7
 * added after the root in `tensorflow` (TF.js), and no ε in `course`. State `m`, `v`, `rate` (see
 * `createAdamCore`). `weightDecay` adds λθ to g (PyTorch Adam's L2 form; for the decoupled one use `adamw`).
 */
export const adam: OptimizerEntry = {
  ...adamMeta,
  create(spec, n) {
    const eps = spec.convention === 'course' ? 0 : hyper(spec, 'eps')
    return createAdamCore(spec, n, eps, hyper(spec, 'weightDecay'), 0)
  },
  run2d(spec) {
    const eps = spec.convention === 'course' ? 0 : hyper(spec, 'eps')
    return adamKernel(spec, eps, hyper(spec, 'weightDecay'), 0)
  },
}
