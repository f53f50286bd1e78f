import type { ResolvedOptimizerSpec } from '../optimizers/index'
import type { OptimizerKind } from '../types'

/**
 * How one optimizer's stability on a quadratic reads: the step it takes along a direction of curvature λ is
 * stable while step·λ < `factor`. `step` names what is compared: η_t itself (`lr`), the largest
 * per-coordinate effective rate the kernel records (`rate`, Adagrad and RMSProp), or Adam's
 * η_t/(√v̂ + ε) from its second moment (`adam`). `decoupled`: weight decay does not add to the curvature.
 * Newton compares η_t with 2 (its preconditioned curvature is 1 wherever the Hessian is positive definite).
 */
export interface StabilityRule {
  factor: number
  step: 'lr' | 'rate' | 'adam' | 'newton'
}

const h = (spec: ResolvedOptimizerSpec, key: 'momentum' | 'beta1'): number => spec[key] ?? 0

/**
 * The rules, per kind (docs/conventions.md has each update):
 * - sgd: θ ← θ − η·g is stable iff ηλ < 2;
 * - momentum (heavy ball), lecture / PyTorch / TF: m ← μm − ηg, θ ← θ + m, stable iff ηλ < 2 + 2μ; course
 *   (m an exponential average, θ ← θ − ηm) is the heavy ball with step η(1 − β): ηλ < (2 + 2β)/(1 − β);
 * - nesterov (PyTorch form): ηλ < (2 + 2μ)/(1 + 2μ);
 * - adagrad, rmsprop (lecture, course): the per-coordinate rate η_t/σ against 2/λ; rmsprop (PyTorch, TF)
 *   with its momentum μ: (2 + 2μ)/λ;
 * - adam, adamw: m is an exponential average (β₁), so the effective rate η_t/(√v̂ + ε) is stable while it
 *   stays below (2 + 2β₁)/((1 − β₁)λ) (the heavy ball with step (1 − β₁)·rate, ignoring the bias correction
 *   of m, which fades after a few dozen steps).
 */
export function stabilityRule(spec: ResolvedOptimizerSpec): StabilityRule {
  const kind: OptimizerKind = spec.kind
  switch (kind) {
    case 'sgd':
      return { factor: 2, step: 'lr' }
    case 'momentum': {
      const mu = h(spec, 'momentum')
      return { factor: spec.convention === 'course' ? (2 + 2 * mu) / (1 - mu) : 2 + 2 * mu, step: 'lr' }
    }
    case 'nesterov': {
      const mu = h(spec, 'momentum')
      return { factor: (2 + 2 * mu) / (1 + 2 * mu), step: 'lr' }
    }
    case 'adagrad':
      return { factor: 2, step: 'rate' }
    case 'rmsprop':
      return { factor: 2 + 2 * h(spec, 'momentum'), step: 'rate' }
    case 'adam':
    case 'adamw': {
      const b1 = h(spec, 'beta1')
      return { factor: (2 + 2 * b1) / (1 - b1), step: 'adam' }
    }
    case 'newton':
      return { factor: 2, step: 'newton' }
  }
}
