import { nesterovMeta } from './nesterov.meta'
import type { OptimizerEntry } from './optimizerEntry'
import { hyper, makeOptimizer } from './optimizerEntry'

/**
 * Nesterov momentum in the frameworks' form (PyTorch `nesterov=True`, TF.js `useNesterov`), `momentum` = λ
 * (default 0.9): m ← λm + g ; θ ← θ − η_t·(g + λm) with the new m. State `m` (length n). Defined only for
 * `pytorch` and `tensorflow`: the lecture and the course never write Nesterov, and its lecture form
 * (gradient at the look-ahead point θ + λm) needs a second gradient evaluation per step, so those two
 * conventions are rejected by validation rather than silently mapped; an omitted convention means `pytorch`.
 * g includes `weightDecay`·θ.
 */
export const nesterov: OptimizerEntry = {
  ...nesterovMeta,
  create(spec, n) {
    const mu = hyper(spec, 'momentum')
    const wd = hyper(spec, 'weightDecay')
    const m = new Float64Array(n)
    return makeOptimizer(
      spec,
      { m },
      (theta, grad, lr) => {
        for (let i = 0; i < n; i++) {
          const g = grad[i] + wd * theta[i]
          const mi = mu * m[i] + g
          m[i] = mi
          theta[i] -= lr * (g + mu * mi)
        }
        return true
      },
      () => m.fill(0),
    )
  },
  run2d(spec) {
    const mu = hyper(spec, 'momentum')
    const wd = hyper(spec, 'weightDecay')
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
        const g0 = r.gx + wd * x
        const g1 = r.gy + wd * y
        m0 = mu * m0 + g0
        m1 = mu * m1 + g1
        x -= lr * (g0 + mu * m0)
        y -= lr * (g1 + mu * m1)
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
