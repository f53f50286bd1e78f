import type { Convention, OptimizerKind, OptimizerSpec } from '../../core/types'
import { isInRule, LIMITS, MAX_RACERS } from '../limits'
import type { NumberRule } from '../limits'
import { defaultConvention } from '../../core/meta'
import {
  conventionsOf,
  DEFAULT_LR,
  isConvention,
  isOptimizerKind,
  LR_RULE,
  OPTIMIZER_PARAMS,
  PARAM_RULES,
  paramsOf,
} from '../optimizerRules'
import type { OptimizerParam } from '../optimizerRules'
import type { RaceScheduleSpec } from '../scheduleRules'
import type { RacerSettings } from '../settings'
import { formatSchedule, parseSchedule } from './scheduleCodec'
import { formatNumber, parseCall, parseField, parseNumber } from './tokens'

const PARAM_BY_URL = new Map(OPTIMIZER_PARAMS.map((p) => [PARAM_RULES[p].url, p] as const))
const COLOR_RULE: NumberRule = { min: 0, max: MAX_RACERS - 1, integer: true }

/**
 * A racer in the URL: `kind(convention,lr:η,param:value,…,c:slot,hidden,b:batch,s:schedule)`, e.g.
 * `momentum(lecture,lr:0.05,m:0.9)` or `adam(pytorch,lr:0.1,b2:0.99,s:cosine(totalSteps:500))`; `b:B` is the
 * mini-batch size (left out for the full batch), e.g. `sgd(lecture,lr:0.05,b:1)`. Parameter
 * names are `PARAM_RULES[…].url`; unset parameters (convention defaults) are left out; `c:` is written only
 * when the colour slot differs from the racer's position, so a fresh race has none.
 */
export function formatRacer(racer: RacerSettings, position: number): string {
  const o = racer.optimizer
  const args: string[] = []
  if (o.convention !== undefined) args.push(o.convention)
  args.push(`${LR_RULE.url}:${formatNumber(o.lr)}`)
  for (const p of OPTIMIZER_PARAMS) {
    const v = o[p]
    if (v !== undefined) args.push(`${PARAM_RULES[p].url}:${formatNumber(v)}`)
  }
  if (racer.color !== position) args.push(`c:${racer.color}`)
  if (racer.hidden) args.push('hidden')
  if (racer.batch !== undefined) args.push(`b:${formatNumber(racer.batch)}`)
  if (racer.schedule !== null) args.push(`s:${formatSchedule(racer.schedule)}`)
  return `${o.kind}(${args.join(',')})`
}

/** A racer read from the URL before its colour slot is settled. */
export interface ParsedRacer {
  optimizer: OptimizerSpec
  schedule: RaceScheduleSpec | null
  hidden: boolean
  /** The requested slot, if a valid `c:` was given. */
  color?: number
  /** Examples per mini-batch, if a valid `b:` was given. */
  batch?: number
  /** True when some field was invalid, unknown or repeated and was replaced by its default. */
  fieldErrors: boolean
}

interface Draft {
  kind: OptimizerKind
  convention?: Convention
  lr?: number
  params: Map<OptimizerParam, number>
  color?: number
  batch?: number
  hidden: boolean
  schedule: RaceScheduleSpec | null
}

/**
 * Reads one racer. An unknown kind or a malformed token gives undefined (the racer is dropped); a bad field
 * only falls back to its default (lr: the kind's teaching rate; convention: the kind's default; parameters:
 * the convention's) and sets `fieldErrors`, as does a parameter the convention does not read. The optimizer
 * is canonical, as `normalizeOptimizer` makes it.
 */
export function parseRacer(raw: string): ParsedRacer | undefined {
  const call = parseCall(raw)
  if (call === undefined || !isOptimizerKind(call.name)) return undefined
  const d: Draft = { kind: call.name, params: new Map(), hidden: false, schedule: null }
  const seen = new Set<string>()
  let fieldErrors = false
  for (const arg of call.args) {
    const f = parseField(arg)
    const slot =
      f === undefined ? undefined : f.value === undefined && isConvention(f.key) ? 'convention' : f.key
    if (f === undefined || slot === undefined || seen.has(slot) || !readField(d, f.key, f.value))
      fieldErrors = true
    if (slot !== undefined) seen.add(slot)
  }
  const convention = d.convention ?? defaultConvention(d.kind)
  const optimizer: OptimizerSpec = { kind: d.kind, convention, lr: d.lr ?? DEFAULT_LR[d.kind] }
  const read = paramsOf(d.kind, convention)
  for (const p of d.params.keys()) if (!read.includes(p)) fieldErrors = true
  for (const p of read) {
    const v = d.params.get(p)
    if (v !== undefined) optimizer[p] = v
  }
  return {
    optimizer,
    schedule: d.schedule,
    hidden: d.hidden,
    ...(d.color !== undefined && { color: d.color }),
    ...(d.batch !== undefined && { batch: d.batch }),
    fieldErrors,
  }
}

/** Applies one field to the draft; false when it is unknown or its value is not valid for this kind. */
function readField(d: Draft, key: string, value: string | undefined): boolean {
  if (value === undefined) {
    if (isConvention(key) && conventionsOf(d.kind).includes(key)) d.convention = key
    else if (key === 'hidden') d.hidden = true
    else return false
    return true
  }
  if (key === 's') {
    const schedule = parseSchedule(value)
    if (schedule !== undefined) d.schedule = schedule
    return schedule !== undefined
  }
  const x = parseNumber(value)
  const param = PARAM_BY_URL.get(key)
  if (key === LR_RULE.url && isInRule(LR_RULE.rule, x)) d.lr = x
  else if (key === 'c' && isInRule(COLOR_RULE, x)) d.color = x
  else if (key === 'b' && isInRule(LIMITS.batch, x)) d.batch = x
  // Whether the convention reads the parameter is settled once the convention is known, after every field.
  else if (param !== undefined && isInRule(PARAM_RULES[param].rule, x)) d.params.set(param, x)
  else return false
  return true
}
