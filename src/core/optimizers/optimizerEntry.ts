import type { Bilingual, Convention, Optimizer, OptimizerKind, OptimizerSpec, ParamSpec } from '../types'

/** The numeric keys of an `OptimizerSpec` (η and the hyper-parameters). */
export type HyperParamKey =
  'lr' | 'momentum' | 'rho' | 'beta1' | 'beta2' | 'eps' | 'initialAccumulator' | 'weightDecay'

/** An optimizer spec after `withDefaults`: the convention and every hyper-parameter it uses are set. */
export type ResolvedOptimizerSpec = OptimizerSpec & { convention: Convention }

/** A slider of the optimizer's hyper-parameter table; `default` is the convention's default. */
export interface HyperParamSpec extends ParamSpec {
  key: HyperParamKey
}

/** One state array of an optimizer (each of length n), as the formula cards label it. */
export interface StateKeySpec {
  key: string
  name: Bilingual
  /** Its symbol in the convention's TeX rule. */
  tex: string
}

/** What one optimizer kind does in one convention (CONVENTIONS.md), as data for the UI. */
export interface ConventionRule {
  /** The update rule in TeX (KaTeX `aligned`), lecture notation: θ, η_t, g, m, σ, λ, α, β. */
  rule: string
  /** The optimizer's state arrays in display order; equals `Optimizer.stateKeys`. */
  stateKeys: readonly StateKeySpec[]
  /** The hyper-parameters this convention reads, η first, with this convention's defaults. */
  hyperParams: readonly HyperParamSpec[]
  /** What to notice (first-step identities, missing ε, …). */
  note?: Bilingual
}

/**
 * What a 2D kernel needs from the run that drives it (`createRun` implements it). The methods are tiny and
 * always called on the same class, so V8 inlines them into each kernel's loop.
 */
export interface Run2d {
  /** η_t of update t (records it in the trajectory). */
  eta(t: number): number
  /** Sets gx, gy to the gradient used by update t (the true one plus noise) and records it. */
  gradient(t: number): void
  gx: number
  gy: number
  /** Sets hxx, hxy, hyy to the surface's analytic Hessian at (x, y) (Newton). */
  hessian(x: number, y: number): void
  hxx: number
  hxy: number
  hyy: number
  /**
   * The trajectory's state arrays in `stateKeys` order (length 0 past the last key): the kernel writes the
   * state after update t at [2t] and [2t + 1].
   */
  readonly s0: Float64Array
  readonly s1: Float64Array
  readonly s2: Float64Array
  /** Evaluates and records point t + 1 = (x, y); false when anything there is not finite (diverged). */
  point(t: number, x: number, y: number): boolean
  /** Storage kept between `advance` calls: [0] = x, [1] = y, then the kernel's own state. */
  readonly mem: Float64Array
  /** Updates that took no step (Newton at a singular Hessian). */
  singular: number
}

/**
 * A 2D fast path of `step` for `runTrajectory`, built once per run from the resolved spec (the returned
 * loop keeps its constants in its closure, so it never re-reads a spec object whose shape may vary). The
 * loop runs updates t = from … to − 1 with θ and the state in locals (no typed-array round trips in the
 * dependency chain), the same arithmetic in the same order as `step`, so the two agree bit for bit
 * (test/core/run.test.ts checks every kind and convention). It returns the index t of the first update
 * whose point was not finite, or `to`.
 */
export type Kernel2d = (spec: ResolvedOptimizerSpec) => (run: Run2d, from: number, to: number) => number

/** A registry entry: metadata for the UI plus the factory that `createOptimizer` dispatches to. */
export interface OptimizerEntry {
  id: OptimizerKind
  name: Bilingual
  /** The conventions that define this kind; the others are rejected by `validateOptimizerSpec`. */
  conventions: Partial<Record<Convention, ConventionRule>>
  /** Builds the optimizer from a resolved spec (validated, defaults filled) over n parameters. */
  create(spec: ResolvedOptimizerSpec, n: number): Optimizer
  /** The 2D kernel `runTrajectory` uses for this kind (all conventions). */
  run2d: Kernel2d
}

/** The domain `validateOptimizerSpec` enforces for each hyper-parameter, stated as in its error messages. */
export const hyperParamDomains: Readonly<
  Record<HyperParamKey, { allowed: string; test(v: number): boolean }>
> = {
  lr: { allowed: 'a finite number > 0', test: (v) => v > 0 && v < Infinity },
  momentum: { allowed: 'a number in [0, 1)', test: (v) => v >= 0 && v < 1 },
  rho: { allowed: 'a number in [0, 1)', test: (v) => v >= 0 && v < 1 },
  beta1: { allowed: 'a number in [0, 1)', test: (v) => v >= 0 && v < 1 },
  beta2: { allowed: 'a number in [0, 1)', test: (v) => v >= 0 && v < 1 },
  eps: { allowed: 'a finite number ≥ 0', test: (v) => v >= 0 && v < Infinity },
  initialAccumulator: { allowed: 'a finite number ≥ 0', test: (v) => v >= 0 && v < Infinity },
  weightDecay: { allowed: 'a finite number ≥ 0', test: (v) => v >= 0 && v < Infinity },
}

const sliders: Readonly<Record<HyperParamKey, Omit<HyperParamSpec, 'default'>>> = {
  lr: {
    key: 'lr',
    name: { en: 'learning rate', zh: '学习率' },
    tex: '\\eta',
    min: 1e-8,
    max: 10,
    step: 0.1,
    scale: 'log',
  },
  momentum: {
    key: 'momentum',
    name: { en: 'momentum', zh: '动量系数' },
    tex: '\\lambda',
    min: 0,
    max: 0.99,
    step: 0.01,
    scale: 'linear',
  },
  rho: {
    key: 'rho',
    name: { en: 'decay of the squared-gradient average', zh: '梯度平方平均的衰减率' },
    tex: '\\alpha',
    min: 0,
    max: 0.999,
    step: 0.001,
    scale: 'linear',
  },
  beta1: {
    key: 'beta1',
    name: { en: 'first-moment decay', zh: '一阶矩衰减率' },
    tex: '\\beta_1',
    min: 0,
    max: 0.99,
    step: 0.01,
    scale: 'linear',
  },
  beta2: {
    key: 'beta2',
    name: { en: 'second-moment decay', zh: '二阶矩衰减率' },
    tex: '\\beta_2',
    min: 0.9,
    max: 0.9999,
    step: 0.0001,
    scale: 'linear',
  },
  eps: {
    key: 'eps',
    name: { en: 'epsilon', zh: '数值稳定项' },
    tex: '\\epsilon',
    min: 1e-12,
    max: 1e-2,
    step: 1,
    scale: 'log',
  },
  initialAccumulator: {
    key: 'initialAccumulator',
    name: { en: 'initial accumulator', zh: '累加器初值' },
    tex: 's_0',
    min: 0,
    max: 1,
    step: 0.01,
    scale: 'linear',
  },
  weightDecay: {
    key: 'weightDecay',
    name: { en: 'weight decay', zh: '权重衰减' },
    tex: '\\lambda_{\\mathrm{wd}}',
    min: 0,
    max: 0.1,
    step: 0.001,
    scale: 'linear',
  },
}

/** The slider of `key` with this convention's default, optionally with another symbol (β for the course). */
export function hyperParam(key: HyperParamKey, value: number, tex?: string): HyperParamSpec {
  const base = sliders[key]
  return tex === undefined ? { ...base, default: value } : { ...base, tex, default: value }
}

/** The shared weight-decay slider (default 0: off), read by every kind except AdamW and Newton. */
export const weightDecayParam: HyperParamSpec = hyperParam('weightDecay', 0)

/** State key of the effective per-parameter learning rate η_t/σ of the adaptive methods. */
export const rateKey: (tex: string) => StateKeySpec = (tex) => ({
  key: 'rate',
  name: { en: 'effective learning rate', zh: '有效学习率' },
  tex,
})

/** A hyper-parameter of a resolved spec; `withDefaults` guarantees it is set for the keys a rule lists. */
export function hyper(spec: ResolvedOptimizerSpec, key: HyperParamKey): number {
  const value = spec[key]
  if (value === undefined) throw new Error(`${spec.kind}: hyper-parameter ${key} was not resolved`)
  return value
}

/**
 * Assembles an `Optimizer` with one object shape for every kind, so the run loop's `opt.step` property load
 * stays monomorphic. `state` is insertion-ordered: its keys are the display order.
 */
export function makeOptimizer(
  spec: ResolvedOptimizerSpec,
  state: Record<string, Float64Array>,
  step: Optimizer['step'],
  reset: () => void,
): Optimizer {
  return {
    spec: Object.freeze({ ...spec }),
    stateKeys: Object.freeze(Object.keys(state)),
    state,
    step,
    reset,
  }
}
