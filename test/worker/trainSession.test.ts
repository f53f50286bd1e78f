import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { lossHessian } from '../../src/core/mlp/lossHessian'
import { parseDataset } from '../../src/core/mlp/parseDataset'
import { createTrainer } from '../../src/core/mlp/trainer'
import { trainClassifier } from '../../src/core/mlp/trainClassifier'
import type { ClassifierConfig, Dataset } from '../../src/core/mlp/types'
import { createWorkerClient, type WorkerLike } from '../../src/worker/client'
import { createEngine } from '../../src/worker/engine'
import type {
  FromWorker,
  TrainComparisonReply,
  TrainFrame,
  TrainHessianReply,
  TrainLoadReply,
  TrainEvent,
  WorkerErrorMessage,
} from '../../src/worker/protocol'
import type { Timers } from '../../src/worker/timers'
import { TRAIN_BUDGET_MS, TRAIN_TICK_MS } from '../../src/worker/trainSession'
import { createFakeClock } from './fakeClock'

const dot: Dataset = parseDataset(readFileSync(new URL('../../public/dot.csv', import.meta.url), 'utf8'))

/** The PKU course's dot.csv experiment (docs/lectures.md S11), shortened to `epochs`. */
const preset = (lambda: number, epochs = 60): ClassifierConfig => ({
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

const grid = { extent: { x: [-3, 3] as [number, number], y: [-3, 3] as [number, number] }, nx: 16, ny: 12 }

/**
 * An engine on a hand-driven clock where every `now()` reading costs `msPerRead` ms, as if each epoch of
 * training took that long: chunking by time then becomes exact (TRAIN_BUDGET_MS / msPerRead rounds a tick).
 */
function setup(msPerRead = 1) {
  const clock = createFakeClock()
  const timers: Timers = {
    now: () => {
      clock.skip(msPerRead)
      return clock.now()
    },
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clearTimeout,
  }
  const sent: { message: FromWorker; transfer: Transferable[] }[] = []
  const engine = createEngine((message, transfer = []) => sent.push({ message, transfer }), timers)
  const take = (): FromWorker[] => sent.splice(0).map((s) => s.message)
  /** Runs timers until none is pending (or `limit` ticks) and returns what was posted. */
  const runAll = (limit = 10_000): FromWorker[] => {
    for (let i = 0; i < limit && clock.runNext(); i++);
    return take()
  }
  return { engine, clock, sent, take, runAll }
}

const start = (runId: number, autoplay: boolean, runs = [preset(0), preset(0.03)], dataset = dot) => ({
  type: 'train.start',
  runId,
  runs: runs.map((config, i) => ({ key: i === 0 ? 'a' : 'b', config })),
  dataset,
  grid,
  autoplay,
})

const frames = (messages: FromWorker[]): TrainFrame[] =>
  messages.filter((m): m is TrainFrame => m.type === 'train.frame')
/** Appends every frame of run `key` as a client would (truncate to `from`, then append). */
function collect(list: TrainFrame[], key: 'a' | 'b') {
  const loss: number[] = []
  const dataLoss: number[] = []
  const accuracy: number[] = []
  for (const f of list) {
    const run = f.runs.find((r) => r.key === key)!
    expect(run.loss.length).toBe(run.epoch - run.from)
    loss.length = dataLoss.length = accuracy.length = run.from
    loss.push(...run.loss)
    dataLoss.push(...run.dataLoss)
    accuracy.push(...run.accuracy)
  }
  return { loss, dataLoss, accuracy }
}

describe('createTrainSession through createEngine', () => {
  it('train.start posts one train.frame at epoch 0 with identical initial boundaries for runs that share the init', () => {
    const { engine, take, clock } = setup()
    engine.handle(start(1, false))
    const posted = take()
    expect(posted).toHaveLength(1)
    const [frame] = frames(posted)
    expect(frame).toMatchObject({ type: 'train.frame', runId: 1, playing: false, nx: 16, ny: 12 })
    expect(frame.runs.map((r) => [r.key, r.epoch, r.from, r.loss.length, r.done])).toEqual([
      ['a', 0, 0, 0, false],
      ['b', 0, 0, 0, false],
    ])
    const [a, b] = frame.runs
    expect(a.grid).toHaveLength(16 * 12)
    // Only λ differs, and a penalty does not change the forward pass: the boundaries are equal bit for bit.
    expect(Array.from(b.grid)).toEqual(Array.from(a.grid))
    expect(clock.pending).toBe(0)
  })

  it('the boundary grid holds the network output at the grid nodes, row 0 at the bottom', () => {
    // A 2-2-1 ReLU net with hand-picked weights: out = 1·relu(x1 − x2) + 2·relu(x2 + 0.5) − 0.25.
    const explicit: ClassifierConfig = {
      ...preset(0),
      layers: [2, 2, 1],
      init: {
        kind: 'explicit',
        weights: [
          {
            W: [
              [1, 0],
              [-1, 1],
            ],
            b: [0, 0.5],
          },
          { W: [[1], [2]], b: [-0.25] },
        ],
      },
    }
    const { engine, take } = setup()
    engine.handle(start(1, false, [explicit]))
    const [frame] = frames(take())
    const relu = (v: number) => Math.max(0, v)
    for (let j = 0; j < grid.ny; j++) {
      for (let i = 0; i < grid.nx; i++) {
        const x1 = -3 + (6 * i) / (grid.nx - 1)
        const x2 = -3 + (6 * j) / (grid.ny - 1)
        const expected = relu(x1 - x2) + 2 * relu(x2 + 0.5) - 0.25
        expect(frame.runs[0].grid[j * grid.nx + i]).toBeCloseTo(expected, 12)
      }
    }
  })

  it('while playing, every tick trains a chunk of epochs of both runs in lockstep and posts one frame', () => {
    const { engine, take, runAll, clock } = setup(1)
    engine.handle(start(1, true))
    take()
    const list = frames(runAll())
    // 60 epochs, TRAIN_BUDGET_MS rounds a tick at 1 ms per clock reading: 6 frames, never one at the end only.
    expect(list.length).toBe(60 / TRAIN_BUDGET_MS)
    let previous = 0
    for (const f of list) {
      const [a, b] = f.runs
      expect(a.epoch).toBe(b.epoch)
      expect(a.from).toBe(previous)
      expect(a.epoch - previous).toBe(TRAIN_BUDGET_MS)
      previous = a.epoch
    }
    const last = list[list.length - 1]
    expect(last.playing).toBe(false)
    expect(last.runs.map((r) => [r.done, r.stopReason])).toEqual([
      [true, 'completed'],
      [true, 'completed'],
    ])
    expect(clock.pending).toBe(0)
  })

  it('the streamed history and final boundary equal one uninterrupted training run of the core', () => {
    const { engine, take, runAll } = setup(1)
    engine.handle(start(1, true))
    const list = frames([...take(), ...runAll()])
    for (const [key, lambda] of [
      ['a', 0],
      ['b', 0.03],
    ] as const) {
      const reference = createTrainer(preset(lambda), dot)
      reference.trainEpochs(60)
      const h = reference.history
      const streamed = collect(list, key)
      expect(streamed.loss).toEqual(Array.from(h.loss))
      expect(streamed.dataLoss).toEqual(Array.from(h.dataLoss))
      expect(streamed.accuracy).toEqual(Array.from(h.accuracy))
      const last = list[list.length - 1].runs.find((r) => r.key === key)!
      expect(Array.from(last.grid)).toEqual(Array.from(reference.predictGrid(grid.extent, grid.nx, grid.ny)))
      expect(last.final).toEqual(reference.evaluate())
    }
  })

  it('with λ > 0 the penalised run reports loss = data loss + λ·½Σw² (over weights only)', () => {
    const { engine, take } = setup()
    engine.handle(start(1, false))
    take()
    engine.handle({ type: 'train.step', runId: 1, epochs: 5 })
    const [frame] = frames(take())
    const b = frame.runs[1]
    // The penalty from the weights the core reports, summed here by hand.
    const reference = createTrainer(preset(0.03), dot)
    reference.trainEpochs(5)
    let sumSq = 0
    for (const layer of reference.weights()) for (const row of layer.W) for (const w of row) sumSq += w * w
    expect(b.loss[4]).toBeCloseTo(b.dataLoss[4] + 0.03 * 0.5 * sumSq, 12)
    expect(frame.runs[0].loss[4]).toBe(frame.runs[0].dataLoss[4])
  })

  it('train.pause stops the timer with one train.status; train.step trains exactly one epoch of each run', () => {
    const { engine, take, clock } = setup(1)
    engine.handle(start(1, true))
    take()
    clock.runNext()
    const [first] = frames(take())
    expect(first.runs[0].epoch).toBe(TRAIN_BUDGET_MS)
    engine.handle({ type: 'train.pause', runId: 1 })
    expect(take()).toEqual([{ type: 'train.status', runId: 1, playing: false }])
    expect(clock.runNext()).toBe(false)
    engine.handle({ type: 'train.step', runId: 1 })
    const [stepped] = frames(take())
    expect(stepped.playing).toBe(false)
    expect(stepped.runs.map((r) => [r.from, r.epoch, r.loss.length])).toEqual([
      [TRAIN_BUDGET_MS, TRAIN_BUDGET_MS + 1, 1],
      [TRAIN_BUDGET_MS, TRAIN_BUDGET_MS + 1, 1],
    ])
    engine.handle({ type: 'train.step', runId: 1, epochs: 4 })
    expect(frames(take())[0].runs[0].epoch).toBe(TRAIN_BUDGET_MS + 5)
  })

  it('train.play resumes a paused session and answers with playing: true', () => {
    const { engine, take, runAll } = setup(1)
    engine.handle(start(1, false))
    take()
    engine.handle({ type: 'train.play', runId: 1 })
    expect(take()).toEqual([{ type: 'train.status', runId: 1, playing: true }])
    const list = frames(runAll())
    expect(list[list.length - 1].runs[0].epoch).toBe(60)
    engine.handle({ type: 'train.play', runId: 1 })
    expect(take()).toEqual([{ type: 'train.status', runId: 1, playing: false }])
  })

  it('train.reset goes back to epoch 0 with the initial boundary and history from row 0', () => {
    const { engine, take, runAll } = setup(1)
    engine.handle(start(1, true))
    const [initial] = frames(take())
    runAll()
    engine.handle({ type: 'train.reset', runId: 1 })
    const [reset] = frames(take())
    expect(reset.playing).toBe(false)
    expect(reset.runs.map((r) => [r.epoch, r.from, r.done])).toEqual([
      [0, 0, false],
      [0, 0, false],
    ])
    expect(Array.from(reset.runs[0].grid)).toEqual(Array.from(initial.runs[0].grid))
    // And it trains again from there, to the same numbers.
    engine.handle({ type: 'train.step', runId: 1 })
    const [again] = frames(take())
    const reference = createTrainer(preset(0), dot)
    reference.trainEpochs(1)
    expect(again.runs[0].loss[0]).toBe(reference.history.loss[0])
  })

  it('a newer train.start replaces the session: the old run posts nothing more and its controls are ignored', () => {
    const { engine, take, runAll, clock } = setup(1)
    engine.handle(start(1, true))
    engine.handle(start(2, false))
    take()
    expect(clock.runNext()).toBe(false)
    engine.handle({ type: 'train.step', runId: 1 })
    engine.handle({ type: 'train.play', runId: 1 })
    expect(take()).toEqual([])
    engine.handle({ type: 'train.play', runId: 2 })
    const all = [...take(), ...runAll()]
    expect(all.length).toBeGreaterThan(1)
    expect(all.every((m) => 'runId' in m && m.runId === 2)).toBe(true)
  })

  it('train.cancel ends the session; later controls of that run are ignored', () => {
    const { engine, take, clock } = setup(1)
    engine.handle(start(3, true))
    take()
    engine.handle({ type: 'train.cancel', runId: 3 })
    expect(clock.runNext()).toBe(false)
    engine.handle({ type: 'train.step', runId: 3 })
    expect(take()).toEqual([])
  })

  it('training runs beside a race: race.start does not end the training session', () => {
    const { engine, take, runAll } = setup(1)
    engine.handle(start(1, true))
    engine.handle({
      type: 'race.start',
      runId: 2,
      racers: [
        {
          id: 'r',
          spec: { surface: 'booth', optimizer: { kind: 'sgd', lr: 0.01 }, start: [0, 0], steps: 5 },
        },
      ],
      speed: 10_000,
      autoplay: true,
    })
    take()
    const list = frames(runAll())
    expect(list[list.length - 1].runs[0].epoch).toBe(60)
  })

  it('early stopping reports the epoch it stopped after and the epoch whose weights it restored', () => {
    const config: ClassifierConfig = {
      ...preset(0, 400),
      optimizer: { kind: 'adam', convention: 'pytorch', lr: 0.05 },
      validationSplit: 0.3,
      earlyStopping: { patience: 5 },
    }
    const { engine, take, runAll } = setup(1)
    engine.handle(start(1, true, [config]))
    const list = frames([...take(), ...runAll()])
    const last = list[list.length - 1].runs[0]
    const reference = trainClassifier(config, dot)
    expect(reference.stopReason).toBe('early-stopping')
    expect(last).toMatchObject({
      done: true,
      stopReason: 'early-stopping',
      stoppedEpoch: reference.stoppedEpoch,
      restoredEpoch: reference.restoredEpoch,
    })
    expect(last.valLoss).toBeInstanceOf(Float64Array)
    // Keras' rule: the restored epoch has the smallest validation loss seen.
    const val: number[] = []
    for (const f of list) {
      const run = f.runs[0]
      val.length = run.from
      val.push(...run.valLoss!)
    }
    expect(val).toHaveLength(last.stoppedEpoch!)
    expect(Math.min(...val)).toBe(val[last.restoredEpoch! - 1])
    expect(last.final!.valLoss).toBe(val[last.restoredEpoch! - 1])
  })

  it('every frame transfers its buffers', () => {
    const { engine, sent } = setup()
    engine.handle(start(1, false))
    const { message, transfer } = sent[0]
    const frame = message as TrainFrame
    for (const run of frame.runs) {
      expect(transfer).toContain(run.grid.buffer)
      expect(transfer).toContain(run.loss.buffer)
    }
  })
})

describe('train.* errors', () => {
  const bad: [string, Record<string, unknown>, string][] = [
    ['train.start without a dataset', { ...start(1, true), dataset: undefined }, 'dataset'],
    ['train.start with three runs', { ...start(1, true, [preset(0), preset(0), preset(0)]) }, 'runs'],
    [
      'train.start with a repeated run key',
      {
        ...start(1, true),
        runs: [
          { key: 'a', config: preset(0) },
          { key: 'a', config: preset(0) },
        ],
      },
      'runs[1].key',
    ],
    [
      'train.start with run key c',
      { ...start(1, true), runs: [{ key: 'c', config: preset(0) }] },
      'runs[0].key',
    ],
    [
      'train.start with plain-array features',
      { ...start(1, true), dataset: { ...dot, x: [1, 2] } },
      'dataset.x',
    ],
    ['train.start with a 1×… grid', { ...start(1, true), grid: { ...grid, nx: 1 } }, 'grid'],
    ['train.start without autoplay', { ...start(1, true), autoplay: 'yes' }, 'autoplay'],
    ['train.step with 0 epochs', { type: 'train.step', runId: 1, epochs: 0 }, 'epochs'],
    ['train.pause with runId −1', { type: 'train.pause', runId: -1 }, 'runId'],
    [
      'train.load with a number as text',
      { type: 'train.load', requestId: 1, source: { kind: 'csv', text: 5 } },
      'source.text',
    ],
    [
      'train.load of an unknown shape',
      {
        type: 'train.load',
        requestId: 1,
        source: { kind: 'generated', shape: 'moons', n: 9, noise: 0, seed: 1 },
      },
      'source.shape',
    ],
    [
      'train.compare without optimizers',
      {
        type: 'train.compare',
        requestId: 1,
        config: preset(0),
        optimizers: [],
        dataset: dot,
        targetLoss: 0.1,
      },
      'optimizers',
    ],
    [
      'train.compare with a negative target',
      {
        type: 'train.compare',
        requestId: 1,
        config: preset(0),
        optimizers: [{ kind: 'sgd', lr: 1 }],
        dataset: dot,
        targetLoss: -1,
      },
      'targetLoss',
    ],
    ['train.hessian of run c', { type: 'train.hessian', requestId: 1, runId: 1, run: 'c' }, 'run'],
  ]
  for (const [name, message, field] of bad) {
    it(`a malformed message (${name}) is answered by exactly one bad-message error at '${field}'`, () => {
      const { engine, take, clock } = setup()
      engine.handle(message)
      const posted = take()
      expect(posted).toHaveLength(1)
      expect(posted[0]).toMatchObject({ type: 'error', code: 'bad-message', field })
      expect(clock.pending).toBe(0)
    })
  }

  it('a config the core rejects is one bad-spec error at runs[i].config.<field>, and nothing trains', () => {
    const { engine, take, clock } = setup()
    const broken = { ...preset(0), optimizer: { kind: 'sgd', lr: -1 } } as ClassifierConfig
    engine.handle(start(5, true, [preset(0), broken]))
    const posted = take()
    expect(posted).toHaveLength(1)
    expect(posted[0]).toMatchObject({
      type: 'error',
      runId: 5,
      code: 'bad-spec',
      field: 'runs[1].config.optimizer.lr',
    })
    expect(clock.pending).toBe(0)
  })

  it('a validation split that leaves no training rows is a bad-spec error at runs[0].config.validationSplit', () => {
    const { engine, take } = setup()
    const tiny: Dataset = {
      x: new Float64Array([0, 0, 1, 1, 2, 2, 3, 3]),
      y: new Float64Array([0, 1, 0, 1]),
      n: 4,
    }
    engine.handle(start(1, false, [{ ...preset(0), validationSplit: 0.9 }], tiny))
    expect(take()).toEqual([
      expect.objectContaining({ code: 'bad-spec', field: 'runs[0].config.validationSplit' }),
    ])
  })
})

describe('train.load', () => {
  it('parses CSV text into a data set and transfers its buffers', () => {
    const { engine, sent } = setup()
    engine.handle({
      type: 'train.load',
      requestId: 4,
      source: { kind: 'csv', text: 'x1,x2,y_c\n1,2,1\n-1,0.5,0\n3,3,1\n0,0,0\n' },
    })
    const reply = sent[0].message as TrainLoadReply
    expect(reply).toMatchObject({ type: 'train.loaded', requestId: 4, ok: true })
    if (!reply.ok) throw new Error('expected a data set')
    expect(reply.dataset.n).toBe(4)
    expect(Array.from(reply.dataset.x)).toEqual([1, 2, -1, 0.5, 3, 3, 0, 0])
    expect(Array.from(reply.dataset.y)).toEqual([1, 0, 1, 0])
    expect(sent[0].transfer).toEqual([reply.dataset.x.buffer, reply.dataset.y.buffer])
  })

  it('answers a bad CSV with ok: false, the parser code, its line number and details (not an error)', () => {
    const { engine, take } = setup()
    const text = 'x1,x2,y_c\n1,2,1\n-1,0.5,0\n3,abc,1\n0,0,0\n'
    engine.handle({ type: 'train.load', requestId: 9, source: { kind: 'csv', text } })
    expect(take()).toEqual([
      {
        type: 'train.loaded',
        requestId: 9,
        ok: false,
        problem: {
          code: 'non-numeric',
          line: 4,
          message: expect.stringMatching(/^Line 4: /),
          details: { column: 'x2', value: 'abc' },
        },
      },
    ])
  })

  it('generates a seeded synthetic set; a bad size is a bad-spec error at source.n', () => {
    const { engine, take } = setup()
    const source = { kind: 'generated', shape: 'xor', n: 50, noise: 0, seed: 3 }
    engine.handle({ type: 'train.load', requestId: 1, source })
    const [reply] = take() as TrainLoadReply[]
    if (!reply.ok) throw new Error('expected a data set')
    expect(reply.dataset.n).toBe(50)
    // The XOR rule, checked here on every row: label 1 iff x1·x2 > 0.
    for (let i = 0; i < 50; i++)
      expect(reply.dataset.y[i]).toBe(reply.dataset.x[2 * i] * reply.dataset.x[2 * i + 1] > 0 ? 1 : 0)
    engine.handle({ type: 'train.load', requestId: 2, source: { ...source, n: 2 } })
    expect(take()).toEqual([
      expect.objectContaining({ type: 'error', requestId: 2, code: 'bad-spec', field: 'source.n' }),
    ])
  })
})

describe('train.compare', () => {
  const optimizers = [
    { kind: 'sgd', convention: 'lecture', lr: 0.005 },
    { kind: 'momentum', convention: 'lecture', lr: 0.005, momentum: 0.9 },
    { kind: 'adagrad', convention: 'pytorch', lr: 0.05 },
    { kind: 'rmsprop', convention: 'pytorch', lr: 0.005 },
    { kind: 'adam', convention: 'pytorch', lr: 0.01 },
  ] as const

  it('answers one request with one row per optimizer, in order, matching separate full training runs', () => {
    const { engine, take } = setup()
    const config = preset(0, 80)
    engine.handle({ type: 'train.compare', requestId: 3, config, optimizers, dataset: dot, targetLoss: 0.08 })
    const posted = take()
    expect(posted).toHaveLength(1)
    const reply = posted[0] as TrainComparisonReply
    expect(reply.type).toBe('train.comparison')
    expect(reply.rows.map((r) => r.optimizer.kind)).toEqual(['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam'])
    reply.rows.forEach((row, i) => {
      const reference = trainClassifier({ ...config, optimizer: optimizers[i] }, dot)
      const loss = Array.from(reference.history.loss)
      const firstBelow = loss.findIndex((v) => v <= 0.08)
      expect(row.epochsToTarget).toBe(firstBelow === -1 ? null : firstBelow + 1)
      expect(row.final.accuracy).toBe(reference.final.accuracy)
      expect(Array.from(row.loss)).toEqual(loss)
      expect(row.epochs).toBe(80)
      expect(row.stopReason).toBe('completed')
      expect(row.timeMs).toBeGreaterThanOrEqual(0)
    })
    // Something must reach the target and something must not, or the column would be untested.
    expect(reply.rows.some((r) => r.epochsToTarget === null)).toBe(true)
    expect(reply.rows.some((r) => r.epochsToTarget !== null)).toBe(true)
  })

  it('points a bad optimizer of the comparison at optimizers[i].<key>', () => {
    const { engine, take } = setup()
    engine.handle({
      type: 'train.compare',
      requestId: 3,
      config: preset(0, 5),
      optimizers: [optimizers[0], { kind: 'adam', convention: 'pytorch', lr: 0.01, beta1: 2 }],
      dataset: dot,
      targetLoss: 0.2,
    })
    expect(take()).toEqual([
      expect.objectContaining({ requestId: 3, code: 'bad-spec', field: 'optimizers[1].beta1' }),
    ])
  })
})

describe('train.hessian', () => {
  it('answers with the spectrum of all 45 weights of a 2-11-1 net at its current epoch and the minimum ratio', () => {
    const { engine, take } = setup()
    engine.handle(start(2, false))
    engine.handle({ type: 'train.step', runId: 2, epochs: 30 })
    take()
    engine.handle({ type: 'train.hessian', requestId: 11, runId: 2, run: 'b' })
    const [reply] = take() as TrainHessianReply[]
    expect(reply).toMatchObject({
      type: 'train.hessianResult',
      requestId: 11,
      runId: 2,
      run: 'b',
      epoch: 30,
      n: 45,
    })
    const values = Array.from(reply.eigenvalues)
    expect(values).toHaveLength(45)
    expect(values).toEqual([...values].sort((p, q) => p - q))
    const positive = values.filter((v) => v > reply.tolerance).length
    const negative = values.filter((v) => v < -reply.tolerance).length
    expect([reply.positive, reply.negative, reply.zero]).toEqual([
      positive,
      negative,
      45 - positive - negative,
    ])
    expect(reply.minimumRatio).toBe(positive / 45)
    // The same weights trained separately give the same Hessian.
    const reference = createTrainer(preset(0.03), dot)
    reference.trainEpochs(30)
    const h = lossHessian(reference.config, dot, reference.weights())
    expect(values).toEqual(Array.from(h.eigenvalues))
    expect(reply.loss).toBe(reference.evaluate().loss)
  })

  it('a Hessian of a run that is not the current one is an error that names the request', () => {
    const { engine, take } = setup()
    engine.handle(start(2, false))
    take()
    engine.handle({ type: 'train.hessian', requestId: 12, runId: 1, run: 'a' })
    expect(take()).toEqual([
      expect.objectContaining({ type: 'error', requestId: 12, runId: 1, code: 'bad-spec', field: 'runId' }),
    ])
  })
})

describe('client.train over the engine', () => {
  /** A Worker stand-in that hands each message, structured-cloned, to an engine on the same thread. */
  function connect() {
    const clock = createFakeClock()
    let onmessage: ((event: MessageEvent) => void) | null = null
    const deliver: FromWorker[] = []
    const engine = createEngine((message) => void deliver.push(structuredClone(message)), clock)
    const worker: WorkerLike = {
      postMessage: (message) => engine.handle(structuredClone(message)),
      terminate: () => {},
      get onmessage() {
        return onmessage
      },
      set onmessage(handler) {
        onmessage = handler
      },
    }
    const client = createWorkerClient(() => worker)
    /** Delivers what the engine posted so far (as a worker's message events would arrive, later). */
    const flush = async () => {
      await Promise.resolve()
      for (const message of deliver.splice(0)) onmessage?.({ data: message } as MessageEvent)
      await Promise.resolve()
    }
    return { client, flush }
  }

  it('client.train.start streams the current session only; frames of a replaced session are dropped', async () => {
    const { client, flush } = connect()
    const events: TrainEvent[] = []
    client.train.onEvent((e) => events.push(e))
    const first = client.train.start({
      runs: [{ key: 'a', config: preset(0) }],
      dataset: dot,
      grid,
      autoplay: false,
    })
    const second = client.train.start({
      runs: [{ key: 'a', config: preset(0) }],
      dataset: dot,
      grid,
      autoplay: false,
    })
    await flush()
    expect(events.map((e) => e.runId)).toEqual([second])
    expect(first).not.toBe(second)
    client.train.step(3)
    await flush()
    expect(events[1]).toMatchObject({ type: 'train.frame', runId: second })
    expect((events[1] as TrainFrame).runs[0].epoch).toBe(3)
  })

  it('client.train.load, compare and hessian resolve with the worker replies', async () => {
    const { client, flush } = connect()
    const loaded = client.train.load({ kind: 'csv', text: 'a,b,label\n0,1,1\n1,0,0\n2,2,1\n3,1,0\n' })
    await flush()
    await expect(loaded).resolves.toMatchObject({ ok: true, dataset: { n: 4, columns: ['a', 'b', 'label'] } })
    const rows = client.train.compare({
      config: preset(0, 3),
      optimizers: [{ kind: 'sgd', lr: 0.005 }],
      dataset: dot,
      targetLoss: 0,
    })
    await flush()
    await expect(rows).resolves.toEqual([expect.objectContaining({ epochs: 3, epochsToTarget: null })])
    await expect(client.train.hessian('a')).rejects.toMatchObject({ name: 'WorkerError', field: 'runId' })
    client.train.start({ runs: [{ key: 'a', config: preset(0) }], dataset: dot, grid, autoplay: false })
    const hessian = client.train.hessian('a')
    await flush()
    await expect(hessian).resolves.toMatchObject({ n: 45, epoch: 0 })
  })

  it('client.train.onError hears errors of the current session but not of a replaced one', async () => {
    const { client, flush } = connect()
    const heard: WorkerErrorMessage[] = []
    client.train.onError((e) => heard.push(e))
    const broken = { ...preset(0), epochs: 0 }
    const old = client.train.start({
      runs: [{ key: 'a', config: broken }],
      dataset: dot,
      grid,
      autoplay: false,
    })
    client.train.start({ runs: [{ key: 'a', config: broken }], dataset: dot, grid, autoplay: false })
    await flush()
    expect(heard).toHaveLength(1)
    expect(heard[0].runId).not.toBe(old)
    expect(heard[0]).toMatchObject({ code: 'bad-spec', field: 'runs[0].config.epochs' })
  })

  it('client.train.currentRun() names the session until it is cancelled or the worker is terminated', () => {
    const { client } = connect()
    expect(client.train.currentRun()).toBeUndefined()
    const runId = client.train.start({
      runs: [{ key: 'a', config: preset(0) }],
      dataset: dot,
      grid,
      autoplay: false,
    })
    expect(client.train.currentRun()).toBe(runId)
    client.train.cancel()
    expect(client.train.currentRun()).toBeUndefined()
    client.train.start({ runs: [{ key: 'a', config: preset(0) }], dataset: dot, grid, autoplay: false })
    client.terminate()
    expect(client.train.currentRun()).toBeUndefined()
  })

  it('TRAIN_TICK_MS is one display frame', () => {
    expect(TRAIN_TICK_MS).toBe(16)
    expect(TRAIN_BUDGET_MS).toBeGreaterThanOrEqual(8)
    expect(TRAIN_BUDGET_MS).toBeLessThan(TRAIN_TICK_MS)
  })
})
