import { useMemo } from 'react'
import { conventionNames, defaultConvention } from '../../core/meta'
import type { Convention } from '../../core/types'
import { racerColor } from '../../render/colors'
import type { MessageKey } from '../../i18n/en'
import { optimizerName, scheduleName } from '../../i18n/registryNames'
import { selectLanguage, selectRacers, selectSelectedRacerId } from '../../state/selectors'
import { useApp, useAppStore, useT } from '../../state/useApp'
import { formatNumber } from '../../ui/formatNumber'
import { effectiveBatch, updatesPerEpoch } from '../../core/miniBatch.meta'
import { parseDivergedKey, selectDivergedKey } from './divergedSteps'
import { Icon } from './icons'
import { RacerProgress } from './RacerProgress'

/** A convention's name on a chip: the frameworks by their (untranslated) names, the two courses in words. */
function shortConvention(convention: Convention, t: (key: MessageKey) => string): string {
  if (convention === 'pytorch') return 'PyTorch'
  if (convention === 'tensorflow') return 'TF.js'
  return t(convention === 'lecture' ? 'transport.conv.lecture' : 'transport.conv.course')
}

/**
 * The race legend: one chip per racer with its colour, optimizer, convention and η; click selects it (its
 * formula card and state are shown), the eye hides or shows its curves, and a red badge says where its run
 * diverged ("Diverged at step N") or escaped ("Escaped at step N": finite, but far out; core/limits.ts). On a
 * surface made of examples the chip also names its batch size and counts its updates live (`RacerProgress`).
 * Re-renders only when the racers, the selection, the language, the surface or a divergence changes.
 */
export function RaceLegend() {
  const t = useT()
  const store = useAppStore()
  const racers = useApp(selectRacers)
  const selected = useApp(selectSelectedRacerId)
  const language = useApp(selectLanguage)
  const divergedKey = useApp(selectDivergedKey)
  const diverged = useMemo(() => parseDivergedKey(divergedKey), [divergedKey])
  // On a surface made of examples each chip names its batch and counts its updates (and epochs).
  const examples = useApp((s) => s.catalog.get(s.settings.surfaceId)?.examples)
  const epochs = useApp((s) => s.settings.count === 'epochs')

  return (
    <ul className="race-legend" aria-label={t('transport.legend')}>
      {racers.map((r) => {
        const kind = r.optimizer.kind
        const convention = r.optimizer.convention ?? defaultConvention(kind)
        const name = optimizerName(kind, language)
        const badge = diverged.get(r.id)
        const isSelected = r.id === selected
        const batch = effectiveBatch(examples, r.batch)
        return (
          <li
            key={r.id}
            className="racer-chip"
            data-testid={`racer-chip-${r.id}`}
            data-selected={isSelected ? 'true' : 'false'}
            data-hidden={r.hidden ? 'true' : 'false'}
          >
            <button
              type="button"
              className="racer-chip-select"
              aria-pressed={isSelected}
              title={`${t('transport.select', { name })} (${conventionNames[convention][language]})`}
              onClick={() => store.getState().selectRacer(r.id)}
            >
              <span className="racer-swatch" style={{ background: racerColor(r.color) }} aria-hidden="true" />
              <span className="racer-chip-name">{name}</span>
              <span className="racer-chip-detail">
                {shortConvention(convention, t)} · η = {formatNumber(r.optimizer.lr)}
                {/* A racer with its own schedule names it: scene 5's three Adagrads differ only there. */}
                {r.schedule !== null && ` · ${scheduleName(r.schedule.kind, language)}`}
                {examples !== undefined &&
                  ` · ${batch === undefined ? t('transport.fullBatch') : t('transport.batch', { b: batch })}`}
              </span>
              {examples !== undefined && (
                <RacerProgress racerId={r.id} perEpoch={updatesPerEpoch(examples, batch)} epochs={epochs} />
              )}
            </button>
            {badge !== undefined && (
              <span
                className="diverged-badge"
                role="status"
                data-testid={`diverged-badge-${r.id}`}
                data-escaped={badge.escaped ? 'true' : 'false'}
                title={badge.escaped ? t('status.escapedHint') : undefined}
              >
                {t(badge.escaped ? 'status.escaped' : 'status.diverged', { n: badge.at })}
              </span>
            )}
            <button
              type="button"
              className="racer-chip-eye"
              aria-label={t(r.hidden ? 'transport.showRacer' : 'transport.hideRacer', { name })}
              title={t(r.hidden ? 'transport.showRacer' : 'transport.hideRacer', { name })}
              onClick={() => store.getState().toggleRacerHidden(r.id)}
            >
              <Icon name={r.hidden ? 'eyeOff' : 'eye'} />
            </button>
          </li>
        )
      })}
    </ul>
  )
}
