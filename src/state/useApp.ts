import { createContext, useCallback, useContext } from 'react'
import { useStore } from 'zustand'
import type { MessageKey } from '../i18n/en'
import { translate } from '../i18n/translate'
import type { MessageParams } from '../i18n/translate'
import { selectLanguage } from './selectors'
import type { AppState, AppStore } from './store'

/** Provides the store built by createStores.ts: `<AppStoreContext.Provider value={store}>`. */
export const AppStoreContext = createContext<AppStore | null>(null)

/** The store itself, for effects that subscribe to per-frame data (`store.subscribe`) or call actions. */
export function useAppStore(): AppStore {
  const store = useContext(AppStoreContext)
  if (store === null) throw new Error('useAppStore: no AppStoreContext.Provider above this component')
  return store
}

/**
 * Reads the store through a selector and re-renders when its result changes (`Object.is`). Pass a
 * module-level selector from selectors.ts; wrap object-building selectors in `useShallow`.
 */
export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStore(), selector)
}

/** `t(key, params)` in the current language; re-renders the component when the language changes. */
export function useT(): (key: MessageKey, params?: MessageParams) => string {
  const language = useApp(selectLanguage)
  return useCallback((key, params) => translate(language, key, params), [language])
}
