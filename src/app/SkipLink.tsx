import { useT } from '../state/useApp'

/**
 * The first stop of the Tab order: "Skip to the figure" (visible only while focused). It focuses the page's main
 * figure (the element marked `data-main-figure`, e.g. the surface canvas), else the `<main>` element.
 */
export function SkipLink() {
  const t = useT()
  return (
    <a
      className="skip-link"
      href="#app-main"
      data-testid="skip-link"
      onClick={(e) => {
        const target =
          document.querySelector<HTMLElement>('[data-main-figure]') ?? document.getElementById('app-main')
        if (target === null) return
        e.preventDefault()
        target.focus()
        target.scrollIntoView?.({ block: 'nearest' })
      }}
    >
      {t('app.skipToFigure')}
    </a>
  )
}
