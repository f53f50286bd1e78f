import type { OptimizerEntry } from './optimizerEntry'
import { hyper, makeOptimizer } from './optimizerEntry'
import { sgdMeta } from './sgd.meta'

/**
 * Plain (stochastic) gradient descent, the same in every convention: θ ← θ − η_t·g, where g includes
 * `weightDecay`·θ when set (PyTorch's `weight_decay`, the gradient of the L2 term ½λ‖θ‖²). No state.
 * η default (UI): PyTorch's 1e−3, 0.01 elsewhere (TF.js and the course require one).
 */
export const sgd: OptimizerEntry = {
  ...sgdMeta,
  create(spec, n) {
    const wd = hyper(spec, 'weightDecay')
    return makeOptimizer(
      spec,
      {},
      (theta, grad, lr) => {
        for (let i = 0; i < n; i++) theta[i] -= lr * (grad[i] + wd * theta[i])
        return true
      },
      () => {},
    )
  },
  run2d(spec) {
    const wd = hyper(spec, 'weightDecay')
    return (r, from, to) => {
      const mem = r.mem
      let x = mem[0]
      let y = mem[1]
      let t = from
      for (; t < to; t++) {
        const lr = r.eta(t)
        r.gradient(t)
        x -= lr * (r.gx + wd * x)
        y -= lr * (r.gy + wd * y)
        if (!r.point(t, x, y)) break
      }
      mem[0] = x
      mem[1] = y
      return t
    }
  },
}
