// Setup of every Vitest project (see vitest.config.ts). They reuse one worker for many test files
// (`isolate: false`: no new process, no new jsdom and no re-import of node_modules per file), so each file
// starts here with a fresh copy of the app's own modules: module state (a loaded KaTeX, a cache) and a
// file's `vi.mock`s do not reach the next file, whichever files share the worker.
import { vi } from 'vitest'
import type * as Translate from '../src/i18n/translate'

vi.resetModules()

// The app downloads a language's strings before it shows them (src/i18n/loadLanguage.ts; main.tsx awaits the
// first). Tests translate to zh synchronously, as the app may once zh is loaded, so the strings module comes
// with zh and the lab's section registered, in the files that import it (and only those: the dictionary costs a file time).
// test/i18n/loadLanguage.test.ts unmocks it to test the loading itself.
vi.mock('../src/i18n/translate', async (importOriginal) => {
  const translate = await importOriginal<typeof Translate>()
  const { zh } = await import('../src/i18n/zh')
  const { labEn } = await import('../src/i18n/sections/labEn')
  const { labZh } = await import('../src/i18n/sections/labZh')
  translate.registerDictionary('zh', zh)
  translate.registerDictionary('en', labEn, 'lab')
  translate.registerDictionary('zh', labZh, 'lab')
  return translate
})
