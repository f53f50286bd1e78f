/**
 * Every meta registry of the core in one place: what the main thread may import by value (names, TeX,
 * domains, defaults, order, the scenes’ catalog). No kernels load from here; the worker imports the impl
 * registries (`./surfaces/index`, `./scenes/index`, …), which re-export these.
 */

// Optimizers: names, per-convention rules, hyper-parameter domains and sliders, teaching η, flags, notes.
export * from './optimizers/meta'
export type { NumberDomain } from './numberDomain'

// Learning-rate schedules: names, formulas, fields (domains, sliders), defaults, closed-form η_t.
export * from './schedules/meta'

// Surfaces: names, formulas, views, starts, minima, listed escapes.
export {
  surfaceMetaList,
  surfaceMetas,
  surfaceIds,
  findSurfaceMeta,
  getSurfaceMeta,
  listedEscape,
  createSurfaceMetaRegistry,
  type SurfaceId,
  type SurfaceMetaRegistry,
} from './surfaces/meta'
export type { SurfaceMeta, SurfaceEscape } from './types'

// Lecture scenes: the set-up logic that needs no kernel. The scenes themselves (cards, racers, claims) are a
// chunk of their own on the main thread: import `./scenes/meta` only through a dynamic import()
// (src/state/scene/sceneLibrary.ts), so the narration stays out of the first screen's JS.
export { SCENE_CARD_ORDER } from './scenes/types'
export { classifierPresets, classifierConfigOf, type ClassifierPreset } from './scenes/classifierPresets.meta'
export {
  initialSetup,
  applySceneAction,
  raceSpecs,
  sceneActionApplier,
  type SceneSetup,
  type EscapeDirectionOf,
} from './scenes/sceneSetup.meta'
export type { SceneRegistry } from './scenes/meta'
export type * from './scenes/types'

// The scenes' catalog: what the first screen reads before the scene content loads (ids, titles, card counts).
export {
  sceneCatalog,
  sceneCatalogList,
  sceneEntryOf,
  createSceneCatalog,
  type SceneCatalog,
  type SceneEntry,
} from './scenes/catalog.meta'

// The classifier lab's choices: activations, losses, synthetic data sets.
export { activationMetas, activationIds, type ActivationMeta } from './mlp/activations/meta'
export { lossMetas, lossIds, type LossMeta } from './mlp/losses/meta'
export { datasetKinds, datasetKindIds, type DatasetKindMeta } from './mlp/datasetKinds.meta'
