import { createRun } from '../run'
import { fillDefaults } from '../optimizers/index'
import { getSurface } from '../surfaces/index'
import type { TrajectorySpec } from '../types'
import { stabilityRule } from './stabilityRule'

/** The stability band along one path, indexed by update t (taken at point t of the trajectory). */
export interface StabilityBand {
  /** η_t, the schedule's learning rate of update t. */
  step: Float64Array
  /**
   * The largest stable η at point t: factor/λ_max(H(θ_t) + λ_wd·I) for the plain and momentum kinds;
   * for the adaptive ones factor·η_t/λ_max(R^½·H·R^½) with R = diag(r₀, r₁) their per-coordinate effective
   * steps (so η_t > limit_t exactly when the effective steps bounce); Newton: 2 where H is positive
   * definite. Infinity where no positive curvature bounds the step.
   */
  limit: Float64Array
  /** λ_max of the local Hessian (weight decay included unless decoupled). */
  lambdaMax: Float64Array
  /**
   * The adaptive kinds' per-coordinate effective step r_i of update t at [2t + i]: η_t/σ_i as the kernel
   * records it (Adagrad, RMSProp) or η_t/(√v̂_i + ε) (Adam, AdamW); empty for the others.
   */
  rate: Float64Array
  /** The rule's factor (2, 2 + 2μ, …). */
  factor: number
  /** Updates computed (the path's length minus one; fewer than `spec.steps` when it diverged). */
  count: number
}

/** λ_max of the symmetric [[a, b], [b, c]]: (a + c)/2 + √(((a − c)/2)² + b²). */
const lambdaMaxOf = (a: number, b: number, c: number): number => {
  const half = 0.5 * (a - c)
  return 0.5 * (a + c) + Math.sqrt(half * half + b * b)
}

/**
 * Runs `spec` (as `runTrajectory`) and, at every point θ_t where an update was taken, compares η_t with the
 * largest stable η there (`StabilityBand.limit`, from `stabilityRule`'s factor and the local Hessian). For a
 * quadratic, η_t > limit_t means the error along the stiffest direction grows: the path bounces between the
 * walls and, if it stays above, diverges.
 */
export function stabilityBand(spec: TrajectorySpec): StabilityBand {
  const run = createRun(spec)
  run.advance(run.total)
  const tr = run.trajectory()
  const surface = getSurface(spec.surface)
  const optimizer = fillDefaults(spec.optimizer)
  const rule = stabilityRule(optimizer)
  const wd = optimizer.kind === 'adamw' ? 0 : (optimizer.weightDecay ?? 0)
  const count = tr.lr.length
  const step = new Float64Array(count)
  const limit = new Float64Array(count)
  const lambdaMax = new Float64Array(count)
  const adaptive = rule.step === 'rate' || rule.step === 'adam'
  const rate = new Float64Array(adaptive ? 2 * count : 0)
  const hbuf = new Float64Array(3)
  const recorded = tr.state.rate
  const v = tr.state.v
  const b2 = optimizer.beta2 ?? 0
  const eps = optimizer.convention === 'course' ? 0 : (optimizer.eps ?? 0)
  let p2 = 1
  for (let t = 0; t < count; t++) {
    const hh = surface.hessian(tr.x[t], tr.y[t], hbuf)
    const a = hh[0] + wd
    const b = hh[1]
    const c = hh[2] + wd
    const lmax = lambdaMaxOf(a, b, c)
    lambdaMax[t] = lmax
    const eta = tr.lr[t]
    step[t] = eta
    p2 *= b2
    if (rule.step === 'lr') {
      limit[t] = lmax > 0 ? rule.factor / lmax : Infinity
    } else if (rule.step === 'newton') {
      const lmin = 0.5 * (a + c) - (lmax - 0.5 * (a + c))
      limit[t] = lmin > 0 ? rule.factor : Infinity
    } else {
      let r0: number
      let r1: number
      if (rule.step === 'rate') {
        r0 = recorded[2 * t]
        r1 = recorded[2 * t + 1]
      } else {
        // v after update t; v̂ = v/(1 − β₂^(t+1)).
        const d0 = Math.sqrt(v[2 * t] / (1 - p2)) + eps
        const d1 = Math.sqrt(v[2 * t + 1] / (1 - p2)) + eps
        r0 = d0 > 0 ? eta / d0 : 0
        r1 = d1 > 0 ? eta / d1 : 0
      }
      rate[2 * t] = r0
      rate[2 * t + 1] = r1
      const l = lambdaMaxOf(r0 * a, Math.sqrt(r0 * r1) * b, r1 * c)
      limit[t] = l > 0 ? (rule.factor * eta) / l : Infinity
    }
  }
  return { step, limit, lambdaMax, rate, factor: rule.factor, count }
}
