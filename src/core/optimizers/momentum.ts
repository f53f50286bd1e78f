import { momentumMeta } from './momentum.meta'
import type { OptimizerEntry } from './optimizerEntry'
import { hyper, makeOptimizer } from './optimizerEntry'

/**
 * Gradient descent with momentum (`momentum` = λ in the lecture and the frameworks, β in the course; default
 * 0.9). State `m` (length n), whose meaning follows the convention:
 * - `lecture`: m ← λm − η_t·g ; θ ← θ + m (m is the movement itself, docs/lectures.md S7);
 * - `pytorch`, `tensorflow`: m ← λm + g ; θ ← θ − η_t·m (PyTorch's buffer b, no dampening);
 * - `course`: m ← βm + (1 − β)g ; θ ← θ − η_t·m (an exponential average).
 * The first three coincide under a constant η and differ under a schedule. g includes `weightDecay`·θ.
 */
export const momentum: OptimizerEntry = {
  ...momentumMeta,
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
