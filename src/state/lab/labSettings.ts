import type {
  ActivationKind,
  ClassifierConfig,
  DatasetKind,
  LossKind,
  OutputKind,
  Regularization,
} from '../../core/mlp/types'
import type { Convention, OptimizerSpec, ScheduleSpec } from '../../core/types'
import { DEFAULT_EPOCHS_PER_SECOND, MAX_EPOCHS_PER_SECOND, MIN_EPOCHS_PER_SECOND } from '../../core/limits'
import type { NumberRule } from '../limits'
import type { TrainRunKey } from '../../worker/protocol'

/**
 * The classifier lab's settings: plain data, exactly what a shared link carries (labUrl.ts), from which the
 * store derives the worker's `ClassifierConfig`s (`labRunConfigs`).
 */

/**
 * 'regularization': the course's experiment, network A trained twice in lockstep from the same weights,
 * left without any penalty and right with A's regularization. 'compare': networks A and B side by side.
 */
export type LabMode = 'regularization' | 'compare'
export const LAB_MODES: readonly LabMode[] = ['regularization', 'compare']

/** Weight initialisations the lab offers (the core's `InitSpec` kinds, seeded by `LabSettings.seed`). */
export type InitKind = 'normal' | 'xavier' | 'he'
export const INIT_KINDS: readonly InitKind[] = ['normal', 'xavier', 'he']

export const ACTIVATIONS: readonly ActivationKind[] = ['relu', 'leaky-relu', 'tanh', 'sigmoid', 'linear']
export const OUTPUTS: readonly OutputKind[] = ['linear', 'sigmoid']
export const LOSSES: readonly LossKind[] = ['mse', 'cross-entropy']
export const DATASET_SHAPES: readonly DatasetKind[] = ['circle', 'xor', 'gaussians', 'spiral']
/** The optimizers of the comparison table, in the course's order. */
export const COMPARED_KINDS = ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam'] as const

/** One network and how it is trained: every field of the core's `ClassifierConfig` but the seeds. */
export interface NetSettings {
  /** Widths of the 1..3 hidden layers, 1..32 units each (the course: [11]). */
  hidden: number[]
  activation: ActivationKind
  output: OutputKind
  loss: LossKind
  /** Any first-order optimizer, canonical as `normalizeOptimizer` makes it (convention always set). */
  optimizer: OptimizerSpec
  /** η_t over the update index t (every batch is an update); null = constant. `plateau` watches the loss. */
  schedule: ScheduleSpec | null
  /** Rows per update. */
  batchSize: number
  epochs: number
  /** false: batches in file order (the course); true: reshuffled every epoch. */
  shuffle: boolean
  /** Penalty on the weights (never the biases): L2 λ·½Σw² or L1 λ·Σ|w|. */
  regularization: Regularization
  /** Inverted dropout rate p on hidden units; 0 = off. */
  dropout: number
  batchNorm: boolean
  init: InitKind
  /** Fraction held out from the end of the data for validation; 0 = none. */
  validationSplit: number
  /** Early stopping patience in epochs on the validation loss; 0 = off (needs a validation split). */
  patience: number
}

/**
 * Where the lab's data comes from. `dot` and `generated` travel whole in a link; a user's `file` travels only
 * as its `hash` (`l.data=file:<hash>`), the key under which this browser keeps the text (dataVault.ts), so
 * such a link restores the data only where the file was loaded. A file without a hash was not kept (no
 * storage); one read from a link has the name '' until the vault answers.
 */
export type LabDataSource =
  | { kind: 'dot' }
  | { kind: 'generated'; shape: DatasetKind; n: number; noise: number; seed: number }
  | { kind: 'file'; name: string; hash?: string }

/** The optimizer comparison: the five optimizers share a convention and a learning rate. */
export interface CompareSettings {
  convention: Convention
  lr: number
  /** "Epochs to reach" this training loss (data term + penalty). */
  targetLoss: number
}

export interface LabSettings {
  mode: LabMode
  /** The network of both views in 'regularization' mode; the left one in 'compare' mode. */
  a: NetSettings
  /** The right network in 'compare' mode. */
  b: NetSettings
  /** Seeds the initial weights, the shuffling and dropout of every run: equal seeds, equal start. */
  seed: number
  data: LabDataSource
  compare: CompareSettings
  /**
   * How fast training plays, epochs per second (slow enough to watch the boundary form by default), or null:
   * as fast as possible. Changing it never restarts a run.
   */
  pace: number | null
}

/** Ranges of the lab's numbers, checked by the actions (clamped) and the link parser (rejected). */
export const LAB_LIMITS = {
  units: { min: 1, max: 32, integer: true },
  batchSize: { min: 1, max: 100_000, integer: true },
  epochs: { min: 1, max: 100_000, integer: true },
  lambda: { min: 0, max: 10 },
  dropout: { min: 0, max: 0.9 },
  validationSplit: { min: 0, max: 0.9 },
  patience: { min: 0, max: 10_000, integer: true },
  seed: { min: 0, max: 0xffff_ffff, integer: true },
  rows: { min: 4, max: 100_000, integer: true },
  noise: { min: 0, max: 5 },
  targetLoss: { min: 0, max: 1e6 },
  pace: { min: MIN_EPOCHS_PER_SECOND, max: MAX_EPOCHS_PER_SECOND },
} satisfies Record<string, NumberRule>

/** Most hidden layers. */
export const MAX_HIDDEN = 3

/** The PKU course's dot.csv experiment (docs/lectures.md S11): 2-11-1 ReLU, linear output, MSE, SGD η = 0.005. */
export function createPresetNet(): NetSettings {
  return {
    hidden: [11],
    activation: 'relu',
    output: 'linear',
    loss: 'mse',
    optimizer: { kind: 'sgd', convention: 'lecture', lr: 0.005 },
    schedule: null,
    batchSize: 32,
    epochs: 800,
    shuffle: false,
    regularization: { kind: 'l2', lambda: 0.03 },
    dropout: 0,
    batchNorm: false,
    init: 'normal',
    validationSplit: 0,
    patience: 0,
  }
}

/**
 * The lab a student first sees: the course's regularization experiment on dot.csv (batches in file order,
 * 800 epochs, W ~ N(0, 1), b = 0.01, λ = 0.03 on the right). Network B, for 'compare' mode, is the same net
 * trained with Adam (PyTorch defaults), the lecture's usual rival of plain SGD.
 */
export function createDefaultLabSettings(): LabSettings {
  const a = createPresetNet()
  return {
    mode: 'regularization',
    a,
    b: { ...createPresetNet(), optimizer: { kind: 'adam', convention: 'pytorch', lr: 0.005 } },
    seed: 1,
    data: { kind: 'dot' },
    compare: { convention: 'lecture', lr: 0.005, targetLoss: 0.1 },
    pace: DEFAULT_EPOCHS_PER_SECOND,
  }
}

/** The core config of one network: layers [2, …hidden, 1], `seed` for the init and the batches. */
export function toClassifierConfig(
  net: NetSettings,
  seed: number,
  regularization: Regularization = net.regularization,
): ClassifierConfig {
  const config: ClassifierConfig = {
    layers: [2, ...net.hidden, 1],
    activation: net.activation,
    output: net.output,
    loss: net.loss,
    optimizer: { ...net.optimizer },
    batchSize: net.batchSize,
    epochs: net.epochs,
    shuffle: net.shuffle,
    seed,
    regularization: { ...regularization },
    init: { kind: net.init, seed },
  }
  if (net.schedule !== null) config.schedule = structuredClone(net.schedule)
  if (net.dropout > 0) config.dropout = net.dropout
  if (net.batchNorm) config.batchNorm = true
  if (net.validationSplit > 0) {
    config.validationSplit = net.validationSplit
    if (net.patience > 0) config.earlyStopping = { patience: net.patience }
  }
  return config
}

/**
 * The two runs the lab trains in lockstep. 'regularization': a = network A without a penalty, b = network A
 * as set (both share every other field and the seed, so they start from identical weights); 'compare':
 * a = A, b = B.
 */
export function labRunConfigs(settings: LabSettings): { key: TrainRunKey; config: ClassifierConfig }[] {
  const { a, b, seed } = settings
  if (settings.mode === 'regularization') {
    return [
      { key: 'a', config: toClassifierConfig(a, seed, { kind: 'none' }) },
      { key: 'b', config: toClassifierConfig(a, seed) },
    ]
  }
  return [
    { key: 'a', config: toClassifierConfig(a, seed) },
    { key: 'b', config: toClassifierConfig(b, seed) },
  ]
}

/** The five optimizers of the comparison, each with the shared convention, η and that convention's defaults. */
export function comparedOptimizers(compare: CompareSettings): OptimizerSpec[] {
  return COMPARED_KINDS.map((kind) => ({ kind, convention: compare.convention, lr: compare.lr }))
}
