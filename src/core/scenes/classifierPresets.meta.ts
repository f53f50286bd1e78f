import { expectNumber, expectOneOf, expectRecord } from '../errors'
import type { ClassifierConfig } from '../mlp/types'
import type { Bilingual } from '../types'
import type { ClassifierPresetId, SceneClassifier } from './types'

/** A named classifier set-up: the data file it trains on and the full training configuration. */
export interface ClassifierPreset {
  id: ClassifierPresetId
  name: Bilingual
  /** The data file, as served next to the app. */
  data: 'dot.csv'
  config: ClassifierConfig
}

/**
 * The PKU TensorFlow course's dot.csv lab (docs/lectures.md S11), `p29_regularizationfree.py`: a 2-11-1 net
 * (h = relu(xW₁ + b₁), y = hW₂ + b₂, linear output), MSE loss, W ~ N(0, 1) and b = 0.01, plain SGD
 * (w ← w − η∂L/∂w, η = 0.005), batches of 32 in file order (no shuffle), 800 epochs, no regularization.
 * The course's second script adds λ·½Σw² over W₁ and W₂ with λ = 0.03 (`setLambda`). The course draws its
 * weights unseeded; seed 1 fixes them here.
 */
export const classifierPresets: Readonly<Record<ClassifierPresetId, ClassifierPreset>> = {
  course: {
    id: 'course',
    name: { en: 'PKU course: 2-11-1 ReLU net on dot.csv', zh: '北大课程：dot.csv 上的 2-11-1 ReLU 网络' },
    data: 'dot.csv',
    config: {
      layers: [2, 11, 1],
      activation: 'relu',
      output: 'linear',
      loss: 'mse',
      optimizer: { kind: 'sgd', convention: 'course', lr: 0.005 },
      batchSize: 32,
      epochs: 800,
      shuffle: false,
      seed: 1,
      regularization: { kind: 'none' },
      init: { kind: 'normal', seed: 1 },
    },
  },
}

const presetIds = Object.keys(classifierPresets) as ClassifierPresetId[]

/**
 * The training configuration of a scene's classifier: the preset's, with L2 regularization λ·½Σw² when
 * `lambda` > 0, none when `lambda` = 0, and the preset's own when `lambda` is undefined. A fresh copy.
 * Throws a SpecError for a choice that is not an object, an unknown `preset`, or `lambda` not a finite
 * number ≥ 0.
 */
export function classifierConfigOf(choice: SceneClassifier): ClassifierConfig {
  const raw = expectRecord(choice, 'classifier')
  const preset = expectOneOf(raw.preset, 'classifier.preset', presetIds)
  const config = structuredClone(classifierPresets[preset].config)
  if (raw.lambda !== undefined) {
    const lambda = expectNumber(
      raw.lambda,
      'classifier.lambda',
      'a finite number ≥ 0',
      (v) => v >= 0 && v < Infinity,
    )
    config.regularization = lambda > 0 ? { kind: 'l2', lambda } : { kind: 'none' }
  }
  return config
}
