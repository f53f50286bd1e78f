import { hasDictionary, registerDictionary } from './translate'
import type { Dictionary, Language } from './translate'

// Each language but English (the fallback, always in the main chunk) is a dynamic import: its own chunk,
// downloaded only by a page that shows it.
const importers: Readonly<Record<Exclude<Language, 'en'>, () => Promise<Dictionary>>> = {
  zh: () => import('./zh').then((m) => m.zh),
}

const pending = new Map<Language, Promise<void>>()

/**
 * Downloads and registers `lang`'s dictionary (at most one request at a time per language; resolves at once
 * when it is already there). A failed download rejects and is forgotten, so a later call tries again.
 */
export function loadLanguage(lang: Language): Promise<void> {
  if (lang === 'en' || hasDictionary(lang)) return Promise.resolve()
  let p = pending.get(lang)
  if (p === undefined) {
    p = importers[lang]().then(
      (dict) => {
        registerDictionary(lang, dict)
        pending.delete(lang)
      },
      (error: unknown) => {
        pending.delete(lang)
        throw error
      },
    )
    pending.set(lang, p)
  }
  return p
}
