import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DOT_CSV_URL, createLabStore } from '../../../src/state/lab/labStore'
import type { LabStoreOptions } from '../../../src/state/lab/labStore'
import { selectComparisonStale } from '../../../src/state/lab/labSelectors'
import type { ComparisonRow, TrainHessianReply } from '../../../src/worker/protocol'
import { parseDataset } from '../../../src/core/mlp/parseDataset'
import { createTrainer } from '../../../src/core/mlp/trainer'
import { labRunConfigs } from '../../../src/state/lab/labSettings'
import { createWorkerClient } from '../../../src/worker/client'
import type { WorkerLike } from '../../../src/worker/client'
import { createEngine } from '../../../src/worker/engine'
import { createFakeClock } from '../../worker/fakeClock'
import { createFakeTrainDriver, frameOf } from './fakeTrainDriver'

const dotText = readFileSync(new URL('../../../public/dot.csv', import.meta.url), 'utf8')

/** Lets pending promises (fetch, load) settle. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve()
}

function setup(options: LabStoreOptions = {}) {
  const fake = createFakeTrainDriver()
  const fetched: string[] = []
  const store = createLabStore(fake.driver, {
    fetchText: async (url) => {
      fetched.push(url)
      return dotText
    },
    ...options,
  })
  return { fake, store, fetched, actions: () => store.getState() }
}

async function ready(options: LabStoreOptions = {}) {
  const s = setup(options)
  s.actions().activate()
  await settle()
  return s
}

describe('createLabStore', () => {
  it('createLabStore(driver) starts with the course’s experiment and sends nothing until activate()', () => {
    const { store, fake, fetched } = setup()
    const { settings, data, run } = store.getState()
    expect(settings.mode).toBe('regularization')
    expect(settings.a).toEqual({
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
    })
    expect(settings.data).toEqual({ kind: 'dot' })
    expect(data.status).toBe('idle')
    expect(run.status).toBe('idle')
    expect(fake.calls).toEqual([])
    expect(fetched).toEqual([])
  })

  it('activate() fetches ./dot.csv (a relative URL), parses it in the worker and prepares a paused run', async () => {
    const { store, fake, fetched } = await ready()
    expect(DOT_CSV_URL).toBe('./dot.csv')
    expect(fetched).toEqual(['./dot.csv'])
    expect(fake.calls[0]).toEqual({ name: 'load', args: [{ kind: 'csv', text: dotText }] })
    const { data, run } = store.getState()
    expect(data.status).toBe('ready')
    expect(data.dataset!.n).toBe(300)
    expect(data.extent).toEqual({ x: [-3, 3], y: [-3, 3] })
    expect(fake.names()).toEqual(['load', 'start'])
    const { payload } = fake.lastStart()
    expect(payload.autoplay).toBe(false)
    expect(payload.grid).toEqual({ extent: { x: [-3, 3], y: [-3, 3] }, nx: 64, ny: 64 })
    expect(payload.dataset).toBe(data.dataset)
    const [a, b] = payload.runs
    expect([a.key, b.key]).toEqual(['a', 'b'])
    expect(a.config.layers).toEqual([2, 11, 1])
    expect(a.config.regularization).toEqual({ kind: 'none' })
    expect(b.config.regularization).toEqual({ kind: 'l2', lambda: 0.03 })
    // Identical initial weights: everything but the penalty is the same, the init seed included.
    expect({ ...a.config, regularization: null }).toEqual({ ...b.config, regularization: null })
    expect(a.config.init).toEqual({ kind: 'normal', seed: 1 })
    expect(run).toMatchObject({ runId: 1, status: 'paused', epoch: 0 })
    store.getState().activate()
    await settle()
    expect(fake.names()).toEqual(['load', 'start'])
  })

  it('train() plays the prepared run instead of starting another', async () => {
    const { store, fake } = await ready()
    store.getState().train()
    expect(fake.names()).toEqual(['load', 'start', 'play'])
    expect(store.getState().run.status).toBe('playing')
  })

  it('train() pressed while dot.csv is still on its way trains once the data is here (not dropped)', async () => {
    for (const autoPrepare of [true, false]) {
      const { store, fake } = setup({ autoPrepare })
      store.getState().activate()
      // A scene's "play" card right after the scene opens: the data set has not arrived yet.
      expect(store.getState().data.dataset).toBeNull()
      store.getState().train()
      await settle()
      expect(store.getState().data.dataset).not.toBeNull()
      expect(store.getState().run.status).toBe('playing')
      const started = fake.calls.filter((c) => c.name === 'start').length
      expect(started).toBe(1)
      // Pressed and then paused before the data came: nothing plays.
      const paused = setup({ autoPrepare })
      paused.actions().activate()
      paused.actions().train()
      paused.actions().pause()
      await settle()
      expect(paused.store.getState().run.status).not.toBe('playing')
    }
  })

  it('without autoPrepare, train() starts a run with autoplay on', async () => {
    const { store, fake } = await ready({ autoPrepare: false })
    expect(fake.names()).toEqual(['load'])
    store.getState().train()
    expect(fake.names()).toEqual(['load', 'start'])
    expect(fake.lastStart().payload.autoplay).toBe(true)
  })

  it('frames fill the traces in place, bump `frame` and set the epoch; the last one marks the run done', async () => {
    const { store, fake } = await ready()
    store.getState().train()
    const before = store.getState().frame
    const traces = store.getState().traces
    fake.emit(frameOf(1, 0, { fill: 0.7 }))
    fake.emit(frameOf(1, 3, { fill: 0.4 }))
    fake.emit(frameOf(1, 5, { from: 3, fill: 0.2 }))
    const s = store.getState()
    expect(s.traces).toBe(traces)
    expect(s.frame).toBe(before + 3)
    expect(s.run).toMatchObject({ epoch: 5, status: 'playing' })
    expect(Array.from(s.traces.a.dataLoss.subarray(0, 5))).toEqual([0.4, 0.4, 0.4, 0.2, 0.2])
    expect(s.traces.a.epoch).toBe(5)
    expect(Array.from(s.traces.a.initialGrid!)).toEqual(new Array(16).fill(0.7))
    expect(Array.from(s.traces.b.grid!)).toEqual(new Array(16).fill(0.2))
    fake.emit(frameOf(1, 6, { from: 5, playing: false, done: true }))
    expect(store.getState().run.status).toBe('done')
    expect(store.getState().traces.a.stopReason).toBe('completed')
  })

  it('a reset frame (from 0) replaces the history rather than appending to it', async () => {
    const { store, fake } = await ready()
    fake.emit(frameOf(1, 4, { fill: 0.9 }))
    fake.emit(frameOf(1, 0, { playing: false }))
    fake.emit(frameOf(1, 1, { playing: false, fill: 0.3 }))
    const { a } = store.getState().traces
    expect(a.epoch).toBe(1)
    expect(a.dataLoss[0]).toBe(0.3)
  })

  it('frames and errors of another run id are dropped', async () => {
    const { store, fake } = await ready()
    const frame = store.getState().frame
    fake.emit(frameOf(99, 10))
    fake.emitError({ type: 'error', runId: 99, code: 'bad-spec', message: 'old' })
    expect(store.getState().frame).toBe(frame)
    expect(store.getState().run).toMatchObject({ epoch: 0, error: null, status: 'paused' })
  })

  it('an edit that changes what trains starts a new paused run; frames of the old one are dropped', async () => {
    const { store, fake } = await ready()
    store.getState().updateNet('a', { regularization: { kind: 'l2', lambda: 0.1 } })
    expect(fake.names()).toEqual(['load', 'start', 'start'])
    expect(fake.lastStart().payload.runs[1].config.regularization).toEqual({ kind: 'l2', lambda: 0.1 })
    expect(store.getState().run.runId).toBe(2)
    fake.emit(frameOf(1, 9))
    expect(store.getState().run.epoch).toBe(0)
    // Changing only the comparison settings or the language trains nothing new.
    store.getState().setCompare({ targetLoss: 0.5 })
    store.getState().setLanguage('zh')
    expect(fake.names()).toEqual(['load', 'start', 'start'])
  })

  it('step() trains one epoch of the current run; reset() and pause() go to the driver', async () => {
    const { store, fake } = await ready()
    store.getState().step()
    store.getState().train()
    store.getState().pause()
    store.getState().reset()
    expect(fake.names()).toEqual(['load', 'start', 'step', 'play', 'pause', 'reset'])
    expect(fake.calls[2].args).toEqual([1])
    expect(store.getState().run.status).toBe('paused')
  })

  it('after a worker restart train() starts a fresh run instead of playing one the worker lost', async () => {
    const { store, fake } = await ready()
    fake.restart()
    store.getState().train()
    expect(fake.names()).toEqual(['load', 'start', 'start'])
    expect(fake.lastStart().payload.autoplay).toBe(true)
  })

  it('train() on a finished run replays its record from epoch 0 instead of retraining (issue 10)', async () => {
    const { store, fake } = await ready()
    store.getState().train()
    fake.emit(frameOf(1, 800, { playing: false, done: true }))
    store.getState().train()
    expect(fake.names()).toEqual(['load', 'start', 'play', 'seek', 'play'])
    expect(fake.calls.at(-2)!.args).toEqual([0])
    expect(store.getState().run).toMatchObject({ status: 'playing', view: 0, epoch: 800 })
  })

  it('seek(e) asks the worker for recorded epoch e (clamped to the trained ones) and pauses', async () => {
    const { store, fake } = await ready()
    store.getState().train()
    fake.emit(frameOf(1, 300, { playing: true }))
    store.getState().seek(120.4)
    store.getState().seek(5000)
    expect(fake.calls.filter((c) => c.name === 'seek').map((c) => c.args)).toEqual([[120], [300]])
    expect(store.getState().run.status).toBe('paused')
  })

  it('the pace travels with every start and changes a running session without restarting it', async () => {
    const { store, fake } = await ready()
    expect(fake.lastStart().payload.epochsPerSecond).toBe(60)
    store.getState().setPace(5000)
    store.getState().setPace(null)
    expect(fake.calls.filter((c) => c.name === 'speed').map((c) => c.args)).toEqual([[1000], [null]])
    expect(fake.names().filter((n) => n === 'start')).toHaveLength(1)
  })

  it('a synchronous driver that answers inside start() loses no frame', async () => {
    const { store, fake } = await ready({ autoPrepare: false })
    fake.onStart((runId) => fake.emit(frameOf(runId, 0, { fill: 0.25 })))
    store.getState().train()
    expect(store.getState().traces.a.grid![0]).toBe(0.25)
  })

  it('compare mode trains networks A and B side by side', async () => {
    const { store, fake } = await ready()
    store.getState().setMode('compare')
    const [a, b] = fake.lastStart().payload.runs
    expect(a.config.optimizer).toEqual({ kind: 'sgd', convention: 'lecture', lr: 0.005 })
    expect(b.config.optimizer).toEqual({ kind: 'adam', convention: 'pytorch', lr: 0.005 })
    expect(a.config.regularization).toEqual({ kind: 'l2', lambda: 0.03 })
  })

  it('updateNet clamps numbers into range and ignores what cannot be a setting', async () => {
    const { store } = setup()
    const { updateNet } = store.getState()
    updateNet('a', { hidden: [99, 0] })
    expect(store.getState().settings.a.hidden).toEqual([32, 1])
    updateNet('a', { hidden: [1, 2, 3, 4] })
    expect(store.getState().settings.a.hidden).toEqual([32, 1])
    updateNet('a', { optimizer: { kind: 'newton', lr: 1 } })
    updateNet('a', { optimizer: { kind: 'sgd', lr: -1 } })
    expect(store.getState().settings.a.optimizer).toEqual({ kind: 'sgd', convention: 'lecture', lr: 0.005 })
    updateNet('a', { epochs: 1e9, dropout: 0.95, validationSplit: Number.NaN })
    expect(store.getState().settings.a).toMatchObject({ epochs: 100_000, dropout: 0.9, validationSplit: 0 })
    updateNet('a', { schedule: { kind: 'plateau', factor: 0.5, patience: 3 } })
    expect(store.getState().settings.a.schedule).toEqual({ kind: 'plateau', factor: 0.5, patience: 3 })
    updateNet('a', { activation: 'swish' as 'relu' })
    expect(store.getState().settings.a.activation).toBe('relu')
  })

  it('setDataSource(generated) loads a seeded synthetic set in the worker and retrains on it', async () => {
    const { store, fake } = await ready()
    store.getState().setDataSource({ kind: 'generated', shape: 'xor', n: 120, noise: 0.1, seed: 5 })
    await settle()
    expect(fake.calls.find((c, i) => i > 0 && c.name === 'load')!.args).toEqual([
      { kind: 'generated', shape: 'xor', n: 120, noise: 0.1, seed: 5 },
    ])
    const { data, settings } = store.getState()
    expect(data.dataset!.n).toBe(120)
    expect(settings.data).toEqual({ kind: 'generated', shape: 'xor', n: 120, noise: 0.1, seed: 5 })
    expect(fake.lastStart().payload.dataset).toBe(data.dataset)
  })
})

describe('loadFile', () => {
  it('a bad CSV leaves the current data, settings and run alone and records the parser’s code and line', async () => {
    const { store, fake } = await ready()
    const before = store.getState()
    await store.getState().loadFile('x1,x2,y_c\n1,2,1\n3,oops,0\n', 'mine.csv')
    const after = store.getState()
    expect(after.data.dataset).toBe(before.data.dataset)
    expect(after.data.status).toBe('ready')
    expect(after.settings).toBe(before.settings)
    expect(after.data.problem).toEqual({
      kind: 'file',
      fileName: 'mine.csv',
      problem: {
        code: 'non-numeric',
        line: 3,
        message: expect.stringMatching(/^Line 3: /),
        details: { column: 'x2', value: 'oops' },
      },
    })
    expect(fake.names()).toEqual(['load', 'start', 'load'])
    after.dismissProblem()
    expect(store.getState().data.problem).toBeNull()
  })

  it('a good CSV replaces the data, names the file as the source and prepares a run on it', async () => {
    const { store, fake } = await ready()
    const text = 'a,b,label\n10,20,1\n-10,0,0\n5,5,1\n0,0,0\n'
    await store.getState().loadFile(text, 'far.csv')
    const { data, settings } = store.getState()
    expect(data.dataset!.n).toBe(4)
    // The file is kept under its SHA-256 (checked against node:crypto), which is what the link carries.
    const hash = createHash('sha256').update(text, 'utf8').digest('hex')
    expect(settings.data).toEqual({ kind: 'file', name: 'far.csv', hash })
    // Points outside [−3, 3]² widen the view to their bounding box plus padding.
    expect(data.extent).toEqual({ x: [-11, 11], y: [-1, 21] })
    expect(fake.lastStart().payload.grid.extent).toEqual(data.extent)
  })

  it('when dot.csv cannot be fetched the data fails with a fetch problem and nothing trains', async () => {
    const { store, fake } = await ready({
      fetchText: () => Promise.reject(new Error('offline')),
    })
    expect(store.getState().data).toMatchObject({ status: 'failed', problem: { kind: 'fetch' } })
    store.getState().train()
    expect(fake.names()).toEqual([])
  })
})

describe('worker results', () => {
  const row = (kind: string, epochsToTarget: number | null): ComparisonRow => ({
    optimizer: { kind: kind as 'sgd', lr: 0.005 },
    epochsToTarget,
    final: { dataLoss: 0.1, loss: 0.1, accuracy: 0.9 },
    epochs: 800,
    stopReason: 'completed',
    timeMs: 12,
    loss: new Float64Array(800),
  })

  it('runComparison() sends network A with the five optimizers and stores the rows until settings change', async () => {
    const { store, fake } = await ready()
    const rows = [row('sgd', null), row('adam', 40)]
    fake.answerCompare(async () => rows)
    store.getState().setCompare({ convention: 'pytorch', lr: 0.01, targetLoss: 0.05 })
    await store.getState().runComparison()
    const payload = fake.calls.find((c) => c.name === 'compare')!.args[0] as {
      config: { regularization: unknown }
      optimizers: unknown[]
      targetLoss: number
    }
    expect(payload.optimizers).toEqual(
      ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam'].map((kind) => ({
        kind,
        convention: 'pytorch',
        lr: 0.01,
      })),
    )
    expect(payload.targetLoss).toBe(0.05)
    expect(payload.config.regularization).toEqual({ kind: 'none' })
    expect(store.getState().comparison).toMatchObject({ status: 'done', rows, targetLoss: 0.05 })
    expect(selectComparisonStale(store.getState())).toBe(false)
    store.getState().updateNet('a', { epochs: 100 })
    expect(selectComparisonStale(store.getState())).toBe(true)
  })

  it('computeHessian() asks for both runs and keeps the replies of the current run only', async () => {
    const { store, fake } = await ready()
    const reply = (run: 'a' | 'b', runId: number): TrainHessianReply => ({
      type: 'train.hessianResult',
      requestId: 1,
      runId,
      run,
      epoch: 0,
      n: 45,
      eigenvalues: new Float64Array(45),
      minimumRatio: 0.5,
      tolerance: 1e-9,
      positive: 22,
      negative: 20,
      zero: 3,
      gradientNorm: 0.2,
      loss: 0.3,
    })
    fake.answerHessian(async (run) => reply(run, 1))
    await store.getState().computeHessian()
    expect(fake.calls.filter((c) => c.name === 'hessian').map((c) => c.args[0])).toEqual(['a', 'b'])
    expect(store.getState().hessian).toMatchObject({ status: 'done', a: { run: 'a' }, b: { run: 'b' } })
    // A reply that arrives after the run was replaced is dropped.
    const releases: (() => void)[] = []
    fake.answerHessian((run) => new Promise((resolve) => releases.push(() => resolve(reply(run, 2)))))
    const pending = store.getState().computeHessian()
    store.getState().updateNet('a', { epochs: 10 })
    for (const release of releases) release()
    await pending
    expect(store.getState().hessian.status).toBe('idle')
  })

  it('an error of the current run is kept on the run and stops it; train() then retries', async () => {
    const { store, fake } = await ready()
    fake.emitError({
      type: 'error',
      runId: 1,
      code: 'bad-spec',
      field: 'runs[1].config.epochs',
      message: 'bad',
    })
    expect(store.getState().run).toMatchObject({ status: 'idle', error: { field: 'runs[1].config.epochs' } })
    store.getState().train()
    // Issue 11: the error also cancels the session in the worker, so it cannot train on to "done".
    expect(fake.names()).toEqual(['load', 'start', 'cancel', 'start'])
  })

  it('dispose() cancels the run and detaches from the driver', async () => {
    const { store, fake } = await ready()
    store.getState().dispose()
    expect(fake.names()).toEqual(['load', 'start', 'cancel'])
    expect(fake.listeners).toBe(0)
  })
})

describe('createLabStore(client.train)', () => {
  it('trains the course’s experiment end to end through the real client and engine', async () => {
    const clock = createFakeClock()
    let onmessage: ((event: MessageEvent) => void) | null = null
    // A worker that answers at once, in the same thread, with structured clones as postMessage makes.
    const engine = createEngine(
      (message) => onmessage?.({ data: structuredClone(message) } as MessageEvent),
      clock,
    )
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
    const store = createLabStore(client.train, { fetchText: async () => dotText })
    store.getState().updateNet('a', { epochs: 40 })
    store.getState().activate()
    await settle()
    expect(store.getState().run.status).toBe('paused')
    store.getState().train()
    while (clock.runNext());
    const { run, traces, settings } = store.getState()
    expect(run).toMatchObject({ status: 'done', epoch: 40, error: null })
    const dot = parseDataset(dotText)
    labRunConfigs(settings).forEach(({ key, config }) => {
      const reference = createTrainer(config, dot)
      reference.trainEpochs(40)
      expect(Array.from(traces[key].loss.subarray(0, 40))).toEqual(Array.from(reference.history.loss))
      expect(traces[key].final).toEqual(reference.evaluate())
    })
    await store.getState().computeHessian()
    expect(store.getState().hessian).toMatchObject({ status: 'done', a: { n: 45, epoch: 40 }, b: { n: 45 } })
  })
})
