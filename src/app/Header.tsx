import { useState } from 'react'
import type { ReactNode } from 'react'
import { PresenterToggle } from '../panels/PresenterKeys/PresenterToggle'
import { HeaderMenu } from './HeaderMenu'
import { SkipLink } from './SkipLink'
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

/** The tabs' short names, shown instead on a phone so the header stays one row. */
const NAV_SHORT_LABELS = {
  playground: 'nav.short.playground',
  scenes: 'nav.short.scenes',
  classifier: 'nav.short.classifier',
} as const

/**
 * One row: the skip link, the title, the page tabs, and the secondary actions — presenter mode, the `tools` App
 * passes in (export and embed), "copy link", the language — which fold into a menu on a narrow screen.
 */
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
      <SkipLink />
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
            <span className="nav-long">{t(NAV_LABELS[p])}</span>
            <span className="nav-short">{t(NAV_SHORT_LABELS[p])}</span>
          </button>
        ))}
      </nav>
      <span className="spacer" />
      <HeaderMenu label={t('header.menu')}>
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
      </HeaderMenu>
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
