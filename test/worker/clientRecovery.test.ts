import { describe, expect, it } from 'vitest'
import { createWorkerClient, type WorkerLike } from '../../src/worker/client'
import type { FromWorker, Racer, ToWorker, WorkerHealth } from '../../src/worker/protocol'
import { DEFAULT_WATCHDOG } from '../../src/worker/watchdog'
import { createFakeClock } from './fakeClock'

/** A stand-in Worker that can fail the ways a real one does: error event, messageerror, silence. */
class FakeWorker implements WorkerLike {
  posted: ToWorker[] = []
  terminated = false
  /** A closed worker (self.close()) receives messages but never answers. */
  closed = false
  onmessage: ((event: MessageEvent) => void) | null = null
  onerror: ((event: ErrorEvent) => void) | null = null
  onmessageerror: ((event: MessageEvent) => void) | null = null

  postMessage(message: ToWorker): void {
    this.posted.push(message)
    // A live engine answers the heartbeat at once.
    if (message.type === 'ping' && !this.closed) this.emit({ type: 'pong', seq: message.seq })
  }
  terminate(): void {
    this.terminated = true
  }
  emit(message: FromWorker): void {
    this.onmessage?.({ data: message } as MessageEvent)
  }
  types(): string[] {
    return this.posted.map((m) => m.type)
  }
}

function setup(options: { maxRestarts?: number } = {}) {
  const clock = createFakeClock()
  const workers: FakeWorker[] = []
  const client = createWorkerClient(
    () => {
      const worker = new FakeWorker()
      workers.push(worker)
      return worker
    },
    { timers: clock, ...options },
  )
  const health: WorkerHealth[] = []
  client.onHealth((h) => health.push(h))
  const worker = (): FakeWorker => workers[workers.length - 1]
  /** The current worker loads and posts `ready`. */
  const ready = (): void => {
    if (workers.length === 0) void client.ready() // starts the lazy worker
    worker().emit({ type: 'ready' })
  }
  return { client, clock, workers, worker, health, ready }
}

const racers: Racer[] = [
  { id: 'sgd', spec: { surface: 'booth', optimizer: { kind: 'sgd', lr: 0.01 }, start: [0, 0], steps: 100 } },
]

describe('createWorkerClient: failures are detected, reported and recovered from', () => {
  it("an 'error' event before ready is a load failure; after ready, a crash: both restart the worker", () => {
    const { client, workers, worker, health, ready } = setup()
    client.startRace(racers, { speed: 60 })
    worker().onerror?.({ message: '' } as ErrorEvent)
    expect(workers[0].terminated).toBe(true)
    expect(workers).toHaveLength(2)
    expect(health).toEqual([
      { status: 'recovering', failure: { kind: 'load', message: 'script failed to load' }, attempt: 1 },
    ])
    ready()
    expect(health.at(-1)).toEqual({ status: 'ok' })
    worker().onerror?.({ message: 'Uncaught Error: boom' } as ErrorEvent)
    expect(workers).toHaveLength(3)
    expect(health.at(-1)).toEqual({
      status: 'recovering',
      failure: { kind: 'crashed', message: 'Uncaught Error: boom' },
      attempt: 2,
    })
  })

  it("a 'messageerror' is a failure of its own kind", () => {
    const { client, worker, health, ready } = setup()
    client.startRace(racers, { speed: 60 })
    ready()
    worker().onmessageerror?.({} as MessageEvent)
    expect(health.at(-1)).toMatchObject({ status: 'recovering', failure: { kind: 'messageerror' } })
  })

  it('a worker that closed itself is noticed by the heartbeat: pinged after pingMs, given up silenceMs later', () => {
    const { client, clock, workers, worker, health, ready } = setup()
    client.startRace(racers, { speed: 60 })
    ready()
    // Alive: every ping is answered, so no failure however long it runs.
    clock.advance(10_000)
    expect(workers).toHaveLength(1)
    expect(workers[0].types().filter((t) => t === 'ping').length).toBeGreaterThan(5)
    expect(health).toEqual([])
    worker().closed = true
    clock.advance(DEFAULT_WATCHDOG.pingMs) // the check sends a ping
    clock.advance(DEFAULT_WATCHDOG.silenceMs - 1) // not yet
    expect(workers).toHaveLength(1)
    clock.advance(DEFAULT_WATCHDOG.pingMs) // the next check finds the ping unanswered
    expect(workers).toHaveLength(2)
    expect(workers[0].terminated).toBe(true)
    expect(health).toEqual([
      {
        status: 'recovering',
        failure: { kind: 'unresponsive', message: 'the worker stopped answering' },
        attempt: 1,
      },
    ])
  })

  it('a busy worker is not taken for a dead one: a comparison holds a grace until its reply', async () => {
    const { client, clock, workers, worker, ready } = setup()
    ready()
    const compare = client.train.compare({ optimizers: [] } as never)
    worker().closed = true // busy: pings queue unanswered
    clock.advance(60_000)
    expect(workers).toHaveLength(1)
    const { requestId } = worker().posted.find((m) => m.type === 'train.compare') as { requestId: number }
    worker().emit({ type: 'train.comparison', requestId, rows: [] } as FromWorker)
    await expect(compare).resolves.toEqual([])
    // The grace ends with the reply: a silent worker is now noticed within a few checks.
    clock.advance(DEFAULT_WATCHDOG.pingMs * 2 + DEFAULT_WATCHDOG.silenceMs)
    expect(workers).toHaveLength(2)
  })

  it('a late check (a throttled tab) does not blame a worker that answers: the deadline counts from the ping', () => {
    const { client, clock, workers, ready } = setup()
    client.startRace(racers, { speed: 60 })
    ready()
    clock.skip(60_000) // the page's timers ran a minute late
    clock.advance(DEFAULT_WATCHDOG.pingMs * 4)
    expect(workers).toHaveLength(1)
  })

  it('requests in flight are sent again to the restarted worker; runs end (their owners restart them)', async () => {
    const { client, workers, worker, ready } = setup()
    ready()
    client.startRace(racers, { speed: 60 })
    const grid = client.requestGrid('booth', { x: [0, 1], y: [0, 1] }, 2, 2)
    worker().onerror?.({ message: 'boom' } as ErrorEvent)
    expect(client.currentRun('race.')).toBeUndefined()
    expect(workers[1].types()).toEqual(['grid'])
    const { requestId } = workers[1].posted[0] as { requestId: number }
    ready()
    worker().emit({
      type: 'grid',
      requestId,
      values: new Float64Array(4),
      nx: 2,
      ny: 2,
      extent: { x: [0, 1], y: [0, 1] },
      min: 0,
      max: 0,
    })
    await expect(grid).resolves.toMatchObject({ nx: 2, ny: 2 })
  })

  it('a request about a run (a Hessian) dies with the run: it rejects as crashed instead of being re-sent', async () => {
    const { client, worker, ready } = setup()
    ready()
    client.train.start({} as never)
    const hessian = client.train.hessian('a')
    worker().onerror?.({ message: 'boom' } as ErrorEvent)
    await expect(hessian).rejects.toMatchObject({ code: 'crashed' })
    expect(worker().types()).toEqual([])
  })

  it('train.onHealth and race onHealth see the same events; subscribers restore in the recovering event', () => {
    const { client, worker, ready } = setup()
    ready()
    client.startRace(racers, { speed: 60 })
    const sentOnRecovery: string[][] = []
    client.train.onHealth((h) => {
      if (h.status !== 'recovering') return
      // The new worker already exists: what a subscriber sends now goes to it.
      client.startRace(racers, { speed: 60, autoplay: false })
      sentOnRecovery.push(worker().types())
    })
    worker().onerror?.({ message: 'boom' } as ErrorEvent)
    expect(sentOnRecovery).toEqual([['race.start']])
    expect(client.currentRun('race.')).toBeDefined()
  })

  it('two failed restarts in a row stop: health failed, nothing is sent until retry(), which sends what waited', async () => {
    const { client, workers, worker, health } = setup()
    const grid = client.requestGrid('booth', { x: [0, 1], y: [0, 1] }, 2, 2)
    for (let k = 0; k < 3; k++) worker().onerror?.({ message: '' } as ErrorEvent) // 404 each time
    expect(workers).toHaveLength(3) // the first + two restarts
    expect(health.map((h) => h.status)).toEqual(['recovering', 'recovering', 'failed'])
    expect(health.at(-1)).toMatchObject({ failure: { kind: 'load' } })
    expect(client.health()).toMatchObject({ status: 'failed' })
    // No loop: nothing starts a worker while failed, however much the page asks.
    client.startRace(racers, { speed: 60 })
    const analysis = client.analyze('saddle', 0, 0)
    void client.ready()
    expect(workers).toHaveLength(3)

    client.retry()
    expect(workers).toHaveLength(4)
    expect(health.at(-1)).toMatchObject({ status: 'recovering', attempt: 0 })
    // The requests that waited go to the new worker, and are answered by it.
    expect(worker().types()).toEqual(['grid', 'analyze'])
    worker().emit({ type: 'ready' })
    expect(client.health()).toEqual({ status: 'ok' })
    const [g, a] = worker().posted as { requestId: number }[]
    worker().emit({ type: 'analysis', requestId: a.requestId, result: { kind: 'saddle' } as never })
    worker().emit({
      type: 'grid',
      requestId: g.requestId,
      values: new Float64Array(4),
      nx: 2,
      ny: 2,
      extent: { x: [0, 1], y: [0, 1] },
      min: 0,
      max: 0,
    })
    await expect(analysis).resolves.toEqual({ kind: 'saddle' })
    await expect(grid).resolves.toMatchObject({ nx: 2 })
  })

  it('a failed retry counts again: two more failures stop again', () => {
    const { worker, workers, health, client } = setup()
    void client.ready()
    for (let k = 0; k < 3; k++) worker().onerror?.({ message: '' } as ErrorEvent)
    client.retry()
    for (let k = 0; k < 3; k++) worker().onerror?.({ message: '' } as ErrorEvent)
    expect(workers).toHaveLength(6)
    expect(health.map((h) => h.status)).toEqual([
      'recovering',
      'recovering',
      'failed',
      'recovering',
      'recovering',
      'recovering',
      'failed',
    ])
  })

  it('ready() after a restart waits for the new worker, not the old one', async () => {
    const { client, worker, ready } = setup()
    ready()
    await expect(client.ready()).resolves.toBeUndefined()
    worker().onerror?.({ message: 'boom' } as ErrorEvent)
    let settled = false
    void client.ready().then(() => (settled = true))
    await Promise.resolve()
    expect(settled).toBe(false)
    ready()
    await Promise.resolve()
    expect(settled).toBe(true)
  })

  it('a worker that stays up for stableMs clears the count: separate failures each get their restart', () => {
    const { client, clock, workers, worker, health, ready } = setup()
    client.startRace(racers, { speed: 60 })
    for (let k = 0; k < 4; k++) {
      ready()
      clock.advance(6_000)
      worker().onerror?.({ message: 'boom' } as ErrorEvent)
    }
    expect(workers).toHaveLength(5)
    expect(
      health.filter((h) => h.status === 'recovering').map((h) => h.status === 'recovering' && h.attempt),
    ).toEqual([1, 1, 1, 1])
  })

  it('a worker that fails again right after its ready (a crash while restoring) counts as a failed restart', () => {
    const { client, worker, health, ready } = setup()
    client.startRace(racers, { speed: 60 })
    for (let k = 0; k < 3; k++) {
      ready()
      worker().onerror?.({ message: 'boom' } as ErrorEvent)
    }
    expect(health.map((h) => h.status)).toEqual(['recovering', 'ok', 'recovering', 'ok', 'failed'])
  })

  it('events of the failed worker are ignored after the restart', () => {
    const { client, workers, ready } = setup()
    const seen: FromWorker[] = []
    client.onRace((e) => seen.push(e))
    const runId = client.startRace(racers, { speed: 60 })
    ready()
    workers[0].onerror?.({ message: 'boom' } as ErrorEvent)
    workers[0].emit({ type: 'race.cursor', runId, cursor: 3, playing: true })
    workers[0].onerror?.({ message: 'again' } as ErrorEvent)
    expect(seen).toEqual([])
    expect(workers).toHaveLength(2)
  })
})
