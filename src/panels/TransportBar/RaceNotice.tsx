import type { AppState } from '../../state/store'
import { useApp, useAppStore, useT } from '../../state/useApp'
import { workerNoticeView } from '../../state/workerNoticeText'
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
  return (
    <>
      {notice !== null && (
        <StatusNotice
          testId="race-worker-notice"
          {...workerNoticeView(t, notice, hasRace ? 'race' : 'plain', () => store.getState())}
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
