import type { LabState, LabStore } from '../../state/lab/labStore'
import { workerNoticeText, workerNoticeTone } from '../../state/workerNoticeText'
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
  const actions = () => store.getState()
  return (
    <StatusNotice
      testId="lab-worker-notice"
      tone={workerNoticeTone(notice)}
      text={workerNoticeText(t, notice, hasRun ? 'lab' : 'plain')}
      {...(notice.phase === 'failed'
        ? { retry: { label: t('worker.retry'), onClick: () => actions().retryWorker() } }
        : { dismiss: { label: t('worker.dismiss'), onClick: () => actions().dismissWorkerNotice() } })}
    />
  )
}
