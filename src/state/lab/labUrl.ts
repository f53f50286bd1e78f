import { datasetKinds } from '../../core/mlp/generateDataset'
import type { DatasetKind, Regularization } from '../../core/mlp/types'
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
import { SCHEDULE_RULES } from '../scheduleRules'
import type { ScheduleField } from '../scheduleRules'
import type { UrlNotice } from '../url/notices'
import { formatNumber, parseCall, parseField, parseNumber, splitTop } from '../url/tokens'
import { parseWith, serializeWith, urlProp } from '../url/urlSchema'
import type { NoticeSink, UrlProp } from '../url/urlSchema'
import { ACTIVATIONS, createDefaultLabSettings, INIT_KINDS, LAB_LIMITS, LOSSES, OUTPUTS } from './labSettings'
import type { CompareSettings, LabDataSource, LabMode, LabSettings, NetSettings } from './labSettings'
import { normalizeHidden, normalizeLabSchedule, PLATEAU_FIELDS } from './normalizeNet'

/**
 * The lab's part of a shared link: every key is `lab` or starts with `l.`, so it lives beside the
 * playground's own keys in one query string. The course's experiment is just `lab=reg`; anything else
 * writes only what differs from the defaults, e.g.
 * `lab=cmp&l.a=h:16/8,act:tanh,opt:adam(pytorch,lr:0.01)&l.b=reg:l1(0.001),vs:0.2,pat:20&l.seed=7&
 * l.data=spiral(n:400,noise:0.1,seed:3)&l.cmp=conv:tensorflow,target:0.05`.
 *
 * | key | setting | form |
 * | --- | --- | --- |
 * | lab | mode | `reg` or `cmp` (always written: it marks a lab link) |
 * | l.a, l.b | networks A and B | `field:value` list (below); fields equal to the default are left out |
 * | l.seed | seed | integer |
 * | l.data | data source | `dot`, or `circle`/`xor`/`gaussians`/`spiral` `(n:…,noise:…,seed:…)` |
 * | l.cmp | comparison | `conv:…,lr:…,target:…` |
 *
 * Network fields: `h` hidden widths (`16/8`), `act`, `out`, `loss`, `opt` (`kind(convention,lr:η,m:…)`, the
 * playground's racer names), `s` schedule (`none` or `kind(field:v,…)`, plateau included), `bs` batch size,
 * `ep` epochs, `sh` shuffle 1/0, `reg` (`none`, `l2(λ)`, `l1(λ)`), `do` dropout, `bn` 1/0, `init`,
 * `vs` validation split, `pat` patience. Values are only sliced and read with `Number`; nothing is evaluated,
 * and a bad value is replaced by its default with a notice that never repeats it.
 */

interface Ctx {
  defaults: LabSettings
}
type Prop = UrlProp<LabSettings, Ctx>
type Sink = NoticeSink & { draft: LabSettings }

const MODE_CODES: Readonly<Record<LabMode, string>> = { regularization: 'reg', compare: 'cmp' }

/** True for a query key that belongs to the lab (`lab`, `l.…`). */
export function isLabKey(key: string): boolean {
  return key === 'lab' || key.startsWith('l.')
}

const oneOf = <T extends string>(values: readonly T[], raw: string): T | undefined =>
  (values as readonly string[]).includes(raw) ? (raw as T) : undefined
const numberIn = (rule: NumberRule, raw: string): number | undefined => {
  const v = parseNumber(raw)
  return isInRule(rule, v) ? v : undefined
}
const flag = (raw: string): boolean | undefined => (raw === '1' ? true : raw === '0' ? false : undefined)
const same = (p: unknown, q: unknown): boolean => JSON.stringify(p) === JSON.stringify(q)

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
  if (call === undefined || !isOptimizerKind(call.name) || call.name === 'newton') return undefined
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
  kind === 'plateau'
    ? PLATEAU_FIELDS
    : Object.hasOwn(SCHEDULE_RULES, kind)
      ? SCHEDULE_RULES[kind as keyof typeof SCHEDULE_RULES].fields
      : undefined

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

// ----------------------------------------------------------------------------------- data and compare

const SOURCE_RULES = { n: LAB_LIMITS.rows, noise: LAB_LIMITS.noise, seed: LAB_LIMITS.seed }

function formatSource(source: LabDataSource): string {
  if (source.kind !== 'generated') return source.kind
  return `${source.shape}(n:${formatNumber(source.n)},noise:${formatNumber(source.noise)},seed:${formatNumber(source.seed)})`
}

function parseSource(raw: string, sink: Sink): LabDataSource | undefined {
  if (raw === 'dot') return { kind: 'dot' }
  if (raw === 'file') {
    // A link cannot carry the user's file: say so once, and show dot.csv.
    sink.notice('lab.notice.fileData')
    return { kind: 'dot' }
  }
  const call = parseCall(raw)
  if (call === undefined || !Object.hasOwn(datasetKinds, call.name)) return undefined
  const values = new Map<string, number>()
  for (const arg of call.args) {
    const f = parseField(arg)
    if (f === undefined || f.value === undefined || !Object.hasOwn(SOURCE_RULES, f.key) || values.has(f.key))
      return undefined
    const v = numberIn(SOURCE_RULES[f.key as keyof typeof SOURCE_RULES], f.value)
    if (v === undefined) return undefined
    values.set(f.key, v)
  }
  const n = values.get('n')
  const noise = values.get('noise')
  const seed = values.get('seed')
  if (n === undefined || noise === undefined || seed === undefined) return undefined
  return { kind: 'generated', shape: call.name as DatasetKind, n, noise, seed }
}

function formatCompare(c: CompareSettings, base: CompareSettings): string | undefined {
  const parts: string[] = []
  if (c.convention !== base.convention) parts.push(`conv:${c.convention}`)
  if (c.lr !== base.lr) parts.push(`lr:${formatNumber(c.lr)}`)
  if (c.targetLoss !== base.targetLoss) parts.push(`target:${formatNumber(c.targetLoss)}`)
  return parts.length === 0 ? undefined : parts.join(',')
}

const COMPARE_KEYS = ['conv', 'lr', 'target']

function parseCompare(raw: string, base: CompareSettings, sink: NoticeSink): CompareSettings | undefined {
  const items = splitTop(raw, ',')
  if (items === undefined) return undefined
  const out = { ...base }
  const seen = new Set<string>()
  for (const item of items) {
    if (item === '') continue
    const f = parseField(item)
    const known = f !== undefined && COMPARE_KEYS.includes(f.key)
    let ok = false
    if (known && f.value !== undefined && !seen.has(f.key)) {
      if (f.key === 'conv') {
        ok = isConvention(f.value)
        if (ok) out.convention = f.value as Convention
      } else {
        const v = numberIn(f.key === 'lr' ? LR_RULE.rule : LAB_LIMITS.targetLoss, f.value)
        ok = v !== undefined
        if (v !== undefined && f.key === 'lr') out.lr = v
        if (v !== undefined && f.key === 'target') out.targetLoss = v
      }
    }
    if (!ok) sink.notice('lab.notice.invalidField', { field: known ? f.key : '?' })
    if (f !== undefined) seen.add(f.key)
  }
  return out
}

// ------------------------------------------------------------------------------------------------ table

/** THE lab schema: every setting and its key, in reading order. */
export const LAB_URL_PROPS: readonly Prop[] = [
  urlProp<LabSettings, LabMode, Ctx>({
    key: 'lab',
    maxLength: 8,
    get: (s) => s.mode,
    set: (d, v) => void (d.mode = v),
    format: (v) => MODE_CODES[v],
    parse: (raw) => (raw === 'reg' ? 'regularization' : raw === 'cmp' ? 'compare' : undefined),
    fallback: ({ defaults }) => defaults.mode,
  }),
  urlProp<LabSettings, NetSettings, Ctx>({
    key: 'l.a',
    maxLength: 1024,
    get: (s) => s.a,
    set: (d, v) => void (d.a = v),
    format: (v) => formatNet(v, createDefaultLabSettings().a),
    parse: (raw, ctx) => parseNet(raw, createDefaultLabSettings().a, ctx),
    fallback: ({ defaults }) => structuredClone(defaults.a),
  }),
  urlProp<LabSettings, NetSettings, Ctx>({
    key: 'l.b',
    maxLength: 1024,
    get: (s) => s.b,
    set: (d, v) => void (d.b = v),
    format: (v) => formatNet(v, createDefaultLabSettings().b),
    parse: (raw, ctx) => parseNet(raw, createDefaultLabSettings().b, ctx),
    fallback: ({ defaults }) => structuredClone(defaults.b),
  }),
  urlProp<LabSettings, number, Ctx>({
    key: 'l.seed',
    maxLength: 40,
    get: (s) => s.seed,
    set: (d, v) => void (d.seed = v),
    format: (v) => (v === createDefaultLabSettings().seed ? undefined : formatNumber(v)),
    parse: (raw) => numberIn(LAB_LIMITS.seed, raw),
    fallback: ({ defaults }) => defaults.seed,
  }),
  urlProp<LabSettings, LabDataSource, Ctx>({
    key: 'l.data',
    maxLength: 200,
    get: (s) => s.data,
    set: (d, v) => void (d.data = v),
    format: (v) => (same(v, createDefaultLabSettings().data) ? undefined : formatSource(v)),
    parse: parseSource,
    fallback: ({ defaults }) =>
      defaults.data.kind === 'file' ? { kind: 'dot' } : structuredClone(defaults.data),
  }),
  urlProp<LabSettings, CompareSettings, Ctx>({
    key: 'l.cmp',
    maxLength: 200,
    get: (s) => s.compare,
    set: (d, v) => void (d.compare = v),
    format: (v) => formatCompare(v, createDefaultLabSettings().compare),
    parse: (raw, ctx) => parseCompare(raw, createDefaultLabSettings().compare, ctx),
    fallback: ({ defaults }) => ({ ...defaults.compare }),
  }),
]

/**
 * Splits a query string into the lab's pairs and the others, each kept as written (no leading `?`), so the
 * playground's parser never sees a lab key and the lab's never sees the playground's.
 */
export function splitLabQuery(query: string): { lab: string; rest: string } {
  const body = query.startsWith('?') || query.startsWith('#') ? query.slice(1) : query
  const lab: string[] = []
  const rest: string[] = []
  for (const part of body.split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    let key: string
    try {
      key = decodeURIComponent(eq === -1 ? part : part.slice(0, eq))
    } catch {
      key = ''
    }
    ;(isLabKey(key) ? lab : rest).push(part)
  }
  return { lab: lab.join('&'), rest: rest.join('&') }
}

/**
 * The lab settings as query pairs (no leading `?`): `lab=<mode>` and every other key only when it differs
 * from the built-in defaults (`createDefaultLabSettings`, also the base of the `l.a`/`l.b`/`l.cmp` fields), numbers in their shortest exact form, so `parseLabUrl(serializeLabUrl(s))` gives back
 * `s` for every `s` whose data can travel in a link (not a user's file, which reads back as dot.csv).
 */
export function serializeLabUrl(settings: LabSettings): string {
  return serializeWith(LAB_URL_PROPS, settings)
}

/**
 * Reads the lab's keys from a query string (the playground's keys are skipped without a word). A malformed,
 * out-of-range, unknown or hostile value is replaced by its default and reported as a notice; nothing is
 * evaluated, and no part of a bad value is copied anywhere. Absent keys take `defaults`.
 */
export function parseLabUrl(
  query: string,
  defaults: LabSettings = createDefaultLabSettings(),
): { settings: LabSettings; notices: UrlNotice[] } {
  const draft = structuredClone(defaults)
  const notices = parseWith(LAB_URL_PROPS, splitLabQuery(typeof query === 'string' ? query : '').lab, draft, {
    defaults,
  })
  return { settings: draft, notices }
}
