import type { SceneRegistry } from '../../core/scenes/meta'

/**
 * The lecture scenes in full (cards, racers, actions, claims): the registry of core/scenes/meta, which the
 * main thread loads on demand as its own chunk. The first screen reads only the catalog
 * (core/scenes/catalog.meta.ts); a scene's content arrives when it opens, and main.tsx waits for it before
 * building the stores when the link names a scene.
 */
export type SceneLibrary = SceneRegistry

let loaded: SceneLibrary | null = null
let pending: Promise<SceneLibrary> | null = null

/**
 * The scene library, fetched once per page (a failed fetch is retried on the next call). Tests call it in a
 * `beforeAll` to work with scenes synchronously, or pass a library to `createSceneStore`.
 */
export function loadSceneLibrary(): Promise<SceneLibrary> {
  if (loaded !== null) return Promise.resolve(loaded)
  pending ??= import('../../core/scenes/meta').then(
    (m) => {
      loaded = { scenes: m.scenes, sceneIds: m.sceneIds, findScene: m.findScene, getScene: m.getScene }
      return loaded
    },
    (error: unknown) => {
      pending = null
      throw error
    },
  )
  return pending
}

/** The scene library if it has arrived, else null (nothing is fetched). */
export function loadedSceneLibrary(): SceneLibrary | null {
  return loaded
}

/** True when a page's query names a lecture scene (`scene=…`): the app then loads the library before it starts. */
export function queryNamesScene(search: string): boolean {
  return new URLSearchParams(search).has('scene')
}
