/**
 * Plain-data types of the classifier core (a small MLP trained on a 2D, two-class data set such as the PKU
 * course's dot.csv). Everything here except `Trainer`, `TrainResult.predict` and `TrainHooks` can cross
 * `postMessage`.
 */
import type { Bilingual, Extent, OptimizerSpec, ScheduleSpec } from '../types'

/**
 * A two-feature, two-class data set. `x` is n×2 row-major (x[2i] = x1, x[2i + 1] = x2 of row i), `y` holds the
 * labels 0 or 1. `columns` names [feature 1, feature 2, label] when the data came from a file with a header.
 */
export interface Dataset {
  x: Float64Array
  y: Float64Array
  n: number
  columns?: [string, string, string]
}

/** Built-in synthetic data sets of `generateDataset`. */
export type DatasetKind = 'circle' | 'xor' | 'gaussians' | 'spiral'

/** Hidden-layer activation f(z); the derivatives used by backprop are given on each registry entry. */
export type ActivationKind = 'relu' | 'leaky-relu' | 'tanh' | 'sigmoid' | 'linear'

/** The output unit: `linear` (the course's ŷ = h·W₂ + b₂) or `sigmoid` (σ(z) ∈ (0, 1)). */
export type OutputKind = 'linear' | 'sigmoid'

/** Data term: `mse` = mean of (y − out)²; `cross-entropy` = binary cross-entropy on σ(z) (logits form). */
export type LossKind = 'mse' | 'cross-entropy'

/**
 * Penalty added to the data term, over WEIGHT matrices only (never biases, nor batch-norm γ/β):
 * `l2` adds λ·½Σw² (TF's `l2_loss`, the PKU course), `l1` adds λ·Σ|w|.
 */
export type Regularization =
  { kind: 'none' } | { kind: 'l2'; lambda: number } | { kind: 'l1'; lambda: number }

/** One dense layer in the explicit (Keras/TF kernel) format: `W[i][j]` joins input i to unit j. */
export interface LayerWeights {
  /** inputs × units. */
  W: number[][]
  /** One bias per unit. */
  b: number[]
  /** Batch-norm scale γ (hidden layers, when `batchNorm`; defaults to 1). */
  gamma?: number[]
  /** Batch-norm shift β (defaults to 0). */
  beta?: number[]
  /** Batch-norm moving mean μ̄ used at evaluation time (defaults to 0). */
  movingMean?: number[]
  /** Batch-norm moving variance σ̄² used at evaluation time (defaults to 1). */
  movingVariance?: number[]
}

/**
 * Initial weights. `normal`: W ~ N(0, 1), biases 0.01 (the PKU course's `tf.random.normal` +
 * `tf.constant(0.01)`); `xavier`: Glorot uniform W ~ U(−√(6/(fan_in + fan_out)), +…), biases 0; `he`: MSRA
 * normal W ~ N(0, 2/fan_in) (plain, not truncated), biases 0; `explicit`: the given weights.
 */
export type InitSpec =
  { kind: 'normal' | 'xavier' | 'he'; seed: number } | { kind: 'explicit'; weights: LayerWeights[] }

/** Training configuration: plain data, validated at the edge by `validateClassifierConfig`. */
export interface ClassifierConfig {
  /** [2, h1, (h2, h3,) 1]: 1 to 3 hidden layers of 1 to 32 units each, one output unit. */
  layers: number[]
  /** Activation of every hidden layer. */
  activation: ActivationKind
  output: OutputKind
  loss: LossKind
  /** The core's optimizer (any kind except `newton`), applied to the flat parameter vector. */
  optimizer: OptimizerSpec
  /** η_t for update t (t counts every update of the run); `plateau` observes each epoch's training loss. */
  schedule?: ScheduleSpec
  /** Rows per update (≥ 1). The last batch of an epoch may be smaller, as with tf.data `.batch(B)`. */
  batchSize: number
  /** Number of passes over the training rows (1..100,000). */
  epochs: number
  /** false: batches in file order; true: a fresh seeded permutation every epoch. */
  shuffle: boolean
  /** Seeds the shuffling and the dropout masks (not the initial weights: see `init.seed`). */
  seed: number
  regularization: Regularization
  /** Dropout rate p ∈ [0, 1) on hidden units, inverted (kept units are scaled by 1/(1 − p) in training). */
  dropout?: number
  /** Batch normalization of every hidden layer's pre-activation (ε = 1e-5, moving averages with p = 0.9). */
  batchNorm?: boolean
  init: InitSpec
  /** Fraction in (0, 1) held out from the END of the data (file order), as Keras `validation_split`. */
  validationSplit?: number
  /** Stop when the validation data loss has not improved for `patience` epochs; restore the best weights. */
  earlyStopping?: { patience: number }
}

/** Loss and accuracy at the current weights, in evaluation mode (no dropout, batch norm on moving averages). */
export interface EvalMetrics {
  /** Data term over all training rows (the whole data set when there is no validation split). */
  dataLoss: number
  /** dataLoss + penalty. */
  loss: number
  /** Fraction of training rows whose prediction is on the right side of 0.5. */
  accuracy: number
  /** Data term over the validation rows (no penalty: it is compared with `dataLoss`). */
  valLoss?: number
  valAccuracy?: number
}

/** Per-epoch curves; entry e holds the evaluation after epoch e + 1. Views of length `epochs`. */
export interface TrainHistory {
  epochs: number
  dataLoss: Float64Array
  loss: Float64Array
  accuracy: Float64Array
  /** η used by the last update of the epoch. */
  lr: Float64Array
  valLoss?: Float64Array
  valAccuracy?: Float64Array
}

/** Why a run ended: all epochs done, early stopping, a hook asked, or the loss became non-finite. */
export type StopReason = 'completed' | 'early-stopping' | 'stopped' | 'diverged'

/** What `trainClassifier` returns (and `Trainer.result()`). */
export interface TrainResult {
  final: EvalMetrics
  history: TrainHistory
  /** The trained weights, in the explicit-init format (a copy). */
  weights: LayerWeights[]
  /** Flat parameter vector (a copy), in the layout of `parameterLabels`. */
  params: Float64Array
  /** Prediction at (x1, x2) with the returned weights; class 1 when > 0.5. */
  predict(x1: number, x2: number): number
  /** Epochs trained. */
  epochs: number
  /** Parameter updates made. */
  updates: number
  /** Why the run ended ('stopped' when `Trainer.result()` is taken before the end: the run so far). */
  stopReason: StopReason
  /** The epoch (1-based) after which training stopped early. */
  stoppedEpoch?: number
  /** The epoch (1-based) whose weights early stopping restored. */
  restoredEpoch?: number
}

/** Snapshot handed to `TrainHooks.onProgress`. */
export interface TrainProgress extends EvalMetrics {
  /** Epochs trained so far (1-based count). */
  epoch: number
  /** Planned number of epochs. */
  epochs: number
  /** η used by the last update. */
  lr: number
  /** Live flat parameters (read only; copy before sending). */
  params: Float64Array
  weights(): LayerWeights[]
  /** Predictions on an nx × ny grid (see `Trainer.predictGrid`), for a decision-boundary frame. */
  predictGrid(extent: Extent, nx: number, ny: number, out?: Float64Array): Float64Array
}

/** Progress callbacks of `trainClassifier`. */
export interface TrainHooks {
  /** Call `onProgress` every this many epochs (default 1) and after the last one. */
  every?: number
  /** Returning false stops training. */
  onProgress?(progress: TrainProgress): boolean | void
  /** Polled after every epoch; true stops training. */
  shouldStop?(): boolean
}

/**
 * A resumable trainer: the worker trains a few epochs per frame, pauses, or steps one epoch at a time.
 * Everything is synchronous and allocation-free inside `trainEpochs`.
 */
export interface Trainer {
  readonly config: ClassifierConfig
  /** Epochs trained so far. */
  readonly epoch: number
  /** Parameter updates made so far (the schedule's t for the next update). */
  readonly updates: number
  /** True when all epochs ran, early stopping fired, `stop()` was called or the loss diverged. */
  readonly done: boolean
  readonly stopReason: StopReason | undefined
  /** Trains up to k more epochs; returns how many ran. */
  trainEpochs(k: number): number
  /** Ends the run (status `stopped`). */
  stop(): void
  evaluate(): EvalMetrics
  readonly history: TrainHistory
  predict(x1: number, x2: number): number
  /**
   * Predictions at the nodes of an nx × ny grid over `extent` (x_c = x0 + c·(x1 − x0)/(nx − 1)), row-major with
   * row 0 at the bottom (y = extent.y[0]), the layout of the core's `sampleGrid`.
   */
  predictGrid(extent: Extent, nx: number, ny: number, out?: Float64Array): Float64Array
  /** The flat parameter vector, live (mutated by training). */
  readonly params: Float64Array
  weights(): LayerWeights[]
  result(): TrainResult
}

/** Loss Hessian and its spectrum (Li Hongyi's "minimum ratio"). */
export interface LossHessian {
  /** Number of parameters. */
  n: number
  /** n×n row-major, symmetric. */
  hessian: Float64Array
  /** Ascending. */
  eigenvalues: Float64Array
  /** With `vectors: true`: row k (n entries) is the unit eigenvector of eigenvalues[k]. */
  eigenvectors?: Float64Array
  /** (number of eigenvalues > tolerance) / n. */
  minimumRatio: number
  /** Absolute threshold used: relativeTolerance · max|λ|. */
  tolerance: number
  positive: number
  negative: number
  /** |λ| ≤ tolerance. */
  zero: number
  /** ‖∇L‖ at the weights: a minimum ratio means most near a critical point. */
  gradientNorm: number
  /** Full loss (data term + penalty) at the weights. */
  loss: number
}

/** A registry entry's UI metadata. */
export interface MlpChoice<K extends string> {
  id: K
  label: Bilingual
  /** TeX of the formula, in the lecture's notation. */
  formula: string
}
