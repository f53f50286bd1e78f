import type { StateCreator } from 'zustand/vanilla'
import type { InterpolationDriver, TrainInterpolationReply } from '../../../worker/protocol'
import { messageOf } from '../../messageOf'
import type { LabState } from '../labStore'

/**
 * The lab's interpolation axis: t from −0.5 to 1.5 in steps of 0.025, so t = 0 (node 20) and t = 1 (node 60)
 * are nodes and the line shows half its length again on either side.
 */
export const INTERPOLATION_T = { min: -0.5, max: 1.5, n: 81 } as const

export interface LabInterpolationState {
  status: 'idle' | 'running' | 'done' | 'failed'
  /** The latest lines (kept while newer ones are computed). */
  reply: TrainInterpolationReply | null
  error: string | null
}

/** Goodfellow et al.'s interpolation lines of the lab's networks (#12), recomputed as training streams. */
export interface InterpolationSlice {
  interpolation: LabInterpolationState
  /** Computes the lines at the runs' current weights (one request at a time; extra calls wait). */
  computeInterpolation(): Promise<void>
}

export function createInterpolationSlice(deps: {
  driver: Partial<InterpolationDriver>
}): StateCreator<LabState, [], [], InterpolationSlice> {
  const { driver } = deps
  let again = false
  return (set, get) => ({
    interpolation: { status: 'idle', reply: null, error: null },

    async computeInterpolation() {
      const { run, interpolation } = get()
      if (driver.interpolation === undefined || run.runId === null || run.error !== null) return
      // While one is being computed, remember to compute once more with the weights then current.
      if (interpolation.status === 'running') {
        again = true
        return
      }
      const runId = run.runId
      set({ interpolation: { ...interpolation, status: 'running', error: null } })
      try {
        const reply = await driver.interpolation({ t: { ...INTERPOLATION_T } })
        if (get().run.runId === runId) set({ interpolation: { status: 'done', reply, error: null } })
        else set({ interpolation: { ...get().interpolation, status: 'idle' } })
      } catch (error) {
        set({ interpolation: { ...get().interpolation, status: 'failed', error: messageOf(error) } })
      }
      if (again) {
        again = false
        await get().computeInterpolation()
      }
    },
  })
}
