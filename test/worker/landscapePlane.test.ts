import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { lossLine } from '../../src/core/landscape/lossLine'
import { lossSlice } from '../../src/core/landscape/lossSlice'
import { trajectoryPlane } from '../../src/core/landscape/trajectoryPlane'
import { parseDataset } from '../../src/core/mlp/parseDataset'
import { createTrainer } from '../../src/core/mlp/trainer'
import type { ClassifierConfig, Dataset, LayerWeights } from '../../src/core/mlp/types'
import { createEngine } from '../../src/worker/engine'
import { thinPath } from '../../src/worker/landscapePlane'
import type {
  FromWorker,
  TrainInterpolationReply,
  TrainLandscapeReply,
  WorkerErrorMessage,
} from '../../src/worker/protocol'
import { createFakeClock } from './fakeClock'

const dot: Dataset = parseDataset(readFileSync(new URL('../../public/dot.csv', import.meta.url), 'utf8'))

/** The PKU course's dot.csv experiment (docs/lectures.md S11), shortened to `epochs`. */
const preset = (lambda: number, epochs = 40): ClassifierConfig => ({
  layers: [2, 11, 1],
  activation: 'relu',
  output: 'linear',
  loss: 'mse',
  optimizer: { kind: 'sgd', convention: 'lecture', lr: 0.005 },
  batchSize: 32,
  epochs,
  shuffle: false,
  seed: 1,
  regularization: lambda > 0 ? { kind: 'l2', lambda } : { kind: 'none' },
  init: { kind: 'normal', seed: 7 },
})

const EPOCHS = 40

/** A session of the two course networks (without and with L2) stepped to EPOCHS in the engine. */
function trained(configs = [preset(0), preset(0.03)]) {
  const clock = createFakeClock()
  const sent: FromWorker[] = []
  const engine = createEngine((m) => sent.push(m), {
    now: clock.now,
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clearTimeout,
  })
  engine.handle({
    type: 'train.start',
    runId: 1,
    runs: configs.map((config, i) => ({ key: i === 0 ? 'a' : 'b', config })),
    dataset: dot,
    grid: { extent: { x: [-3, 3], y: [-3, 3] }, nx: 8, ny: 8 },
    autoplay: false,
  })
  engine.handle({ type: 'train.step', runId: 1, epochs: EPOCHS })
  sent.length = 0
  return { engine, sent }
}

/** The weights after every epoch 0..epochs, trained independently of the worker with the core's trainer. */
function recordOf(config: ClassifierConfig, epochs = EPOCHS): LayerWeights[][] {
  const trainer = createTrainer(config, dot)
  const out = [trainer.weights()]
  for (let e = 0; e < epochs; e++) {
    trainer.trainEpochs(1)
    out.push(trainer.weights())
  }
  return out
}

const close = (actual: number, expected: number, tol = 1e-9) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)))

describe('train.landscape on PCA planes', () => {
  it("each run's path reproduces trajectoryPlane on its recorded weights, and the plane's loss is lossSlice's there", () => {
    const { engine, sent } = trained()
    engine.handle({
      type: 'train.landscape',
      requestId: 5,
      runId: 1,
      seed: 1,
      span: 1,
      n: 21,
      contours: 8,
      directions: 'pca',
    })
    const reply = sent.find((m): m is TrainLandscapeReply => m.type === 'train.landscapeResult')!
    expect(reply.directions).toBe('pca')
    const configs = { a: preset(0), b: preset(0.03) }
    for (const run of reply.runs) {
      const config = configs[run.run]
      const weights = recordOf(config)
      const center = weights[weights.length - 1]
      const plane = trajectoryPlane(weights, center)
      const path = run.path!
      expect(Array.from(path.epochs)).toEqual(Array.from({ length: EPOCHS + 1 }, (_, e) => e))
      path.alpha.forEach((a, k) => close(a, plane.alpha[k]))
      path.beta.forEach((b, k) => close(b, plane.beta[k]))
      close(path.explainedVariance[0], plane.explainedVariance[0])
      close(path.explainedVariance[1], plane.explainedVariance[1])
      expect(path.explainedVariance[0]).toBeGreaterThan(0.5)
      // The plane's span holds the path with a margin.
      const reach = Math.max(...path.alpha.map(Math.abs), ...path.beta.map(Math.abs))
      close(run.span!, 1.25 * reach)
      for (const k of [0, 7, 20, EPOCHS]) {
        const one = (v: number) => ({ min: v, max: v + 1, n: 2 })
        const slice = lossSlice({
          config,
          dataset: dot,
          center,
          directions: plane.directions,
          alpha: one(path.alpha[k]),
          beta: one(path.beta[k]),
        })
        close(path.planeLoss[k], slice.loss[0])
        const truth = lossLine({ config, dataset: dot, from: weights[k], to: weights[k], t: one(0) })
        close(path.loss[k], truth.loss[0])
      }
      // The path ends at the center, where the plane is exact and the trainer's final loss is the slice's.
      const final = createTrainer({ ...config, init: { kind: 'explicit', weights: center } }, dot).result()
        .final.loss
      close(path.loss[EPOCHS], final)
      close(path.planeLoss[EPOCHS], final)
      close(run.centerLoss, final)
      // Away from the center the path leaves the plane: the two losses differ somewhere.
      expect(path.loss.some((v, k) => Math.abs(v - path.planeLoss[k]) > 1e-6)).toBe(true)
    }
  })

  it('random directions stay the default, without a path', () => {
    const { engine, sent } = trained()
    engine.handle({ type: 'train.landscape', requestId: 6, runId: 1, seed: 1, span: 1, n: 11, contours: 4 })
    const reply = sent.find((m): m is TrainLandscapeReply => m.type === 'train.landscapeResult')!
    expect(reply.directions).toBe('random')
    expect(reply.runs.every((r) => r.path === undefined && r.span === undefined)).toBe(true)
  })

  it('thinPath keeps at most max points, evenly spaced, first and last included', () => {
    const epochs = Array.from({ length: 1001 }, (_, e) => e)
    const [e] = thinPath(epochs, epochs, 201)
    expect(e).toHaveLength(201)
    expect(e[0]).toBe(0)
    expect(e[200]).toBe(1000)
    expect(e[1]).toBe(5)
    expect(thinPath([0, 1, 2], ['a', 'b', 'c'], 201)).toEqual([
      [0, 1, 2],
      ['a', 'b', 'c'],
    ])
  })
})

describe('train.interpolation', () => {
  it("lines from each run's initial to its current weights, and from a to b, end at the networks' own losses", () => {
    const { engine, sent } = trained()
    engine.handle({ type: 'train.interpolation', requestId: 7, runId: 1, t: { min: -0.5, max: 1.5, n: 81 } })
    const reply = sent.find((m): m is TrainInterpolationReply => m.type === 'train.interpolationResult')!
    expect(reply.lines.map((l) => l.id)).toEqual(['a', 'b', 'ab'])
    const i0 = 20
    const i1 = 60
    const final = (config: ClassifierConfig, epochs: number) => {
      const trainer = createTrainer(config, dot)
      trainer.trainEpochs(epochs)
      return trainer.result().final
    }
    for (const line of reply.lines) {
      close(line.t[i0], 0, 1e-12)
      close(line.t[i1], 1, 1e-12)
      expect(line.epoch).toBe(EPOCHS)
    }
    for (const [k, config] of [preset(0), preset(0.03)].entries()) {
      const line = reply.lines[k]
      close(line.loss[i0], final(config, 0).loss)
      close(line.accuracy[i0], final(config, 0).accuracy)
      close(line.loss[i1], final(config, EPOCHS).loss)
      close(line.accuracy[i1], final(config, EPOCHS).accuracy)
    }
    const ab = reply.lines[2]
    close(ab.dataLoss[i0], final(preset(0), EPOCHS).dataLoss)
    close(ab.dataLoss[i1], final(preset(0.03), EPOCHS).dataLoss)
    close(ab.accuracy[i1], final(preset(0.03), EPOCHS).accuracy)
  })

  it('leaves out the line between networks of different shapes, and refuses a stale run', () => {
    const { engine, sent } = trained([preset(0), { ...preset(0), layers: [2, 5, 1] }])
    engine.handle({ type: 'train.interpolation', requestId: 8, runId: 1, t: { min: 0, max: 1, n: 3 } })
    const reply = sent.find((m): m is TrainInterpolationReply => m.type === 'train.interpolationResult')!
    expect(reply.lines.map((l) => l.id)).toEqual(['a', 'b'])
    engine.handle({ type: 'train.interpolation', requestId: 9, runId: 2, t: { min: 0, max: 1, n: 3 } })
    const error = sent.find((m): m is WorkerErrorMessage => m.type === 'error')!
    expect(error).toMatchObject({ requestId: 9, field: 'runId' })
  })
})
