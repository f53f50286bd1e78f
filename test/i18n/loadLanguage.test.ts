import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Dictionary } from '../../src/i18n/translate'
import type * as LabEn from '../../src/i18n/sections/labEn'
import type * as LabZh from '../../src/i18n/sections/labZh'

// test/setup.fresh.ts hands every file the strings module with zh registered; these tests take the real one
// on fresh modules, where zh is not loaded, and stand a controllable chunk in for src/i18n/zh.ts: it arrives
// when `arrive()` is called, or fails when `fail()` is.
const ZH = '../../src/i18n/zh'

function controlledZh() {
  vi.doUnmock('../../src/i18n/translate')
  let imports = 0
  let settle: { arrive: () => void; fail: () => void } | null = null
  vi.doMock(ZH, async () => {
    imports += 1
    const actual = await vi.importActual<{ zh: Dictionary }>(ZH)
    await new Promise<void>((resolve, reject) => {
      settle = { arrive: resolve, fail: () => reject(new Error('chunk failed')) }
    })
    return actual
  })
  const waitForRequest = () => vi.waitFor(() => expect(settle).not.toBeNull())
  return {
    imports: () => imports,
    arrive: async () => {
      await waitForRequest()
      settle!.arrive()
      settle = null
    },
    fail: async () => {
      await waitForRequest()
      settle!.fail()
      settle = null
    },
  }
}

async function freshApp(language: 'en' | 'zh' = 'en') {
  const { createAppStore } = await import('../../src/state/store')
  const { createDefaultSettings } = await import('../../src/state/settings')
  const { createRegistryCatalog } = await import('../../src/state/surfaceCatalog')
  const { hasDictionary, translate } = await import('../../src/i18n/translate')
  const { createFakeDriver } = await import('../state/fakeDriver')
  const catalog = createRegistryCatalog()
  const store = createAppStore({
    driver: createFakeDriver().driver,
    catalog,
    initialSettings: createDefaultSettings(catalog, language),
    autoRestart: false,
  })
  return { store, hasDictionary, translate }
}

const zhTitle = async () => (await vi.importActual<{ zh: Dictionary }>(ZH)).zh['app.title']

afterEach(() => {
  vi.doUnmock(ZH)
  vi.resetModules()
})

describe('loading a language before switching to it', () => {
  it('setLanguage waits for the zh strings: English stays on until they arrive, then zh shows', async () => {
    vi.resetModules()
    const chunk = controlledZh()
    const { store, hasDictionary, translate } = await freshApp()
    expect(hasDictionary('zh')).toBe(false)

    store.getState().setLanguage('zh')
    expect(store.getState().settings.language).toBe('en')
    expect(store.getState().languagePending).toBe('zh')

    await chunk.arrive()
    await vi.waitFor(() => expect(store.getState().settings.language).toBe('zh'))
    expect(store.getState().languagePending).toBeNull()
    expect(hasDictionary('zh')).toBe(true)
    expect(translate('zh', 'app.title')).toBe(await zhTitle())
    expect(chunk.imports()).toBe(1)
  })

  it('a failed load keeps the current language and reports it; a later request tries again', async () => {
    vi.resetModules()
    const chunk = controlledZh()
    const { store, hasDictionary } = await freshApp()

    store.getState().setLanguage('zh')
    await chunk.fail()
    await vi.waitFor(() => expect(store.getState().languageFailed).toBe('zh'))
    expect(store.getState().settings.language).toBe('en')
    expect(store.getState().languagePending).toBeNull()
    expect(hasDictionary('zh')).toBe(false)

    store.getState().setLanguage('zh')
    await chunk.arrive()
    await vi.waitFor(() => expect(store.getState().settings.language).toBe('zh'))
    expect(store.getState().languageFailed).toBeNull()
  })

  it('a request made while zh loads supersedes it', async () => {
    vi.resetModules()
    const chunk = controlledZh()
    const { store, hasDictionary } = await freshApp()

    store.getState().setLanguage('zh')
    store.getState().setLanguage('en')
    await chunk.arrive()
    await vi.waitFor(() => expect(hasDictionary('zh')).toBe(true))
    await new Promise((resolve) => setTimeout(resolve, 0)) // every pending promise callback has run
    expect(store.getState().settings.language).toBe('en')
    expect(store.getState().languagePending).toBeNull()
  })

  it('a link or scene naming zh (loadUrl) switches language only once the strings are there', async () => {
    vi.resetModules()
    const chunk = controlledZh()
    const { store } = await freshApp()

    store.getState().loadUrl('lang=zh&steps=77')
    expect(store.getState().settings.steps).toBe(77)
    expect(store.getState().settings.language).toBe('en')
    await chunk.arrive()
    await vi.waitFor(() => expect(store.getState().settings.language).toBe('zh'))
  })

  it('settleLanguage loads the first language before the first render, or falls back to English', async () => {
    vi.resetModules()
    let chunk = controlledZh()
    let app = await freshApp('zh')
    let settled = app.store.getState().settleLanguage()
    await chunk.arrive()
    await settled
    expect(app.hasDictionary('zh')).toBe(true)
    expect(app.store.getState().settings.language).toBe('zh')

    vi.doUnmock(ZH)
    vi.resetModules()
    chunk = controlledZh()
    app = await freshApp('zh')
    settled = app.store.getState().settleLanguage()
    await chunk.fail()
    await settled
    expect(app.store.getState().settings.language).toBe('en')
    expect(app.store.getState().languageFailed).toBe('zh')
  })
})

describe('sections: strings only a lazily loaded part shows (the lab)', () => {
  async function fresh() {
    vi.doUnmock('../../src/i18n/translate')
    vi.resetModules()
    const translate = await import('../../src/i18n/translate')
    const loader = await import('../../src/i18n/loadLanguage')
    const { labEn } = await vi.importActual<typeof LabEn>('../../src/i18n/sections/labEn')
    const { labZh } = await vi.importActual<typeof LabZh>('../../src/i18n/sections/labZh')
    return { ...translate, ...loader, labEn, labZh }
  }

  it('a lab key is not there until the section loads, then reads in English', async () => {
    const { translate, loadSection, labEn } = await fresh()
    expect(translate('en', 'lab.title')).toBe('lab.title')
    await loadSection('lab')
    expect(translate('en', 'lab.title')).toBe(labEn['lab.title'])
  })

  it('with zh shown, the section brings its zh strings too', async () => {
    const { translate, loadSection, loadLanguage, labZh } = await fresh()
    await loadLanguage('zh')
    await loadSection('lab')
    expect(translate('zh', 'lab.title')).toBe(labZh['lab.title'])
    expect(translate('zh', 'app.title')).toBe(await zhTitle())
  })

  it('a language loaded after the section brings its part of it', async () => {
    const { translate, loadSection, loadLanguage, labEn, labZh } = await fresh()
    await loadSection('lab')
    expect(translate('zh', 'lab.title')).toBe(labEn['lab.title'])
    await loadLanguage('zh')
    expect(translate('zh', 'lab.title')).toBe(labZh['lab.title'])
  })
})
