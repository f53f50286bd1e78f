import { getScheduleMeta, optimizerMeta } from '../../core/meta'
import type { HyperParamSpec } from '../../core/meta'
import type { Bilingual, OptimizerSpec, ParamSpec } from '../../core/types'
import { superscript } from '../../render/texLabel'
import type { MessageKey } from '../../i18n/en'
import type { MessageParams } from '../../i18n/translate'
import { isInRule } from '../../state/limits'
import type { NumberRule } from '../../state/limits'
import { LR_RULE, PARAM_RULES } from '../../state/optimizerRules'
import type { OptimizerParam } from '../../state/optimizerRules'
import { MAX_MILESTONES, normalizeSchedule, SCHEDULE_RULES } from '../../state/scheduleRules'
import type { RaceScheduleKind, RaceScheduleSpec, ScheduleField } from '../../state/scheduleRules'
import type { NumberCheck } from '../../ui/NumberField'
import { parseNumber } from '../../ui/parseNumber'

/** `t` of `useT()`. */
export type Translate = (key: MessageKey, params?: MessageParams) => string

/** A bound of a rule as people read it: 10⁴ for powers of ten from 10⁴ on, exact integers, '−' for minus. */
export function formatBound(b: number): string {
  const a = Math.abs(b)
  const sign = b < 0 ? '−' : ''
  const e = Math.round(Math.log10(a))
  if (a >= 1e4 && 10 ** e === a) return `${sign}10${superscript(e)}`
  return sign + String(a)
}

/** The interval of a rule in the usual notation: [0, 1), (0, 10⁴], [−10⁶, 10⁶]. */
export function intervalText(rule: NumberRule): string {
  const open = rule.minExclusive ? '(' : '['
  const close = rule.maxExclusive ? ')' : ']'
  return `${open}${formatBound(rule.min)}, ${formatBound(rule.max)}${close}`
}

/**
 * The check of a number field for a store rule: text that is not a number, or a number outside the rule (or
 * not an integer where one is needed), gives a message that also says which value stays (`kept`). `extra`
 * adds a condition that involves other settings (it returns a message, or null when the value fits).
 */
export function numberCheck(
  t: Translate,
  rule: NumberRule,
  kept: number | undefined,
  extra?: (v: number) => string | null,
): (text: string) => NumberCheck {
  const fail = (problem: string): NumberCheck => ({
    error: kept === undefined ? problem : t('controls.error.kept', { problem, value: String(kept) }),
  })
  return (text) => {
    const v = parseNumber(text)
    if (v === null) return fail(t('controls.error.notNumber', { text: text.trim() }))
    if (!isInRule(rule, v)) {
      const interval = intervalText(rule)
      return fail(t(rule.integer ? 'controls.error.integer' : 'controls.error.range', { interval }))
    }
    const more = extra?.(v) ?? null
    return more === null ? { value: v + 0 } : fail(more)
  }
}

/** The hyper-parameters shown at once; the rest (ε, initial accumulator, weight decay) sit under "more". */
const MAIN_PARAMS: readonly OptimizerParam[] = ['momentum', 'rho', 'beta1', 'beta2']

/** One hyper-parameter control of a racer: the registry's slider (convention default, symbol) and the value. */
export interface HyperControl {
  key: 'lr' | OptimizerParam
  /** The registry's slider spec for this convention (name, TeX symbol, range, scale, default). */
  spec: HyperParamSpec
  /** The value in force: the racer's own, or the convention's default when unset. */
  value: number
  /** True when the racer leaves it unset (so it follows the convention's default). */
  isDefault: boolean
  /** What the exact field accepts (the store's rule, which may be wider than the slider). */
  rule: NumberRule
  /** Shown at once (true) or under "more settings". */
  main: boolean
}

/**
 * The controls of a racer's optimizer, from the registry entry of its kind and convention, η first: each
 * hyper-parameter that convention reads, with that convention's default and symbol (λ, α, β, β₁, β₂, ε, s₀,
 * λ_wd). Empty when the registry does not define the pair (a spec the store would never hold).
 */
export function hyperControls(spec: OptimizerSpec): HyperControl[] {
  const rule = optimizerMeta[spec.kind]?.conventions[spec.convention ?? 'lecture']
  if (rule === undefined) return []
  return rule.hyperParams.map((p) => {
    if (p.key === 'lr')
      return { key: 'lr', spec: p, value: spec.lr, isDefault: false, rule: LR_RULE.rule, main: true }
    const key = p.key
    const own = spec[key]
    return {
      key,
      spec: p,
      value: own ?? p.default,
      isDefault: own === undefined,
      rule: PARAM_RULES[key].rule,
      main: MAIN_PARAMS.includes(key),
    }
  })
}

/** One control of a schedule kind: the store's field (type, rule) and, for numbers, the registry's slider. */
export interface ScheduleControl {
  field: ScheduleField
  /** The field's name (the meta's). */
  name: Bilingual
  /** The registry's slider spec (name, symbol, range, default); absent for milestones and staircase. */
  param?: ParamSpec
  /** The field whose value this one must stay below (cosine warm-up < T), from the meta. */
  lessThan?: string
}

/** The controls of a schedule kind, in the meta's canonical field order (SCHEDULE_RULES). */
export function scheduleControls(kind: RaceScheduleKind): ScheduleControl[] {
  const meta = getScheduleMeta(kind)
  return SCHEDULE_RULES[kind].fields.map((field) => {
    const f = meta.fields.find((m) => m.key === field.name)
    const param = meta.params.find((p) => p.key === field.name)
    const control: ScheduleControl = { field, name: f?.name ?? { en: field.name, zh: field.name } }
    if (param !== undefined) control.param = param
    if (f?.lessThan !== undefined) control.lessThan = f.lessThan
    return control
  })
}

/** A schedule field's value in force: the spec's own, else the registry's default for it. */
export function scheduleValue(spec: RaceScheduleSpec, control: ScheduleControl): number | undefined {
  const own = (spec as unknown as Record<string, unknown>)[control.field.name]
  return typeof own === 'number' ? own : control.param?.default
}

/** `spec` with one field replaced, in canonical form, or undefined when the result is not a valid schedule. */
export function withScheduleField(
  spec: RaceScheduleSpec,
  name: string,
  value: number | boolean | number[],
): RaceScheduleSpec | undefined {
  return normalizeSchedule({ ...spec, [name]: value })
}

/**
 * The slider range of a schedule parameter in the context of the other fields: a field that must stay below
 * another (cosine warm-up ends before T: the d2l form divides by T − W) stops at that field's value − 1.
 */
export function scheduleSliderMax(spec: RaceScheduleSpec, control: ScheduleControl): number {
  const max = control.param?.max ?? control.field.rule.max
  const bound =
    control.lessThan === undefined
      ? undefined
      : (spec as unknown as Record<string, unknown>)[control.lessThan]
  return typeof bound === 'number' ? Math.min(max, bound - 1) : max
}

/** Milestones typed as “100, 200” (commas, Chinese commas or spaces); null unless 1–32 increasing integers. */
export function parseMilestones(text: string, rule: NumberRule): number[] | null {
  const parts = text.split(/[,，、;；\s]+/).filter((p) => p !== '')
  if (parts.length === 0 || parts.length > MAX_MILESTONES) return null
  const list = parts.map(parseNumber)
  if (!list.every((v): v is number => v !== null && isInRule({ ...rule, integer: true }, v))) return null
  return list.every((v, i) => i === 0 || v > list[i - 1]) ? list : null
}
