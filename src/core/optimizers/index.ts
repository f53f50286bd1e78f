import { SpecError, expectInteger, expectOneOf, expectRecord } from '../errors'
import { MAX_OPTIMIZER_PARAMS } from '../limits'
import { describeDomain, inDomain } from '../numberDomain'
import type { Convention, Optimizer, OptimizerKind, OptimizerSpec } from '../types'
import { adagrad } from './adagrad'
import { adam } from './adam'
import { adamw } from './adamw'
import { momentum } from './momentum'
import { nesterov } from './nesterov'
import { newton } from './newton'
import type { HyperParamKey, OptimizerEntry, ResolvedOptimizerSpec } from './optimizerEntry'
import { hyperParamDomains } from './optimizerEntry'
import { conventions, defaultConvention, optimizerKinds, optimizerMeta, supportedConventions } from './meta'
import { rmsprop } from './rmsprop'
import { sgd } from './sgd'

export * from './meta'

export type { Kernel2d, OptimizerEntry, OptimizerImpl, ResolvedOptimizerSpec, Run2d } from './optimizerEntry'

/**
 * The optimizer registry, in display order: each kind's meta (`./meta`: names, rules, domains, flags) with
 * its kernels. `satisfies` makes a kind without kernels a type error.
 */
export const optimizers = {
  sgd,
  momentum,
  nesterov,
  adagrad,
  rmsprop,
  adam,
  adamw,
  newton,
} satisfies Record<OptimizerKind, OptimizerEntry> as Readonly<Record<OptimizerKind, OptimizerEntry>>

const hyperKeys = Object.keys(hyperParamDomains).filter((k) => k !== 'lr') as HyperParamKey[]

/** The number `value` of `key`, checked against its one domain (`hyperParamDomain` in the meta). */
function expectHyper(value: unknown, field: string, key: HyperParamKey): number {
  const { domain } = hyperParamDomains[key]
  if (!inDomain(domain, value)) throw new SpecError(field, describeDomain(domain, value), value)
  return value
}

/**
 * Checks an optimizer spec at the edge and returns a clean copy (known keys only, no defaults filled).
 * Throws a `SpecError` naming `<field>.<key>` for: an unknown kind or convention, a convention that does not
 * define the kind (e.g. nesterov in `lecture`), a number outside its one domain (`hyperParamDomain`: lr in
 * (0, 10⁴]; momentum, rho, beta1, beta2 in [0, 1); eps in [0, 1]; initialAccumulator in [0, 10⁶];
 * weightDecay in [0, 100]), and a
 * hyper-parameter the chosen convention does not read (e.g. eps for the lecture's Adagrad, which has no ε):
 * it would be ignored silently otherwise. Keys set to `undefined` count as absent; unknown keys are ignored.
 */
export function validateOptimizerSpec(spec: unknown, field = 'optimizer'): OptimizerSpec {
  const raw = expectRecord(spec, field)
  const kind = expectOneOf(raw.kind, `${field}.kind`, optimizerKinds)
  const supported = supportedConventions(kind)
  let convention: Convention | undefined
  if (raw.convention !== undefined) {
    convention = expectOneOf(raw.convention, `${field}.convention`, conventions)
    if (!supported.includes(convention)) {
      const list = supported.map((c) => `'${c}'`).join(', ')
      throw new SpecError(
        `${field}.convention`,
        `one of ${list} for ${kind} (it is not defined in '${convention}')`,
        convention,
      )
    }
  }
  const conv = convention ?? defaultConvention(kind)
  const used = optimizerMeta[kind].conventions[conv]!.hyperParams.map((p) => p.key)
  const lr = expectHyper(raw.lr, `${field}.lr`, 'lr')
  const out: OptimizerSpec = convention === undefined ? { kind, lr } : { kind, convention, lr }
  for (const key of hyperKeys) {
    const value = raw[key]
    if (value === undefined) continue
    if (!used.includes(key)) {
      const reads = used.join(', ')
      throw new SpecError(
        `${field}.${key}`,
        `absent: ${kind} in the '${conv}' convention does not use it (it reads ${reads})`,
        value,
      )
    }
    out[key] = expectHyper(value, `${field}.${key}`, key)
  }
  return out
}

/**
 * The spec with the convention (default `lecture`, or the kind's first one: `pytorch` for nesterov and
 * adamw) and every hyper-parameter that convention reads filled with its default (docs/conventions.md),
 * after `validateOptimizerSpec`. Keys the convention does not read are rejected, never carried along.
 */
export function withDefaults(spec: OptimizerSpec): ResolvedOptimizerSpec {
  return fillDefaults(validateOptimizerSpec(spec))
}

/**
 * `withDefaults` for a spec that `validateOptimizerSpec` already returned (the edge checked it once):
 * the convention and the defaults, without checking again.
 */
export function fillDefaults(clean: OptimizerSpec): ResolvedOptimizerSpec {
  const convention = clean.convention ?? defaultConvention(clean.kind)
  const out: ResolvedOptimizerSpec = { ...clean, convention }
  for (const p of optimizerMeta[clean.kind].conventions[convention]!.hyperParams) {
    if (out[p.key] === undefined) out[p.key] = p.default
  }
  return out
}

/**
 * Builds a stateful optimizer over n parameters (n = 2 on a surface, the weight vector for the classifier)
 * from a spec: validated and completed by `withDefaults`, then dispatched through the registry. Throws a
 * `SpecError` for a bad spec, for n not an integer in 1..10⁷ (`MAX_OPTIMIZER_PARAMS`), and for a
 * two-dimensional-only kind (newton) with n ≠ 2.
 */
export function createOptimizer(spec: OptimizerSpec, n: number): Optimizer {
  expectInteger(n, 'n', 1, MAX_OPTIMIZER_PARAMS)
  const resolved = withDefaults(spec)
  if (optimizerMeta[resolved.kind].capabilities.twoDimensionalOnly === true && n !== 2) {
    throw new SpecError(
      'optimizer.kind',
      `a first-order kind for n = ${n} ('${resolved.kind}' needs the 2×2 Hessian of a surface)`,
      resolved.kind,
    )
  }
  return optimizers[resolved.kind].create(resolved, n)
}
