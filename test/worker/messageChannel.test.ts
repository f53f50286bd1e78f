// Both sides in one realm over a real MessageChannel (comlink's same-window tests): the engine on one port, the
// client on the other through a Worker-like wrapper. Messages are structured-cloned and buffers transferred
// exactly as between a page and its worker.
import { afterEach, describe, expect, it } from 'vitest'
import { runTrajectory } from '../../src/core/run'
import type { TrajectorySpec } from '../../src/core/types'
import { createWorkerClient, WorkerError, type WorkerLike } from '../../src/worker/client'
import { createEngine } from '../../src/worker/engine'
import type { RaceEvent, RaceFrames } from '../../src/worker/protocol'
import { TICK_MS } from '../../src/worker/raceSession'
import { assertInDelta } from '../helpers/assertInDelta'
import { createFakeClock } from './fakeClock'

const channels: MessageChannel[] = []
afterEach(() => {
  for (const { port1, port2 } of channels.splice(0)) {
    port1.close()
    port2.close()
  }
})

function connect() {
  const channel = new MessageChannel()
  channels.push(channel)
  const { port1: workerSide, port2: pageSide } = channel
  const clock = createFakeClock()
  const engine = createEngine((message, transfer = []) => workerSide.postMessage(message, transfer), clock)
  let handled = 0
  workerSide.onmessage = (event) => {
    engine.handle(event.data)
    handled++
  }
  /** Everything that reached the client's side of the channel, before any filtering. */
  const arrived: { type: string; runId?: number }[] = []
  const asWorker: WorkerLike = {
    postMessage: (message, transfer) => pageSide.postMessage(message, transfer),
    terminate: () => pageSide.close(),
    set onmessage(handler: ((event: MessageEvent) => void) | null) {
      pageSide.onmessage = (event) => {
        arrived.push(event.data)
        handler?.(event)
      }
    },
    get onmessage() {
      return null
    },
  }
  const client = createWorkerClient(() => asWorker)
  const events: RaceEvent[] = []
  client.onRace((event) => events.push(event))
  return { client, clock, events, arrived, handled: () => handled }
}

/** Lets the event loop deliver port messages until `done()` holds (or fails after 200 turns). */
async function until(done: () => boolean): Promise<void> {
  for (let turn = 0; turn < 200 && !done(); turn++) await new Promise((resolve) => setImmediate(resolve))
  expect(done()).toBe(true)
}

const sgd = (lr: number, steps = 1000): TrajectorySpec => ({
  surface: 'booth',
  optimizer: { kind: 'sgd', lr },
  start: [0, 0],
  steps,
})

describe('worker client ⇄ engine over a MessageChannel', () => {
  it('the client drops frames of a replaced run that were already in flight, and passes the new run’s', async () => {
    const { client, clock, events, arrived, handled } = connect()
    const old = client.startRace([{ id: 'a', spec: sgd(0.01) }], { speed: 600 })
    await until(() => events.length === 1) // the old run's start points, while it was current
    clock.advance(5 * TICK_MS) // the engine posts 5 more frames of the old run…
    const current = client.startRace([{ id: 'a', spec: sgd(0.02) }], { speed: 600, autoplay: false })
    // …which reach the client after it moved on to the new run.
    await until(() => events.length === 2)
    expect(handled()).toBe(2)
    expect(arrived.filter((m) => m.runId === old)).toHaveLength(6)
    expect(events.map((e) => [e.runId, e.cursor])).toEqual([
      [old, 0],
      [current, 0],
    ])
  })

  it('playback messages travel with the current runId: step, seek back, toEnd', async () => {
    const { client, events } = connect()
    const runId = client.startRace([{ id: 'a', spec: sgd(0.01, 50) }], { speed: 60, autoplay: false })
    client.step()
    client.step(4)
    client.seek(2)
    client.toEnd()
    await until(() => events.some((e) => e.type === 'race.finished'))
    expect(events.map((e) => [e.type, e.cursor])).toEqual([
      ['race.frames', 0],
      ['race.frames', 1],
      ['race.frames', 5],
      ['race.cursor', 2],
      ['race.frames', 50],
      ['race.finished', 50],
    ])
    expect(events.every((e) => e.runId === runId)).toBe(true)
  })

  it('transferred frames reassemble, on the client side, the trajectory the core computes', async () => {
    const { client, events } = connect()
    const spec: TrajectorySpec = { ...sgd(0.05, 400), optimizer: { kind: 'rmsprop', lr: 0.05 } }
    client.startRace([{ id: 'r', spec }], { speed: 600, autoplay: false })
    client.seek(123)
    client.toEnd()
    await until(() => events.some((e) => e.type === 'race.finished'))
    const frames = events.filter((e): e is RaceFrames => e.type === 'race.frames').map((e) => e.racers[0])
    expect(frames.map((f) => f.from)).toEqual([0, 1, 124])
    const joined = (pick: (f: RaceFrames['racers'][0]) => Float64Array) => frames.flatMap((f) => [...pick(f)])
    const batch = runTrajectory(spec)
    expect(joined((f) => f.x)).toEqual([...batch.x])
    expect(joined((f) => f.loss)).toEqual([...batch.loss])
    expect(joined((f) => f.lr)).toEqual([...batch.lr])
    for (const key of Object.keys(batch.state))
      expect(joined((f) => f.state[key])).toEqual([...batch.state[key]])
  })

  it('requests and replies are matched by requestId, whatever order they are answered in', async () => {
    const { client } = connect()
    const extent = { x: [-1, 1] as [number, number], y: [0, 2] as [number, number] }
    const [grid, saddle, unknown, minimum] = await Promise.allSettled([
      client.requestGrid('booth', extent, 3, 2),
      client.analyze('saddle', 0, 0),
      client.requestGrid('nowhere', extent, 3, 2),
      client.analyze('booth', 1, 3),
    ])
    expect(grid.status === 'fulfilled' && grid.value).toMatchObject({
      nx: 3,
      ny: 2,
      extent,
      min: 5,
      max: 113,
    })
    if (grid.status === 'fulfilled') {
      expect(grid.value.values).toBeInstanceOf(Float64Array)
      // (x + 2y − 7)² + (2x + y − 5)² at the nodes x ∈ {−1, 0, 1}, y ∈ {0, 2}.
      assertInDelta(grid.value.values, [113, 74, 45, 41, 18, 5], 0)
    }
    expect(saddle.status === 'fulfilled' && saddle.value).toMatchObject({ value: 1, kind: 'saddle' })
    expect(minimum.status === 'fulfilled' && minimum.value).toMatchObject({ value: 0, kind: 'minimum' })
    expect(unknown.status).toBe('rejected')
    if (unknown.status === 'rejected') {
      expect(unknown.reason).toBeInstanceOf(WorkerError)
      expect(unknown.reason).toMatchObject({ code: 'bad-spec', field: 'surface' })
    }
  })

  it('a superseded request rejects with AbortError while the newer one resolves', async () => {
    const { client, arrived } = connect()
    const extent = { x: [-1, 1] as [number, number], y: [-1, 1] as [number, number] }
    const older = new AbortController()
    const first = client.requestGrid('booth', extent, 64, 64, { signal: older.signal })
    older.abort()
    const second = client.requestGrid('booth', extent, 2, 2)
    await expect(first).rejects.toMatchObject({ name: 'AbortError' })
    await expect(second).resolves.toMatchObject({ nx: 2, ny: 2 })
    await until(() => arrived.filter((m) => m.type === 'grid').length === 2) // the stale reply came and was dropped
  })

  it('an invalid spec comes back as an error of the current run, with the field to highlight', async () => {
    const { client } = connect()
    const errors: unknown[] = []
    client.onError((e) => errors.push(e))
    const runId = client.startRace([{ id: 'bad', spec: { ...sgd(0.01), steps: 0 } }], { speed: 60 })
    await until(() => errors.length === 1)
    expect(errors[0]).toMatchObject({ type: 'error', runId, code: 'bad-spec', field: 'racers[0].spec.steps' })
  })
})
