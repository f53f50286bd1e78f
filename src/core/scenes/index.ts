// The scene registry with its kernels: the same scenes and lookups as ./meta.ts, but `applySceneAction`
// resolves `escape` with `analyzePoint`, and the curvature helpers evaluate Hessians.
export type * from './types'
export {
  SCENE_CARD_ORDER,
  classifierPresets,
  classifierConfigOf,
  type ClassifierPreset,
  sceneList,
  scenes,
  sceneIds,
  findScene,
  getScene,
  createSceneRegistry,
  sceneActionApplier,
  type SceneRegistry,
  type EscapeDirectionOf,
} from './meta'
export {
  sceneCatalog,
  sceneCatalogList,
  sceneEntryOf,
  createSceneCatalog,
  type SceneCatalog,
  type SceneEntry,
} from './catalog.meta'
export { maxCurvature, stabilityLimit } from './curvature'
export { initialSetup, applySceneAction, raceSpecs, type SceneSetup } from './setup'
