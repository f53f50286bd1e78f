import { useId, useState } from 'react'
import { autoHeightScript, embedSnippet, embedUrl } from '../../state/url/embedSnippet'
import { DEFAULT_EMBED, parseOrigin } from '../../state/url/embedView'
import type { EmbedControls, EmbedPanel } from '../../state/url/embedView'
import { selectShareQuery } from '../../state/selectors'
import { useShareLink } from '../../state/urlSync'
import { useApp, useT } from '../../state/useApp'
import { SelectField } from '../../ui/SelectField'

/** The share link split into the page address and its query (no `?`). */
function splitLink(link: string): { page: string; query: string } {
  const q = link.indexOf('?')
  return q === -1 ? { page: link, query: '' } : { page: link.slice(0, q), query: link.slice(q + 1) }
}

/**
 * The "embed" button and what it shows: the `<iframe>` code of the current race (every store's settings, as
 * the share link has them, plus `embed=1&panel=…&controls=…`), with a choice of panel and controls, an optional
 * origin allowed to drive the frame, and a copy button. The code is shown as text in a read-only field; it is
 * never inserted into this page.
 */
export function EmbedSnippet() {
  const t = useT()
  const shareLink = useShareLink()
  // Re-render when the settings change, so the code always shows the current race.
  useApp(selectShareQuery)
  const [open, setOpen] = useState(false)
  const [panel, setPanel] = useState<EmbedPanel>(DEFAULT_EMBED.panel)
  const [controls, setControls] = useState<EmbedControls>(DEFAULT_EMBED.controls)
  const [originText, setOriginText] = useState('')
  const [copied, setCopied] = useState<'idle' | 'ok' | 'failed'>('idle')
  const id = useId()

  const origin = parseOrigin(originText.trim())
  const originInvalid = originText.trim() !== '' && origin === undefined
  const { page, query } = splitLink(shareLink())
  const url = embedUrl(page, query, { panel, controls, ...(origin !== undefined && { origin }) })
  const code = embedSnippet(url, t('app.title'))

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(code)
      setCopied('ok')
    } catch {
      setCopied('failed')
    }
    setTimeout(() => setCopied('idle'), 2500)
  }

  return (
    <div className="export-embed">
      <button
        type="button"
        data-testid="embed-button"
        aria-expanded={open}
        aria-controls={`${id}-body`}
        onClick={() => setOpen((o) => !o)}
      >
        {t('export.embed')}
      </button>
      {open && (
        <div id={`${id}-body`} className="export-embed-body">
          <p className="export-help">{t('export.embedHelp')}</p>
          <div className="export-embed-options">
            <SelectField<EmbedPanel>
              label={t('export.embedPanel')}
              value={panel}
              options={[
                { value: 'surface', label: t('panel.surface') },
                { value: 'surface3d', label: t('panel.surface3d') },
                { value: 'schedule', label: t('export.panelCharts') },
                { value: 'classifier', label: t('panel.classifier') },
              ]}
              onChange={setPanel}
              testId="embed-panel"
            />
            <SelectField<EmbedControls>
              label={t('export.embedControls')}
              value={controls}
              options={[
                { value: 'full', label: t('export.controlsFull') },
                { value: 'minimal', label: t('export.controlsMinimal') },
                { value: 'none', label: t('export.controlsNone') },
              ]}
              onChange={setControls}
              testId="embed-controls"
            />
          </div>
          <label className="export-origin" htmlFor={`${id}-origin`}>
            {t('export.embedOrigin')}
          </label>
          <input
            id={`${id}-origin`}
            type="url"
            inputMode="url"
            spellCheck={false}
            autoComplete="off"
            placeholder="https://notes.example.edu"
            value={originText}
            aria-invalid={originInvalid}
            aria-describedby={`${id}-origin-help`}
            data-testid="embed-origin"
            onChange={(e) => setOriginText(e.currentTarget.value)}
          />
          <p id={`${id}-origin-help`} className={originInvalid ? 'export-help export-error' : 'export-help'}>
            {originInvalid ? t('export.embedOriginInvalid') : t('export.embedOriginHelp')}
          </p>
          <label className="export-origin" htmlFor={`${id}-code`}>
            {t('export.snippet')}
          </label>
          <textarea
            id={`${id}-code`}
            className="export-code"
            readOnly
            rows={4}
            value={code}
            data-testid="embed-snippet"
            onFocus={(e) => e.currentTarget.select()}
          />
          <div className="export-row">
            <button type="button" data-testid="embed-copy" onClick={() => void copy()}>
              {copied === 'ok' ? t('export.copied') : t('export.copySnippet')}
            </button>
            {copied === 'failed' && <span role="alert">{t('export.copyFailed')}</span>}
          </div>
          <label className="export-origin" htmlFor={`${id}-auto`}>
            {t('export.autoHeight')}
          </label>
          <textarea
            id={`${id}-auto`}
            className="export-code"
            readOnly
            rows={4}
            value={autoHeightScript(new URL(page).origin)}
            aria-describedby={`${id}-auto-help`}
            data-testid="embed-auto-height"
            onFocus={(e) => e.currentTarget.select()}
          />
          <p id={`${id}-auto-help`} className="export-help">
            {t('export.autoHeightHelp')}
          </p>
        </div>
      )}
    </div>
  )
}
