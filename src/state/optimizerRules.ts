import {
  conventions,
  defaultConvention,
  optimizerKinds,
  optimizers,
  supportedConventions,
} from '../core/optimizers'
import type { Convention, OptimizerKind, OptimizerSpec } from '../core/types'
import { clampToRule, isInRule } from './limits'
import type { NumberRule } from './limits'

/**
 * The store's view of the optimizer registry (src/core/optimizers): which conventions define a kind and which
 * hyper-parameters each convention reads come from there, so the store never builds a spec the core rejects.
 * This file adds what the store alone needs: short URL names, sane upper bounds, and teaching learning rates.
 */

/** Every optimizer kind a racer can use, in the registry's display order. */
export const OPTIMIZER_KINDS: readonly OptimizerKind[] = optimizerKinds

/** Every convention, in display order; `lecture` is the app's default (CONVENTIONS.md). */
export const CONVENTIONS: readonly Convention[] = conventions

/** The optional hyper-parameters of `OptimizerSpec` (unset = the convention's default). */
export type OptimizerParam =
  'momentum' | 'rho' | 'beta1' | 'beta2' | 'eps' | 'initialAccumulator' | 'weightDecay'

/** One number of a racer: its short URL name and its valid range. */
export interface ParamRule {
  url: string
  rule: NumberRule
}

/** Base learning rate η: positive and finite; at most 10⁴ (10⁻⁷ and 10⁰ both make lecture points). */
export const LR_RULE: ParamRule = { url: 'lr', rule: { min: 0, max: 1e4, minExclusive: true } }

/**
 * Ranges of the hyper-parameters, inside the core's domains (`hyperParamDomains`): averaging weights (λ, α/ρ,
 * β₁, β₂) in [0, 1), since at 1 an average never forgets; ε in [0, 1]; accumulator ≤ 10⁶; weight decay ≤ 100.
 * Key order is the canonical order of a spec's fields.
 */
export const PARAM_RULES: Readonly<Record<OptimizerParam, ParamRule>> = {
  momentum: { url: 'm', rule: { min: 0, max: 1, maxExclusive: true } },
  rho: { url: 'rho', rule: { min: 0, max: 1, maxExclusive: true } },
  beta1: { url: 'b1', rule: { min: 0, max: 1, maxExclusive: true } },
  beta2: { url: 'b2', rule: { min: 0, max: 1, maxExclusive: true } },
  eps: { url: 'eps', rule: { min: 0, max: 1 } },
  initialAccumulator: { url: 'acc', rule: { min: 0, max: 1e6 } },
  weightDecay: { url: 'wd', rule: { min: 0, max: 100 } },
}

/** The hyper-parameters in canonical order. */
export const OPTIMIZER_PARAMS = Object.keys(PARAM_RULES) as readonly OptimizerParam[]

/**
 * The learning rate a new racer of each kind starts with, chosen on the lecture's saddle L = (1 − w₁w₂)² from
 * (1.5, −1.499) (LECTURES.md S1): GD at 0.01 and momentum (λ = 0.9) at 0.05 are the lecture's values; the
 * adaptive methods at 0.05 reach the valley w₁w₂ = 1 within 250 steps; Newton takes the full step.
 */
export const DEFAULT_LR: Readonly<Record<OptimizerKind, number>> = {
  sgd: 0.01,
  momentum: 0.05,
  nesterov: 0.05,
  adagrad: 0.05,
  rmsprop: 0.05,
  adam: 0.05,
  adamw: 0.05,
  newton: 1,
}

/** True for the strings that name an optimizer kind. */
export function isOptimizerKind(v: unknown): v is OptimizerKind {
  return typeof v === 'string' && OPTIMIZER_KINDS.includes(v as OptimizerKind)
}

/** True for the strings that name a convention. */
export function isConvention(v: unknown): v is Convention {
  return typeof v === 'string' && CONVENTIONS.includes(v as Convention)
}

/** The conventions that define `kind` (the registry's; e.g. only PyTorch and TF have Nesterov). */
export function conventionsOf(kind: OptimizerKind): readonly Convention[] {
  return supportedConventions(kind)
}

/** The hyper-parameters (not η) that `kind` reads in `convention`, in canonical order. */
export function paramsOf(kind: OptimizerKind, convention: Convention): readonly OptimizerParam[] {
  const rule = optimizers[kind].conventions[convention]
  const read = new Set<string>(rule ? rule.hyperParams.map((p) => p.key) : [])
  return OPTIMIZER_PARAMS.filter((p) => read.has(p))
}

/** A new optimizer of `kind`: its default convention, the teaching learning rate, convention defaults. */
export function defaultOptimizer(kind: OptimizerKind): OptimizerSpec {
  return { kind, convention: defaultConvention(kind), lr: DEFAULT_LR[kind] }
}

/**
 * Validates an optimizer edited through an action. The result is canonical: `kind`, `convention` (always
 * set), `lr`, then only the hyper-parameters that kind reads in that convention, in `PARAM_RULES` order,
 * with no `undefined` entries (an explicit `undefined` resets a parameter to its convention default).
 * A convention that does not define the kind keeps `prev`'s or takes the kind's default. Numbers out of
 * range are clamped to an inclusive bound, or otherwise fall back to `prev`'s value; an unknown kind
 * returns `prev`.
 */
export function normalizeOptimizer(next: OptimizerSpec, prev?: OptimizerSpec): OptimizerSpec | undefined {
  if (!isOptimizerKind(next.kind)) return prev
  const kind = next.kind
  const allowed = conventionsOf(kind)
  const convention =
    next.convention !== undefined && allowed.includes(next.convention)
      ? next.convention
      : prev?.convention !== undefined && allowed.includes(prev.convention)
        ? prev.convention
        : defaultConvention(kind)
  const prevLr = prev !== undefined && isInRule(LR_RULE.rule, prev.lr) ? prev.lr : DEFAULT_LR[kind]
  const out: OptimizerSpec = { kind, convention, lr: clampToRule(LR_RULE.rule, next.lr) ?? prevLr }
  for (const p of paramsOf(kind, convention)) {
    if (next[p] === undefined) continue
    const v = clampToRule(PARAM_RULES[p].rule, next[p]) ?? prev?.[p]
    if (isInRule(PARAM_RULES[p].rule, v)) out[p] = v
  }
  return out
}
