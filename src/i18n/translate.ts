import { en } from './en'
import type { MessageKey } from './en'
import { zh } from './zh'

/** The app's two languages. */
export type Language = 'zh' | 'en'
export const LANGUAGES: readonly Language[] = ['en', 'zh']

/** Values a message can interpolate. They are inserted as plain text, never as markup. */
export type MessageParams = Readonly<Record<string, string | number>>

const dictionaries: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { en, zh }

/** True for 'zh' and 'en'. */
export function isLanguage(v: unknown): v is Language {
  return v === 'zh' || v === 'en'
}

/**
 * The string for `key` in `lang`, with each `{name}` replaced by `String(params[name])`. A placeholder with
 * no matching own property stays as written, so a missing parameter is visible rather than silent. A key
 * that is not in the dictionary (only possible past the type checker) comes back unchanged.
 */
export function translate(lang: Language, key: MessageKey, params?: MessageParams): string {
  const dict = dictionaries[isLanguage(lang) ? lang : 'en']
  const template = Object.hasOwn(dict, key) ? dict[key] : key
  if (params === undefined) return template
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  )
}

/**
 * The app language for a browser's preference list (`navigator.languages`, most preferred first): the first
 * entry that is Chinese in any region or script (`zh`, `zh-CN`, `zh-TW`, `zh_Hans`, …) gives 'zh', the first
 * English one gives 'en', and with neither the answer is 'en'. Strings are Simplified Chinese for every zh.
 */
export function detectLanguage(navigatorLanguages: readonly string[]): Language {
  for (const tag of navigatorLanguages) {
    if (typeof tag !== 'string') continue
    if (/^zh(?:[-_]|$)/i.test(tag)) return 'zh'
    if (/^en(?:[-_]|$)/i.test(tag)) return 'en'
  }
  return 'en'
}
