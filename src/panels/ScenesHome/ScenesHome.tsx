import { useEffect, useId, useRef } from 'react'
import type { Scene } from '../../core/scenes/types'
import { getSurfaceMeta } from '../../core/surfaces/meta'
import type { Language } from '../../i18n/translate'
import { selectLibrary, selectLibraryStatus, useScene, useSceneStore } from '../../state/scene/useScene'
import { selectLanguage, selectPalette } from '../../state/selectors'
import { useApp, useT } from '../../state/useApp'
import { SceneThumbnail } from './SceneThumbnail'
import { surfaceThumbOf } from './thumbnail'
import './ScenesHome.css'

/**
 * The home screen of lecture mode: one tile per scene of docs/lectures.md §4 in lecture order (number, title in the
 * user's language and the other one, summary, a thumbnail of its error surface) and a tile for the free
 * playground. A tile opens its scene at the first card. The tiles wait for the scenes' content (a chunk of its
 * own, usually fetched alongside this one): a status line until then, a message if the fetch fails.
 */
export function ScenesHome() {
  const t = useT()
  const language = useApp(selectLanguage)
  const palette = useApp(selectPalette)
  const store = useSceneStore()
  const titleId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  const library = useScene(selectLibrary)
  const status = useScene(selectLibraryStatus)

  // Back from a scene, the tile that was used is gone: start the keyboard at the list's heading.
  useEffect(() => heading.current?.focus({ preventScroll: true }), [])
  useEffect(() => {
    if (library === null) void store.getState().loadLibrary()
  }, [library, store])

  return (
    <section className="panel scenes-home" aria-labelledby={titleId} data-testid="scenes-home">
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {t('panel.scenes')}
      </h2>
      <p className="scenes-home-intro">{t('scene.home.intro')}</p>
      {library === null &&
        (status === 'failed' ? (
          <p className="notice" role="alert" data-testid="scenes-load-failed">
            {t('app.loadFailed')}
          </p>
        ) : (
          <p className="app-loading" role="status">
            {t('app.loading')}
          </p>
        ))}
      <ul className="scenes-home-grid" aria-label={t('scene.home.list')}>
        {(library?.scenes ?? []).map((scene) => (
          <li key={scene.id}>
            <SceneTile
              scene={scene}
              language={language}
              palette={palette}
              onOpen={store.getState().openScene}
            />
          </li>
        ))}
        <li>
          <button
            type="button"
            className="scene-tile scene-tile-playground"
            onClick={() => store.getState().showPage('playground')}
            data-testid="playground-tile"
          >
            <span className="scene-thumb" aria-hidden="true">
              <svg viewBox="0 0 48 48" focusable="false">
                <rect width="48" height="48" fill="#fff" />
                {[18, 13, 8, 3.5].map((r) => (
                  <ellipse key={r} cx="30" cy="27" rx={r * 1.2} ry={r} className="scene-thumb-contour" />
                ))}
                <path d="M6,8 L12,14 L17,18 L22,22 L26,24 L29,26" className="scene-thumb-path" />
                <path d="M6,8 L14,9 L21,13 L25,19 L28,24 L30,27" className="scene-thumb-path alt" />
              </svg>
            </span>
            <span className="scene-tile-text">
              <span className="scene-tile-title">{t('scene.home.playground')}</span>
              <span className="scene-tile-summary">{t('scene.home.playgroundSummary')}</span>
            </span>
          </button>
        </li>
      </ul>
    </section>
  )
}

function SceneTile(props: {
  scene: Scene
  language: Language
  palette: ReturnType<typeof selectPalette>
  onOpen: (id: string) => void
}) {
  const { scene, language, palette, onOpen } = props
  const t = useT()
  const summaryId = useId()
  const other = language === 'zh' ? 'en' : 'zh'
  const thumb = surfaceThumbOf(scene)
  const label =
    thumb === null
      ? t('scene.home.thumbnailClassifier')
      : t('scene.home.thumbnail', { name: getSurfaceMeta(thumb.surface).name[language] })
  return (
    <button
      type="button"
      className="scene-tile"
      onClick={() => onOpen(scene.id)}
      aria-label={t('scene.home.open', { n: scene.number, title: scene.title[language] })}
      aria-describedby={summaryId}
      data-testid={`scene-tile-${scene.id}`}
    >
      <SceneThumbnail scene={scene} palette={palette} label={label} />
      <span className="scene-tile-text">
        <span className="scene-tile-number">{t('scene.home.number', { n: scene.number })}</span>
        <span className="scene-tile-title">{scene.title[language]}</span>
        <span className="scene-tile-other" lang={other === 'zh' ? 'zh-CN' : 'en'}>
          {scene.title[other]}
        </span>
        <span className="scene-tile-summary" id={summaryId}>
          {scene.summary[language]}
        </span>
        <span className="scene-tile-meta">{t('scene.home.cards', { n: scene.cards.length })}</span>
      </span>
    </button>
  )
}
