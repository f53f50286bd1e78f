import type { RaceEvent, Racer, WorkerErrorMessage } from '../worker/protocol'

/** Options of a new race: playback speed in steps per second, and whether it plays at once (default true). */
export interface RaceOptions {
  speed: number
  autoplay?: boolean
}

/**
 * The store's view of the worker, injected by main.tsx (the real `WorkerClient` of src/worker/client.ts
 * fits as is) and by tests (a fake). `startRace` supersedes any previous race and returns its run id; every
 * event carries the run id it belongs to, so the store drops stale ones. Cursor commands act on the current
 * race and are answered by one `race.frames` or `race.cursor` event (src/worker/protocol.ts).
 */
export interface RaceDriver {
  startRace(racers: Racer[], options: RaceOptions): number
  play(): void
  pause(): void
  /** Pauses and moves the playhead by n steps (negative steps back). */
  step(n?: number): void
  seek(step: number): void
  setSpeed(stepsPerSecond: number): void
  toEnd(): void
  reset(): void
  cancel(): void
  /** Subscribes to the `race.*` events; returns the unsubscribe function. */
  onRace(listener: (event: RaceEvent) => void): () => void
  /** Subscribes to worker errors (a rejected spec, a crash), when the driver reports them. */
  onError?(listener: (error: WorkerErrorMessage) => void): () => void
}
