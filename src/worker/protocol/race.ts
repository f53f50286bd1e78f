/**
 * The `race.*` family: optimizers racing on a 2D surface, played back by a playhead in the worker.
 *
 * Playback model. The worker owns a *playhead* (`cursor`, a step index: 0 is the start point, k the point
 * after update k). It computes each racer only as far as the playhead has gone and streams the points as
 * they appear, once each (`race.frames`, append-only per run). Moving the playhead back (seek, reset, step
 * with n < 0) sends only `race.cursor`: the client already holds those points and shows the first
 * `cursor + 1` of each racer.
 */
import type { TrajectoryArrays } from '../../core/trajectoryLayout'
import type { DivergenceKind, RunStatus, TrajectorySpec } from '../../core/types'
import type { RunScoped, WorkerErrorMessage } from './common'
import type { WorkerHealthSource } from './health'

// ---------------------------------------------------------------------------------------------- to worker

/** One contestant of a race: an optimizer run on a surface, named by the client (unique within the race). */
export interface Racer {
  id: string
  spec: TrajectorySpec
}

/**
 * Starts a race, replacing any previous one (its messages are ignored from then on). The playhead starts at
 * 0; the worker answers with a `race.frames` holding every racer's start point. Specs are validated by the
 * core; a bad one is answered with an `error` carrying `field` (`racers[i].spec.<path>`) and no race runs.
 */
export interface RaceStart extends RunScoped {
  type: 'race.start'
  /** 1..MAX_RACERS racers (core/limits.ts). */
  racers: Racer[]
  /** Playback speed in steps per second, MIN_SPEED..MAX_SPEED. */
  speed: number
  /** Start playing at once (true) or wait for `race.play`. */
  autoplay: boolean
}
/** Starts or resumes playback; at the end of the race it first rewinds to 0 (a media player's replay). */
export interface RacePlay extends RunScoped {
  type: 'race.play'
}
export interface RacePause extends RunScoped {
  type: 'race.pause'
}
/** Pauses and moves the playhead by `n` steps (default 1; negative steps back), clamped to the race. */
export interface RaceStep extends RunScoped {
  type: 'race.step'
  n?: number
}
/** Moves the playhead to step `step` (clamped to the end), computing up to it if needed; keeps playing. */
export interface RaceSeek extends RunScoped {
  type: 'race.seek'
  step: number
}
/** Changes the playback speed (steps per second, MIN_SPEED..MAX_SPEED) without touching the playhead. */
export interface RaceSpeed extends RunScoped {
  type: 'race.speed'
  stepsPerSecond: number
}
/** Jump to the end: computes every racer to its end at once, pauses, sends it all, then `race.finished`. */
export interface RaceToEnd extends RunScoped {
  type: 'race.toEnd'
}
/** Pauses and rewinds the playhead to 0 (nothing is recomputed: runs are deterministic). */
export interface RaceReset extends RunScoped {
  type: 'race.reset'
}
/** Stops the race and frees its buffers; no further messages are sent for it. */
export interface RaceCancel extends RunScoped {
  type: 'race.cancel'
}

/** Race messages that act on a running race (all but `race.start`). */
export type RaceControl =
  RacePlay | RacePause | RaceStep | RaceSeek | RaceSpeed | RaceToEnd | RaceReset | RaceCancel

export type RaceToWorker = RaceStart | RaceControl

// -------------------------------------------------------------------------------------------- from worker

/**
 * The points of one racer that are new since the previous `race.frames` of this run (append-only), in the
 * layout of `TrajectoryArrays` (core/trajectoryLayout.ts). Point arrays (x, y, loss, gradNorm) hold points
 * `from .. from + count − 1`; update arrays (lr, grad, state) hold the updates that produced them
 * (`updatesOfPoints(from, count)`), so appending every message in order rebuilds the core's `Trajectory`.
 * The buffers are transferred (fresh copies; the worker keeps its own).
 */
export interface RacerFrame extends TrajectoryArrays {
  id: string
  /** Index of the first point in this message (0 = the start point). */
  from: number
  /** Number of points in x, y, loss, gradNorm; 0 when only the status changed. */
  count: number
  /** 'diverged' once the racer hit a non-finite value; it then stops while the others go on. */
  status: RunStatus
  /**
   * When diverged: the index of the first point that was not finite (`Trajectory.divergedAt`), which is also
   * the number of finite points the racer has; none is sent past it.
   */
  divergedAt?: number
  /** When diverged: why (`Trajectory.divergence`): a non-finite point, or one that escaped. */
  divergence?: DivergenceKind
  /** Newton only: updates so far that took no step because the Hessian was singular. */
  singularSteps?: number
}

/**
 * New points after the playhead moved forward: one message per timer tick, batching every racer that has
 * news (new points or a status change). `cursor` is the playhead after this batch.
 */
export interface RaceFrames extends RunScoped {
  type: 'race.frames'
  cursor: number
  playing: boolean
  racers: RacerFrame[]
}

/** The playhead or the playing state changed with no new points (pause, play, seek back, reset, …). */
export interface RaceCursor extends RunScoped {
  type: 'race.cursor'
  cursor: number
  playing: boolean
}

/** The playhead reached the end of every racer (its last step, or its last finite point). Playback stops. */
export interface RaceFinished extends RunScoped {
  type: 'race.finished'
  cursor: number
}

/** What the client's race listeners receive. */
export type RaceEvent = RaceFrames | RaceCursor | RaceFinished

// ------------------------------------------------------------------------------------------------- driver

/** Options of a new race: playback speed in steps per second, and whether it plays at once (default true). */
export interface RaceOptions {
  speed: number
  autoplay?: boolean
}

/**
 * The race family as an API: what the app store drives (src/state/raceDriver.ts) and the worker client
 * implements (src/worker/client.ts); tests pass a fake. `startRace` supersedes any previous race and returns
 * its run id; every event carries the run id it belongs to, so the store drops stale ones. Cursor commands
 * act on the current race and are answered by one `race.frames` or `race.cursor` event.
 */
export interface RaceDriver {
  startRace(racers: Racer[], options: RaceOptions): number
  play(): void
  pause(): void
  /** Pauses and moves the playhead by n steps (default 1; negative steps back). */
  step(n?: number): void
  seek(step: number): void
  setSpeed(stepsPerSecond: number): void
  /** Computes and sends everything up to the end at once, then pauses. */
  toEnd(): void
  /** Pauses and rewinds to step 0. */
  reset(): void
  /** Ends the current race; its late messages are dropped. */
  cancel(): void
  /** Subscribes to the `race.*` events of the current race; returns the unsubscribe function. */
  onRace(listener: (event: RaceEvent) => void): () => void
  /** Subscribes to worker errors (a rejected spec, a crash), when the driver reports them. */
  onError?(listener: (error: WorkerErrorMessage) => void): () => void
  /** Worker failures and restarts (src/worker/protocol/health.ts), when the driver reports them. */
  onHealth?: WorkerHealthSource['onHealth']
  /** Starts a fresh worker after restarts failed (health `failed`). */
  retry?: WorkerHealthSource['retry']
}
