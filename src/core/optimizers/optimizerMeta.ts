import type { NumberDomain } from '../numberDomain'
import type { Bilingual, Convention, ParamSpec } from '../types'

/** The numeric keys of an `OptimizerSpec` (η and the hyper-parameters). */
export type HyperParamKey =
  'lr' | 'momentum' | 'rho' | 'beta1' | 'beta2' | 'eps' | 'initialAccumulator' | 'weightDecay'

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

/** What one optimizer kind does in one convention (docs/conventions.md), as data for the UI. */
export interface ConventionRule {
  /** The update rule in TeX (KaTeX `aligned`), lecture notation: θ, η_t, g, m, σ, λ, α, β. */
  rule: string
  /** The optimizer's state arrays in display order; equals `Optimizer.stateKeys`. */
  stateKeys: readonly StateKeySpec[]
  /** The hyper-parameters this convention reads, η first, with this convention's defaults. */
  hyperParams: readonly HyperParamSpec[]
  /** What to notice (first-step identities, missing ε, …). */
  note?: Bilingual
  /**
   * True when the step is exactly −η_t·g plus a movement carried over from earlier steps (the lecture's
   * momentum picture): the surface then draws that movement as its own arrow.
   */
  hasVelocity?: boolean
}

/**
 * A note a formula card shows for this kind when the race matches `when` (every given condition holds):
 * `convention` is the racer's, `schedule` the kind of the schedule it follows, `scheduled` true for any
 * schedule but the constant one.
 */
export interface OptimizerCardNote {
  /** Stable id (tests and styling). */
  id: string
  when: { convention?: Convention; schedule?: string; scheduled?: boolean }
  text: Bilingual
}

/** What a kind can and cannot do, for the code outside the entry that must not switch on its id. */
export interface OptimizerCapabilities {
  /** Reads the surface's analytic Hessian (Newton); the run then counts singular (no-step) updates. */
  needsHessian?: boolean
  /** Defined for n = 2 only (a surface), so not offered to the classifier. */
  twoDimensionalOnly?: boolean
  /** `weightDecay` shrinks θ apart from the gradient (AdamW) instead of adding λ_wd·θ to g. */
  decoupledWeightDecay?: boolean
  /** Divides by a per-parameter σ, so its effective rate is the state key `rate` (Adagrad, RMSProp, Adam). */
  adaptive?: boolean
}

/** Everything the main thread knows of one optimizer kind (no kernels): see src/core/optimizers/README.md. */
export interface OptimizerMeta<Id extends string = string> {
  id: Id
  /** The one name of the kind, in every panel (legend, editor, cards). */
  name: Bilingual
  /** The conventions that define this kind; the others are rejected by `validateOptimizerSpec`. */
  conventions: Partial<Record<Convention, ConventionRule>>
  /**
   * The learning rate a new racer of this kind starts with, chosen on the lecture's saddle
   * L = (1 − w₁w₂)² from (1.5, −1.499) (docs/lectures.md S1).
   */
  teachingLr: number
  /** Rank in the order `addRacer` offers kinds (lower first): the lecture's story first. */
  addOrder: number
  capabilities: OptimizerCapabilities
  cardNotes?: readonly OptimizerCardNote[]
}

/** Declares a meta entry, keeping its literal id (the kind union is derived from the ids). */
export const defineOptimizerMeta = <const Id extends string>(meta: OptimizerMeta<Id>): OptimizerMeta<Id> =>
  meta

/**
 * The one domain of each number of an optimizer spec: what `validateOptimizerSpec` accepts and what the
 * store clamps to. Averaging weights (λ, α/ρ, β₁, β₂) lie in [0, 1), since at 1 an average never forgets;
 * η, ε, the accumulator and the weight decay have practical caps where the math has none (10⁴, 1, 10⁶, 100).
 */
export const hyperParamDomain: Readonly<Record<HyperParamKey, NumberDomain>> = {
  lr: { min: 0, minExclusive: true, max: 1e4, cap: true },
  momentum: { min: 0, max: 1, maxExclusive: true },
  rho: { min: 0, max: 1, maxExclusive: true },
  beta1: { min: 0, max: 1, maxExclusive: true },
  beta2: { min: 0, max: 1, maxExclusive: true },
  eps: { min: 0, max: 1, cap: true },
  initialAccumulator: { min: 0, max: 1e6, cap: true },
  weightDecay: { min: 0, max: 100, cap: true },
}

/** Each number's short name in links (`momentum(lecture,lr:0.05,m:0.9)`), in the canonical order. */
export const hyperParamUrlNames: Readonly<Record<HyperParamKey, string>> = {
  lr: 'lr',
  momentum: 'm',
  rho: 'rho',
  beta1: 'b1',
  beta2: 'b2',
  eps: 'eps',
  initialAccumulator: 'acc',
  weightDecay: 'wd',
}

/** The teaching sliders: their range is narrower than the domain (a number field goes beyond). */
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

/** The name of each hyper-parameter (its slider's label). */
export const hyperParamName = (key: HyperParamKey): Bilingual => sliders[key].name

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
