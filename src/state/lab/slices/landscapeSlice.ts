import type { StateCreator } from 'zustand/vanilla'
import type { LandscapeDirections, LandscapeDriver, TrainLandscapeReply } from '../../../worker/protocol'
import { messageOf } from '../../messageOf'
import type { LabState } from '../labStore'

/** Nodes per axis of the lab's landscapes (odd: the center is a node) and the span of α, β. */
export const LANDSCAPE_NODES = 41
export const LANDSCAPE_SPAN = 1
export const LANDSCAPE_CONTOURS = 14

export interface LabLandscapeState {
  status: 'idle' | 'running' | 'done' | 'failed'
  /** The latest landscapes of both runs (kept while a newer one is computed). */
  reply: TrainLandscapeReply | null
  /** Seed of the random directions both networks share; re-rolling draws new ones. */
  seed: number
  /** The same random directions for both networks, or each on the PCA plane of its own training path. */
  directions: LandscapeDirections
  error: string | null
}

/** The loss landscapes of both runs (#12), recomputed in the worker as training streams. */
export interface LandscapeSlice {
  landscape: LabLandscapeState
  /** Samples both runs' landscapes at their current weights (one request at a time; extra calls wait). */
  computeLandscape(): Promise<void>
  /** New random directions (seed + 1), then recompute. */
  rerollLandscape(): Promise<void>
  /** Switches between shared random directions and each network's PCA plane, then recomputes. */
  setLandscapeDirections(directions: LandscapeDirections): Promise<void>
}

export function createLandscapeSlice(deps: {
  driver: Partial<LandscapeDriver>
}): StateCreator<LabState, [], [], LandscapeSlice> {
  const { driver } = deps
  let again = false
  return (set, get) => ({
    landscape: { status: 'idle', reply: null, seed: 1, directions: 'random', error: null },

    async computeLandscape() {
      const { run, landscape } = get()
      if (driver.landscape === undefined || run.runId === null || run.error !== null) return
      // While one is being computed, remember to compute once more with the weights then current.
      if (landscape.status === 'running') {
        again = true
        return
      }
      const runId = run.runId
      const { seed, directions } = landscape
      set({ landscape: { ...landscape, status: 'running', error: null } })
      try {
        const reply = await driver.landscape({
          seed,
          span: LANDSCAPE_SPAN,
          n: LANDSCAPE_NODES,
          contours: LANDSCAPE_CONTOURS,
          directions,
        })
        const now = get()
        if (now.run.runId === runId && now.landscape.seed === seed && now.landscape.directions === directions)
          set({ landscape: { ...get().landscape, status: 'done', reply, error: null } })
        else set({ landscape: { ...get().landscape, status: 'idle' } })
      } catch (error) {
        set({ landscape: { ...get().landscape, status: 'failed', error: messageOf(error) } })
      }
      if (again) {
        again = false
        await get().computeLandscape()
      }
    },

    async rerollLandscape() {
      const seed = (get().landscape.seed + 1) >>> 0
      set({ landscape: { ...get().landscape, seed, reply: null } })
      again = get().landscape.status === 'running'
      if (!again) await get().computeLandscape()
    },

    async setLandscapeDirections(directions) {
      if (get().landscape.directions === directions) return
      set({ landscape: { ...get().landscape, directions, reply: null } })
      again = get().landscape.status === 'running'
      if (!again) await get().computeLandscape()
    },
  })
}
