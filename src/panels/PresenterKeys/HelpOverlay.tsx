import { Fragment, useEffect, useId, useRef } from 'react'
import type { KeyboardEvent as ReactKeyboardEvent } from 'react'
import { selectHelpOpen, useScene, useSceneStore } from '../../state/scene/useScene'
import { useT } from '../../state/useApp'
import { NAMED_TOKENS, PRESENTER_KEYS, tokenGlyph } from './presenterKeys'
import type { KeyToken } from './presenterKeys'
import './PresenterKeys.css'

/**
 * The help overlay ('?'): every key of lecture mode (`PRESENTER_KEYS`) with what it does, in the user's
 * language. A modal dialog: focus moves to its close button and returns where it was when it closes (Esc,
 * '?', the button, or a click outside); Tab stays inside.
 */
export function HelpOverlay() {
  const open = useScene(selectHelpOpen)
  const scenes = useSceneStore()
  const t = useT()
  const titleId = useId()
  const closeRef = useRef<HTMLButtonElement>(null)
  const dialogRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null
    closeRef.current?.focus()
    return () => previous?.focus()
  }, [open])

  if (!open) return null
  const close = () => scenes.getState().setHelpOpen(false)
  const trapTab = (e: ReactKeyboardEvent) => {
    if (e.key !== 'Tab' || dialogRef.current === null) return
    const focusable = dialogRef.current.querySelectorAll<HTMLElement>('button, [href], [tabindex="0"]')
    const first = focusable[0]
    const last = focusable[focusable.length - 1]
    if (first === undefined) return
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault()
      last.focus()
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault()
      first.focus()
    }
  }
  const key = (token: KeyToken) => {
    const named = NAMED_TOKENS[token]
    return <kbd key={token}>{named === undefined ? tokenGlyph(token) : t(named)}</kbd>
  }

  return (
    <div className="help-backdrop" onClick={close}>
      <div
        ref={dialogRef}
        className="help-overlay"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="help-overlay"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={trapTab}
      >
        <div className="help-head">
          <h2 id={titleId}>{t('presenter.help.title')}</h2>
          <button ref={closeRef} type="button" onClick={close} data-testid="help-close">
            {t('button.close')}
          </button>
        </div>
        <p className="help-intro">{t('presenter.help.intro')}</p>
        <table className="help-keys">
          <tbody>
            {PRESENTER_KEYS.map((binding) => (
              <tr key={binding.label} data-testid={`help-row-${binding.label}`}>
                <th scope="row">
                  {isRange(binding.chords) ? (
                    <>
                      {key(binding.chords[0][0])} – {key(binding.chords[binding.chords.length - 1][0])}
                    </>
                  ) : (
                    binding.chords.map((chord, i) => (
                      <Fragment key={chord.join('+')}>
                        {i > 0 && <span className="help-or"> {t('presenter.help.or')} </span>}
                        {chord.map((token, j) => (
                          <Fragment key={token}>
                            {j > 0 && ' + '}
                            {key(token)}
                          </Fragment>
                        ))}
                      </Fragment>
                    ))
                  )}
                </th>
                <td>{t(binding.label)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}

/** Three or more one-key chords (1, 2, … 6) read better as a range. */
function isRange(chords: readonly KeyToken[][]): boolean {
  return chords.length > 2 && chords.every((c) => c.length === 1)
}
