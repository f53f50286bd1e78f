import type { AppState, AppStore } from '../state/store'
import type { PlaybackState, RacerProgress } from './protocol'

/** What the bridge hears from a playback target. */
export interface PlaybackListener {
  /** The playhead moved, or a new run replaced the old one. */
  progress(): void
  /** Playback reached the end of every racer (or of training). */
  finished(): void
}

/**
 * What the host's playback commands drive: the race (surface and schedule panels) or the classifier's
 * training. `step` returns an error text when it cannot go that way (the classifier cannot step back).
 */
export interface PlaybackTarget {
  play(): void
  pause(): void
  step(n: number): string | null
  reset(): void
  state(): PlaybackState
  subscribe(listener: PlaybackListener): () => void
}

/** The loss as the protocol reports it: null unless finite. */
export const finiteOrNull = (v: number | undefined): number | null =>
  v !== undefined && Number.isFinite(v) ? v : null

/**
 * The race of the app store as a playback target. `play` after the end starts again from step 0 (as a
 * lecture scene does); `step` moves by n updates either way. The state reads each racer's loss at the
 * playhead from the track buffers (a racer that stopped early, by divergence, reports its last point).
 */
export function createRacePlayback(app: AppStore): PlaybackTarget {
  return {
    play() {
      const s = app.getState()
      if (s.finished) s.resetRace()
      app.getState().play()
    },
    pause: () => app.getState().pause(),
    step(n) {
      app.getState().stepBy(n)
      return null
    },
    reset: () => app.getState().resetRace(),
    state: () => raceState(app.getState()),
    subscribe(listener) {
      return app.subscribe((s, prev) => {
        if (s.cursor !== prev.cursor || s.tracks !== prev.tracks) listener.progress()
        if (s.finished && !prev.finished) listener.finished()
      })
    },
  }
}

/** The race at the playhead, in the protocol's terms. */
export function raceState(s: AppState): PlaybackState {
  const byId = new Map(s.tracks.map((t) => [t.id, t]))
  const racers = s.settings.racers.map((r, index): RacerProgress => {
    const track = byId.get(r.id)
    const at = track === undefined ? -1 : Math.min(s.cursor, track.count - 1)
    return {
      id: r.id,
      index,
      optimizer: r.optimizer.kind,
      loss: track !== undefined && at >= 0 ? finiteOrNull(track.loss[at]) : null,
      status: track?.status ?? 'ok',
    }
  })
  return {
    target: 'race',
    cursor: s.cursor,
    total: s.raceSteps > 0 ? s.raceSteps : s.settings.steps,
    playing: s.playing,
    finished: s.finished,
    racers,
  }
}
