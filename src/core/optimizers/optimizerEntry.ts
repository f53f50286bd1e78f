import { describeDomain, inDomain } from '../numberDomain'
import type { NumberDomain } from '../numberDomain'
import type { Convention, Optimizer, OptimizerKind, OptimizerSpec } from '../types'
import { hyperParamDomain } from './optimizerMeta'
import type { HyperParamKey, OptimizerMeta } from './optimizerMeta'

export { hyperParam, hyperParamDomain, rateKey, weightDecayParam } from './optimizerMeta'
export type {
  ConventionRule,
  HyperParamKey,
  HyperParamSpec,
  OptimizerCapabilities,
  OptimizerCardNote,
  OptimizerMeta,
  StateKeySpec,
} from './optimizerMeta'

/** An optimizer spec after `withDefaults`: the convention and every hyper-parameter it uses are set. */
export type ResolvedOptimizerSpec = OptimizerSpec & { convention: Convention }

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

/** The kernels of one kind: the factory `createOptimizer` dispatches to and the 2D loop of `runTrajectory`. */
export interface OptimizerImpl {
  /** Builds the optimizer from a resolved spec (validated, defaults filled) over n parameters. */
  create(spec: ResolvedOptimizerSpec, n: number): Optimizer
  /** The 2D kernel `runTrajectory` uses for this kind (all conventions). */
  run2d: Kernel2d
}

/** A registry entry: the kind's meta (names, rules, domains, flags) plus its kernels. */
export interface OptimizerEntry extends OptimizerMeta<OptimizerKind>, OptimizerImpl {}

/** The domain `validateOptimizerSpec` enforces for each hyper-parameter, stated as in its error messages. */
export const hyperParamDomains: Readonly<
  Record<HyperParamKey, { allowed: string; test(v: number): boolean; domain: NumberDomain }>
> = Object.fromEntries(
  (Object.keys(hyperParamDomain) as HyperParamKey[]).map((key) => {
    const domain = hyperParamDomain[key]
    return [key, { allowed: describeDomain(domain), test: (v: number) => inDomain(domain, v), domain }]
  }),
) as Record<HyperParamKey, { allowed: string; test(v: number): boolean; domain: NumberDomain }>

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
