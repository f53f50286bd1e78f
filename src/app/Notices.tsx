import { useState } from 'react'
import { selectLanguage } from '../state/selectors'
import { translateNotice } from '../state/url/notices'
import type { UrlNotice } from '../state/url/notices'
import { useApp, useT } from '../state/useApp'

/** The link's ignored values, as plain text (never the offending value itself). */
export function Notices({ notices }: { notices: readonly UrlNotice[] }) {
  const [open, setOpen] = useState(notices.length > 0)
  const language = useApp(selectLanguage)
  const t = useT()
  if (!open) return null
  return (
    <div className="notice" role="status" data-testid="url-notices">
      <ul style={{ margin: 0, paddingLeft: 18, flex: 1 }}>
        {notices.map((n, i) => (
          <li key={i}>{translateNotice(language, n)}</li>
        ))}
      </ul>
      <button type="button" onClick={() => setOpen(false)} aria-label={t('notice.dismiss')}>
        ×
      </button>
    </div>
  )
}
