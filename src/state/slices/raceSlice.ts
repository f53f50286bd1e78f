import type { StateCreator } from 'zustand/vanilla'
import type { RaceEvent } from '../../worker/protocol'
import type { RaceDriver } from '../raceDriver'
import { buildRaceEntries, raceKeyOf } from '../raceSpecs'
import { appendRaceChunk, createRaceTrack } from '../raceTrack'
import type { RaceTrack } from '../raceTrack'
import type { AppState } from '../store'
import { nextWorkerNotice, type WorkerNotice } from '../workerNotice'

/** Why the current race failed (a spec the worker rejected, a crash), for the error banner. */
export interface RaceError {
  code: string
  message: string
  /** The offending field, e.g. `racers[1].spec.optimizer.lr`, when the worker named one. */
  field?: string
}

/**
 * The live race. `tracks` hold the received points (mutable buffers, see raceTrack.ts) and `version` goes up
 * whenever points arrive: this is zustand's "transient updates" pattern. Canvases do
 * `store.subscribe((s, prev) => { if (s.version !== prev.version || s.cursor !== prev.cursor) paint() })` in
 * an effect and read `s.tracks` directly; React components select only small values (cursor, playing,
 * a status), so a frame re-renders no panel that does not show one of them.
 *
 * Controls are optimistic: the local cursor/playing change at once, and worker events that were already on
 * their way (they still show the old playhead) are ignored until one matches the command's outcome, so the
 * slider does not jump back for a frame.
 */
export interface RaceSlice {
  /** The current run, or null before the first race (or after `stopRace`). */
  runId: number | null
  /** One track per racer of the current run, in legend order. */
  tracks: RaceTrack[]
  /** `raceKeyOf` the current run's specs: what `restartIfNeeded` compares with. */
  raceKey: string | null
  /** Updates per racer in the current run. */
  raceSteps: number
  /** The playhead: step index shown (0 = start point). */
  cursor: number
  playing: boolean
  /** The playhead reached the end of every racer. */
  finished: boolean
  /** Goes up each time new points are appended (and when a race starts). */
  version: number
  raceError: RaceError | null
  /** The worker failed (and is being restarted, was, or could not be): the transport bar's message. */
  workerNotice: WorkerNotice | null
  /** After restarts failed: starts a fresh worker, which gets the race back at its playhead. */
  retryWorker(): void
  dismissWorkerNotice(): void
  /** Starts a race from the current settings (replacing any other); plays at once unless told otherwise. */
  startRace(options?: { autoplay?: boolean }): void
  /** Starts a race if the math of the settings differs from the current run's; returns whether it did. */
  restartIfNeeded(): boolean
  play(): void
  pause(): void
  togglePlay(): void
  stepOnce(): void
  /** Pauses and moves the playhead by n steps (negative steps back). */
  stepBy(n: number): void
  seek(step: number): void
  toEnd(): void
  /** Pauses and rewinds to step 0 (the points stay). */
  resetRace(): void
  /** Cancels the current run in the worker; its points stay on screen. */
  stopRace(): void
  /** Sends `settings.speed` to the current run. */
  applySpeed(): void
  /** The worker-event handler (subscribed to the driver at creation): appends frames, follows the playhead. */
  receiveRaceEvent(event: RaceEvent): void
  /** Unsubscribes from the driver and cancels the run (store teardown). */
  disposeRace(): void
}

/** Worker events that may still be in flight after a command before its answer arrives (≈ 10 ticks). */
const MAX_STALE_EVENTS = 10

/** What a pending command will make the worker report. */
interface Pending {
  cursor?: number
  playing?: boolean
  seen: number
}

export function createRaceSlice(deps: { driver: RaceDriver }): StateCreator<AppState, [], [], RaceSlice> {
  const { driver } = deps
  return (set, get) => {
    let byId = new Map<string, RaceTrack>()
    let pending: Pending | null = null
    // Events a synchronous driver emits from inside startRace, before its run id is known.
    let early: RaceEvent[] | null = null

    const unsubscribeRace = driver.onRace((event) => {
      if (early !== null) early.push(event)
      else get().receiveRaceEvent(event)
    })
    const unsubscribeError = driver.onError?.((error) => {
      if (error.runId !== undefined && error.runId !== get().runId) return
      set({
        playing: false,
        raceError: {
          code: error.code,
          message: error.message,
          ...(error.field !== undefined && { field: error.field }),
        },
      })
    })

    // A failed worker took the race with it: run it again from the settings and go back to the playhead.
    let resumePlaying = false
    const unsubscribeHealth = driver.onHealth?.((health) => {
      const { runId, cursor, playing, workerNotice } = get()
      if (health.status === 'failed') resumePlaying ||= playing
      if (health.status === 'recovering' && runId !== null) {
        const play = playing || resumePlaying
        resumePlaying = false
        get().startRace({ autoplay: false })
        if (cursor > 0) get().seek(cursor)
        if (play) get().play()
      }
      set({
        workerNotice: nextWorkerNotice(health, workerNotice, cursor),
        ...(health.status === 'failed' && { playing: false }),
      })
    })

    /** The last step the worker can reach: a diverged racer ends at its last point, the others at raceSteps. */
    const reachableEnd = (): number => {
      const { tracks, raceSteps } = get()
      if (tracks.length === 0) return raceSteps
      return tracks.reduce((end, t) => Math.max(end, t.status === 'diverged' ? t.count - 1 : raceSteps), 0)
    }
    /** A step index inside the race: rounded, and no further than the last point the worker can reach. */
    const clampStep = (step: number): number =>
      Math.max(0, Math.min(Number.isFinite(step) ? Math.round(step) : 0, reachableEnd()))
    const expect = (p: Omit<Pending, 'seen'>): void => {
      pending = { ...p, seen: 0 }
    }
    /** True when an event's playhead should be shown: nothing pending, or it is the pending command's answer. */
    const accepts = (cursor: number, playing: boolean): boolean => {
      if (pending === null) return true
      const cursorOk = pending.cursor === undefined || cursor === Math.min(pending.cursor, reachableEnd())
      const playingOk = pending.playing === undefined || playing === pending.playing
      if ((cursorOk && playingOk) || ++pending.seen > MAX_STALE_EVENTS) {
        pending = null
        return true
      }
      return false
    }
    /** The shown playhead after an accepted event; `finished` survives only while the playhead stays at the end. */
    const follow = (cursor: number, playing: boolean): Partial<RaceSlice> => ({
      cursor: clampStep(cursor),
      playing,
      finished: get().finished && cursor >= reachableEnd(),
    })
    const control = (send: () => void): boolean => {
      if (get().runId === null) return false
      send()
      return true
    }

    return {
      runId: null,
      tracks: [],
      raceKey: null,
      raceSteps: 0,
      cursor: 0,
      playing: false,
      finished: false,
      version: 0,
      raceError: null,
      workerNotice: null,

      retryWorker() {
        driver.retry?.()
      },

      dismissWorkerNotice() {
        set({ workerNotice: null })
      },

      startRace(options = {}) {
        const { settings } = get()
        const entries = buildRaceEntries(settings)
        const autoplay = options.autoplay ?? true
        const tracks = entries.map((e) => createRaceTrack(e.id, e.spec.steps))
        byId = new Map(tracks.map((t) => [t.id, t]))
        pending = null
        early = []
        let runId: number | null = null
        let raceError: RaceError | null = null
        try {
          runId = driver.startRace(entries, { speed: settings.speed, autoplay })
        } catch (error) {
          raceError = { code: 'failed', message: error instanceof Error ? error.message : String(error) }
        }
        const events = early
        early = null
        set((s) => ({
          runId,
          tracks,
          raceKey: raceKeyOf(entries),
          raceSteps: entries.reduce((m, e) => Math.max(m, e.spec.steps), 1),
          cursor: 0,
          playing: runId !== null && autoplay,
          finished: false,
          version: s.version + 1,
          raceError,
        }))
        for (const event of events) get().receiveRaceEvent(event)
      },

      restartIfNeeded() {
        if (raceKeyOf(buildRaceEntries(get().settings)) === get().raceKey) return false
        get().startRace()
        return true
      },

      play() {
        if (get().runId === null) return get().startRace({ autoplay: true })
        driver.play()
        expect({ playing: true })
        set({ playing: true, finished: false })
      },

      pause() {
        if (!control(() => driver.pause())) return
        expect({ playing: false })
        set({ playing: false })
      },

      togglePlay() {
        if (get().playing) get().pause()
        else get().play()
      },

      stepOnce() {
        get().stepBy(1)
      },

      stepBy(n) {
        if (!Number.isInteger(n) || n === 0 || !control(() => driver.step(n))) return
        const cursor = clampStep(get().cursor + n)
        expect({ cursor, playing: false })
        set({ cursor, playing: false, finished: cursor >= reachableEnd() && get().finished })
      },

      seek(step) {
        if (typeof step !== 'number' || Number.isNaN(step)) return
        const cursor = clampStep(step)
        if (!control(() => driver.seek(cursor))) return
        expect({ cursor })
        set({ cursor, finished: cursor >= reachableEnd() && get().finished })
      },

      toEnd() {
        if (!control(() => driver.toEnd())) return
        expect({ playing: false })
        set({ playing: false })
      },

      resetRace() {
        if (!control(() => driver.reset())) return
        expect({ cursor: 0, playing: false })
        set({ cursor: 0, playing: false, finished: false })
      },

      stopRace() {
        if (!control(() => driver.cancel())) return
        pending = null
        set({ runId: null, playing: false })
      },

      applySpeed() {
        control(() => driver.setSpeed(get().settings.speed))
      },

      receiveRaceEvent(event) {
        if (get().runId === null || event.runId !== get().runId) return
        switch (event.type) {
          case 'race.frames': {
            for (const chunk of event.racers) {
              const track = byId.get(chunk.id)
              if (track !== undefined) appendRaceChunk(track, chunk)
            }
            const shown = accepts(event.cursor, event.playing)
            set((s) => ({ version: s.version + 1, ...(shown && follow(event.cursor, event.playing)) }))
            break
          }
          case 'race.cursor':
            if (accepts(event.cursor, event.playing)) set(follow(event.cursor, event.playing))
            break
          case 'race.finished':
            pending = null
            set({ cursor: clampStep(event.cursor), playing: false, finished: true })
            break
        }
      },

      disposeRace() {
        unsubscribeRace()
        unsubscribeError?.()
        unsubscribeHealth?.()
        if (get().runId !== null) driver.cancel()
        pending = null
        set({ runId: null, playing: false })
      },
    }
  }
}
