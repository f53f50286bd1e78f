import type { MessageKey } from '../i18n/en'
import type { MessageParams } from '../i18n/translate'
import type { WorkerNotice } from './workerNotice'

type T = (key: MessageKey, params?: MessageParams) => string

/**
 * The text of a worker notice: what failed, then where the recovery stands (joined as each language joins
 * sentences: a space in English, none in Chinese). `restored` names the race's step or the lab's epoch; a
 * notice with nothing to restore says only that the computation was restarted.
 */
export function workerNoticeText(t: T, notice: WorkerNotice, restored: 'race' | 'lab' | 'plain'): string {
  const what = t(`worker.kind.${notice.kind}`)
  return t('worker.sentences', { what, then: stage(t, notice, restored) })
}

function stage(t: T, notice: WorkerNotice, restored: 'race' | 'lab' | 'plain'): string {
  switch (notice.phase) {
    case 'restarting':
      return t('worker.restarting')
    case 'failed':
      return t('worker.failed')
    case 'restored':
      if (restored === 'race') return t('worker.restored.race', { step: notice.at })
      if (restored === 'lab') return t('worker.restored.lab', { epoch: notice.at })
      return t('worker.restored.plain')
  }
}

/** The notice's tone: failures are alerts; a restart in progress and a done restore are statuses. */
export const workerNoticeTone = (notice: WorkerNotice): 'error' | 'progress' | 'info' =>
  notice.phase === 'failed' ? 'error' : notice.phase === 'restarting' ? 'progress' : 'info'

/** What both stores that show a worker notice expose to act on it. */
export interface WorkerNoticeActions {
  retryWorker(): void
  dismissWorkerNotice(): void
}

/**
 * Everything a `StatusNotice` needs to show `notice`: its tone, its text, and Retry while stopped (the
 * worker failed twice in a row) or Dismiss otherwise. One place for the race's and the lab's notice.
 */
export function workerNoticeView(
  t: T,
  notice: WorkerNotice,
  restored: 'race' | 'lab' | 'plain',
  actions: () => WorkerNoticeActions,
) {
  return {
    tone: workerNoticeTone(notice),
    text: workerNoticeText(t, notice, restored),
    ...(notice.phase === 'failed'
      ? { retry: { label: t('worker.retry'), onClick: () => actions().retryWorker() } }
      : { dismiss: { label: t('worker.dismiss'), onClick: () => actions().dismissWorkerNotice() } }),
  }
}
