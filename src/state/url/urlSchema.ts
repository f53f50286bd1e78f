import type { MessageKey } from '../../i18n/en'
import type { MessageParams } from '../../i18n/translate'
import { safeKey } from './notices'
import type { UrlNotice } from './notices'
import { encodeValue, splitQuery } from './tokens'

/** What every prop's parser may use: a way to report a notice besides its return value. */
export interface NoticeSink {
  notice(message: MessageKey, params?: MessageParams): void
}

/**
 * One row of a URL schema, typed by the value `T` it carries (tensorflow/playground's `PROPS`, with types).
 * Rows are read in table order, so a row may look at the fields earlier rows wrote into `ctx.draft`.
 */
export interface UrlPropSpec<S, T, C> {
  key: string
  /** Longer raw values are rejected before parsing (a guard against absurd inputs). */
  maxLength: number
  get(s: S): T
  set(draft: S, v: T): void
  /** The value's text, or undefined to leave the key out (an unset optional field). */
  format(v: T): string | undefined
  /** The value of a present key, or undefined when it is not valid. Extra notices go to `ctx.notice`. */
  parse(raw: string, ctx: C & NoticeSink & { draft: S }): T | undefined
  /** The value used when the key is absent or invalid. */
  fallback(ctx: C & { draft: S }): T
  /** The notice for an invalid value; `notice.invalidValue` by default. */
  invalid?: MessageKey
}

/** A table row with its value type closed over, so rows of different types share one array. */
export interface UrlProp<S, C> {
  readonly key: string
  write(s: S): string | undefined
  read(raw: string | undefined, ctx: C & NoticeSink & { draft: S }): void
}

/** Closes a typed row over its value type. */
export function urlProp<S, T, C>(spec: UrlPropSpec<S, T, C>): UrlProp<S, C> {
  return {
    key: spec.key,
    write: (s) => spec.format(spec.get(s)),
    read(raw, ctx) {
      let v: T | undefined
      if (raw !== undefined) {
        if (raw.length > spec.maxLength) ctx.notice('notice.valueTooLong')
        else {
          v = spec.parse(raw, ctx)
          if (v === undefined) ctx.notice(spec.invalid ?? 'notice.invalidValue')
        }
      }
      spec.set(ctx.draft, v === undefined ? spec.fallback(ctx) : v)
    },
  }
}

/** Limits that keep a hostile link cheap to reject. */
export const URL_LIMITS = {
  /** Longer queries are ignored whole. */
  maxQueryLength: 8192,
  /** Only this many `key=value` pairs are read. */
  maxPairs: 64,
  /** Notices beyond this many are summarised by one `notice.more`. */
  maxNotices: 12,
}

/** `key=value&…` in table order, values encoded with `encodeValue`; no leading `?`. */
export function serializeWith<S, C>(props: readonly UrlProp<S, C>[], s: S): string {
  const parts: string[] = []
  for (const p of props) {
    const v = p.write(s)
    if (v !== undefined) parts.push(`${p.key}=${encodeValue(v)}`)
  }
  return parts.join('&')
}

/**
 * Reads `query` into `draft` through the table and returns the notices. Every row runs, present or not, so
 * the draft ends fully set (fallbacks for absent and invalid keys). Keys are looked up in a `Map`, so
 * `__proto__`, `constructor` and friends are just unknown keys. A repeated key keeps its first value.
 */
export function parseWith<S, C>(
  props: readonly UrlProp<S, C>[],
  query: string,
  draft: S,
  ctx: C,
): UrlNotice[] {
  const notices: UrlNotice[] = []
  let dropped = 0
  let currentKey = ''
  const push = (n: UrlNotice): void => {
    if (notices.length < URL_LIMITS.maxNotices) notices.push(n)
    else dropped++
  }
  const known = new Set(props.map((p) => p.key))
  const raw = new Map<string, string | undefined>()
  if (query.length > URL_LIMITS.maxQueryLength) push({ key: '', message: 'notice.linkTooLong' })
  else {
    const pairs = splitQuery(query)
    if (pairs.length > URL_LIMITS.maxPairs)
      push({ key: '', message: 'notice.tooManyKeys', params: { max: URL_LIMITS.maxPairs } })
    for (const { key, value } of pairs.slice(0, URL_LIMITS.maxPairs)) {
      if (key === undefined || !known.has(key)) push({ key: safeKey(key), message: 'notice.unknownKey' })
      else if (raw.has(key)) push({ key, message: 'notice.duplicateKey' })
      else raw.set(key, value)
    }
  }
  const full = {
    ...ctx,
    draft,
    notice: (message: MessageKey, params?: MessageParams) =>
      push(params === undefined ? { key: currentKey, message } : { key: currentKey, message, params }),
  }
  for (const p of props) {
    currentKey = p.key
    const value = raw.get(p.key)
    // A key present with undecodable text is invalid, not absent: the reader should hear about it.
    if (raw.has(p.key) && value === undefined) {
      full.notice('notice.invalidValue')
      p.read(undefined, full)
    } else p.read(value, full)
  }
  if (dropped > 0) notices.push({ key: '', message: 'notice.more', params: { n: dropped } })
  return notices
}
