/**
 * Every meta registry of the core in one place: what the main thread may import by value (names, TeX,
 * domains, defaults, order, plain-data scenes). No kernels load from here; the worker imports the impl
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

// Lecture scenes: all data, with the set-up logic that needs no kernel.
export {
  sceneList,
  scenes,
  sceneIds,
  findScene,
  getScene,
  createSceneRegistry,
  SCENE_CARD_ORDER,
  classifierPresets,
  classifierConfigOf,
  initialSetup,
  applySceneAction,
  raceSpecs,
  sceneActionApplier,
  type SceneRegistry,
  type SceneSetup,
  type ClassifierPreset,
  type EscapeDirectionOf,
} from './scenes/meta'
export type * from './scenes/types'

// The classifier lab's choices: activations, losses, synthetic data sets.
export { activationMetas, activationIds, type ActivationMeta } from './mlp/activations/meta'
export { lossMetas, lossIds, type LossMeta } from './mlp/losses/meta'
export { datasetKinds, datasetKindIds, type DatasetKindMeta } from './mlp/datasetKinds.meta'
