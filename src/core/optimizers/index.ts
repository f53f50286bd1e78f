import { SpecError, expectInteger, expectNumber, expectOneOf, expectRecord } from '../errors'
import type { Bilingual, Convention, Optimizer, OptimizerKind, OptimizerSpec } from '../types'
import { adagrad } from './adagrad'
import { adam } from './adam'
import { adamw } from './adamw'
import { momentum } from './momentum'
import { nesterov } from './nesterov'
import { newton } from './newton'
import type { HyperParamKey, OptimizerEntry, ResolvedOptimizerSpec } from './optimizerEntry'
import { hyperParamDomains } from './optimizerEntry'
import { rmsprop } from './rmsprop'
import { sgd } from './sgd'

export type {
  ConventionRule,
  HyperParamKey,
  HyperParamSpec,
  Kernel2d,
  OptimizerEntry,
  ResolvedOptimizerSpec,
  Run2d,
  StateKeySpec,
} from './optimizerEntry'

/**
 * The optimizer registry, in display order: per kind its names, and per convention the TeX update rule
 * (lecture notation), the state arrays and the hyper-parameter sliders with that convention's defaults.
 */
export const optimizers: Readonly<Record<OptimizerKind, OptimizerEntry>> = {
  sgd,
  momentum,
  nesterov,
  adagrad,
  rmsprop,
  adam,
  adamw,
  newton,
}

/** Every optimizer kind, in display order. */
export const optimizerKinds = Object.keys(optimizers) as readonly OptimizerKind[]

/** Every convention, in display order; `lecture` is the app's default. */
export const conventions: readonly Convention[] = ['lecture', 'pytorch', 'tensorflow', 'course']

/** How the UI names each convention (CONVENTIONS.md). */
export const conventionNames: Readonly<Record<Convention, Bilingual>> = {
  lecture: { en: 'Li Hongyi lecture (ML2021)', zh: '李宏毅课程（ML2021）' },
  pytorch: { en: 'PyTorch', zh: 'PyTorch' },
  tensorflow: { en: 'TensorFlow.js', zh: 'TensorFlow.js' },
  course: { en: 'PKU TensorFlow course', zh: '北大 TensorFlow 课程' },
}

/** TeX of the L2 weight decay that every kind but AdamW and Newton applies first when `weightDecay` > 0. */
export const weightDecayRule = 'g \\leftarrow g + \\lambda_{\\mathrm{wd}}\\, \\theta'

const hyperKeys = Object.keys(hyperParamDomains).filter((k) => k !== 'lr') as HyperParamKey[]

/**
 * The conventions that define `kind`, in display order: all four for sgd, momentum, adagrad, rmsprop, adam
 * and newton; `pytorch` and `tensorflow` for nesterov; `pytorch` for adamw.
 */
export function supportedConventions(kind: OptimizerKind): Convention[] {
  return conventions.filter((c) => optimizers[kind].conventions[c] !== undefined)
}

/** The convention an omitted `convention` means: `lecture` where the kind has one, else its first one. */
export function defaultConvention(kind: OptimizerKind): Convention {
  return supportedConventions(kind)[0]
}

/**
 * Checks an optimizer spec at the edge and returns a clean copy (known keys only, no defaults filled).
 * Throws a `SpecError` naming `<field>.<key>` for: an unknown kind or convention, a convention that does not
 * define the kind (e.g. nesterov in `lecture`), lr not a finite number > 0, a hyper-parameter outside its
 * domain (momentum, rho, beta1, beta2 in [0, 1); eps, initialAccumulator, weightDecay finite ≥ 0), and a
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
  const used = optimizers[kind].conventions[conv]!.hyperParams.map((p) => p.key)
  const lr = expectNumber(raw.lr, `${field}.lr`, hyperParamDomains.lr.allowed, hyperParamDomains.lr.test)
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
    const domain = hyperParamDomains[key]
    out[key] = expectNumber(value, `${field}.${key}`, domain.allowed, domain.test)
  }
  return out
}

/**
 * The spec with the convention (default `lecture`, or the kind's first one: `pytorch` for nesterov and
 * adamw) and every hyper-parameter that convention reads filled with its default (CONVENTIONS.md), after
 * `validateOptimizerSpec`. Keys the convention does not read are rejected, never carried along.
 */
export function withDefaults(spec: OptimizerSpec): ResolvedOptimizerSpec {
  const clean = validateOptimizerSpec(spec)
  const convention = clean.convention ?? defaultConvention(clean.kind)
  const out: ResolvedOptimizerSpec = { ...clean, convention }
  for (const p of optimizers[clean.kind].conventions[convention]!.hyperParams) {
    if (out[p.key] === undefined) out[p.key] = p.default
  }
  return out
}

/**
 * Builds a stateful optimizer over n parameters (n = 2 on a surface, the weight vector for the classifier)
 * from a spec: validated and completed by `withDefaults`, then dispatched through the registry. Throws a
 * `SpecError` for a bad spec, for n not an integer ≥ 1, and for newton with n ≠ 2.
 */
export function createOptimizer(spec: OptimizerSpec, n: number): Optimizer {
  expectInteger(n, 'n', 1, Infinity)
  const resolved = withDefaults(spec)
  if (resolved.kind === 'newton' && n !== 2) {
    throw new SpecError(
      'optimizer.kind',
      `a first-order kind for n = ${n} ('newton' needs the 2×2 Hessian of a surface)`,
      'newton',
    )
  }
  return optimizers[resolved.kind].create(resolved, n)
}
