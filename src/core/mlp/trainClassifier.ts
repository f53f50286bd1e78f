import { expectNumber } from '../errors'
import { createTrainer } from './trainer'
import type { ClassifierConfig, Dataset, TrainHooks, TrainProgress, TrainResult } from './types'

/**
 * Trains `config` on `dataset` to the end, synchronously (the worker calls it), on top of `createTrainer`.
 * With hooks, `onProgress` gets the current epoch, losses, accuracy, η and access to the weights and a
 * prediction grid every `every` epochs and after the last one; returning false, or `shouldStop()` returning
 * true (polled after every epoch), ends the run with stopReason 'stopped'. See `TrainResult` for the output.
 * Throws before training, like `createTrainer`: a SpecError for the config, the data set's shape or
 * `hooks.every` (a number ≥ 1), a DatasetError for the data set's content (see `validateDataset`).
 */
export function trainClassifier(config: ClassifierConfig, dataset: Dataset, hooks?: TrainHooks): TrainResult {
  const trainer = createTrainer(config, dataset)
  if (!hooks || (!hooks.onProgress && !hooks.shouldStop)) {
    trainer.trainEpochs(Infinity)
    return trainer.result()
  }
  if (hooks.every !== undefined) expectNumber(hooks.every, 'hooks.every', 'a number ≥ 1', (v) => v >= 1)
  const every = Math.floor(hooks.every ?? 1)
  while (!trainer.done) {
    trainer.trainEpochs(1)
    if (hooks.onProgress && (trainer.epoch % every === 0 || trainer.done)) {
      const h = trainer.history
      const e = trainer.epoch - 1
      const progress: TrainProgress = {
        epoch: trainer.epoch,
        epochs: config.epochs,
        dataLoss: h.dataLoss[e],
        loss: h.loss[e],
        accuracy: h.accuracy[e],
        lr: h.lr[e],
        params: trainer.params,
        weights: trainer.weights,
        predictGrid: trainer.predictGrid,
      }
      if (h.valLoss && h.valAccuracy) {
        progress.valLoss = h.valLoss[e]
        progress.valAccuracy = h.valAccuracy[e]
      }
      if (hooks.onProgress(progress) === false) trainer.stop()
    }
    if (hooks.shouldStop?.()) trainer.stop()
  }
  return trainer.result()
}
