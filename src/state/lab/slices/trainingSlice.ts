import type { StateCreator } from 'zustand/vanilla'
import type { TrainEvent, TrainRunKey, WorkerErrorMessage, WorkerHealth } from '../../../worker/protocol'
import { LAB_GRID_SIZE } from '../labGrid'
import { labRunConfigs } from '../labSettings'
import type { LabState } from '../labStore'
import { applyRunFrame, createRunTrace } from '../runTrace'
import type { RunTrace } from '../runTrace'
import type { TrainDriver } from '../trainDriver'
import { nextWorkerNotice, type WorkerNotice } from '../../workerNotice'
import { idleHessian } from './hessianSlice'

/** 'idle' before the first run; 'done' when every run has ended (all epochs, early stopping, divergence). */
export type LabRunStatus = 'idle' | 'playing' | 'paused' | 'done'

export interface LabRunState {
  /** The worker session shown; frames of any other run id are dropped. */
  runId: number | null
  status: LabRunStatus
  /** Epochs trained by the furthest run. */
  epoch: number
  /** The epoch on screen (the scrubber's position): `epoch` unless the scrubber went back. */
  view: number
  /** What the run trains (configs, data version, grid); it is stale once this differs from the settings'. */
  key: string
  /** The worker refused the run (a config the core rejects) or crashed. */
  error: WorkerErrorMessage | null
}

/**
 * The training session of networks A and B in the worker. Per-frame data goes into `traces` in place and
 * bumps `frame` (zustand's transient updates: canvases repaint through `store.subscribe`, React re-renders
 * only controls). With `autoPrepare`, every change of settings or data starts a paused run at epoch 0, so
 * both views always show the initial boundaries of what "train" will train, and "train" only presses play.
 */
export interface TrainingSlice {
  run: LabRunState
  /** Per-run history and boundary, mutated in place by each frame; read them when `frame` changes. */
  traces: Record<TrainRunKey, RunTrace>
  /** Bumped by every applied frame and every new run: the canvases' repaint signal. */
  frame: number
  /** The worker failed (and is being restarted, was, or could not be): the lab's message. */
  workerNotice: WorkerNotice | null
  /** After restarts failed: starts a fresh worker, which trains the run back to its epoch. */
  retryWorker(): void
  dismissWorkerNotice(): void
  /** Plays the current run, or starts a fresh one when the settings changed or it has ended. */
  train(): void
  pause(): void
  /** Trains one epoch of each run (starting a paused run first if needed). */
  step(): void
  /** Back to epoch 0 of the current settings. */
  reset(): void
  /**
   * Pauses and shows epoch `epoch` of the current run from the worker's record (the scrubber): boundaries,
   * Σw², slope and metrics of that epoch; play replays from there. Nothing is retrained or forgotten.
   */
  seek(epoch: number): void
  /** Detaches from the driver and cancels the run. */
  dispose(): void
}

const idleRun = (): LabRunState => ({
  runId: null,
  status: 'idle',
  epoch: 0,
  view: 0,
  key: '',
  error: null,
})
const freshTraces = (capacityA = 1, capacityB = 1): Record<TrainRunKey, RunTrace> => ({
  a: createRunTrace('a', capacityA),
  b: createRunTrace('b', capacityB),
})

export function createTrainingSlice(deps: {
  driver: TrainDriver
  autoPrepare: boolean
}): StateCreator<LabState, [], [], TrainingSlice> {
  const { driver } = deps
  return (set, get, api) => {
    // Events that arrive while `driver.start` runs (a synchronous worker) wait until its run id is known.
    let starting = false
    const early: TrainEvent[] = []

    /** What the current settings would train, as a string: equal strings train the same thing. */
    function fingerprint(): string {
      const { settings, data } = get()
      return JSON.stringify([labRunConfigs(settings), data.version, data.extent])
    }

    /** True when the shown run trains exactly what the settings say (and was accepted by the worker). */
    function isCurrent(): boolean {
      const { run } = get()
      const alive = driver.currentRun === undefined || driver.currentRun() === run.runId
      return run.runId !== null && run.error === null && alive && run.key === fingerprint()
    }

    function startRun(autoplay: boolean): boolean {
      const { data, settings, frame } = get()
      if (data.dataset === null) return false
      const runs = labRunConfigs(settings)
      const key = fingerprint()
      let runId: number
      starting = true
      try {
        runId = driver.start({
          runs,
          dataset: data.dataset,
          grid: { extent: data.extent, nx: LAB_GRID_SIZE, ny: LAB_GRID_SIZE },
          autoplay,
          epochsPerSecond: settings.pace,
        })
      } finally {
        starting = false
      }
      set({
        run: { runId, status: autoplay ? 'playing' : 'paused', epoch: 0, view: 0, key, error: null },
        traces: freshTraces(runs[0].config.epochs, runs[1].config.epochs),
        frame: frame + 1,
        hessian: idleHessian(),
      })
      for (const event of early.splice(0)) if (event.runId === runId) onEvent(event)
      return true
    }

    function onEvent(event: TrainEvent): void {
      if (starting) {
        early.push(event)
        return
      }
      const { run, traces, frame } = get()
      // After an error the run is over: late frames must not carry it on to "done".
      if (event.runId !== run.runId || run.error !== null) return
      // 'done' once every run has ended and the scrubber is at the end; before that, play replays.
      const atEnd = (t: RunTrace): boolean => t.done && t.view >= t.epoch
      if (event.type === 'train.status') {
        const done = atEnd(traces.a) && atEnd(traces.b)
        set({ run: { ...run, status: event.playing ? 'playing' : done ? 'done' : 'paused' } })
        return
      }
      for (const f of event.runs) applyRunFrame(traces[f.key], f, event.nx, event.ny)
      const epoch = Math.max(...event.runs.map((r) => r.epoch))
      const view = Math.max(...event.runs.map((r) => traces[r.key].view))
      const done = event.runs.every((r) => atEnd(traces[r.key]))
      const status: LabRunStatus = event.playing ? 'playing' : done ? 'done' : 'paused'
      set({ run: { ...run, epoch, view, status }, frame: frame + 1 })
    }

    function onError(error: WorkerErrorMessage): void {
      const { run } = get()
      if (error.runId !== undefined && error.runId !== run.runId) return
      if (error.runId === undefined && error.code !== 'crashed') return
      // Stop the session too: a worker that reported an error in a tick would otherwise train on.
      if (run.runId !== null && error.runId !== undefined) driver.cancel()
      set({ run: { ...run, status: 'idle', error } })
    }

    // A failed worker took the session with it: train a fresh one (same settings, data and seed, so the same
    // networks) back to the epoch reached, and play on if it was playing.
    let resumePlaying = false
    function onHealth(health: WorkerHealth): void {
      const { run, data, workerNotice } = get()
      if (health.status === 'failed') resumePlaying ||= run.status === 'playing'
      if (
        health.status === 'recovering' &&
        run.runId !== null &&
        run.error === null &&
        data.dataset !== null
      ) {
        const play = run.status === 'playing' || resumePlaying
        resumePlaying = false
        startRun(false)
        if (run.epoch > 0) driver.step(run.epoch)
        if (run.view < run.epoch) driver.seek?.(run.view)
        if (play) driver.play()
        set({
          run: { ...get().run, epoch: run.epoch, view: run.view, status: play ? 'playing' : 'paused' },
        })
      }
      set({
        workerNotice: nextWorkerNotice(health, workerNotice, run.epoch),
        ...(health.status === 'failed' && run.status === 'playing' && { run: { ...run, status: 'paused' } }),
      })
    }

    const subscriptions = [
      driver.onEvent(onEvent),
      driver.onError(onError),
      // The pace is not part of what a run trains: the session in the worker just changes speed.
      api.subscribe((state, prev) => {
        if (state.settings.pace !== prev.settings.pace && state.run.runId !== null)
          driver.speed?.(state.settings.pace)
      }),
    ]
    if (driver.onHealth) subscriptions.push(driver.onHealth(onHealth))
    if (deps.autoPrepare) {
      subscriptions.push(
        api.subscribe((state, prev) => {
          const changed = state.settings !== prev.settings || state.data.version !== prev.data.version
          if (changed && state.data.dataset !== null && !isCurrent()) startRun(false)
        }),
      )
    }
    // "Train" pressed before the data set arrived (a scene's card right after it opens, a slow network): the
    // press is kept and training starts when the data is here, instead of being dropped.
    let playWhenReady = false
    subscriptions.push(
      api.subscribe((state) => {
        if (!playWhenReady || state.data.dataset === null) return
        playWhenReady = false
        get().train()
      }),
    )

    return {
      run: idleRun(),
      traces: freshTraces(),
      frame: 0,
      workerNotice: null,

      retryWorker() {
        driver.retry?.()
      },
      dismissWorkerNotice() {
        set({ workerNotice: null })
      },

      train() {
        const { run, data } = get()
        if (data.dataset === null) {
          playWhenReady = true
          return
        }
        if (isCurrent() && run.status === 'paused') {
          driver.play()
          set({ run: { ...run, status: 'playing' } })
        } else if (isCurrent() && run.status === 'done' && driver.seek !== undefined) {
          // The trained networks are kept: play their record again from epoch 0 instead of retraining.
          driver.seek(0)
          driver.play()
          set({ run: { ...run, view: 0, status: 'playing' } })
        } else if (!isCurrent() || run.status === 'done' || run.status === 'idle') startRun(true)
      },
      pause() {
        playWhenReady = false
        const { run } = get()
        if (run.status !== 'playing') return
        driver.pause()
        set({ run: { ...run, status: 'paused' } })
      },
      step() {
        if (get().data.dataset === null) return
        if ((!isCurrent() || get().run.status === 'done') && !startRun(false)) return
        driver.step(1)
        set({ run: { ...get().run, status: 'paused' } })
      },
      reset() {
        playWhenReady = false
        if (get().data.dataset === null) return
        if (!isCurrent()) {
          startRun(false)
          return
        }
        driver.reset()
        set({ run: { ...get().run, status: 'paused' }, hessian: idleHessian() })
      },
      seek(epoch) {
        const { run } = get()
        if (!isCurrent() || driver.seek === undefined || !Number.isFinite(epoch)) return
        const e = Math.max(0, Math.min(Math.round(epoch), run.epoch))
        driver.seek(e)
        set({ run: { ...run, view: e, status: 'paused' } })
      },
      dispose() {
        for (const off of subscriptions.splice(0)) off()
        if (get().run.runId !== null) driver.cancel()
        set({ run: idleRun() })
      },
    }
  }
}
