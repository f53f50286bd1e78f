import { en } from './en'
import type { MessageKey } from './en'

/** The app's two languages. */
export type Language = 'zh' | 'en'
export const LANGUAGES: readonly Language[] = ['en', 'zh']

/** Values a message can interpolate. They are inserted as plain text, never as markup. */
export type MessageParams = Readonly<Record<string, string | number>>

/** Every key's text in one language (`en.ts` defines the keys; `zh.ts` must have exactly the same). */
export type Dictionary = Readonly<Record<MessageKey, string>>

// English is the key-defining dictionary and always present (it is the fallback). Any other language's
// dictionary is a chunk of its own, registered by loadLanguage.ts once downloaded: a page only fetches the
// strings of the language it shows, and `translate` stays synchronous.
const dictionaries: Partial<Record<Language, Dictionary>> = { en }

/** True for 'zh' and 'en'. */
export function isLanguage(v: unknown): v is Language {
  return v === 'zh' || v === 'en'
}

/** Makes `dict` the strings of `lang` (loadLanguage.ts calls it when the language's chunk has arrived). */
export function registerDictionary(lang: Language, dict: Dictionary): void {
  dictionaries[lang] = dict
}

/** True when `translate` has `lang`'s own strings; until then it answers in English. */
export function hasDictionary(lang: Language): boolean {
  return dictionaries[lang] !== undefined
}

/**
 * The string for `key` in `lang`, with each `{name}` replaced by `String(params[name])`. A placeholder with
 * no matching own property stays as written, so a missing parameter is visible rather than silent. A key
 * that is not in the dictionary (only possible past the type checker) comes back unchanged. A language whose
 * dictionary is not loaded yet (see loadLanguage.ts) reads English: the store switches language only after
 * the load, so the app never shows this.
 */
export function translate(lang: Language, key: MessageKey, params?: MessageParams): string {
  const dict = (isLanguage(lang) ? dictionaries[lang] : undefined) ?? en
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
