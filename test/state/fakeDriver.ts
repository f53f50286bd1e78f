import type { RaceDriver, RaceOptions } from '../../src/state/raceDriver'
import type { RaceEvent, Racer, RacerFrame, WorkerErrorMessage } from '../../src/worker/protocol'

export interface DriverCall {
  name: string
  args: unknown[]
}

/**
 * A recording stand-in for the worker client: every call is logged, `startRace` hands out run ids 1, 2, …,
 * and `emit` delivers events to the store exactly as the client would (after its own runId filter, which
 * this fake leaves to the store so stale-run handling can be tested).
 */
export function createFakeDriver() {
  const calls: DriverCall[] = []
  const raceListeners = new Set<(event: RaceEvent) => void>()
  const errorListeners = new Set<(error: WorkerErrorMessage) => void>()
  let runId = 0
  let races: { runId: number; racers: Racer[]; options: RaceOptions }[] = []
  const log =
    (name: string) =>
    (...args: unknown[]): void =>
      void calls.push({ name, args })
  /** Called from inside startRace, after the run id is chosen (a synchronous worker answers there). */
  let onStart: ((runId: number) => void) | null = null

  const driver: RaceDriver = {
    startRace(racers, options) {
      calls.push({ name: 'startRace', args: [racers, options] })
      races.push({ runId: ++runId, racers, options })
      onStart?.(runId)
      return runId
    },
    play: log('play'),
    pause: log('pause'),
    step: log('step'),
    seek: log('seek'),
    setSpeed: log('setSpeed'),
    toEnd: log('toEnd'),
    reset: log('reset'),
    cancel: log('cancel'),
    onRace(listener) {
      raceListeners.add(listener)
      return () => void raceListeners.delete(listener)
    },
    onError(listener) {
      errorListeners.add(listener)
      return () => void errorListeners.delete(listener)
    },
  }

  return {
    driver,
    calls,
    /** Names of the calls so far, in order. */
    names: () => calls.map((c) => c.name),
    get races() {
      return races
    },
    lastRace: () => races[races.length - 1],
    get listenerCount() {
      return raceListeners.size + errorListeners.size
    },
    emit(event: RaceEvent) {
      for (const l of [...raceListeners]) l(event)
    },
    emitError(error: WorkerErrorMessage) {
      for (const l of [...errorListeners]) l(error)
    },
    /** Makes startRace emit events synchronously, as an in-thread worker could. */
    answerStart(f: ((runId: number) => void) | null) {
      onStart = f
    },
    clear() {
      calls.length = 0
      races = []
    },
  }
}

/**
 * A frame chunk whose values encode their own index, so appended buffers can be checked against a formula:
 * point p has x = p, y = −p, loss = 10p, gradNorm = 100p; update k has lr = 1000 + k, grad = [k, −k] and
 * state.m = [k + 0.5, −k − 0.5].
 */
export function indexedChunk(
  id: string,
  from: number,
  count: number,
  status: RacerFrame['status'] = 'ok',
): RacerFrame {
  const points = Array.from({ length: count }, (_, i) => from + i)
  const u0 = Math.max(from - 1, 0)
  const updates = Array.from({ length: Math.max(0, from + count - 1 - u0) }, (_, i) => u0 + i)
  const f = (values: number[]) => Float64Array.from(values)
  return {
    id,
    from,
    count,
    x: f(points),
    y: f(points.map((p) => -p)),
    loss: f(points.map((p) => 10 * p)),
    gradNorm: f(points.map((p) => 100 * p)),
    lr: f(updates.map((k) => 1000 + k)),
    grad: f(updates.flatMap((k) => [k, -k])),
    state: { m: f(updates.flatMap((k) => [k + 0.5, -k - 0.5])) },
    status,
  }
}
