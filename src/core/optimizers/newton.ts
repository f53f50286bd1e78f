import { solveSym2 } from '../math/mat2'
import { newtonMeta } from './newton.meta'
import type { OptimizerEntry } from './optimizerEntry'
import { makeOptimizer } from './optimizerEntry'

/**
 * Newton's method (d2l, optimization chapter): θ ← θ − η_t·H⁻¹g with the analytic 2×2 Hessian H, passed to
 * `step` row-major as [h₁₁, h₁₂, h₂₁, h₂₂]. Where H is numerically singular (`solveSym2`: |det H| ≤
 * 1e−12·‖H‖_F²) it takes no step and `step` returns false. η default 1 (the pure Newton step). The update
 * is the same in every convention; there is no state and no weight decay. Only n = 2 (a surface).
 */
export const newton: OptimizerEntry = {
  ...newtonMeta,
  create(spec, n) {
    if (n !== 2) throw new Error(`newton needs the 2×2 Hessian of a surface: n must be 2 (got ${n})`)
    const dir = new Float64Array(2)
    return makeOptimizer(
      spec,
      {},
      (theta, grad, lr, _t, hessian) => {
        if (hessian === undefined) throw new Error('newton.step needs the Hessian (row-major 2×2)')
        // Symmetrise: an analytic Hessian is symmetric up to round-off in h₁₂ vs h₂₁.
        if (!solveSym2(hessian[0], 0.5 * (hessian[1] + hessian[2]), hessian[3], grad[0], grad[1], dir))
          return false
        theta[0] -= lr * dir[0]
        theta[1] -= lr * dir[1]
        return true
      },
      () => {},
    )
  },
  run2d() {
    const dir = new Float64Array(2)
    return (r, from, to) => {
      const mem = r.mem
      let x = mem[0]
      let y = mem[1]
      let t = from
      for (; t < to; t++) {
        const lr = r.eta(t)
        r.gradient(t)
        r.hessian(x, y)
        if (solveSym2(r.hxx, r.hxy, r.hyy, r.gx, r.gy, dir)) {
          x -= lr * dir[0]
          y -= lr * dir[1]
        } else r.singular++
        if (!r.point(t, x, y)) break
      }
      mem[0] = x
      mem[1] = y
      return t
    }
  },
}
