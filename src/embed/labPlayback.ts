import { selectMaxEpochs } from '../state/lab/labSelectors'
import type { LabState, LabStore } from '../state/lab/labStore'
import { finiteOrNull } from './playback'
import type { PlaybackTarget } from './playback'
import type { PlaybackState } from './protocol'

/** Most epochs one `step` command trains (each is one message to the worker). */
export const MAX_LAB_STEP = 1000

/**
 * The classifier lab's training as a playback target: `play` trains (replays its record from epoch 0 once it is done),
 * `pause`, `step(n)` trains n epochs (n ≥ 1: training cannot go back), `reset` goes back to epoch 0. Its
 * state counts epochs and reports the two networks 'a' and 'b' with their training loss after the last epoch.
 */
export function createLabPlayback(lab: LabStore): PlaybackTarget {
  return {
    // `train` itself starts afresh once the run has ended.
    play: () => lab.getState().train(),
    pause: () => lab.getState().pause(),
    step(n) {
      if (!(Number.isInteger(n) && n >= 1 && n <= MAX_LAB_STEP))
        return `the classifier trains forward only: n must be an integer in 1..${MAX_LAB_STEP}`
      for (let i = 0; i < n; i++) lab.getState().step()
      return null
    },
    reset: () => lab.getState().reset(),
    state: () => labState(lab.getState()),
    subscribe(listener) {
      return lab.subscribe((s, prev) => {
        if (s.run.view !== prev.run.view || s.run.runId !== prev.run.runId) listener.progress()
        if (s.run.status === 'done' && prev.run.status !== 'done') listener.finished()
      })
    },
  }
}

/** The training in the protocol's terms: epochs as the playhead, networks a and b as the racers. */
export function labState(s: LabState): PlaybackState {
  const keys = ['a', 'b'] as const
  return {
    target: 'classifier',
    // The epoch on screen: a replay or the scrubber moves it below the epochs trained.
    cursor: s.run.view,
    total: selectMaxEpochs(s),
    playing: s.run.status === 'playing',
    finished: s.run.status === 'done',
    racers: keys.map((key, index) => {
      const trace = s.traces[key]
      const net = s.settings.mode === 'compare' ? s.settings[key] : s.settings.a
      return {
        id: key,
        index,
        optimizer: net.optimizer.kind,
        loss: trace.view > 0 ? finiteOrNull(trace.loss[trace.view - 1]) : null,
        status: trace.stopReason === 'diverged' ? 'diverged' : 'ok',
      }
    }),
  }
}
