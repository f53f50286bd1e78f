import { useState } from 'react'
import { LANGUAGES } from '../state/i18n/translate'
import { selectLanguage } from '../state/selectors'
import { shareLink } from '../state/urlSync'
import { useApp, useAppStore, useT } from '../state/useApp'

export type Page = 'playground' | 'classifier'

/** Title, page tabs, language switch and "copy link". */
export function Header({ page, onPage }: { page: Page; onPage: (p: Page) => void }) {
  const t = useT()
  const store = useAppStore()
  const language = useApp(selectLanguage)
  const [copied, setCopied] = useState<'idle' | 'ok' | 'failed'>('idle')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(shareLink(store))
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
        {(['playground', 'classifier'] as const).map((p) => (
          <button
            key={p}
            type="button"
            aria-pressed={page === p}
            onClick={() => onPage(p)}
            data-testid={`nav-${p}`}
          >
            {t(p === 'playground' ? 'nav.playground' : 'nav.classifier')}
          </button>
        ))}
      </nav>
      <span className="spacer" />
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
            onClick={() => store.getState().setLanguage(l)}
            data-testid={`lang-${l}`}
          >
            {t(l === 'zh' ? 'language.zh' : 'language.en')}
          </button>
        ))}
      </div>
    </header>
  )
}
