import type { NumberDomain } from '../numberDomain'
import type { Bilingual, ParamSpec, ScheduleSpec } from '../types'

/** The spec type of one schedule kind. */
export type ScheduleOf<K extends string> = Extract<ScheduleSpec, { kind: K }>

/** The teaching slider of a numeric field: symbol, range (narrower than the domain), step and default. */
export type ScheduleSlider = Omit<ParamSpec, 'key' | 'name'>

/**
 * One field of a schedule spec, in the spec's canonical order: a number, a flag, or a list of numbers.
 * `domain` is the one domain (of each element, for a list) that the core validates and the store clamps to.
 */
export interface ScheduleFieldMeta {
  /** The spec's key, also its name in links (`cosine(totalSteps:500)`). */
  key: string
  type: 'number' | 'boolean' | 'list'
  name: Bilingual
  domain: NumberDomain
  optional?: boolean
  /** A number that must stay below another field of the spec (cosine warm-up ends before T). */
  lessThan?: string
  /**
   * A list: how many elements it holds (`max` in the app's editor, links and store; `coreMax`, default `max`,
   * at the core's edge), and whether they strictly increase (milestones).
   */
  length?: { min: number; max: number; coreMax?: number }
  increasing?: boolean
  /** The slider of a number (absent for flags, lists and numbers without a teaching range). */
  slider?: ScheduleSlider
}

/** Everything the main thread knows of one schedule kind: see src/core/optimizers/README.md. */
export interface ScheduleMeta<K extends string = string> {
  id: K
  /** The one name of the kind, in every panel (editor, cards, charts). */
  name: Bilingual
  /** η_t in TeX (KaTeX), t = 0 for the first update, η the base learning rate. */
  formula: string
  /** Where the exact form comes from (docs/conventions.md). */
  reference: string
  /** True when η_t = η for every t: what an omitted schedule means (the lab stores none). */
  identity?: boolean
  fields: readonly ScheduleFieldMeta[]
  /** The numeric fields with a slider, as `ParamSpec`s (derived from `fields` by `defineScheduleMeta`). */
  params: readonly ParamSpec[]
  /** A complete spec of this kind with the registry's default parameters. */
  defaults: ScheduleOf<K>
  /**
   * The spec a race of `steps` updates starts from when this kind is picked (teaching defaults fitted to
   * the race length); absent for kinds a race cannot use (plateau needs a loss to monitor).
   */
  raceDefault?(steps: number): ScheduleOf<K>
  /**
   * η_t for the update with index t (t = 0 first) in closed form, a few flops and no state, so the η chart
   * can draw a whole race before it is computed; absent for `plateau`, which depends on the loss.
   */
  lr?(base: number, spec: ScheduleOf<K>, t: number): number
}

/** A meta entry as written in a `<id>.meta.ts` file: `params` is derived. */
export type ScheduleMetaInput<K extends string> = Omit<ScheduleMeta<K>, 'params'>

/** Declares a meta entry, keeping its literal id and deriving the sliders (`params`) from the fields. */
export function defineScheduleMeta<const K extends ScheduleSpec['kind']>(
  meta: ScheduleMetaInput<K>,
): ScheduleMeta<K> {
  const params = meta.fields.flatMap((f) =>
    f.slider === undefined ? [] : [{ key: f.key, name: f.name, ...f.slider }],
  )
  return { ...meta, params }
}

/** A slider spec; `tex` is the parameter's symbol in the formula. */
export function slider(
  tex: string,
  range: { min: number; max: number; step: number; default: number; scale?: 'linear' | 'log' },
  integer = false,
): ScheduleSlider {
  const { scale = 'linear', ...rest } = range
  return integer ? { tex, scale, ...rest, integer: true } : { tex, scale, ...rest }
}

/** Domains shared by the schedules: step counts (≤ 10⁶, the app's cap), factors and absolute rates. */
export const stepsDomain: NumberDomain = { min: 1, max: 1_000_000, integer: true, cap: true }
export const unitFactor: NumberDomain = { min: 0, minExclusive: true, max: 1 }
export const rateDomain: NumberDomain = { min: 0, max: 1e4, cap: true }

/** η_final of the cosine, polynomial and restart schedules (PyTorch's eta_min). */
export const finalField: ScheduleFieldMeta = {
  key: 'final',
  type: 'number',
  name: { en: 'final learning rate', zh: '最终学习率' },
  domain: rateDomain,
  optional: true,
  slider: slider('\\eta_{\\mathrm{final}}', { min: 0, max: 1, step: 0.001, default: 0 }),
}
