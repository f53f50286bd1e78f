import { hasDictionary, LANGUAGES, registerDictionary } from './translate'
import type { Dictionary, Language } from './translate'

// Each language but English (the fallback, always in the main chunk) is a dynamic import: its own chunk,
// downloaded only by a page that shows it.
const importers: Readonly<Record<Exclude<Language, 'en'>, () => Promise<Dictionary>>> = {
  zh: () => import('./zh').then((m) => m.zh),
}

/**
 * Sections: strings only one lazily loaded part of the app shows (the classifier lab's), one chunk per section
 * and language, so the first screen does not carry them. A part that needs a section awaits `loadSection`.
 */
const sections = {
  lab: {
    en: () => import('./sections/labEn').then((m) => m.labEn as Dictionary),
    zh: () => import('./sections/labZh').then((m) => m.labZh as Dictionary),
  },
} as const satisfies Record<string, Record<Language, () => Promise<Dictionary>>>

/** A section of strings that loads on demand. */
export type Section = keyof typeof sections

const pending = new Map<string, Promise<void>>()
const loaded = new Set<string>()
/** Sections some part of the app has asked for: a language loaded later brings their strings too. */
const wanted = new Set<Section>()

/** Loads one chunk once (at most one request at a time); a failed download is forgotten, so a later call tries again. */
function once(
  id: string,
  load: () => Promise<Dictionary>,
  register: (dict: Dictionary) => void,
): Promise<void> {
  if (loaded.has(id)) return Promise.resolve()
  let p = pending.get(id)
  if (p === undefined) {
    p = load().then(
      (dict) => {
        register(dict)
        loaded.add(id)
        pending.delete(id)
      },
      (error: unknown) => {
        pending.delete(id)
        throw error
      },
    )
    pending.set(id, p)
  }
  return p
}

const loadPart = (section: Section, lang: Language): Promise<void> =>
  once(`${section}:${lang}`, sections[section][lang], (dict) => registerDictionary(lang, dict, section))

/**
 * Downloads and registers `lang`'s dictionary, with its part of every section asked for so far (resolves at
 * once when all is there). A failed download rejects and is forgotten, so a later call tries again.
 */
export async function loadLanguage(lang: Language): Promise<void> {
  if (lang !== 'en' && !hasDictionary(lang))
    await once(lang, importers[lang], (dict) => registerDictionary(lang, dict))
  await Promise.all([...wanted].map((section) => loadPart(section, lang)))
}

/**
 * Downloads `section`'s strings in English (the fallback) and in every language whose strings are loaded
 * (the one shown, and any shown before), and remembers the section so a language loaded later brings it.
 */
export function loadSection(section: Section): Promise<void> {
  wanted.add(section)
  const languages = LANGUAGES.filter((lang) => lang === 'en' || hasDictionary(lang))
  return Promise.all(languages.map((lang) => loadPart(section, lang))).then(() => undefined)
}
