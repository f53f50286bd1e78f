import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDataset } from '../../src/core/mlp/parseDataset'
import { createTrainer } from '../../src/core/mlp/trainer'
import { runTrajectory } from '../../src/core/run'
import { createLabStore } from '../../src/state/lab/labStore'
import { labRunConfigs } from '../../src/state/lab/labSettings'
import { buildRaceEntries } from '../../src/state/raceSpecs'
import { createAppStore } from '../../src/state/store'
import { createWorkerClient, type WorkerLike } from '../../src/worker/client'
import { createEngine } from '../../src/worker/engine'
import { DEFAULT_WATCHDOG } from '../../src/worker/watchdog'
import { createFakeClock } from '../worker/fakeClock'

const dotText = readFileSync(new URL('../../public/dot.csv', import.meta.url), 'utf8')

/** A worker built on the real engine in this thread, that can die the ways a real one does. */
interface TestWorker extends WorkerLike {
  /** `self.close()`: it stops answering anything. */
  close(): void
  /** An uncaught exception reported by the Worker's `error` event. */
  crash(): void
}

/**
 * The real client and a fresh real engine per worker (a restart starts a new engine with no state), on one
 * hand-driven clock. Each worker posts `ready` on its first tick, as worker.ts does once loaded.
 */
function harness() {
  const clock = createFakeClock()
  const workers: TestWorker[] = []
  const client = createWorkerClient(
    () => {
      let alive = true
      const engine = createEngine((message, transfer) => {
        if (alive) worker.onmessage?.({ data: structuredClone(message, { transfer }) } as MessageEvent)
      }, clock)
      const worker: TestWorker = {
        onmessage: null,
        onerror: null,
        postMessage: (message) => {
          if (alive) engine.handle(structuredClone(message))
        },
        terminate: () => {
          alive = false
          engine.dispose()
        },
        close: () => {
          alive = false
          engine.dispose()
        },
        crash: () => worker.onerror?.({ message: 'Uncaught Error: boom' } as ErrorEvent),
      }
      clock.setTimeout(() => alive && worker.onmessage?.({ data: { type: 'ready' } } as MessageEvent), 0)
      workers.push(worker)
      return worker
    },
    { timers: clock },
  )
  return { clock, client, workers, worker: () => workers[workers.length - 1] }
}

/** Long enough for the heartbeat to notice a silent worker (a ping, then its deadline, then a check). */
const NOTICE_MS = 2 * DEFAULT_WATCHDOG.pingMs + DEFAULT_WATCHDOG.silenceMs

const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve()
}

function expectTrackFromCore(store: ReturnType<typeof createAppStore>, points: number): void {
  const { settings, tracks } = store.getState()
  buildRaceEntries(settings).forEach((entry, i) => {
    const core = runTrajectory(entry.spec)
    expect(tracks[i].count).toBeGreaterThanOrEqual(points)
    expect(tracks[i].x.subarray(0, points)).toEqual(core.x.subarray(0, points))
    expect(tracks[i].loss.subarray(0, points)).toEqual(core.loss.subarray(0, points))
  })
}

function raceHarness() {
  const h = harness()
  const store = createAppStore({ driver: h.client })
  store.getState().startRace({ autoplay: false })
  h.clock.advance(20)
  return { ...h, store }
}

describe('the app store after a worker failure', () => {
  it('a paused race whose worker closed itself comes back at the same playhead, with the core’s points', () => {
    const { clock, store, workers, worker } = raceHarness()
    store.getState().seek(137)
    clock.advance(20)
    expect(store.getState().cursor).toBe(137)
    const settings = store.getState().settings
    worker().close()
    clock.advance(NOTICE_MS)
    expect(workers).toHaveLength(2)
    expect(store.getState().workerNotice).toEqual({ kind: 'unresponsive', phase: 'restored', at: 137 })
    const s = store.getState()
    expect(s.settings).toBe(settings) // the settings are untouched
    expect(s.cursor).toBe(137)
    expect(s.playing).toBe(false)
    expect(s.runId).not.toBeNull()
    // The points up to the playhead are recomputed by the new worker, equal to the core's own run.
    expectTrackFromCore(store, 138)
  })

  it('a playing race whose worker crashed plays on from where it was', () => {
    const { clock, store, worker } = raceHarness()
    store.getState().play()
    clock.advance(1000)
    const before = store.getState().cursor
    expect(before).toBeGreaterThan(10)
    worker().crash()
    expect(store.getState().workerNotice).toMatchObject({ kind: 'crashed', phase: 'restarting', at: before })
    expect(store.getState().playing).toBe(true)
    clock.advance(20)
    expect(store.getState().cursor).toBeGreaterThanOrEqual(before)
    clock.advance(500)
    const after = store.getState().cursor
    expect(after).toBeGreaterThan(before)
    expect(store.getState().workerNotice?.phase).toBe('restored')
    expectTrackFromCore(store, after + 1)
  })

  it('two failed restarts stop the race with a failed notice; retryWorker() brings it back at its playhead', () => {
    const { clock, store, workers, worker } = raceHarness()
    store.getState().seek(50)
    store.getState().play()
    clock.advance(200)
    const at = store.getState().cursor
    for (let k = 0; k < 3; k++) {
      worker().crash()
      clock.advance(1) // the restarted worker posts ready (and the race is sent to it again)
    }
    expect(workers).toHaveLength(3)
    expect(store.getState()).toMatchObject({
      playing: false,
      workerNotice: { phase: 'failed', kind: 'crashed' },
    })
    clock.advance(5000)
    expect(workers).toHaveLength(3) // no loop
    store.getState().retryWorker()
    clock.advance(20)
    expect(workers).toHaveLength(4)
    expect(store.getState().playing).toBe(true)
    expect(store.getState().cursor).toBeGreaterThanOrEqual(at)
    expect(store.getState().workerNotice?.phase).toBe('restored')
    store.getState().dismissWorkerNotice()
    expect(store.getState().workerNotice).toBeNull()
  })
})

describe('the lab store after a worker failure', () => {
  async function labHarness() {
    const h = harness()
    const store = createLabStore(h.client.train, { fetchText: async () => dotText })
    store.getState().updateNet('a', { epochs: 60 })
    store.getState().activate()
    h.clock.advance(1)
    await settle()
    h.clock.advance(1)
    expect(store.getState().run.status).toBe('paused')
    return { ...h, store }
  }

  it('training whose worker closed itself is trained back to its epoch, same data, settings and curves', async () => {
    const { clock, store, worker, workers } = await labHarness()
    // (On a hand-driven clock one tick would train every epoch: step epoch by epoch instead.)
    for (let k = 0; k < 17; k++) store.getState().step()
    const { run, data, settings } = store.getState()
    const epoch = run.epoch
    expect(epoch).toBe(17)
    worker().close()
    clock.advance(NOTICE_MS)
    expect(workers).toHaveLength(2)
    const after = store.getState()
    expect(after.data).toBe(data)
    expect(after.settings).toBe(settings)
    expect(after.run).toMatchObject({ epoch, status: 'paused', error: null })
    expect(after.workerNotice).toEqual({ kind: 'unresponsive', phase: 'restored', at: epoch })
    // The retrained curves are the core's own, epoch for epoch (same seed, same data).
    const dot = parseDataset(dotText)
    for (const { key, config } of labRunConfigs(settings)) {
      const reference = createTrainer(config, dot)
      reference.trainEpochs(epoch)
      expect(after.traces[key].epoch).toBe(epoch)
      expect(Array.from(after.traces[key].loss.subarray(0, epoch))).toEqual(
        Array.from(reference.history.loss),
      )
    }
    // And it trains on to the end.
    store.getState().train()
    clock.advance(16 * 200)
    expect(store.getState().run).toMatchObject({ status: 'done', epoch: 60, error: null })
  })

  it('playing training whose worker crashed goes on playing from its epoch to done', async () => {
    const { clock, store, worker } = await labHarness()
    for (let k = 0; k < 10; k++) store.getState().step()
    store.getState().train()
    const epoch = store.getState().run.epoch
    expect(epoch).toBe(10)
    worker().crash()
    expect(store.getState().run).toMatchObject({ status: 'playing', epoch })
    clock.advance(16 * 200)
    expect(store.getState().run).toMatchObject({ status: 'done', epoch: 60, error: null })
  })

  it('an error of the current run stops training: later frames do not carry it on to "done"', async () => {
    const { clock, store, worker } = await labHarness()
    store.getState().step()
    store.getState().train()
    const runId = store.getState().run.runId!
    // What the engine posts when a training tick throws.
    worker().onmessage?.({
      data: { type: 'error', runId, code: 'failed', message: 'NaN in a weight' },
    } as MessageEvent)
    clock.advance(16 * 200)
    expect(store.getState().run).toMatchObject({ status: 'idle', error: { code: 'failed' } })
    expect(store.getState().run.epoch).toBeLessThan(60)
  })
})
