import { en } from './en'
import type { MessageKey } from './en'

/** The app's two languages. */
export type Language = 'zh' | 'en'
export const LANGUAGES: readonly Language[] = ['en', 'zh']

/** Values a message can interpolate. They are inserted as plain text, never as markup. */
export type MessageParams = Readonly<Record<string, string | number>>

/** Some keys' text in one language: the core's (`en.ts`, `zh.ts`) or a section's (`sections/`, loaded by `loadLanguage.ts`). */
export type Dictionary = Readonly<Partial<Record<MessageKey, string>>>

// English's core is the key-defining dictionary and always present (it is the fallback). Any other language's
// core, and every section (the lab's strings), is a chunk of its own, merged in by loadLanguage.ts once
// downloaded: a page only fetches the strings it shows, and `translate` stays synchronous.
const dictionaries: Record<Language, Partial<Record<MessageKey, string>>> = { en: { ...en }, zh: {} }
const coreLoaded = new Set<Language>(['en'])

/** True for 'zh' and 'en'. */
export function isLanguage(v: unknown): v is Language {
  return v === 'zh' || v === 'en'
}

/**
 * Adds `dict`'s strings to `lang` (loadLanguage.ts calls it when a chunk has arrived): its core strings
 * (`section` omitted) or a section's.
 */
export function registerDictionary(lang: Language, dict: Dictionary, section?: string): void {
  Object.assign(dictionaries[lang], dict)
  if (section === undefined) coreLoaded.add(lang)
}

/** True when `translate` has `lang`'s own core strings; until then it answers in English. */
export function hasDictionary(lang: Language): boolean {
  return coreLoaded.has(lang)
}

/**
 * The string for `key` in `lang`, with each `{name}` replaced by `String(params[name])`. A placeholder with
 * no matching own property stays as written, so a missing parameter is visible rather than silent. A key
 * that is in no loaded dictionary (past the type checker, or a section not loaded yet) comes back unchanged. A language whose
 * dictionary is not loaded yet (see loadLanguage.ts) reads English: the store switches language only after
 * the load, so the app never shows this.
 */
export function translate(lang: Language, key: MessageKey, params?: MessageParams): string {
  const own = isLanguage(lang) && coreLoaded.has(lang) ? dictionaries[lang] : dictionaries.en
  const template = Object.hasOwn(own, key)
    ? own[key]!
    : Object.hasOwn(dictionaries.en, key)
      ? dictionaries.en[key]!
      : key
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
