import type { WorkerFailureKind, WorkerHealth } from '../worker/protocol'

/**
 * What a panel says about a failed worker: how it failed, and where the recovery stands. `restarting`: a
 * fresh worker is starting and the panel's state was sent to it again; `restored`: the fresh worker runs (the
 * message stays until dismissed, so a student knows why the picture blinked); `failed`: restarts failed
 * twice in a row, nothing runs until "Retry".
 */
export interface WorkerNotice {
  kind: WorkerFailureKind
  phase: 'restarting' | 'restored' | 'failed'
  /** Where the panel's state was restored to: the race's step, or the lab's epoch. */
  at: number
}

/** The notice after a health event, given the current one and the step or epoch being restored. */
export function nextWorkerNotice(
  health: WorkerHealth,
  current: WorkerNotice | null,
  at: number,
): WorkerNotice | null {
  switch (health.status) {
    case 'recovering':
      return { kind: health.failure.kind, phase: 'restarting', at }
    case 'failed':
      return { kind: health.failure.kind, phase: 'failed', at }
    case 'ok':
      return current === null ? null : { ...current, phase: 'restored' }
  }
}
