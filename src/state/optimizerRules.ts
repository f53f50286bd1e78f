import {
  conventions,
  defaultConvention,
  hyperParamDomain,
  hyperParamUrlNames,
  isOptimizerKind as isKind,
  optimizerKinds,
  optimizerMeta,
  supportedConventions,
} from '../core/meta'
import type { HyperParamKey } from '../core/meta'
import type { Convention, OptimizerKind, OptimizerSpec } from '../core/types'
import { clampToRule, isInRule } from './limits'
import type { NumberRule } from './limits'

/**
 * The store's view of the optimizer meta registry (src/core/optimizers/meta.ts): which conventions define a
 * kind, which hyper-parameters each convention reads, each number's one domain, its URL short name and each
 * kind's teaching learning rate all come from there, so the store never builds a spec the core rejects.
 */

/** Every optimizer kind a racer can use, in the registry's display order. */
export const OPTIMIZER_KINDS: readonly OptimizerKind[] = optimizerKinds

/** Every convention, in display order; `lecture` is the app's default (docs/conventions.md). */
export const CONVENTIONS: readonly Convention[] = conventions

/** The optional hyper-parameters of `OptimizerSpec` (unset = the convention's default). */
export type OptimizerParam = Exclude<HyperParamKey, 'lr'>

/** One number of a racer: its short URL name and its domain (the core's, from the meta). */
export interface ParamRule {
  url: string
  rule: NumberRule
}

const ruleOf = (key: HyperParamKey): ParamRule => ({
  url: hyperParamUrlNames[key],
  rule: hyperParamDomain[key],
})

/** Base learning rate η: its domain (0, 10⁴] (10⁻⁷ and 10⁰ both make lecture points). */
export const LR_RULE: ParamRule = ruleOf('lr')

/** The hyper-parameters' domains and URL names. Key order is the canonical order of a spec's fields. */
export const PARAM_RULES: Readonly<Record<OptimizerParam, ParamRule>> = Object.fromEntries(
  (Object.keys(hyperParamDomain) as HyperParamKey[]).filter((k) => k !== 'lr').map((k) => [k, ruleOf(k)]),
) as Record<OptimizerParam, ParamRule>

/** The hyper-parameters in canonical order. */
export const OPTIMIZER_PARAMS = Object.keys(PARAM_RULES) as readonly OptimizerParam[]

/** The learning rate a new racer of each kind starts with (each meta's `teachingLr`). */
export const DEFAULT_LR: Readonly<Record<OptimizerKind, number>> = Object.fromEntries(
  optimizerKinds.map((k) => [k, optimizerMeta[k].teachingLr]),
) as Record<OptimizerKind, number>

/** True for the strings that name an optimizer kind. */
export function isOptimizerKind(v: unknown): v is OptimizerKind {
  return isKind(v)
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
  const rule = optimizerMeta[kind].conventions[convention]
  const read = new Set<string>(rule ? rule.hyperParams.map((p) => p.key) : [])
  return OPTIMIZER_PARAMS.filter((p) => read.has(p))
}

/** A new optimizer of `kind`: its default convention, the teaching learning rate, convention defaults. */
export function defaultOptimizer(kind: OptimizerKind): OptimizerSpec {
  return { kind, convention: defaultConvention(kind), lr: optimizerMeta[kind].teachingLr }
}

/**
 * Validates an optimizer edited through an action. The result is canonical: `kind`, `convention` (always
 * set), `lr`, then only the hyper-parameters that kind reads in that convention, in `PARAM_RULES` order,
 * with no `undefined` entries (an explicit `undefined` resets a parameter to its convention default).
 * A convention that does not define the kind keeps `prev`'s or takes the kind's default. Numbers out of
 * their domain are clamped to an inclusive bound, or otherwise fall back to `prev`'s value; an unknown
 * kind returns `prev`.
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
  const prevLr =
    prev !== undefined && isInRule(LR_RULE.rule, prev.lr) ? prev.lr : optimizerMeta[kind].teachingLr
  const out: OptimizerSpec = { kind, convention, lr: clampToRule(LR_RULE.rule, next.lr) ?? prevLr }
  for (const p of paramsOf(kind, convention)) {
    if (next[p] === undefined) continue
    const v = clampToRule(PARAM_RULES[p].rule, next[p]) ?? prev?.[p]
    if (isInRule(PARAM_RULES[p].rule, v)) out[p] = v
  }
  return out
}
