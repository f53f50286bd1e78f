/**
 * The classifier core: a small MLP trained on a two-feature, two-class data set (the PKU course's dot.csv
 * lab), with the registries the UI builds its controls from. Table of contents:
 * - data: `parseDataset`, `generateDataset`, `datasetKinds`, `validateDataset`, `DatasetError`;
 * - training: `createTrainer` (resumable), `trainClassifier` (to the end, with hooks), `validateClassifierConfig`;
 * - analysis: `createObjective` (loss and gradient of θ), `lossHessian` (spectrum, minimum ratio);
 * - strategies: `activations`, `losses`, `parameterLabels`.
 */
export type * from './types'
export { parseDataset, MIN_ROWS, MAX_ROWS } from './parseDataset'
export {
  DatasetError,
  datasetErrorCodes,
  type DatasetErrorCode,
  type DatasetErrorDetails,
} from './datasetError'
export { validateDataset, MIN_TRAIN_ROWS } from './validateDataset'
export { generateDataset, datasetKinds } from './generateDataset'
export { createTrainer } from './trainer'
export { trainClassifier } from './trainClassifier'
export {
  validateClassifierConfig,
  validationSplitSizes,
  MAX_UNITS,
  MAX_HIDDEN_LAYERS,
  MAX_EPOCHS,
  MAX_BATCH_NORM_BATCH,
} from './validateConfig'
export { createObjective, type Objective, type ObjectiveOptions } from './objective'
export {
  lossHessian,
  HESSIAN_RELATIVE_TOLERANCE,
  MAX_HESSIAN_PARAMS,
  type LossHessianOptions,
} from './lossHessian'
export { activations, activationIds, LEAKY_SLOPE, type Activation } from './activations/index'
export { losses, lossIds, toPrediction, type Loss } from './losses/index'
export { parameterLabels } from './layout'
export { COURSE_BIAS } from './init'
export { BN_EPSILON, BN_MOMENTUM } from './batchNorm'
