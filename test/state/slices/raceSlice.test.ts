import { describe, expect, it } from 'vitest'
import { surfaces } from '../../../src/core/surfaces'
import { createAppStore } from '../../../src/state/store'
import type { RaceEvent } from '../../../src/worker/protocol'
import { createFakeDriver, indexedChunk } from '../fakeDriver'

function setup(autoRestart = false) {
  const fake = createFakeDriver()
  const store = createAppStore({ driver: fake.driver, autoRestart })
  return { fake, store, s: () => store.getState() }
}

const frames = (
  runId: number,
  cursor: number,
  racers = [] as ReturnType<typeof indexedChunk>[],
  playing = true,
): RaceEvent => ({
  type: 'race.frames',
  runId,
  cursor,
  playing,
  racers,
})
const cursorEvent = (runId: number, cursor: number, playing: boolean): RaceEvent => ({
  type: 'race.cursor',
  runId,
  cursor,
  playing,
})

describe('raceSlice', () => {
  it('has no race before startRace()', () => {
    const { s, fake } = setup()
    expect(s()).toMatchObject({
      runId: null,
      tracks: [],
      cursor: 0,
      playing: false,
      finished: false,
      version: 0,
    })
    expect(fake.calls).toEqual([])
  })

  it("startRace() sends one spec per racer, built from the settings, with the settings' speed and autoplay", () => {
    const { s, fake } = setup()
    s().startRace()
    const start = surfaces.saddle.start
    const common = { surface: 'saddle', schedule: { kind: 'constant' }, start, steps: 500 }
    expect(fake.calls).toEqual([
      {
        name: 'startRace',
        args: [
          [
            { id: 'r0', spec: { ...common, optimizer: { kind: 'sgd', convention: 'lecture', lr: 0.01 } } },
            {
              id: 'r1',
              spec: {
                ...common,
                optimizer: { kind: 'momentum', convention: 'lecture', lr: 0.05, momentum: 0.9 },
              },
            },
            {
              id: 'r2',
              spec: { ...common, optimizer: { kind: 'rmsprop', convention: 'lecture', lr: 0.05, rho: 0.9 } },
            },
            { id: 'r3', spec: { ...common, optimizer: { kind: 'adam', convention: 'lecture', lr: 0.05 } } },
          ],
          { speed: 100, autoplay: true },
        ],
      },
    ])
    expect(s()).toMatchObject({
      runId: 1,
      raceSteps: 500,
      cursor: 0,
      playing: true,
      finished: false,
      version: 1,
    })
    expect(s().tracks.map((t) => [t.id, t.capacity, t.count])).toEqual([
      ['r0', 501, 0],
      ['r1', 501, 0],
      ['r2', 501, 0],
      ['r3', 501, 0],
    ])
  })

  it('startRace() gives a racer its own schedule over the shared one, and attaches noise only when std > 0', () => {
    const { s, fake } = setup()
    s().setSchedule({ kind: 'inverse-sqrt' })
    s().updateRacer('r1', { schedule: { kind: 'step', stepSize: 50, gamma: 0.5 } })
    s().startRace({ autoplay: false })
    let racers = fake.lastRace().racers
    expect(racers.map((r) => r.spec.schedule)).toEqual([
      { kind: 'inverse-sqrt' },
      { kind: 'step', stepSize: 50, gamma: 0.5 },
      { kind: 'inverse-sqrt' },
      { kind: 'inverse-sqrt' },
    ])
    expect(racers.every((r) => r.spec.noise === undefined)).toBe(true)
    expect(fake.lastRace().options).toEqual({ speed: 100, autoplay: false })
    expect(s().playing).toBe(false)
    s().setNoise({ std: 0.5, seed: 7, annealSteps: 300 })
    s().startRace()
    racers = fake.lastRace().racers
    expect(racers.map((r) => r.spec.noise)).toEqual(Array(4).fill({ std: 0.5, seed: 7, annealSteps: 300 }))
  })

  it('startRace() sends copies: later edits to the settings do not reach the sent specs', () => {
    const { s, fake } = setup()
    s().startRace()
    const sent = structuredClone(fake.lastRace().racers)
    s().setStart([0.5, 0.5])
    s().updateRacer('r0', { optimizer: { lr: 0.3 } })
    expect(fake.lastRace().racers).toEqual(sent)
  })

  it('race.frames appends each racer’s new points to its track, bumps version and moves the cursor', () => {
    const { s, fake } = setup()
    s().startRace()
    fake.emit(
      frames(1, 0, [
        indexedChunk('r0', 0, 1),
        indexedChunk('r1', 0, 1),
        indexedChunk('r2', 0, 1),
        indexedChunk('r3', 0, 1),
      ]),
    )
    fake.emit(frames(1, 3, [indexedChunk('r0', 1, 3), indexedChunk('r2', 1, 3)]))
    expect(s().version).toBe(3)
    expect(s().cursor).toBe(3)
    expect(s().tracks.map((t) => t.count)).toEqual([4, 1, 4, 1])
    const r0 = s().tracks[0]
    expect([...r0.x.subarray(0, 4)]).toEqual([0, 1, 2, 3])
    expect([...r0.lr.subarray(0, 3)]).toEqual([1000, 1001, 1002])
  })

  it('per-frame updates keep the tracks array and the settings object: React selectors on them do not fire', () => {
    const { s, fake, store } = setup()
    s().startRace()
    const tracks = s().tracks
    const settings = s().settings
    let notified = 0
    store.subscribe(() => notified++)
    fake.emit(frames(1, 0, [indexedChunk('r0', 0, 1)]))
    fake.emit(frames(1, 5, [indexedChunk('r0', 1, 5)]))
    expect(notified).toBe(2)
    expect(s().tracks).toBe(tracks)
    expect(s().settings).toBe(settings)
  })

  it('events of an older run are dropped after a restart', () => {
    const { s, fake } = setup()
    s().startRace()
    s().startRace()
    expect(s().runId).toBe(2)
    const version = s().version
    fake.emit(frames(1, 7, [indexedChunk('r0', 0, 8)]))
    fake.emit(cursorEvent(1, 7, false))
    fake.emit({ type: 'race.finished', runId: 1, cursor: 500 })
    expect(s()).toMatchObject({ version, cursor: 0, playing: true, finished: false })
    expect(s().tracks[0].count).toBe(0)
  })

  it('events that a synchronous worker emits inside startRace are applied once the run id is known', () => {
    const { s, fake } = setup()
    fake.answerStart((runId) => fake.emit(frames(runId, 0, [indexedChunk('r0', 0, 1)], false)))
    s().startRace({ autoplay: false })
    expect(s().tracks[0].count).toBe(1)
    expect(s().version).toBe(2)
  })

  it('play, pause, stepOnce, stepBy, toEnd and resetRace call the driver and update the playhead at once', () => {
    const { s, fake } = setup()
    s().startRace({ autoplay: false })
    fake.clear()
    s().play()
    expect(s().playing).toBe(true)
    s().pause()
    expect(s().playing).toBe(false)
    s().stepOnce()
    expect(s().cursor).toBe(1)
    s().stepBy(-5)
    expect(s().cursor).toBe(0)
    s().toEnd()
    s().resetRace()
    expect(s()).toMatchObject({ cursor: 0, playing: false, finished: false })
    s().togglePlay()
    s().togglePlay()
    expect(fake.calls).toEqual([
      { name: 'play', args: [] },
      { name: 'pause', args: [] },
      { name: 'step', args: [1] },
      { name: 'step', args: [-5] },
      { name: 'toEnd', args: [] },
      { name: 'reset', args: [] },
      { name: 'play', args: [] },
      { name: 'pause', args: [] },
    ])
  })

  it('without a run, play() starts one and the other controls do nothing', () => {
    const { s, fake } = setup()
    s().pause()
    s().seek(3)
    s().stepOnce()
    s().toEnd()
    s().resetRace()
    expect(fake.calls).toEqual([])
    s().play()
    expect(fake.names()).toEqual(['startRace'])
    expect(fake.lastRace().options.autoplay).toBe(true)
  })

  it('seek(step) moves the cursor at once, clamped and rounded to the race, and tells the driver', () => {
    const { s, fake } = setup()
    s().startRace()
    fake.clear()
    s().seek(120.4)
    expect(s().cursor).toBe(120)
    s().seek(9999)
    expect(s().cursor).toBe(500)
    s().seek(-3)
    expect(s().cursor).toBe(0)
    s().seek(NaN)
    expect(fake.calls).toEqual([
      { name: 'seek', args: [120] },
      { name: 'seek', args: [500] },
      { name: 'seek', args: [0] },
    ])
  })

  it('after seek, events still showing the old playhead are ignored until the answer arrives', () => {
    const { s, fake } = setup()
    s().startRace()
    fake.emit(frames(1, 0, [indexedChunk('r0', 0, 1)]))
    fake.emit(frames(1, 40, [indexedChunk('r0', 1, 40)]))
    s().seek(10)
    // Ticks posted before the worker saw the seek: their points are kept, their playhead is not shown.
    fake.emit(frames(1, 42, [indexedChunk('r0', 41, 2)]))
    fake.emit(cursorEvent(1, 43, true))
    expect(s().cursor).toBe(10)
    expect(s().tracks[0].count).toBe(43)
    fake.emit(cursorEvent(1, 10, true))
    expect(s().cursor).toBe(10)
    fake.emit(cursorEvent(1, 11, true))
    expect(s().cursor).toBe(11)
  })

  it('after pause, a stale "playing" event does not flip the button back', () => {
    const { s, fake } = setup()
    s().startRace()
    s().pause()
    fake.emit(frames(1, 5, [], true))
    expect(s().playing).toBe(false)
    fake.emit(cursorEvent(1, 6, false))
    expect(s()).toMatchObject({ playing: false, cursor: 6 })
  })

  it('a pending command gives up after 10 unmatched events, so the store never stays deaf', () => {
    const { s, fake } = setup()
    s().startRace()
    s().seek(100)
    for (let i = 1; i <= 10; i++) fake.emit(cursorEvent(1, i, true))
    expect(s().cursor).toBe(100)
    fake.emit(cursorEvent(1, 11, true))
    expect(s().cursor).toBe(11)
  })

  it('seek(step) stops at the last point when every racer has diverged before it', () => {
    const { s, fake } = setup()
    s().startRace()
    const diverged = (id: string) => ({ ...indexedChunk(id, 0, 31, 'diverged'), divergedAt: 30 })
    fake.emit(frames(1, 30, ['r0', 'r1', 'r2', 'r3'].map(diverged)))
    s().seek(200)
    expect(s().cursor).toBe(30)
    expect(fake.calls.at(-1)).toEqual({ name: 'seek', args: [30] })
    fake.emit(cursorEvent(1, 30, false))
    expect(s()).toMatchObject({ cursor: 30, playing: false })
  })

  it('race.finished stops playback at the end; moving back clears finished', () => {
    const { s, fake } = setup()
    s().startRace()
    fake.emit({ type: 'race.finished', runId: 1, cursor: 500 })
    expect(s()).toMatchObject({ cursor: 500, playing: false, finished: true })
    s().seek(500)
    expect(s().finished).toBe(true)
    s().seek(20)
    expect(s().finished).toBe(false)
  })

  it('stopRace() cancels the run and keeps its points; later events of that run are dropped', () => {
    const { s, fake } = setup()
    s().startRace()
    fake.emit(frames(1, 2, [indexedChunk('r0', 0, 3)]))
    s().stopRace()
    expect(fake.names()).toEqual(['startRace', 'cancel'])
    expect(s()).toMatchObject({ runId: null, playing: false })
    fake.emit(frames(1, 5, [indexedChunk('r0', 3, 3)]))
    expect(s().tracks[0].count).toBe(3)
  })

  it('setSpeed(n) passes the new speed to a running race without restarting it', () => {
    const { s, fake } = setup(true)
    s().startRace()
    fake.clear()
    s().setSpeed(2500)
    expect(fake.calls).toEqual([{ name: 'setSpeed', args: [2500] }])
  })

  it('a worker error for the current run is kept in raceError; one for an older run is ignored', () => {
    const { s, fake } = setup()
    s().startRace()
    s().startRace()
    fake.emitError({ type: 'error', runId: 1, code: 'bad-spec', message: 'old' })
    expect(s().raceError).toBeNull()
    fake.emitError({
      type: 'error',
      runId: 2,
      code: 'bad-spec',
      message: 'lr must be > 0',
      field: 'racers[0].spec.optimizer.lr',
    })
    expect(s().raceError).toEqual({
      code: 'bad-spec',
      message: 'lr must be > 0',
      field: 'racers[0].spec.optimizer.lr',
    })
    expect(s().playing).toBe(false)
    s().startRace()
    expect(s().raceError).toBeNull()
  })

  it('a driver that throws in startRace leaves no run and an error, not an exception', () => {
    const { s, fake } = setup()
    fake.answerStart(() => {
      throw new Error('no worker')
    })
    expect(() => s().startRace()).not.toThrow()
    expect(s()).toMatchObject({
      runId: null,
      playing: false,
      raceError: { code: 'failed', message: 'no worker' },
    })
  })

  it('disposeRace() unsubscribes from the driver and cancels the run', () => {
    const { s, fake } = setup()
    expect(fake.listenerCount).toBe(2)
    s().startRace()
    s().disposeRace()
    expect(fake.listenerCount).toBe(0)
    expect(fake.names()).toEqual(['startRace', 'cancel'])
  })
})
