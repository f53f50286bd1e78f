import { expectOneOf } from '../errors'
import { adagradSpurts } from './adagradSpurts.meta'
import { batchSize } from './batchSize.meta'
import { canyonVsBasin } from './canyonVsBasin.meta'
import { decayAndWarmUp } from './decayAndWarmUp.meta'
import { dotRegularization } from './dotRegularization.meta'
import { featureNormalization } from './featureNormalization.meta'
import { flatVsSharp } from './flatVsSharp.meta'
import { minimumRatio } from './minimumRatio.meta'
import { momentumBall } from './momentumBall.meta'
import { mseVsCrossEntropy } from './mseVsCrossEntropy.meta'
import { rmspropBrakes } from './rmspropBrakes.meta'
import { saddleEscape } from './saddleEscape.meta'
import { sliceSaddle } from './sliceSaddle.meta'
import { stuckNotSmallGradient } from './stuckNotSmallGradient.meta'
import type { Scene } from './types'

export type * from './types'
export { SCENE_CARD_ORDER } from './types'
export { classifierPresets, classifierConfigOf, type ClassifierPreset } from './classifierPresets.meta'
export {
  initialSetup,
  applySceneAction,
  raceSpecs,
  sceneActionApplier,
  type SceneSetup,
  type EscapeDirectionOf,
} from './sceneSetup.meta'

/**
 * The lecture scenes (docs/lectures.md §4) in the order Li Hongyi tells them: critical points (1–2), the canyon and
 * adaptive learning rates (3–5), batch size and sharp minima (6–7), momentum and RMSProp (8–9), then changing
 * the landscape itself: feature normalization, the classification loss and regularization (10–12); a slice's
 * view of a saddle (13), and the network's own loss surface, flat and sharp minima (14). A scene
 * is all data, so the whole entry is meta; every other list of scenes derives from this one.
 */
export const sceneList: readonly Scene[] = [
  saddleEscape,
  minimumRatio,
  stuckNotSmallGradient,
  adagradSpurts,
  decayAndWarmUp,
  batchSize,
  canyonVsBasin,
  momentumBall,
  rmspropBrakes,
  featureNormalization,
  mseVsCrossEntropy,
  dotRegularization,
  sliceSaddle,
  flatVsSharp,
]

/** The lookups of a scene registry (see `createSceneRegistry`). */
export interface SceneRegistry {
  /** The scenes in lecture order. */
  scenes: Scene[]
  /** Their ids in lecture order. */
  sceneIds: string[]
  /** The scene with this id, or undefined. */
  findScene(id: string): Scene | undefined
  /**
   * The scene with this id. Otherwise throws a SpecError (field 'scene') listing the allowed ids and quoting
   * the one given.
   */
  getScene(id: string): Scene
}

/**
 * The lookups over `list` (lecture order). The registry below is built with it; a test that needs one more
 * entry builds its own from the extended list.
 */
export function createSceneRegistry(list: readonly Scene[]): SceneRegistry {
  const scenes = [...list]
  const sceneIds = scenes.map((s) => s.id)
  const findScene = (id: string) => scenes.find((s) => s.id === id)
  return {
    scenes,
    sceneIds,
    findScene,
    getScene: (id) => scenes[sceneIds.indexOf(expectOneOf(id, 'scene', sceneIds))],
  }
}

export const { scenes, sceneIds, findScene, getScene } = createSceneRegistry(sceneList)
