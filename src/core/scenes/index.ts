import { expectOneOf } from '../errors'
import { adagradSpurts } from './adagradSpurts'
import { batchSize } from './batchSize'
import { canyonVsBasin } from './canyonVsBasin'
import { decayAndWarmUp } from './decayAndWarmUp'
import { dotRegularization } from './dotRegularization'
import { featureNormalization } from './featureNormalization'
import { minimumRatio } from './minimumRatio'
import { momentumBall } from './momentumBall'
import { mseVsCrossEntropy } from './mseVsCrossEntropy'
import { rmspropBrakes } from './rmspropBrakes'
import { saddleEscape } from './saddleEscape'
import { stuckNotSmallGradient } from './stuckNotSmallGradient'
import type { Scene } from './types'

export type * from './types'
export { SCENE_CARD_ORDER } from './types'
export { classifierPresets, classifierConfigOf, type ClassifierPreset } from './classifierPresets'
export { maxCurvature, stabilityLimit } from './curvature'
export { initialSetup, applySceneAction, raceSpecs, type SceneSetup } from './setup'

/**
 * The lecture scenes (LECTURES §4) in the order Li Hongyi tells them: critical points (1–2), the canyon and
 * adaptive learning rates (3–5), batch size and sharp minima (6–7), momentum and RMSProp (8–9), then changing
 * the landscape itself: feature normalization, the classification loss and regularization (10–12).
 */
export const scenes: Scene[] = [
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
]

/** The registry's ids in lecture order. */
export const sceneIds: string[] = scenes.map((s) => s.id)

/**
 * The scene with this id. Otherwise throws a SpecError (field 'scene') listing the allowed ids and quoting
 * the one given.
 */
export function getScene(id: string): Scene {
  return scenes[sceneIds.indexOf(expectOneOf(id, 'scene', sceneIds))]
}
