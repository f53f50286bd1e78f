import { createContext, useContext } from 'react'
import { useStore } from 'zustand'
import type { Scene } from '../../core/scenes/meta'
import type { AppState } from '../store'
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

/** The open scene (the registry's own object, so its identity is stable), or null. For `useApp`. */
export const selectScene = (s: AppState): Scene | null => sceneOfSettings(s.settings)
