import { useId, useMemo, useState } from 'react'
import type { BasinMapSpec } from '../../core/basins/types'
import { optimizerName } from '../../i18n/registryNames'
import { racerColors } from '../../render/colors'
import {
  selectLanguage,
  selectRacers,
  selectSchedule,
  selectSurface,
  selectView,
} from '../../state/selectors'
import type { RacerSettings } from '../../state/settings'
import { useApp, useT } from '../../state/useApp'
import { SelectField } from '../../ui/SelectField'
import { BasinMapFigure } from './BasinMapFigure'
import { DIVERGED_RGB, MINIMUM_COLORS, NONE_RGB, rgbCss } from './basinColors'
import { useBasinMaps } from './useBasinMaps'
import './BasinPanel.css'

const STEP_CHOICES = ['100', '300', '1000', '3000'] as const
type StepChoice = (typeof STEP_CHOICES)[number]

/** Tolerance of "reached a minimum": 2% of the larger side of the view. */
const TOLERANCE_SHARE = 0.02

const fmt = (v: number): string => (Math.abs(v) >= 100 ? v.toFixed(1) : v.toFixed(2))

/**
 * Basins of attraction of two racers side by side: every start of a grid over the current view, coloured by
 * the listed minimum its racer's optimizer (kind, convention, hyper-parameters, schedule) reaches in the chosen
 * number of steps, paler when it needed more. Computed in the worker only while the panel is open, coarse
 * first (9² → 65² starts), so a picture appears at once and sharpens while the student looks.
 */
export function BasinPanel() {
  const t = useT()
  const titleId = useId()
  const racers = useApp(selectRacers)
  const schedule = useApp(selectSchedule)
  const surface = useApp(selectSurface)
  const view = useApp(selectView)
  const language = useApp(selectLanguage)
  const [open, setOpen] = useState(false)
  const [choice, setChoice] = useState<[string, string]>(['', ''])
  const [steps, setSteps] = useState<StepChoice>('1000')

  const pick = (i: 0 | 1): RacerSettings => {
    const found = racers.find((r) => r.id === choice[i])
    return found ?? racers[Math.min(i, racers.length - 1)]
  }
  const left = pick(0)
  const right = pick(1)
  const label = (r: RacerSettings): string =>
    `${optimizerName(r.optimizer.kind, language)} · ${racerColors[r.color]?.name[language] ?? ''} · η = ${r.optimizer.lr}`

  const specs = useMemo((): BasinMapSpec[] => {
    const tolerance = TOLERANCE_SHARE * Math.max(view.x[1] - view.x[0], view.y[1] - view.y[0])
    return [left, right].map((r) => ({
      surface: surface.id,
      optimizer: { ...r.optimizer },
      schedule: structuredClone(r.schedule ?? schedule),
      steps: Number(steps),
      x: { min: view.x[0], max: view.x[1], n: 65 },
      y: { min: view.y[0], max: view.y[1], n: 65 },
      tolerance,
    }))
  }, [left, right, schedule, surface.id, view, steps])
  const levels = useBasinMaps(open ? specs : null)

  const options = racers.map((r) => ({ value: r.id, label: label(r) }))
  const progress = (i: number): string => {
    const level = levels[i]
    if (level == null) return t('basins.computing')
    const text = t('basins.progress', { side: level.side, ms: Math.round(level.elapsedMs) })
    return level.done ? text : `${text} · ${t('basins.computing')}`
  }

  return (
    <section className="panel basin-panel" aria-labelledby={titleId} data-testid="basin-panel">
      <h2 id={titleId}>{t('basins.title')}</h2>
      <button
        type="button"
        className="basin-toggle"
        aria-expanded={open}
        data-testid="basin-toggle"
        onClick={() => setOpen(!open)}
      >
        {t('basins.open')}
      </button>
      {open && (
        <>
          <p className="basin-hint">{t('basins.hint')}</p>
          <div className="basin-controls">
            <SelectField
              label={t('basins.left')}
              value={left.id}
              options={options}
              onChange={(v) => setChoice([v, choice[1] || right.id])}
              testId="basin-left"
            />
            <SelectField
              label={t('basins.right')}
              value={right.id}
              options={options}
              onChange={(v) => setChoice([choice[0] || left.id, v])}
              testId="basin-right"
            />
            <SelectField<StepChoice>
              label={t('basins.steps')}
              value={steps}
              options={STEP_CHOICES.map((s) => ({ value: s, label: s }))}
              onChange={setSteps}
              testId="basin-steps"
            />
          </div>
          <div className="basin-pair">
            {[left, right].map((r, i) => (
              <BasinMapFigure
                key={i}
                caption={label(r)}
                aria={t('basins.mapAria', { name: label(r) })}
                spec={specs[i]}
                level={levels[i] ?? null}
                minima={surface.minima}
                progress={progress(i)}
                testId={`basin-map-${i}`}
              />
            ))}
          </div>
          <ul className="basin-legend" aria-label={t('basins.title')}>
            {surface.minima.map(([x, y], i) => (
              <li key={i}>
                <span
                  className="basin-swatch"
                  style={{ background: rgbCss(MINIMUM_COLORS[i % MINIMUM_COLORS.length]) }}
                  aria-hidden="true"
                />
                {t('basins.minimum', { index: i, x: fmt(x), y: fmt(y) })}
              </li>
            ))}
            <li>
              <span className="basin-swatch" style={{ background: rgbCss(NONE_RGB) }} aria-hidden="true" />
              {t('basins.none')}
            </li>
            <li>
              <span
                className="basin-swatch"
                style={{ background: rgbCss(DIVERGED_RGB) }}
                aria-hidden="true"
              />
              {t('basins.diverged')}
            </li>
          </ul>
          {surface.minima.length === 0 && <p className="basin-hint">{t('basins.noMinima')}</p>}
        </>
      )}
    </section>
  )
}
