import { SpecError, expectInteger } from '../errors'
import { createRng } from '../math/rng'
import { createOptimizer } from '../optimizers/index'
import { createPlateauScheduler } from '../schedules/index'
import { getScheduleMeta } from '../schedules/meta'
import type { ScheduleMeta } from '../schedules/scheduleMeta'
import type { Extent } from '../types'
import { chunkRows } from './chunks'
import { createEarlyStopping } from './earlyStopping'
import { evaluateRows, predictGridInto } from './evaluate'
import { createHistory } from './history'
import { initParams } from './init'
import { createLayout } from './layout'
import { forwardChunk, gatherRows, trainChunk } from './passes'
import { addPenaltyGradient, penaltyValue } from './penalty'
import { createPredictor } from './predictor'
import type { ClassifierConfig, Dataset, EvalMetrics, StopReason, Trainer, TrainResult } from './types'
import { validationSplitSizes, validateClassifierConfig } from './validateConfig'
import { toLayerWeights } from './weights'
import { createWorkspace } from './workspace'

/** Largest side of a prediction grid (2048² doubles = 32 MiB, as the core's sampleGrid). */
const MAX_GRID_SIDE = 2048

/** Rows per forward/backward chunk when batch norm does not force whole batches (keeps buffers in cache). */
const CHUNK_ROWS = 256

/**
 * A resumable trainer for `config` on `dataset` (validated here: a SpecError for the config or the data
 * set's shape, a DatasetError for its content, see `validateDataset`). One epoch = one pass over
 * the training rows (the first ⌊n(1 − validationSplit)⌋ in file order) in batches of `batchSize`, the last one
 * partial; each batch makes one update θ ← optimizer(θ, ∇L_B, η_t, t) with L_B = (1/B)Σℓ + penalty and
 * t = the global update index. After each epoch the whole training set (and validation set) is evaluated
 * in evaluation mode and stored in `history`. `trainEpochs` allocates nothing.
 */
export function createTrainer(config: ClassifierConfig, dataset: Dataset): Trainer {
  const cfg = validateClassifierConfig(config, dataset)
  const { x, y, n } = dataset
  const layout = createLayout(cfg.layers, cfg.batchNorm ?? false)
  const { nTrain, nVal } = validationSplitSizes(n, cfg.validationSplit)
  const batch = Math.min(cfg.batchSize, nTrain)
  const cap = layout.batchNorm ? Math.max(batch, Math.min(n, CHUNK_ROWS)) : Math.min(n, CHUNK_ROWS)
  const wsOptions = {
    activation: cfg.activation,
    output: cfg.output,
    loss: cfg.loss,
    dropout: cfg.dropout ?? 0,
  }
  // Shuffling and dropout draw from separate streams of the one seed, so turning dropout on leaves the
  // batch order unchanged.
  const ws = createWorkspace(layout, cap, { ...wsOptions, seed: (cfg.seed ^ 0x5bd1e995) >>> 0 })
  const params = new Float64Array(layout.n)
  const grad = new Float64Array(layout.n)
  initParams(layout, cfg.init, params, ws.stats)
  const optimizer = createOptimizer(cfg.optimizer, layout.n)
  const baseLr = optimizer.spec.lr
  const schedule = cfg.schedule
  const plateau =
    schedule?.kind === 'plateau'
      ? createPlateauScheduler(
          {
            factor: schedule.factor,
            patience: schedule.patience,
            threshold: schedule.threshold,
            cooldown: schedule.cooldown,
            minLr: schedule.minLr,
          },
          baseLr,
        )
      : undefined
  let plateauLr = baseLr
  const reg = cfg.regularization
  // λ of an L2 penalty, which the unrolled one-layer kernel folds into its gradient (trainChunk).
  const l2 = reg.kind === 'l2' ? reg.lambda : 0
  const shuffleRng = createRng(cfg.seed)
  const order = new Int32Array(nTrain)
  for (let i = 0; i < nTrain; i++) order[i] = i
  const zOut = ws.z[layout.layers - 1]
  const sums = new Float64Array(2)
  // Fixed row chunks with views into the data, made once: the batches in file order, and the evaluation ranges.
  const trainChunks = chunkRows(x, y, 0, nTrain, cap, batch)
  const batchChunks = trainChunks.batchStart
  const evalTrain = chunkRows(x, y, 0, nTrain, cap)
  const evalVal = chunkRows(x, y, nTrain, n, cap)

  const hist = createHistory(cfg.epochs, nVal > 0)
  const early = cfg.earlyStopping
    ? createEarlyStopping(cfg.earlyStopping.patience, layout.n, ws.stats.length)
    : undefined

  let epoch = 0
  let t = 0
  // The config was validated (validateClassifierConfig), so η_t comes straight from the schedule's formula,
  // resolved once, as createRun does: no per-batch edge check.
  const stepLr =
    plateau || schedule === undefined ? undefined : (getScheduleMeta(schedule.kind) as ScheduleMeta).lr
  const etaAt = (t: number): number => (stepLr === undefined ? baseLr : stepLr(baseLr, schedule as never, t))
  let lastLr = plateau ? baseLr : etaAt(0)
  let stopReason: StopReason | undefined
  let stoppedEpoch: number | undefined
  let restoredEpoch: number | undefined

  function trainOneEpoch(): void {
    if (cfg.shuffle) {
      for (let i = nTrain - 1; i > 0; i--) {
        const j = shuffleRng.int(i + 1)
        const tmp = order[i]
        order[i] = order[j]
        order[j] = tmp
      }
    }
    const batches = batchChunks.length - 1
    // η stays in a local inside the loop: a double written to a closure variable is boxed (allocated) per write.
    let lr = lastLr
    for (let b = 0; b < batches; b++) {
      const scale = 1 / Math.min(batch, nTrain - b * batch)
      const firstChunk = batchChunks[b]
      let penalized = false
      for (let c = firstChunk; c < batchChunks[b + 1]; c++) {
        const count = trainChunks.count[c]
        let input = trainChunks.x[c]
        let target = trainChunks.y[c]
        if (cfg.shuffle) {
          gatherRows(ws, x, y, order, trainChunks.first[c], count)
          input = ws.a[0]
          target = ws.target
        }
        if (trainChunk(ws, params, grad, count, input, target, scale, c === firstChunk, l2)) penalized = true
      }
      // The unrolled kernel folds an L2 penalty into the gradient it writes (trainChunk says so); any other
      // penalty is added here.
      if (!(penalized && reg.kind === 'l2')) addPenaltyGradient(reg, params, grad, layout)
      lr = plateau ? plateauLr : etaAt(t)
      optimizer.step(params, grad, lr, t)
      t++
    }
    lastLr = lr
  }

  /** Evaluates the epoch just trained into history[epoch − 1] and applies plateau / early stopping. */
  function recordEpoch(): void {
    const e = epoch - 1
    evaluateRows(ws, params, evalTrain, sums)
    const dataLoss = sums[0] / nTrain
    const loss = dataLoss + penaltyValue(reg, params, layout)
    hist.record(e, dataLoss, loss, sums[1] / nTrain, lastLr)
    if (!Number.isFinite(loss)) {
      stopReason = 'diverged'
      return
    }
    if (plateau) plateauLr = plateau.observe(loss)
    if (nVal === 0) return
    evaluateRows(ws, params, evalVal, sums)
    const valLoss = sums[0] / nVal
    hist.recordValidation(e, valLoss, sums[1] / nVal)
    if (early?.observe(epoch, valLoss, params, ws.stats)) {
      stopReason = 'early-stopping'
      stoppedEpoch = epoch
      restoredEpoch = early.bestEpoch
    }
  }

  function evaluate(): EvalMetrics {
    evaluateRows(ws, params, evalTrain, sums)
    const dataLoss = sums[0] / nTrain
    const metrics: EvalMetrics = {
      dataLoss,
      loss: dataLoss + penaltyValue(reg, params, layout),
      accuracy: sums[1] / nTrain,
    }
    if (nVal > 0) {
      evaluateRows(ws, params, evalVal, sums)
      metrics.valLoss = sums[0] / nVal
      metrics.valAccuracy = sums[1] / nVal
    }
    return metrics
  }

  function predictGrid(extent: Extent, nx: number, ny: number, out?: Float64Array): Float64Array {
    expectInteger(nx, 'nx', 1, MAX_GRID_SIDE)
    expectInteger(ny, 'ny', 1, MAX_GRID_SIDE)
    for (const axis of ['x', 'y'] as const) {
      const r = extent?.[axis]
      if (!(Array.isArray(r) && Number.isFinite(r[0]) && Number.isFinite(r[1]) && r[0] <= r[1])) {
        throw new SpecError(`extent.${axis}`, 'two finite numbers [lo, hi] with lo ≤ hi', r)
      }
    }
    const target = out ?? new Float64Array(nx * ny)
    if (target.length < nx * ny)
      throw new SpecError('out', `a Float64Array of at least nx·ny = ${nx * ny}`, target.length)
    return predictGridInto(ws, params, extent, nx, ny, target)
  }

  const trainer: Trainer = {
    config: cfg,
    get epoch() {
      return epoch
    },
    get updates() {
      return t
    },
    get done() {
      return stopReason !== undefined || epoch >= cfg.epochs
    },
    get stopReason() {
      return stopReason ?? (epoch >= cfg.epochs ? 'completed' : undefined)
    },
    trainEpochs(k) {
      let ran = 0
      while (ran < k && stopReason === undefined && epoch < cfg.epochs) {
        trainOneEpoch()
        epoch++
        ran++
        recordEpoch()
      }
      return ran
    },
    stop() {
      if (stopReason === undefined && epoch < cfg.epochs) stopReason = 'stopped'
    },
    evaluate,
    get history() {
      return hist.view(epoch)
    },
    predict(x1, x2) {
      ws.a[0][0] = x1
      ws.a[0][1] = x2
      forwardChunk(ws, params, 1, false)
      return ws.linearPrediction ? zOut[0] : 1 / (1 + Math.exp(-zOut[0]))
    },
    predictGrid,
    params,
    weights: () => toLayerWeights(layout, params, ws.stats),
    result(): TrainResult {
      const snapshot = params.slice()
      const result: TrainResult = {
        final: evaluate(),
        history: hist.copy(epoch),
        weights: toLayerWeights(layout, params, ws.stats),
        params: snapshot,
        predict: createPredictor(layout, wsOptions, snapshot, ws.stats.slice()),
        epochs: epoch,
        updates: t,
        stopReason: trainer.stopReason ?? 'stopped',
      }
      if (stoppedEpoch !== undefined) result.stoppedEpoch = stoppedEpoch
      if (restoredEpoch !== undefined) result.restoredEpoch = restoredEpoch
      return result
    },
  }
  return trainer
}
