import { selectNotices, selectLanguage, selectRunError } from '../../state/lab/labSelectors'
import type { LabStore } from '../../state/lab/labStore'
import { translateNotice } from '../../state/url/notices'
import { useLab, useLabT } from './labHooks'

/** What a link asked for that was ignored, and why the last run could not start (plain text only). */
export function LabNotices({ store }: { store: LabStore }) {
  const t = useLabT(store)
  const lang = useLab(store, selectLanguage)
  const notices = useLab(store, selectNotices)
  const error = useLab(store, selectRunError)
  if (notices.length === 0 && error === null) return null
  return (
    <div className="lab-notices">
      {error !== null && (
        <p className="lab-problem" role="alert" data-testid="lab-run-error">
          {error.code === 'crashed' ? t('lab.error.crashed') : t('lab.error.run', { message: error.message })}
        </p>
      )}
      {notices.length > 0 && (
        <div className="lab-notice-list" role="status">
          <ul>
            {notices.map((n, i) => (
              <li key={i}>{translateNotice(lang, n)}</li>
            ))}
          </ul>
          <button type="button" onClick={() => store.getState().dismissNotices()}>
            {t('lab.dismiss')}
          </button>
        </div>
      )}
    </div>
  )
}
