import { useState } from 'react'
import type { ReactNode } from 'react'
import { PresenterToggle } from '../panels/PresenterKeys/PresenterToggle'
import { LANGUAGES } from '../i18n/translate'
import type { LecturePage } from '../state/scene/sceneStore'
import { selectLanguage } from '../state/selectors'
import type { AppState } from '../state/store'
import { useShareLink } from '../state/urlSync'
import { useApp, useAppStore, useT } from '../state/useApp'

export type Page = LecturePage

const selectLanguagePending = (s: AppState) => s.languagePending
const selectLanguageFailed = (s: AppState) => s.languageFailed

const NAV_LABELS = {
  playground: 'nav.playground',
  scenes: 'nav.scenes',
  classifier: 'nav.classifier',
} as const

/** Title, page tabs, language switch, "copy link" and the `tools` App passes in (export and embed). */
export function Header({
  page,
  onPage,
  tools,
}: {
  page: Page
  onPage: (p: Page) => void
  tools?: ReactNode
}) {
  const t = useT()
  const store = useAppStore()
  const shareLink = useShareLink()
  const language = useApp(selectLanguage)
  const languagePending = useApp(selectLanguagePending)
  const languageFailed = useApp(selectLanguageFailed)
  const [copied, setCopied] = useState<'idle' | 'ok' | 'failed'>('idle')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(shareLink())
      setCopied('ok')
    } catch {
      setCopied('failed')
    }
    setTimeout(() => setCopied('idle'), 2500)
  }
  return (
    <header className="app-header">
      <h1 lang={language === 'zh' ? 'zh-CN' : 'en'}>{t('app.title')}</h1>
      <nav className="app-nav" aria-label={t('nav.pages')}>
        {(['playground', 'scenes', 'classifier'] as const).map((p) => (
          <button
            key={p}
            type="button"
            aria-pressed={page === p}
            onClick={() => onPage(p)}
            data-testid={`nav-${p}`}
          >
            {t(NAV_LABELS[p])}
          </button>
        ))}
      </nav>
      <span className="spacer" />
      <PresenterToggle />
      {tools}
      <button type="button" onClick={copy} title={t('tooltip.copyLink')} data-testid="copy-link">
        {copied === 'ok' ? t('button.copied') : t('button.copyLink')}
      </button>
      {copied === 'failed' && <span role="alert">{t('error.copyFailed')}</span>}
      <div role="group" aria-label={t('language.label')} className="app-nav">
        {LANGUAGES.map((l) => (
          <button
            key={l}
            type="button"
            lang={l === 'zh' ? 'zh-CN' : 'en'}
            aria-pressed={language === l}
            aria-busy={languagePending === l}
            onClick={() => store.getState().setLanguage(l)}
            data-testid={`lang-${l}`}
          >
            {t(l === 'zh' ? 'language.zh' : 'language.en')}
          </button>
        ))}
      </div>
      {languageFailed !== null && (
        <span role="alert" data-testid="language-failed">
          {t('language.loadFailed', {
            language: t(languageFailed === 'zh' ? 'language.zh' : 'language.en'),
          })}
        </span>
      )}
    </header>
  )
}
