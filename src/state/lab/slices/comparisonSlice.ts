import type { StateCreator } from 'zustand/vanilla'
import type { ComparisonRow } from '../../../worker/protocol'
import { comparedOptimizers, labRunConfigs } from '../labSettings'
import type { LabState } from '../labStore'
import type { TrainDriver } from '../trainDriver'
import { messageOf } from '../../messageOf'

export interface LabComparisonState {
  status: 'idle' | 'running' | 'done' | 'failed'
  rows: ComparisonRow[]
  /** The settings fingerprint the rows were computed for (stale when it differs). */
  key: string
  targetLoss: number
  error: string | null
}

/** The compare mode's table: network A trained once per compared optimizer, in the worker. */
export interface ComparisonSlice {
  comparison: LabComparisonState
  runComparison(): Promise<void>
}

export const idleComparison = (): LabComparisonState => ({
  status: 'idle',
  rows: [],
  key: '',
  targetLoss: 0,
  error: null,
})

/** The fingerprint `LabComparisonState.key` is compared with: rows are stale once the two differ. */
export function comparisonKeyOf(state: Pick<LabState, 'settings' | 'data'>): string {
  return JSON.stringify([labRunConfigs(state.settings)[0].config, state.data.version, state.settings.compare])
}

export function createComparisonSlice(deps: {
  driver: TrainDriver
}): StateCreator<LabState, [], [], ComparisonSlice> {
  const { driver } = deps
  // Only the newest comparison may write its rows.
  let seq = 0
  return (set, get) => ({
    comparison: idleComparison(),

    async runComparison() {
      const { data, settings } = get()
      if (data.dataset === null) return
      const mine = ++seq
      const key = comparisonKeyOf(get())
      const targetLoss = settings.compare.targetLoss
      set({ comparison: { status: 'running', rows: [], key, targetLoss, error: null } })
      try {
        const rows = await driver.compare({
          config: labRunConfigs(settings)[0].config,
          optimizers: comparedOptimizers(settings.compare),
          dataset: data.dataset,
          targetLoss,
        })
        if (mine === seq) set({ comparison: { status: 'done', rows, key, targetLoss, error: null } })
      } catch (error) {
        if (mine === seq)
          set({ comparison: { status: 'failed', rows: [], key, targetLoss, error: messageOf(error) } })
      }
    },
  })
}
