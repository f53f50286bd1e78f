import type { MessageKey } from '../../i18n/en'
import { translate } from '../../i18n/translate'
import type { Language, MessageParams } from '../../i18n/translate'

/**
 * Something in a link that was ignored. `key` is the URL key it concerns (a table key, or an unknown key
 * reduced to safe characters); `message` is an i18n key whose text may use `{key}` and the `params`.
 * No part of an offending value is ever copied into a notice.
 */
export interface UrlNotice {
  key: string
  message: MessageKey
  params?: MessageParams
}

/** The notice as a sentence in `lang` (plain text). */
export function translateNotice(lang: Language, notice: UrlNotice): string {
  return translate(lang, notice.message, { ...notice.params, key: notice.key })
}

/** Shows an unknown key without passing its markup or control characters on: at most 24 of [A-Za-z0-9_-]. */
export function safeKey(raw: string | undefined): string {
  if (raw === undefined) return '?'
  const s = raw.slice(0, 24).replace(/[^A-Za-z0-9_-]/g, '?')
  return raw.length > 24 ? `${s}…` : s
}
