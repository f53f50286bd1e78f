import type { Regularization } from '../../core/mlp/types'
import type { Convention, OptimizerSpec, ScheduleSpec } from '../../core/types'
import { isInRule } from '../limits'
import type { NumberRule } from '../limits'
import {
  conventionsOf,
  isConvention,
  isOptimizerKind,
  LR_RULE,
  OPTIMIZER_PARAMS,
  PARAM_RULES,
  paramsOf,
} from '../optimizerRules'
import type { OptimizerParam } from '../optimizerRules'
import { isScheduleKind } from '../../core/meta'
import { scheduleRulesOf } from '../scheduleRules'
import type { ScheduleField } from '../scheduleRules'
import { formatNumber, parseCall, parseField, parseNumber, splitTop } from '../url/tokens'
import type { NoticeSink } from '../url/urlSchema'
import { ACTIVATIONS, INIT_KINDS, LAB_LIMITS, LOSSES, OUTPUTS } from './labSettings'
import type { NetSettings } from './labSettings'
import { isTwoDimensionalOnly, normalizeHidden, normalizeLabSchedule } from './normalizeNet'

/**
 * The text form of one network in a lab link (`l.a`, `l.b`): `field:value` items, each a setting of
 * `NetSettings`, with the optimizer and schedule in the playground's racer syntax. Only slicing and `Number`;
 * nothing is evaluated. See labUrl.ts for the whole link.
 */

export const numberIn = (rule: NumberRule, raw: string): number | undefined => {
  const v = parseNumber(raw)
  return isInRule(rule, v) ? v : undefined
}
const oneOf = <T extends string>(values: readonly T[], raw: string): T | undefined =>
  (values as readonly string[]).includes(raw) ? (raw as T) : undefined
const flag = (raw: string): boolean | undefined => (raw === '1' ? true : raw === '0' ? false : undefined)

// ------------------------------------------------------------------------------------------ optimizer

/** `kind(convention,lr:η,m:λ,…)`, parameters in canonical order under their racer URL names. */
export function formatOptimizer(o: OptimizerSpec): string {
  const args: string[] = []
  if (o.convention !== undefined) args.push(o.convention)
  args.push(`${LR_RULE.url}:${formatNumber(o.lr)}`)
  for (const p of OPTIMIZER_PARAMS)
    if (o[p] !== undefined) args.push(`${PARAM_RULES[p].url}:${formatNumber(o[p])}`)
  return `${o.kind}(${args.join(',')})`
}

const PARAM_BY_URL = new Map(OPTIMIZER_PARAMS.map((p) => [PARAM_RULES[p].url, p] as const))

/** The optimizer a link names (canonical), or undefined when any part is unknown, repeated or out of range. */
export function parseOptimizer(raw: string): OptimizerSpec | undefined {
  const call = parseCall(raw)
  if (call === undefined || !isOptimizerKind(call.name) || isTwoDimensionalOnly(call.name)) return undefined
  const kind = call.name
  let convention: Convention | undefined
  let lr: number | undefined
  const params = new Map<OptimizerParam, number>()
  for (const arg of call.args) {
    const f = parseField(arg)
    if (f === undefined) return undefined
    if (f.value === undefined) {
      if (!isConvention(f.key) || convention !== undefined || !conventionsOf(kind).includes(f.key))
        return undefined
      convention = f.key
    } else if (f.key === LR_RULE.url) {
      if (lr !== undefined) return undefined
      lr = numberIn(LR_RULE.rule, f.value)
      if (lr === undefined) return undefined
    } else {
      const p = PARAM_BY_URL.get(f.key)
      const v = p === undefined ? undefined : numberIn(PARAM_RULES[p].rule, f.value)
      if (p === undefined || v === undefined || params.has(p)) return undefined
      params.set(p, v)
    }
  }
  if (convention === undefined || lr === undefined) return undefined
  const reads = paramsOf(kind, convention)
  for (const p of params.keys()) if (!reads.includes(p)) return undefined
  const spec: OptimizerSpec = { kind, convention, lr }
  for (const p of OPTIMIZER_PARAMS) if (params.has(p)) spec[p] = params.get(p)
  return spec
}

// ------------------------------------------------------------------------------------------- schedule

const scheduleFields = (kind: string): readonly ScheduleField[] | undefined =>
  isScheduleKind(kind) ? scheduleRulesOf(kind).fields : undefined

/** `none` for null, else `kind` or `kind(field:value,…)` with the spec's field names (flags 1/0, lists a/b). */
export function formatLabSchedule(spec: ScheduleSpec | null): string {
  if (spec === null) return 'none'
  const s = spec as unknown as Record<string, unknown>
  const args: string[] = []
  for (const field of scheduleFields(spec.kind) ?? []) {
    const v = s[field.name]
    if (v === undefined) continue
    const text =
      field.type === 'boolean'
        ? v
          ? '1'
          : '0'
        : field.type === 'list'
          ? (v as number[]).map(formatNumber).join('/')
          : formatNumber(v as number)
    args.push(`${field.name}:${text}`)
  }
  return args.length === 0 ? spec.kind : `${spec.kind}(${args.join(',')})`
}

/** The schedule a link names (null for `none`), or undefined when it is not valid. */
export function parseLabSchedule(raw: string): ScheduleSpec | null | undefined {
  if (raw === 'none') return null
  const call = parseCall(raw)
  const fields = call && scheduleFields(call.name)
  if (call === undefined || fields === undefined) return undefined
  const spec = new Map<string, unknown>([['kind', call.name]])
  for (const arg of call.args) {
    const f = parseField(arg)
    const field = f && fields.find((r) => r.name === f.key)
    if (f === undefined || f.value === undefined || field === undefined || spec.has(f.key)) return undefined
    let v: unknown
    if (field.type === 'boolean') v = flag(f.value)
    else if (field.type === 'list') {
      const items = f.value.split('/').map(parseNumber)
      v = items.every((x) => x !== undefined) ? items : undefined
    } else v = parseNumber(f.value)
    if (v === undefined) return undefined
    spec.set(f.key, v)
  }
  return normalizeLabSchedule(Object.fromEntries(spec))
}

// -------------------------------------------------------------------------------------------- network

function formatRegularization(r: Regularization): string {
  return r.kind === 'none' ? 'none' : `${r.kind}(${formatNumber(r.lambda)})`
}

function parseRegularization(raw: string): Regularization | undefined {
  if (raw === 'none') return { kind: 'none' }
  const call = parseCall(raw)
  if (call === undefined || (call.name !== 'l1' && call.name !== 'l2') || call.args.length !== 1)
    return undefined
  const lambda = numberIn(LAB_LIMITS.lambda, call.args[0])
  return lambda === undefined ? undefined : { kind: call.name, lambda }
}

/** One field of a network in a link: its short name, its text, and its reader. */
interface NetField {
  url: string
  format(net: NetSettings): string
  /** Writes the value into `net`; false when the text is not valid. */
  read(net: NetSettings, raw: string): boolean
}

const setIf = <K extends keyof NetSettings>(
  net: NetSettings,
  key: K,
  v: NetSettings[K] | undefined,
): boolean => {
  if (v === undefined) return false
  net[key] = v
  return true
}

/** The network fields in canonical order. */
const NET_FIELDS: readonly NetField[] = [
  {
    url: 'h',
    format: (n) => n.hidden.map(formatNumber).join('/'),
    read: (n, raw) => setIf(n, 'hidden', normalizeHidden(raw.split('/').map(parseNumber))),
  },
  {
    url: 'act',
    format: (n) => n.activation,
    read: (n, raw) => setIf(n, 'activation', oneOf(ACTIVATIONS, raw)),
  },
  { url: 'out', format: (n) => n.output, read: (n, raw) => setIf(n, 'output', oneOf(OUTPUTS, raw)) },
  { url: 'loss', format: (n) => n.loss, read: (n, raw) => setIf(n, 'loss', oneOf(LOSSES, raw)) },
  {
    url: 'opt',
    format: (n) => formatOptimizer(n.optimizer),
    read: (n, raw) => setIf(n, 'optimizer', parseOptimizer(raw)),
  },
  {
    url: 's',
    format: (n) => formatLabSchedule(n.schedule),
    read: (n, raw) => {
      const v = parseLabSchedule(raw)
      if (v === undefined) return false
      n.schedule = v
      return true
    },
  },
  {
    url: 'bs',
    format: (n) => formatNumber(n.batchSize),
    read: (n, raw) => setIf(n, 'batchSize', numberIn(LAB_LIMITS.batchSize, raw)),
  },
  {
    url: 'ep',
    format: (n) => formatNumber(n.epochs),
    read: (n, raw) => setIf(n, 'epochs', numberIn(LAB_LIMITS.epochs, raw)),
  },
  { url: 'sh', format: (n) => (n.shuffle ? '1' : '0'), read: (n, raw) => setIf(n, 'shuffle', flag(raw)) },
  {
    url: 'reg',
    format: (n) => formatRegularization(n.regularization),
    read: (n, raw) => setIf(n, 'regularization', parseRegularization(raw)),
  },
  {
    url: 'do',
    format: (n) => formatNumber(n.dropout),
    read: (n, raw) => setIf(n, 'dropout', numberIn(LAB_LIMITS.dropout, raw)),
  },
  { url: 'bn', format: (n) => (n.batchNorm ? '1' : '0'), read: (n, raw) => setIf(n, 'batchNorm', flag(raw)) },
  { url: 'init', format: (n) => n.init, read: (n, raw) => setIf(n, 'init', oneOf(INIT_KINDS, raw)) },
  {
    url: 'vs',
    format: (n) => formatNumber(n.validationSplit),
    read: (n, raw) => setIf(n, 'validationSplit', numberIn(LAB_LIMITS.validationSplit, raw)),
  },
  {
    url: 'pat',
    format: (n) => formatNumber(n.patience),
    read: (n, raw) => setIf(n, 'patience', numberIn(LAB_LIMITS.patience, raw)),
  },
]

/** The fields of `net` that differ from `base`, as `field:value,…`; undefined when none does. */
export function formatNet(net: NetSettings, base: NetSettings): string | undefined {
  const parts = NET_FIELDS.filter((f) => f.format(net) !== f.format(base)).map(
    (f) => `${f.url}:${f.format(net)}`,
  )
  return parts.length === 0 ? undefined : parts.join(',')
}

/**
 * A network from its link text over `base`: each valid field replaces base's; a field that is unknown,
 * repeated or not valid keeps base's value and adds one `lab.notice.invalidField` naming it (only names from
 * the table are ever repeated back; an unknown one shows as '?'). Unbalanced parentheses reject the whole value.
 */
export function parseNet(raw: string, base: NetSettings, sink: NoticeSink): NetSettings | undefined {
  const items = splitTop(raw, ',')
  if (items === undefined) return undefined
  const net = structuredClone(base)
  const seen = new Set<string>()
  for (const item of items) {
    if (item === '') continue
    const f = parseField(item)
    const field = f && NET_FIELDS.find((d) => d.url === f.key)
    if (
      f === undefined ||
      field === undefined ||
      f.value === undefined ||
      seen.has(f.key) ||
      !field.read(net, f.value)
    )
      sink.notice('lab.notice.invalidField', { field: field?.url ?? '?' })
    if (field !== undefined) seen.add(field.url)
  }
  return net
}
