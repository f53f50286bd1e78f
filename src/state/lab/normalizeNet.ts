import { datasetKinds } from '../../core/mlp/datasetKinds.meta'
import type { DatasetKind, Regularization } from '../../core/mlp/types'
import { optimizerMeta } from '../../core/meta'
import type { ScheduleSpec } from '../../core/types'
import { clampToRule, isInRule } from '../limits'
import type { NumberRule } from '../limits'
import { isConvention, LR_RULE, normalizeOptimizer } from '../optimizerRules'
import { normalizeAnySchedule } from '../scheduleRules'
import { ACTIVATIONS, INIT_KINDS, LAB_LIMITS, LOSSES, MAX_HIDDEN, OUTPUTS } from './labSettings'
import type { CompareSettings, LabDataSource, NetSettings } from './labSettings'

/** True for a kind the classifier cannot use (its meta says it needs a surface's 2×2 Hessian). */
export const isTwoDimensionalOnly = (kind: string): boolean =>
  Object.hasOwn(optimizerMeta, kind) &&
  optimizerMeta[kind as keyof typeof optimizerMeta].capabilities.twoDimensionalOnly === true

const pick = <T extends string>(values: readonly T[], v: unknown, prev: T): T =>
  (values as readonly unknown[]).includes(v) ? (v as T) : prev
const num = (rule: NumberRule, v: unknown, prev: number, clamp: boolean): number =>
  clamp ? (clampToRule(rule, v) ?? prev) : isInRule(rule, v) ? v + 0 : prev

/**
 * A classifier schedule in canonical form, or undefined when it is not valid: any kind of the registry,
 * checked against its meta's fields and domains (the checks the core runs at the worker's edge). With
 * `clamp` numbers are brought into range (actions), without it out-of-range rejects (links).
 */
export function normalizeLabSchedule(spec: unknown, clamp = false): ScheduleSpec | undefined {
  return normalizeAnySchedule(spec, clamp)
}

/** A penalty with λ in range, or undefined. */
export function normalizeRegularization(v: unknown, clamp = false): Regularization | undefined {
  if (typeof v !== 'object' || v === null) return undefined
  const r = v as Record<string, unknown>
  if (r.kind === 'none') return { kind: 'none' }
  if (r.kind !== 'l1' && r.kind !== 'l2') return undefined
  const lambda = clamp
    ? clampToRule(LAB_LIMITS.lambda, r.lambda)
    : isInRule(LAB_LIMITS.lambda, r.lambda)
      ? r.lambda + 0
      : undefined
  return lambda === undefined ? undefined : { kind: r.kind, lambda }
}

/** 1..3 hidden widths of 1..32 units, or undefined. */
export function normalizeHidden(v: unknown, clamp = false): number[] | undefined {
  if (!Array.isArray(v) || v.length < 1 || v.length > MAX_HIDDEN) return undefined
  const out = v.map((u) =>
    clamp ? clampToRule(LAB_LIMITS.units, u) : isInRule(LAB_LIMITS.units, u) ? u + 0 : undefined,
  )
  return out.every((u) => u !== undefined) ? (out as number[]) : undefined
}

/**
 * Applies an edit to a network: every field of `next` is checked and, when not valid, the field of `prev` is
 * kept (numbers are clamped into range first: `clamp`, the actions' behaviour). The optimizer goes through
 * the playground's `normalizeOptimizer` (canonical, convention set; a two-dimensional-only kind such as
 * Newton is refused: it needs a 2D surface).
 */
export function normalizeNet(next: Partial<NetSettings>, prev: NetSettings, clamp = true): NetSettings {
  const n = { ...prev, ...next }
  let optimizer = prev.optimizer
  if (next.optimizer !== undefined && !isTwoDimensionalOnly(next.optimizer.kind)) {
    optimizer = normalizeOptimizer(next.optimizer, prev.optimizer) ?? prev.optimizer
  }
  const schedule =
    next.schedule === undefined
      ? prev.schedule
      : next.schedule === null
        ? null
        : (normalizeLabSchedule(next.schedule, clamp) ?? prev.schedule)
  return {
    hidden: normalizeHidden(n.hidden, clamp) ?? prev.hidden,
    activation: pick(ACTIVATIONS, n.activation, prev.activation),
    output: pick(OUTPUTS, n.output, prev.output),
    loss: pick(LOSSES, n.loss, prev.loss),
    optimizer,
    schedule,
    batchSize: num(LAB_LIMITS.batchSize, n.batchSize, prev.batchSize, clamp),
    epochs: num(LAB_LIMITS.epochs, n.epochs, prev.epochs, clamp),
    shuffle: typeof n.shuffle === 'boolean' ? n.shuffle : prev.shuffle,
    regularization: normalizeRegularization(n.regularization, clamp) ?? prev.regularization,
    dropout: num(LAB_LIMITS.dropout, n.dropout, prev.dropout, clamp),
    batchNorm: typeof n.batchNorm === 'boolean' ? n.batchNorm : prev.batchNorm,
    init: pick(INIT_KINDS, n.init, prev.init),
    validationSplit: num(LAB_LIMITS.validationSplit, n.validationSplit, prev.validationSplit, clamp),
    patience: num(LAB_LIMITS.patience, n.patience, prev.patience, clamp),
  }
}

/** A link-able data source (`dot`, or a generated set with its parameters in range), or undefined. */
export function normalizeDataSource(v: unknown, clamp = false): LabDataSource | undefined {
  if (typeof v !== 'object' || v === null) return undefined
  const s = v as Record<string, unknown>
  if (s.kind === 'dot') return { kind: 'dot' }
  if (s.kind !== 'generated' || typeof s.shape !== 'string' || !Object.hasOwn(datasetKinds, s.shape))
    return undefined
  const rule = (r: NumberRule, x: unknown) => (clamp ? clampToRule(r, x) : isInRule(r, x) ? x + 0 : undefined)
  const n = rule(LAB_LIMITS.rows, s.n)
  const noise = rule(LAB_LIMITS.noise, s.noise)
  const seed = rule(LAB_LIMITS.seed, s.seed)
  if (n === undefined || noise === undefined || seed === undefined) return undefined
  return { kind: 'generated', shape: s.shape as DatasetKind, n, noise, seed }
}

/** Applies an edit to the comparison settings, keeping `prev`'s value of every invalid field. */
export function normalizeCompare(next: Partial<CompareSettings>, prev: CompareSettings): CompareSettings {
  return {
    convention: isConvention(next.convention) ? next.convention : prev.convention,
    lr: clampToRule(LR_RULE.rule, next.lr ?? prev.lr) ?? prev.lr,
    targetLoss: clampToRule(LAB_LIMITS.targetLoss, next.targetLoss ?? prev.targetLoss) ?? prev.targetLoss,
  }
}
