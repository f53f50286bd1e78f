import { selectPresenter } from '../../state/selectors'
import { useSceneStore } from '../../state/scene/useScene'
import { useApp, useT } from '../../state/useApp'
import './PresenterKeys.css'

/** The header's presenter-mode switch (a toggle button; a link carries the mode as `presenter=1`). */
export function PresenterToggle() {
  const t = useT()
  const on = useApp(selectPresenter)
  const scenes = useSceneStore()
  return (
    <button
      type="button"
      className="presenter-toggle"
      aria-pressed={on}
      title={t('presenter.toggleHint')}
      onClick={() => scenes.getState().togglePresenter()}
      data-testid="presenter-toggle"
    >
      <svg className="presenter-toggle-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <rect x="3" y="4" width="18" height="12" rx="1.5" />
        <path d="M12 16v4M8 20h8" />
      </svg>
      {t('presenter.toggle')}
    </button>
  )
}
