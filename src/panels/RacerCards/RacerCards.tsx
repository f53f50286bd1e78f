import { useMemo } from 'react'
import { findSurfaceMeta } from '../../core/surfaces/meta'
import { texToUnicode } from '../../render/texLabel'
import {
  selectLanguage,
  selectRacers,
  selectSchedule,
  selectSelectedRacerId,
  selectSurfaceId,
} from '../../state/selectors'
import { useApp, useAppStore, useT } from '../../state/useApp'
import { cardNotes } from './cardNotes'
import { RacerCard } from './RacerCard'
import './RacerCards.css'

/**
 * The optimizers' formula cards: every visible racer (and the selected one even when hidden), the selected
 * one expanded with its update rule and live state at the playhead, the others as one-line headers that
 * select it. React renders them when the settings change; the numbers repaint per frame without React.
 */
export function RacerCards() {
  const t = useT()
  const store = useAppStore()
  const racers = useApp(selectRacers)
  const selected = useApp(selectSelectedRacerId)
  const shared = useApp(selectSchedule)
  const language = useApp(selectLanguage)
  const surfaceId = useApp(selectSurfaceId)
  const axes = useMemo(() => {
    const a = findSurfaceMeta(surfaceId)?.axes ?? ['w_1', 'w_2']
    return [texToUnicode(a[0]), texToUnicode(a[1])] as const
  }, [surfaceId])
  const shown = racers.filter((r) => !r.hidden || r.id === selected)
  return (
    <section className="panel racer-cards" data-testid="racer-cards" aria-label={t('cards.title')}>
      <h2>{t('cards.title')}</h2>
      {shown.length === 0 && <p className="card-empty">{t('cards.allHidden')}</p>}
      {shown.map((racer) => (
        <RacerCard
          key={racer.id}
          racer={racer}
          expanded={racer.id === selected}
          notes={cardNotes(racer, shared, racers)}
          schedule={racer.schedule ?? shared}
          axes={axes}
          language={language}
          t={t}
          onSelect={() => store.getState().selectRacer(racer.id)}
        />
      ))}
    </section>
  )
}
