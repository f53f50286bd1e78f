import type { LabState, LabStore } from '../../state/lab/labStore'
import { workerNoticeView } from '../../state/workerNoticeText'
import { StatusNotice } from '../../ui/StatusNotice'
import { useLab, useLabT } from './labHooks'

const selectWorkerNotice = (s: LabState) => s.workerNotice
const selectHasRun = (s: LabState) => s.run.runId !== null

/** The worker failed: restarting, training restored at epoch N, or stopped with a Retry button. */
export function LabWorkerNotice({ store }: { store: LabStore }) {
  const t = useLabT(store)
  const notice = useLab(store, selectWorkerNotice)
  const hasRun = useLab(store, selectHasRun)
  if (notice === null) return null
  return (
    <StatusNotice
      testId="lab-worker-notice"
      {...workerNoticeView(t, notice, hasRun ? 'lab' : 'plain', () => store.getState())}
    />
  )
}
