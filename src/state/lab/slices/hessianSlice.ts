import type { StateCreator } from 'zustand/vanilla'
import type { TrainHessianReply } from '../../../worker/protocol'
import type { LabState } from '../labStore'
import type { TrainDriver } from '../trainDriver'
import { messageOf } from '../../messageOf'

export interface LabHessianState {
  status: 'idle' | 'running' | 'done' | 'failed'
  a: TrainHessianReply | null
  b: TrainHessianReply | null
  error: string | null
}

/** The loss Hessian's spectrum of both runs, asked for on demand; a new run or a reset clears it. */
export interface HessianSlice {
  hessian: LabHessianState
  /** The Hessian spectrum of both runs at their current weights. */
  computeHessian(): Promise<void>
}

export const idleHessian = (): LabHessianState => ({ status: 'idle', a: null, b: null, error: null })

export function createHessianSlice(deps: {
  driver: TrainDriver
}): StateCreator<LabState, [], [], HessianSlice> {
  const { driver } = deps
  return (set, get) => ({
    hessian: idleHessian(),

    async computeHessian() {
      const { run } = get()
      if (run.runId === null || run.error !== null) return
      const runId = run.runId
      set({ hessian: { ...get().hessian, status: 'running', error: null } })
      try {
        const [a, b] = await Promise.all([driver.hessian('a'), driver.hessian('b')])
        // A reply for a run that has since been replaced describes weights no longer shown.
        if (get().run.runId === runId) set({ hessian: { status: 'done', a, b, error: null } })
      } catch (error) {
        if (get().run.runId === runId)
          set({ hessian: { ...idleHessian(), status: 'failed', error: messageOf(error) } })
      }
    },
  })
}
