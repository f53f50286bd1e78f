import type { AppState } from '../../state/store'
import { useApp, useAppStore, useT } from '../../state/useApp'
import { workerNoticeText, workerNoticeTone } from '../../state/workerNoticeText'
import { StatusNotice } from '../../ui/StatusNotice'

const selectWorkerNotice = (s: AppState) => s.workerNotice
const selectRaceError = (s: AppState) => s.raceError
const selectHasRace = (s: AppState) => s.runId !== null

/**
 * Why the race stopped or blinked: the worker failed (restarting, restored at step N, or stopped with a
 * Retry button), or the worker refused the race (its message, which names the offending field).
 */
export function RaceNotice() {
  const t = useT()
  const store = useAppStore()
  const notice = useApp(selectWorkerNotice)
  const raceError = useApp(selectRaceError)
  const hasRace = useApp(selectHasRace)
  const actions = () => store.getState()
  return (
    <>
      {notice !== null && (
        <StatusNotice
          testId="race-worker-notice"
          tone={workerNoticeTone(notice)}
          text={workerNoticeText(t, notice, hasRace ? 'race' : 'plain')}
          {...(notice.phase === 'failed'
            ? { retry: { label: t('worker.retry'), onClick: () => actions().retryWorker() } }
            : { dismiss: { label: t('worker.dismiss'), onClick: () => actions().dismissWorkerNotice() } })}
        />
      )}
      {raceError !== null && notice === null && (
        <StatusNotice
          testId="race-error"
          tone="error"
          text={t('worker.raceError', { message: raceError.message })}
        />
      )}
    </>
  )
}
