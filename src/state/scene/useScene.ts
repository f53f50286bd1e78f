import { createContext, useContext } from 'react'
import { useStore } from 'zustand'
import type { Scene } from '../../core/scenes/types'
import { selectSceneId } from '../selectors'
import { useApp } from '../useApp'
import { sceneOfSettings } from './sceneStore'
import type { SceneState, SceneStore } from './sceneStore'

/** Provides the lecture-mode store built by main.tsx: `<SceneStoreContext.Provider value={sceneStore}>`. */
export const SceneStoreContext = createContext<SceneStore | null>(null)

/** The lecture-mode store, for its verbs (`useSceneStore().getState().advance()`). */
export function useSceneStore(): SceneStore {
  const store = useContext(SceneStoreContext)
  if (store === null) throw new Error('useSceneStore: no SceneStoreContext.Provider above this component')
  return store
}

/** Reads the lecture-mode store through a module-level selector; re-renders when its result changes. */
export function useScene<T>(selector: (state: SceneState) => T): T {
  return useStore(useSceneStore(), selector)
}

export const selectPage = (s: SceneState) => s.page
export const selectApplied = (s: SceneState) => s.applied
export const selectActionError = (s: SceneState) => s.actionError
export const selectHelpOpen = (s: SceneState) => s.helpOpen
export const selectLibrary = (s: SceneState) => s.library
export const selectLibraryStatus = (s: SceneState) => s.libraryStatus

/**
 * The open scene (the library's own object, so its identity is stable), or null: in the playground, and while
 * the scenes' content is still on its way.
 */
export function useOpenScene(): Scene | null {
  const id = useApp(selectSceneId)
  const library = useScene(selectLibrary)
  return sceneOfSettings({ scene: id }, library)
}
