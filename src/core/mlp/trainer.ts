import { createRng } from '../math/rng'
import { createOptimizer } from '../optimizers/index'
import { createPlateauScheduler, learningRate } from '../schedules/index'
import type { Extent } from '../types'
import { evaluateRange, predictGridInto } from './evaluate'
import { initParams } from './init'
import { createLayout } from './layout'
import { backwardChunk, forwardChunk, gatherRows } from './passes'
import { addPenaltyGradient, penaltyValue } from './penalty'
import { createPredictor } from './predictor'
import type {
  ClassifierConfig,
  Dataset,
  EvalMetrics,
  StopReason,
  Trainer,
  TrainHistory,
  TrainResult,
} from './types'
import { splitRows, validateClassifierConfig } from './validateConfig'
import { toLayerWeights } from './weights'
import { createWorkspace } from './workspace'

/** Rows per forward/backward chunk when batch norm does not force whole batches (keeps buffers in cache). */
const CHUNK_ROWS = 256

/**
 * A resumable trainer for `config` on `dataset` (validated here; throws SpecError). One epoch = one pass over
 * the training rows (the first ⌊n(1 − validationSplit)⌋ in file order) in batches of `batchSize`, the last one
 * partial; each batch makes one update θ ← optimizer(θ, ∇L_B, η_t, t) with L_B = (1/B)Σℓ + penalty and
 * t = the global update index. After each epoch the whole training set (and validation set) is evaluated
 * in evaluation mode and stored in `history`. `trainEpochs` allocates nothing.
 */
export function createTrainer(config: ClassifierConfig, dataset: Dataset): Trainer {
  const cfg = validateClassifierConfig(config, dataset)
  const { x, y, n } = dataset
  const layout = createLayout(cfg.layers, cfg.batchNorm ?? false)
  const { nTrain, nVal } = splitRows(n, cfg.validationSplit)
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
  const shuffleRng = createRng(cfg.seed)
  const order = new Int32Array(nTrain)
  for (let i = 0; i < nTrain; i++) order[i] = i
  const zOut = ws.z[layout.layers - 1]
  const sums = new Float64Array(2)

  const capacity = cfg.epochs
  const hist = {
    dataLoss: new Float64Array(capacity),
    loss: new Float64Array(capacity),
    accuracy: new Float64Array(capacity),
    lr: new Float64Array(capacity),
    valLoss: new Float64Array(nVal > 0 ? capacity : 0),
    valAccuracy: new Float64Array(nVal > 0 ? capacity : 0),
  }
  const early = cfg.earlyStopping
  const best = early
    ? { params: new Float64Array(layout.n), stats: new Float64Array(ws.stats.length) }
    : undefined
  let bestVal = Infinity
  let bestEpoch = 0
  let wait = 0

  let epoch = 0
  let t = 0
  let lastLr = plateau ? baseLr : learningRate(baseLr, schedule, 0)
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
    for (let start = 0; start < nTrain; start += batch) {
      const size = Math.min(batch, nTrain - start)
      const scale = 1 / size
      grad.fill(0)
      for (let first = start; first < start + size; first += cap) {
        const count = Math.min(cap, start + size - first)
        gatherRows(ws, x, y, order, first, count)
        forwardChunk(ws, params, count, true)
        ws.loss.gradient(zOut, ws.target, count, ws.sigmoidOutput, scale, ws.gradA)
        backwardChunk(ws, params, grad, count, true)
      }
      addPenaltyGradient(reg, params, grad, layout)
      const lr = plateau ? plateauLr : learningRate(baseLr, schedule, t)
      optimizer.step(params, grad, lr, t)
      lastLr = lr
      t++
    }
  }

  /** Evaluates the epoch just trained into history[epoch − 1] and applies plateau / early stopping. */
  function recordEpoch(): void {
    const e = epoch - 1
    evaluateRange(ws, params, x, y, 0, nTrain, sums)
    const dataLoss = sums[0] / nTrain
    const loss = dataLoss + penaltyValue(reg, params, layout)
    hist.dataLoss[e] = dataLoss
    hist.loss[e] = loss
    hist.accuracy[e] = sums[1] / nTrain
    hist.lr[e] = lastLr
    if (!Number.isFinite(loss)) {
      stopReason = 'diverged'
      return
    }
    if (plateau) plateauLr = plateau.observe(loss)
    if (nVal === 0) return
    evaluateRange(ws, params, x, y, nTrain, n, sums)
    const valLoss = sums[0] / nVal
    hist.valLoss[e] = valLoss
    hist.valAccuracy[e] = sums[1] / nVal
    if (!best || !early) return
    // Keras EarlyStopping(patience, min_delta=0, restore_best_weights=True).
    if (valLoss < bestVal) {
      bestVal = valLoss
      bestEpoch = epoch
      wait = 0
      best.params.set(params)
      best.stats.set(ws.stats)
    } else if (++wait >= early.patience) {
      params.set(best.params)
      ws.stats.set(best.stats)
      stopReason = 'early-stopping'
      stoppedEpoch = epoch
      restoredEpoch = bestEpoch
    }
  }

  function evaluate(): EvalMetrics {
    evaluateRange(ws, params, x, y, 0, nTrain, sums)
    const dataLoss = sums[0] / nTrain
    const metrics: EvalMetrics = {
      dataLoss,
      loss: dataLoss + penaltyValue(reg, params, layout),
      accuracy: sums[1] / nTrain,
    }
    if (nVal > 0) {
      evaluateRange(ws, params, x, y, nTrain, n, sums)
      metrics.valLoss = sums[0] / nVal
      metrics.valAccuracy = sums[1] / nVal
    }
    return metrics
  }

  function history(): TrainHistory {
    const h: TrainHistory = {
      epochs: epoch,
      dataLoss: hist.dataLoss.subarray(0, epoch),
      loss: hist.loss.subarray(0, epoch),
      accuracy: hist.accuracy.subarray(0, epoch),
      lr: hist.lr.subarray(0, epoch),
    }
    if (nVal > 0) {
      h.valLoss = hist.valLoss.subarray(0, epoch)
      h.valAccuracy = hist.valAccuracy.subarray(0, epoch)
    }
    return h
  }

  function predictGrid(extent: Extent, nx: number, ny: number, out?: Float64Array): Float64Array {
    const target = out ?? new Float64Array(nx * ny)
    if (target.length < nx * ny)
      throw new RangeError(`predictGrid: out holds ${target.length} < nx·ny = ${nx * ny}`)
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
      return history()
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
      const h = history()
      const copy: TrainHistory = {
        epochs: h.epochs,
        dataLoss: h.dataLoss.slice(),
        loss: h.loss.slice(),
        accuracy: h.accuracy.slice(),
        lr: h.lr.slice(),
      }
      if (h.valLoss && h.valAccuracy) {
        copy.valLoss = h.valLoss.slice()
        copy.valAccuracy = h.valAccuracy.slice()
      }
      const snapshot = params.slice()
      const result: TrainResult = {
        final: evaluate(),
        history: copy,
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
