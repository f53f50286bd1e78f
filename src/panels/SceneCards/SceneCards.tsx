import { useEffect, useId, useRef } from 'react'
import { racerColor } from '../../render/colors'
import { selectLanguage, selectRacers, selectSceneCard } from '../../state/selectors'
import {
  selectActionError,
  selectApplied,
  selectLibrary,
  useOpenScene,
  useScene,
  useSceneStore,
} from '../../state/scene/useScene'
import { useApp, useT } from '../../state/useApp'
import { Tex } from '../../ui/Tex'
import { describeAction } from './actionLabel'
import { racerName } from './racerName'
import { TestLossTable } from './TestLossTable'
import './SceneCards.css'

/**
 * The narration of the open scene (docs/lectures.md §3's arc): the current card's kind, title, body and formula, the
 * button that carries out its action, previous / next and one dot per card; above them the scene's title with
 * the way back to the list, below them the racers of the scene in their colours. Renders nothing without an
 * open scene. The verbs are the scene store's; keyboard and clicker reach the same ones (`usePresenterKeys`).
 */
export function SceneCards() {
  const t = useT()
  const language = useApp(selectLanguage)
  const scene = useOpenScene()
  const index = useApp(selectSceneCard)
  const racers = useApp(selectRacers)
  const applied = useScene(selectApplied)
  const actionError = useScene(selectActionError)
  const scenes = useSceneStore()
  const sceneIds = useScene(selectLibrary)?.sceneIds ?? []
  const headingId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  const sceneId = scene?.id

  // A newly opened scene takes the focus (the list's tile that had it is gone), so the keys keep working.
  useEffect(() => {
    if (sceneId !== undefined) heading.current?.focus({ preventScroll: true })
  }, [sceneId])

  if (scene === null) return null
  const n = scene.cards.length
  const i = Math.max(0, Math.min(index, n - 1))
  const card = scene.cards[i]
  const other = language === 'zh' ? 'en' : 'zh'
  const position = sceneIds.indexOf(scene.id)
  const act = () => scenes.getState()

  return (
    <section
      className="panel scene-cards"
      aria-labelledby={headingId}
      data-testid="scene-cards"
      data-scene={scene.id}
      data-card={i}
      data-card-id={card.id}
      data-applied={applied ? '1' : '0'}
    >
      <div className="scene-cards-head">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          {t('scene.cards.scene', { n: scene.number, title: scene.title[language] })}
        </h2>
        <div className="scene-cards-nav" role="group" aria-label={t('panel.scenes')}>
          <button type="button" onClick={() => act().prevScene()} disabled={position <= 0}>
            <span aria-hidden="true">‹</span>
            <span className="visually-hidden">{t('scene.cards.prevScene')}</span>
          </button>
          <button type="button" onClick={() => act().closeScene()} data-testid="scene-back">
            {t('scene.cards.back')}
          </button>
          <button
            type="button"
            onClick={() => act().nextScene()}
            disabled={position >= sceneIds.length - 1}
            data-testid="scene-next-scene"
          >
            <span aria-hidden="true">›</span>
            <span className="visually-hidden">{t('scene.cards.nextScene')}</span>
          </button>
        </div>
      </div>

      <article className="scene-card" data-kind={card.kind} aria-live="polite">
        <p className="scene-card-kind">
          <span>{t(`scene.kind.${card.kind}`)}</span>
          <span className="scene-card-count">{t('scene.cards.progress', { n: i + 1, total: n })}</span>
        </p>
        <h3 data-testid="scene-card-title">{card.title[language]}</h3>
        <p className="scene-card-other" lang={other === 'zh' ? 'zh-CN' : 'en'}>
          {card.title[other]}
        </p>
        <p className="scene-card-body">{card.body[language]}</p>
        {card.tex !== undefined && <Tex tex={card.tex} display className="scene-card-tex" />}
        {card.action !== undefined && (
          <div className="scene-card-do">
            <button
              type="button"
              className="scene-card-action"
              onClick={() => act().applyCard()}
              data-testid="scene-card-action"
            >
              <span aria-hidden="true">▶ </span>
              {describeAction(card.action, { t, language, scene })}
            </button>
            {actionError !== null ? (
              <p className="scene-card-error" role="alert">
                {t('scene.cards.failed', { message: actionError })}
              </p>
            ) : (
              applied && (
                <p className="scene-card-done" role="status">
                  ✓ {t('scene.cards.done')}
                </p>
              )
            )}
          </div>
        )}
      </article>

      <nav className="scene-card-steps" aria-label={t('scene.cards.dots')}>
        <button
          type="button"
          onClick={() => act().prevCard()}
          disabled={i === 0}
          data-testid="scene-card-prev"
        >
          ← {t('scene.cards.prev')}
        </button>
        <ol className="scene-card-dots">
          {scene.cards.map((c, k) => (
            <li key={c.id}>
              <button
                type="button"
                aria-label={t('scene.cards.goTo', { n: k + 1, title: c.title[language] })}
                aria-current={k === i ? 'step' : undefined}
                onClick={() => act().goToCard(k)}
                data-kind={c.kind}
              >
                <span className="scene-card-dot" />
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          onClick={() => act().nextCard()}
          disabled={i === n - 1}
          data-testid="scene-card-next"
        >
          {t('scene.cards.next')} →
        </button>
      </nav>

      {scene.kind === 'surface' && racers.length > 0 && (
        <div className="scene-card-racers">
          <span className="scene-card-racers-title">{t('scene.cards.racers')}:</span>
          <ul>
            {racers.map((r, k) => (
              <li key={r.id} data-hidden={r.hidden ? '1' : '0'}>
                <span className="scene-card-swatch" style={{ background: racerColor(r.color) }} />
                <span className="scene-card-racer-key">{k + 1}</span>
                {racerName(scene.racers?.[k], r.optimizer, language)}
              </li>
            ))}
          </ul>
        </div>
      )}

      {scene.testSurface !== undefined && <TestLossTable scene={scene} />}

      <p className="scene-card-keys">
        {t('scene.cards.keys')}{' '}
        <button
          type="button"
          className="scene-card-help"
          onClick={() => act().setHelpOpen(true)}
          aria-label={t('scene.cards.help')}
          title={t('scene.cards.help')}
          data-testid="scene-help"
        >
          ?
        </button>
      </p>
    </section>
  )
}
