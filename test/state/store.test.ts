import { describe, expect, expectTypeOf, it } from 'vitest'
import { runTrajectory } from '../../src/core/run'
import { buildRaceEntries } from '../../src/state/raceSpecs'
import { createAppStore } from '../../src/state/store'
import type { AppStore } from '../../src/state/store'
import { createWorkerClient } from '../../src/worker/client'
import type { WorkerLike } from '../../src/worker/client'
import { createEngine } from '../../src/worker/engine'
import type { Timers } from '../../src/worker/timers'
import type { Racer } from '../../src/worker/protocol'
import type { RaceDriver } from '../../src/state/raceDriver'
import type { WorkerClient } from '../../src/worker/client'
import { createFakeDriver } from './fakeDriver'

/** A hand-driven clock: timers fire only inside `advance`. */
function manualClock(): Timers & { advance(ms: number): void } {
  let now = 0
  let id = 0
  const timers = new Map<number, { at: number; f: () => void }>()
  return {
    now: () => now,
    setTimeout: (f, ms) => (timers.set(++id, { at: now + ms, f }), id),
    clearTimeout: (h) => void timers.delete(h as number),
    advance(ms) {
      const end = now + ms
      for (;;) {
        const next = [...timers.entries()].sort((a, b) => a[1].at - b[1].at)[0]
        if (next === undefined || next[1].at > end) break
        timers.delete(next[0])
        now = next[1].at
        next[1].f()
      }
      now = end
    },
  }
}

/** The real worker client wired to the real engine in this thread, messages delivered synchronously. */
function realStore(): { store: AppStore; clock: ReturnType<typeof manualClock> } {
  const clock = manualClock()
  const client = createWorkerClient(() => {
    const worker: WorkerLike = {
      onmessage: null,
      postMessage: (message) => engine.handle(structuredClone(message)),
      terminate: () => engine.dispose(),
    }
    const engine = createEngine((message) => worker.onmessage?.({ data: message } as MessageEvent), clock)
    return worker
  })
  return { store: createAppStore({ driver: client }), clock }
}

function expectTrackMatchesCore(store: AppStore, racer: Racer, points: number) {
  const track = store.getState().tracks.find((t) => t.id === racer.id)!
  const core = runTrajectory(racer.spec)
  expect(track.count).toBe(points)
  const updates = points - 1
  expect(track.x.subarray(0, points)).toEqual(core.x.subarray(0, points))
  expect(track.y.subarray(0, points)).toEqual(core.y.subarray(0, points))
  expect(track.loss.subarray(0, points)).toEqual(core.loss.subarray(0, points))
  expect(track.gradNorm.subarray(0, points)).toEqual(core.gradNorm.subarray(0, points))
  expect(track.lr.subarray(0, updates)).toEqual(core.lr.subarray(0, updates))
  expect(track.grad.subarray(0, 2 * updates)).toEqual(core.grad.subarray(0, 2 * updates))
  expect(Object.keys(track.state)).toEqual(Object.keys(core.state))
  for (const key of Object.keys(core.state))
    expect(track.state[key].subarray(0, 2 * updates)).toEqual(core.state[key].subarray(0, 2 * updates))
}

describe('createAppStore', () => {
  it("the worker's real WorkerClient is a RaceDriver as it stands (main.tsx passes it straight in)", () => {
    expectTypeOf<WorkerClient>().toExtend<RaceDriver>()
  })

  it('with the real worker engine, toEnd() leaves every track equal to the core’s runTrajectory, bit for bit', () => {
    const { store } = realStore()
    store.getState().setNoise({ std: 0.3, seed: 9 })
    store.getState().startRace({ autoplay: false })
    store.getState().toEnd()
    expect(store.getState()).toMatchObject({ cursor: 500, playing: false, finished: true, raceError: null })
    const racers = store.getState().tracks.map((t) => t.id)
    expect(racers).toEqual(['r0', 'r1', 'r2', 'r3'])
    for (const racer of buildRaceEntries(store.getState().settings)) expectTrackMatchesCore(store, racer, 501)
  })

  it('with the real worker engine, playing, seeking back and stepping follow the playhead and keep the points', () => {
    const { store, clock } = realStore()
    store.getState().startRace()
    clock.advance(1000)
    const { cursor } = store.getState()
    // 100 steps/s for a second of ticks every 16 ms: the playhead is within one tick of step 100.
    expect(cursor).toBeGreaterThanOrEqual(98)
    expect(cursor).toBeLessThanOrEqual(100)
    expect(store.getState().tracks.every((t) => t.count === cursor + 1)).toBe(true)
    store.getState().pause()
    store.getState().seek(20)
    expect(store.getState()).toMatchObject({ cursor: 20, playing: false })
    store.getState().stepBy(5)
    expect(store.getState().cursor).toBe(25)
    store.getState().seek(300)
    expect(store.getState().cursor).toBe(300)
    for (const racer of buildRaceEntries(store.getState().settings)) expectTrackMatchesCore(store, racer, 301)
  })

  it('with the real worker engine, a racer that diverges reports the update that did it', () => {
    const { store } = realStore()
    store.getState().updateRacer('r0', { optimizer: { lr: 5 } })
    store.getState().startRace({ autoplay: false })
    store.getState().toEnd()
    const track = store.getState().tracks[0]
    const core = runTrajectory(buildRaceEntries(store.getState().settings)[0].spec)
    expect(core.status).toBe('diverged')
    expect(track.status).toBe('diverged')
    expect(track.divergedAt).toBe(core.divergedAt)
  })

  it('a settings change that alters the math restarts the race (autoRestart)', () => {
    const fake = createFakeDriver()
    const store = createAppStore({ driver: fake.driver })
    const s = () => store.getState()
    s().restartIfNeeded()
    const restarts: [string, () => void][] = [
      ['setSurface', () => s().setSurface('himmelblau')],
      ['setStart', () => s().setStart([0.5, 0.5])],
      ['addRacer', () => s().addRacer()],
      ['removeRacer', () => s().removeRacer('r4')],
      ['duplicateRacer', () => s().duplicateRacer('r0')],
      ['updateRacer', () => s().updateRacer('r0', { optimizer: { lr: 0.02 } })],
      ['racer schedule', () => s().updateRacer('r0', { schedule: { kind: 'inverse-sqrt' } })],
      ['setSchedule', () => s().setSchedule({ kind: 'exponential', decay: 0.99, decaySteps: 1 })],
      ['setNoise', () => s().setNoise({ std: 0.5 })],
      ['setNoise seed', () => s().setNoise({ seed: 3 })],
      ['setSteps', () => s().setSteps(800)],
      ['loadUrl', () => s().loadUrl('s=booth')],
    ]
    for (const [name, act] of restarts) {
      const before = fake.races.length
      act()
      expect(fake.races.length, name).toBe(before + 1)
    }
  })

  it('changes that do not alter the math never restart the race', () => {
    const fake = createFakeDriver()
    const store = createAppStore({ driver: fake.driver })
    const s = () => store.getState()
    s().restartIfNeeded()
    s().setView({ x: [0, 1], y: [0, 1] })
    s().setSpeed(50)
    s().setPalette('cividis')
    s().setShowArrows(true)
    s().setLanguage('zh')
    s().toggleRacerHidden('r1')
    s().selectRacer('r2')
    s().setNoise({ seed: 5 }) // noise is off (std 0): the seed changes nothing
    s().setStart([...s().settings.start])
    s().updateRacer('r0', { optimizer: { lr: 0.01 } })
    expect(fake.races).toHaveLength(1)
  })

  it('with autoRestart: false, settings changes wait for restartIfNeeded()', () => {
    const fake = createFakeDriver()
    const store = createAppStore({ driver: fake.driver, autoRestart: false })
    const s = () => store.getState()
    expect(s().restartIfNeeded()).toBe(true)
    s().setSteps(50)
    s().setSteps(60)
    expect(fake.races).toHaveLength(1)
    expect(s().restartIfNeeded()).toBe(true)
    expect(s().restartIfNeeded()).toBe(false)
    expect(fake.lastRace().racers[0].spec.steps).toBe(60)
  })

  it('createAppStore({initialSettings}) starts from the given settings', () => {
    const fake = createFakeDriver()
    const base = createAppStore({ driver: fake.driver }).getState().settings
    const initialSettings = { ...base, steps: 77, palette: 'viridis' as const }
    const store = createAppStore({ driver: fake.driver, initialSettings })
    expect(store.getState().settings).toBe(initialSettings)
  })
})
