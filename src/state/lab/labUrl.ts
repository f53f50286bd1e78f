import { datasetKinds } from '../../core/mlp/datasetKinds.meta'
import type { DatasetKind } from '../../core/mlp/types'
import type { Convention } from '../../core/types'
import { isConvention, LR_RULE } from '../optimizerRules'
import type { UrlNotice } from '../url/notices'
import { formatNumber, parseCall, parseField, splitTop } from '../url/tokens'
import { parseWith, serializeWith, urlProp } from '../url/urlSchema'
import type { NoticeSink, UrlProp } from '../url/urlSchema'
import { isContentHash } from './dataVaultHash'
import { createDefaultLabSettings, LAB_LIMITS } from './labSettings'
import type { CompareSettings, LabDataSource, LabMode, LabSettings, NetSettings } from './labSettings'
import { formatNet, numberIn, parseNet } from './netCodec'

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
 * | l.data | data source | `dot`, `circle`/`xor`/`gaussians`/`spiral` `(n:…,noise:…,seed:…)`, or `file:<sha-256 hex>` |
 * | l.cmp | comparison | `conv:…,lr:…,target:…` |
 * | l.pace | training pace | epochs per second (1..1000), or `max`: as fast as possible |
 *
 * Network fields (netCodec.ts): `h` hidden widths (`16/8`), `act`, `out`, `loss`, `opt` (`kind(convention,lr:η,m:…)`, the
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

const same = (p: unknown, q: unknown): boolean => JSON.stringify(p) === JSON.stringify(q)

// ----------------------------------------------------------------------------------- data and compare

const SOURCE_RULES = { n: LAB_LIMITS.rows, noise: LAB_LIMITS.noise, seed: LAB_LIMITS.seed }

function formatSource(source: LabDataSource): string {
  if (source.kind === 'file') return source.hash === undefined ? 'file' : `file:${source.hash}`
  if (source.kind !== 'generated') return source.kind
  return `${source.shape}(n:${formatNumber(source.n)},noise:${formatNumber(source.noise)},seed:${formatNumber(source.seed)})`
}

function parseSource(raw: string, sink: Sink): LabDataSource | undefined {
  if (raw === 'dot') return { kind: 'dot' }
  if (raw === 'file') {
    // A file that was not kept (no fingerprint): say so once, and show dot.csv.
    sink.notice('lab.notice.fileData')
    return { kind: 'dot' }
  }
  if (raw.startsWith('file:')) {
    // Only the exact fingerprint form; anything else is an invalid value (the usual notice, nothing echoed).
    const hash = raw.slice(5)
    return isContentHash(hash) ? { kind: 'file', name: '', hash } : undefined
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
  urlProp<LabSettings, number | null, Ctx>({
    key: 'l.pace',
    maxLength: 20,
    get: (s) => s.pace,
    set: (d, v) => void (d.pace = v),
    format: (v) => (v === createDefaultLabSettings().pace ? undefined : v === null ? 'max' : formatNumber(v)),
    parse: (raw) => (raw === 'max' ? null : numberIn(LAB_LIMITS.pace, raw)),
    fallback: ({ defaults }) => defaults.pace,
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
 * `s` for every `s`, except a user's file: only its hash travels (`file:<hash>`; the name comes back from this
 * browser's vault), and a file that was not kept reads back as dot.csv.
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
