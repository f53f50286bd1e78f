import type { Regularization } from '../../core/mlp/types'
import { classifierConfigOf } from '../../core/scenes/classifierPresets.meta'
import type { Scene } from '../../core/scenes/types'
import { createPresetNet } from '../lab/labSettings'
import type { InitKind, LabSettings } from '../lab/labSettings'
import { normalizeNet } from '../lab/normalizeNet'

/**
 * The classifier lab's settings for a scene with a classifier, from `base` (the lab's current settings): the
 * 'regularization' experiment on dot.csv, network A = the scene's preset (`classifierConfigOf`) with L2
 * weight `lambda` (undefined: the scene's own choice), seeded like the preset. The lab trains A twice in
 * lockstep from the same weights, left without a penalty and right with A's, so λ > 0 shows the two
 * boundaries side by side and λ = 0 shows the same one twice. Undefined for a scene without a classifier.
 */
export function labSettingsForScene(
  scene: Scene,
  base: LabSettings,
  lambda?: number,
): LabSettings | undefined {
  if (scene.classifier === undefined) return undefined
  const choice = lambda === undefined ? scene.classifier : { ...scene.classifier, lambda }
  const config = classifierConfigOf(choice)
  const init: InitKind = config.init.kind === 'explicit' ? 'normal' : config.init.kind
  const a = normalizeNet(
    {
      hidden: config.layers.slice(1, -1),
      activation: config.activation,
      output: config.output,
      loss: config.loss,
      optimizer: { ...config.optimizer },
      schedule: config.schedule === undefined ? null : structuredClone(config.schedule),
      batchSize: config.batchSize,
      epochs: config.epochs,
      shuffle: config.shuffle,
      regularization: { ...config.regularization },
      dropout: config.dropout ?? 0,
      batchNorm: config.batchNorm ?? false,
      init,
      validationSplit: config.validationSplit ?? 0,
      patience: config.earlyStopping?.patience ?? 0,
    },
    createPresetNet(),
  )
  return { ...base, mode: 'regularization', a, seed: config.seed, data: { kind: 'dot' } }
}

/** The L2 weight λ of the lab's network A (0 without a penalty; an L1 penalty has no L2 weight either). */
export function lambdaOfLab(settings: LabSettings): number {
  return l2Of(settings.a.regularization)
}

/** The penalty that an L2 weight λ stands for: L2 when λ > 0, none when λ = 0. */
export function regularizationOf(lambda: number): Regularization {
  return lambda > 0 ? { kind: 'l2', lambda } : { kind: 'none' }
}

function l2Of(r: Regularization): number {
  return r.kind === 'l2' ? r.lambda : 0
}
