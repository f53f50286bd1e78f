import { describe, expect, it } from 'vitest'
import { createWorkerClient, WorkerError, type WorkerLike } from '../../src/worker/client'
import type { FromWorker, RaceEvent, Racer, ToWorker, WorkerErrorMessage } from '../../src/worker/protocol'
import { createFakeClock } from './fakeClock'

/** An in-thread stand-in for a Worker: records what the client posts and lets the test answer. */
class FakeWorker implements WorkerLike {
  posted: ToWorker[] = []
  terminated = false
  onmessage: ((event: MessageEvent) => void) | null = null
  onerror: ((event: ErrorEvent) => void) | null = null

  postMessage(message: ToWorker): void {
    // The heartbeat's pings (behind heavy commands) are tested in clientRecovery.test.ts, not recorded here.
    if (message.type !== 'ping') this.posted.push(message)
  }
  terminate(): void {
    this.terminated = true
  }
  /** Delivers a message as the worker would. */
  emit(message: FromWorker): void {
    this.onmessage?.({ data: message } as MessageEvent)
  }
  last(): ToWorker {
    return this.posted[this.posted.length - 1]
  }
}

function setup() {
  const workers: FakeWorker[] = []
  // A hand-driven clock: the heartbeat never fires unless a test moves time (test/worker/clientRecovery.test.ts).
  const client = createWorkerClient(
    () => {
      const worker = new FakeWorker()
      workers.push(worker)
      return worker
    },
    { timers: createFakeClock() },
  )
  const events: RaceEvent[] = []
  const errors: WorkerErrorMessage[] = []
  client.onRace((event) => events.push(event))
  client.onError((error) => errors.push(error))
  return { client, workers, events, errors, worker: () => workers[workers.length - 1] }
}

const racers: Racer[] = [
  { id: 'sgd', spec: { surface: 'booth', optimizer: { kind: 'sgd', lr: 0.01 }, start: [0, 0], steps: 100 } },
]
const cursor = (runId: number, at: number): FromWorker => ({
  type: 'race.cursor',
  runId,
  cursor: at,
  playing: true,
})
const grid = (requestId: number, fill: number): FromWorker => ({
  type: 'grid',
  requestId,
  values: new Float64Array(4).fill(fill),
  nx: 2,
  ny: 2,
  extent: { x: [0, 1], y: [0, 1] },
  min: fill,
  max: fill,
})

describe('createWorkerClient', () => {
  it('createWorkerClient(factory) starts no worker until the first message is sent', () => {
    const { client, workers } = setup()
    client.play()
    client.onRace(() => {})
    expect(workers).toHaveLength(0)
    client.startRace(racers, { speed: 60 })
    expect(workers).toHaveLength(1)
  })

  it('startRace(racers, opts) sends race.start with a fresh runId and autoplay on by default', () => {
    const { client, worker } = setup()
    const first = client.startRace(racers, { speed: 60 })
    const second = client.startRace(racers, { speed: 30, autoplay: false })
    expect(second).not.toBe(first)
    expect(worker().posted).toEqual([
      { type: 'race.start', runId: first, racers, speed: 60, autoplay: true },
      { type: 'race.start', runId: second, racers, speed: 30, autoplay: false },
    ])
  })

  it('the playback methods send their message with the current runId', () => {
    const { client, worker } = setup()
    const runId = client.startRace(racers, { speed: 60 })
    client.play()
    client.pause()
    client.step()
    client.step(-5)
    client.seek(42)
    client.setSpeed(600)
    client.toEnd()
    client.reset()
    client.cancel()
    expect(worker().posted.slice(1)).toEqual([
      { type: 'race.play', runId },
      { type: 'race.pause', runId },
      { type: 'race.step', runId },
      { type: 'race.step', runId, n: -5 },
      { type: 'race.seek', runId, step: 42 },
      { type: 'race.speed', runId, stepsPerSecond: 600 },
      { type: 'race.toEnd', runId },
      { type: 'race.reset', runId },
      { type: 'race.cancel', runId },
    ])
  })

  it('the playback methods send nothing when no race is running, or after cancel()', () => {
    const { client, worker } = setup()
    client.startRace(racers, { speed: 60 })
    client.cancel()
    const sent = worker().posted.length
    client.play()
    client.seek(3)
    expect(worker().posted).toHaveLength(sent)
  })

  it('onRace(listener) receives the current run only: messages of an older runId are dropped', () => {
    const { client, worker, events } = setup()
    const old = client.startRace(racers, { speed: 60 })
    worker().emit(cursor(old, 1))
    const current = client.startRace(racers, { speed: 60 })
    worker().emit(cursor(old, 2)) // in flight when the new race started
    worker().emit(cursor(current, 3))
    worker().emit({ type: 'race.finished', runId: old, cursor: 100 })
    expect(events.map((e) => [e.runId, e.cursor])).toEqual([
      [old, 1],
      [current, 3],
    ])
  })

  it('onRace(listener) drops everything of a cancelled run', () => {
    const { client, worker, events } = setup()
    const runId = client.startRace(racers, { speed: 60 })
    client.cancel()
    worker().emit(cursor(runId, 1))
    expect(events).toEqual([])
  })

  it('onRace(listener) returns an unsubscribe function', () => {
    const { client, worker } = setup()
    const seen: number[] = []
    const off = client.onRace((e) => seen.push(e.cursor))
    const runId = client.startRace(racers, { speed: 60 })
    worker().emit(cursor(runId, 1))
    off()
    worker().emit(cursor(runId, 2))
    expect(seen).toEqual([1])
  })

  it('requestGrid(...) resolves each promise with the reply that carries its requestId, in any order', async () => {
    const { client, worker } = setup()
    const a = client.requestGrid('booth', { x: [0, 1], y: [0, 1] }, 2, 2)
    const b = client.requestGrid('beale', { x: [0, 1], y: [0, 1] }, 2, 2)
    const [ra, rb] = worker().posted as Extract<ToWorker, { type: 'grid' }>[]
    expect(ra).toMatchObject({
      type: 'grid',
      surface: 'booth',
      extent: { x: [0, 1], y: [0, 1] },
      nx: 2,
      ny: 2,
    })
    expect(rb.requestId).not.toBe(ra.requestId)
    worker().emit(grid(rb.requestId, 2))
    worker().emit(grid(ra.requestId, 1))
    expect((await a).min).toBe(1)
    expect(await b).toEqual({
      values: new Float64Array(4).fill(2),
      nx: 2,
      ny: 2,
      extent: { x: [0, 1], y: [0, 1] },
      min: 2,
      max: 2,
    })
  })

  it('analyze(surface, x, y) resolves with the result of its analysis reply', async () => {
    const { client, worker } = setup()
    const promise = client.analyze('saddle', 0, 0)
    const request = worker().last() as Extract<ToWorker, { type: 'analyze' }>
    expect(request).toMatchObject({ type: 'analyze', surface: 'saddle', x: 0, y: 0 })
    const result = { kind: 'saddle' } as never
    worker().emit({ type: 'analysis', requestId: request.requestId, result })
    expect(await promise).toBe(result)
  })

  it('a request answered with an error rejects with a WorkerError carrying code and field', async () => {
    const { client, worker, errors } = setup()
    const promise = client.requestGrid('nowhere', { x: [0, 1], y: [0, 1] }, 2, 2)
    const { requestId } = worker().last() as Extract<ToWorker, { type: 'grid' }>
    worker().emit({
      type: 'error',
      requestId,
      message: 'unknown surface',
      field: 'surface',
      code: 'bad-spec',
    })
    const error = await promise.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WorkerError)
    expect(error).toMatchObject({ message: 'unknown surface', field: 'surface', code: 'bad-spec' })
    expect(errors).toEqual([]) // it went to its promise, not to the general listeners
  })

  it('aborting a request rejects it with an AbortError, and its late reply is dropped', async () => {
    const { client, worker } = setup()
    const controller = new AbortController()
    const promise = client.requestGrid('booth', { x: [0, 1], y: [0, 1] }, 2, 2, { signal: controller.signal })
    const { requestId } = worker().last() as Extract<ToWorker, { type: 'grid' }>
    controller.abort()
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' })
    expect(() => worker().emit(grid(requestId, 1))).not.toThrow()
  })

  it('a request whose signal is already aborted rejects at once and sends nothing', async () => {
    const { client, workers } = setup()
    const promise = client.analyze('saddle', 0, 0, { signal: AbortSignal.abort() })
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' })
    expect(workers.flatMap((w) => w.posted)).toEqual([])
  })

  it('onError(listener) receives errors of the current run and of no run, but not of stale runs', () => {
    const { client, worker, errors } = setup()
    const old = client.startRace(racers, { speed: 60 })
    const current = client.startRace(racers, { speed: 60 })
    const stale: WorkerErrorMessage = { type: 'error', runId: old, message: 'old', code: 'failed' }
    const mine: WorkerErrorMessage = {
      type: 'error',
      runId: current,
      message: 'bad lr',
      field: 'x',
      code: 'bad-spec',
    }
    const general: WorkerErrorMessage = { type: 'error', message: 'not an object', code: 'bad-message' }
    for (const e of [stale, mine, general]) worker().emit(e)
    expect(errors).toEqual([mine, general])
  })

  it('restart() terminates the worker, rejects pending requests with AbortError and ignores the old worker', async () => {
    const { client, workers, events } = setup()
    const runId = client.startRace(racers, { speed: 60 })
    const pending = client.analyze('saddle', 0, 0)
    const old = workers[0]
    client.restart()
    expect(old.terminated).toBe(true)
    expect(workers).toHaveLength(2) // restarted at once
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    old.emit(cursor(runId, 5))
    expect(events).toEqual([])
    // The race ended with the old worker: playback messages go nowhere until a new race starts.
    client.play()
    expect(workers[1].posted).toEqual([])
  })

  it('terminate() stops the worker; the next message starts a new one lazily', () => {
    const { client, workers } = setup()
    client.startRace(racers, { speed: 60 })
    client.terminate()
    expect(workers[0].terminated).toBe(true)
    expect(workers).toHaveLength(1)
    client.startRace(racers, { speed: 60 })
    expect(workers).toHaveLength(2)
  })

  it("a Worker 'error' event restarts the worker and sends pending requests again (not an onError)", async () => {
    // Changed by issue 11: a crash used to reject pending requests and reach onError as 'crashed'; now the
    // client restarts the worker and the request is answered by the new one (clientRecovery.test.ts).
    const { client, workers, worker, errors } = setup()
    const pending = client.analyze('saddle', 0, 0)
    workers[0].emit({ type: 'ready' })
    workers[0].onerror?.({ message: 'boom' } as ErrorEvent)
    expect(workers).toHaveLength(2)
    const request = worker().last() as Extract<ToWorker, { type: 'analyze' }>
    expect(request).toMatchObject({ type: 'analyze', surface: 'saddle' })
    const result = { kind: 'saddle' } as never
    worker().emit({ type: 'analysis', requestId: request.requestId, result })
    expect(await pending).toBe(result)
    expect(errors).toEqual([])
  })

  it('ready() starts the worker and resolves on its ready message; terminate() rejects a pending ready()', async () => {
    const { client, workers, worker } = setup()
    const first = client.ready()
    expect(workers).toHaveLength(1)
    let settled = false
    void first.then(() => (settled = true))
    await Promise.resolve()
    expect(settled).toBe(false)
    worker().emit({ type: 'ready' })
    await expect(first).resolves.toBeUndefined()
    await expect(client.ready()).resolves.toBeUndefined() // already ready: at once
    client.restart()
    const second = client.ready()
    client.terminate()
    await expect(second).rejects.toMatchObject({ name: 'AbortError' })
  })

  it("subscribe('ready', listener) sees the worker's ready message; beginRun(scope) filters any scope", () => {
    const { client, worker } = setup()
    const seen: FromWorker[] = []
    client.restart() // starts a worker at once
    client.subscribe('ready', (m) => seen.push(m))
    client.subscribe('train.', (m) => seen.push(m))
    const runId = client.beginRun('train.')
    expect(client.currentRun('train.')).toBe(runId)
    worker().emit({ type: 'ready' })
    const stale = { type: 'train.progress', runId: runId - 1 } as unknown as FromWorker
    const fresh = { type: 'train.progress', runId } as unknown as FromWorker
    worker().emit(stale)
    worker().emit(fresh)
    expect(seen).toEqual([{ type: 'ready' }, fresh])
  })
})
