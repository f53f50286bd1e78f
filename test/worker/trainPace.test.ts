import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDataset } from '../../src/core/mlp/parseDataset'
import { createTrainer } from '../../src/core/mlp/trainer'
import type { ClassifierConfig, Dataset } from '../../src/core/mlp/types'
import { createEngine } from '../../src/worker/engine'
import type { FromWorker, TrainFrame, TrainRunFrame } from '../../src/worker/protocol'
import { TRAIN_TICK_MS } from '../../src/worker/trainSession'
import { createTrainRecord, steepestSlope, sumSquaredWeights } from '../../src/worker/trainRecord'
import { createFakeClock } from './fakeClock'

const dot: Dataset = parseDataset(readFileSync(new URL('../../public/dot.csv', import.meta.url), 'utf8'))

const preset = (lambda: number, epochs = 200): ClassifierConfig => ({
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
  init: { kind: 'normal', seed: 1 },
})

const grid = { extent: { x: [-3, 3] as [number, number], y: [-3, 3] as [number, number] }, nx: 24, ny: 24 }

/** An engine on a hand-driven clock (reading the clock costs nothing: training is "instant"). */
function setup() {
  const clock = createFakeClock()
  const sent: FromWorker[] = []
  const engine = createEngine((message) => sent.push(message), clock)
  const frames = (): TrainFrame[] => sent.splice(0).filter((m): m is TrainFrame => m.type === 'train.frame')
  return { engine, clock, frames }
}

const start = (epochsPerSecond: number | null, autoplay = true, epochs = 200) => ({
  type: 'train.start' as const,
  runId: 1,
  runs: [
    { key: 'a' as const, config: preset(0, epochs) },
    { key: 'b' as const, config: preset(0.03, epochs) },
  ],
  dataset: dot,
  grid,
  autoplay,
  epochsPerSecond,
})

const runOf = (f: TrainFrame, key: 'a' | 'b'): TrainRunFrame => f.runs.find((r) => r.key === key)!

/** Plays `ms` of the clock, one timer tick at a time, and returns every frame posted. */
function play(s: ReturnType<typeof setup>, ms: number): TrainFrame[] {
  const out: TrainFrame[] = []
  for (let t = 0; t < ms; t += TRAIN_TICK_MS) {
    s.clock.advance(TRAIN_TICK_MS)
    out.push(...s.frames())
  }
  return out
}

describe('paced training (train.start epochsPerSecond, train.speed)', () => {
  it('at 60 epochs/s one second of playback frames shows about 60 epochs, a frame or so per epoch', () => {
    const s = setup()
    s.engine.handle(start(60))
    expect(runOf(s.frames()[0], 'a').view).toBe(0)
    const shown = play(s, 1000)
    const views = shown.map((f) => runOf(f, 'a').view!)
    // Counted over frames, not wall time: the fake clock moved 1000 ms in 16 ms ticks.
    expect(views.at(-1)).toBeGreaterThanOrEqual(58)
    expect(views.at(-1)).toBeLessThanOrEqual(61)
    // The playhead moves one epoch at a time (never a jump), and training keeps exactly pace with it.
    for (let i = 1; i < views.length; i++) expect(views[i] - views[i - 1]).toBeLessThanOrEqual(1)
    for (const f of shown) expect(runOf(f, 'a').epoch).toBe(runOf(f, 'a').view)
  })

  it('train.speed slows it down: 10 epochs/s for one second adds about 10 epochs', () => {
    const s = setup()
    s.engine.handle(start(60))
    play(s, 500)
    const before = runOf(play(s, 16).at(-1)!, 'a').view!
    s.engine.handle({ type: 'train.speed', runId: 1, epochsPerSecond: 10 })
    const after = runOf(play(s, 1000).at(-1)!, 'a').view!
    expect(after - before).toBeGreaterThanOrEqual(9)
    expect(after - before).toBeLessThanOrEqual(11)
  })

  it('null is as fast as possible: the whole run trains within a few ticks', () => {
    const s = setup()
    s.engine.handle(start(null))
    const shown = play(s, 2000)
    expect(runOf(shown.at(-1)!, 'a')).toMatchObject({ epoch: 200, view: 200, done: true })
    expect(shown.at(-1)!.playing).toBe(false)
  })

  it('a throttled tick makes up for at most 250 ms', () => {
    const s = setup()
    s.engine.handle(start(100))
    s.frames()
    s.clock.skip(5000)
    s.clock.runNext()
    const f = s.frames()
    expect(runOf(f.at(-1)!, 'a').view).toBeLessThanOrEqual(26)
  })
})

describe('the epoch scrubber (train.seek) and replay', () => {
  it('the boundary at a scrubbed epoch equals the one recorded when training passed that epoch', () => {
    const s = setup()
    s.engine.handle(start(60))
    const recorded = new Map<number, TrainRunFrame>()
    for (const f of [...s.frames(), ...play(s, 2000)]) {
      const b = runOf(f, 'b')
      recorded.set(b.view!, b)
    }
    const trained = Math.max(...recorded.keys())
    expect(trained).toBeGreaterThan(100)
    for (const epoch of [0, 1, 17, 64, trained - 1]) {
      s.engine.handle({ type: 'train.seek', runId: 1, epoch })
      const [f] = s.frames()
      expect(f.playing).toBe(false)
      const b = runOf(f, 'b')
      expect(b.view).toBe(epoch)
      // Nothing is forgotten: the run still holds every trained epoch.
      expect(b.epoch).toBe(trained)
      expect(Array.from(b.grid)).toEqual(Array.from(recorded.get(epoch)!.grid))
      expect(b.boundary).toEqual(recorded.get(epoch)!.boundary)
      expect(b.weightsSquared).toBe(recorded.get(epoch)!.weightsSquared)
    }
    // Beyond the trained epochs it clamps.
    s.engine.handle({ type: 'train.seek', runId: 1, epoch: 100_000 })
    expect(runOf(s.frames()[0], 'b').view).toBe(trained)
  })

  it('play after a seek replays the record at the pace, then trains on', () => {
    const s = setup()
    s.engine.handle(start(60))
    const grids = new Map<number, number[]>()
    for (const f of play(s, 1000)) grids.set(runOf(f, 'a').view!, Array.from(runOf(f, 'a').grid))
    const trained = Math.max(...grids.keys())
    s.engine.handle({ type: 'train.seek', runId: 1, epoch: 10 })
    s.frames()
    s.engine.handle({ type: 'train.play', runId: 1 })
    const replay = play(s, 500)
    const views = replay.map((f) => runOf(f, 'a').view!)
    expect(views[0]).toBeLessThanOrEqual(12)
    expect(views.at(-1)).toBeGreaterThanOrEqual(38)
    for (const f of replay) {
      const a = runOf(f, 'a')
      expect(a.epoch).toBe(trained)
      expect(Array.from(a.grid)).toEqual(grids.get(a.view!))
    }
    const on = play(s, 1000)
    expect(runOf(on.at(-1)!, 'a').epoch).toBeGreaterThan(trained)
  })

  it('train.step moves the playhead one recorded epoch before it trains another', () => {
    const s = setup()
    s.engine.handle(start(60, false))
    s.frames()
    s.engine.handle({ type: 'train.step', runId: 1, epochs: 5 })
    expect(runOf(s.frames()[0], 'a')).toMatchObject({ epoch: 5, view: 5 })
    s.engine.handle({ type: 'train.seek', runId: 1, epoch: 2 })
    s.frames()
    s.engine.handle({ type: 'train.step', runId: 1 })
    expect(runOf(s.frames()[0], 'a')).toMatchObject({ epoch: 5, view: 3 })
  })
})

describe('createTrainRecord', () => {
  it('keeps memory bounded: over budget the stride doubles and the kept epochs are its multiples', () => {
    const config = preset(0, 40)
    const trainer = createTrainer(config, dot)
    // 45 parameters per snapshot, room for 6: the stride grows to 8 by epoch 40.
    const record = createTrainRecord(trainer.config, dot, 45 * 6)
    const live = new Map<number, number[]>()
    const at = (): number[] => Array.from(trainer.predictGrid(grid.extent, 16, 16))
    record.record(0, () => trainer.weights())
    live.set(0, at())
    for (let e = 1; e <= 40; e++) {
      trainer.trainEpochs(1)
      record.record(e, () => trainer.weights())
      live.set(e, at())
    }
    expect(record.stride).toBe(8)
    expect(record.snap(39)).toBe(32)
    expect(record.snap(7)).toBe(0)
    expect(Array.from(record.grid(21, grid.extent, 16, 16))).toEqual(live.get(16))
    expect(Array.from(record.grid(40, grid.extent, 16, 16))).toEqual(live.get(40))
  })

  it('Σw² counts weight matrices only; the steepest slope of a plane is its gradient norm', () => {
    expect(
      sumSquaredWeights([
        { W: [[1, 2]], b: [10] },
        { W: [[3], [-1]], b: [100] },
      ]),
    ).toBe(1 + 4 + 9 + 1)
    // f(x, y) = 3x − 4y on a 5 × 4 grid over [0, 2] × [0, 3]: ‖∇f‖ = 5 everywhere.
    const nx = 5
    const ny = 4
    const g = new Float64Array(nx * ny)
    for (let r = 0; r < ny; r++) for (let c = 0; c < nx; c++) g[r * nx + c] = 3 * (c * 0.5) - 4 * r
    expect(steepestSlope(g, nx, ny, { x: [0, 2], y: [0, 3] })).toBeCloseTo(5, 12)
  })
})
