import { useId } from 'react'
import type { Convention, OptimizerKind } from '../../core/types'
import { optimizerName } from '../../i18n/registryNames'
import { racerColor, racerColors } from '../../render/colors'
import { MAX_RACERS } from '../../state/limits'
import { conventionsOf, OPTIMIZER_KINDS } from '../../state/optimizerRules'
import type { OptimizerParam } from '../../state/optimizerRules'
import { selectLanguage, selectSchedule } from '../../state/selectors'
import type { RacerSettings } from '../../state/settings'
import type { RacerPatch } from '../../state/slices/settingsSlice'
import { useApp, useAppStore, useT } from '../../state/useApp'
import { NumberField } from '../../ui/NumberField'
import { hyperControls, numberCheck } from './controlsModel'
import { HyperSlider } from './HyperSlider'
import { ScheduleEditor } from './ScheduleEditor'

export interface RacerEditorProps {
  racer: RacerSettings
  /** Position in the legend (0-based). */
  index: number
  /** Its formula card is the one shown. */
  selected: boolean
  canRemove: boolean
  /** A seventh racer cannot be added, so neither can a duplicate. */
  canAdd: boolean
}

/**
 * One racer: kind, convention (only those the registry defines for the kind), η and the hyper-parameters of
 * that convention with its defaults, and under "more" ε, the initial accumulator, weight decay and its own
 * schedule. Buttons select its formula card, hide, duplicate and remove it.
 */
export function RacerEditor({ racer, index, selected, canRemove, canAdd }: RacerEditorProps) {
  const t = useT()
  const store = useAppStore()
  const language = useApp(selectLanguage)
  const shared = useApp(selectSchedule)
  // A surface made of examples offers a batch size (BatchSpec); the others have only the full gradient.
  const examples = useApp((s) => s.catalog.get(s.settings.surfaceId)?.examples)
  const id = useId()
  const { optimizer } = racer
  const rid = racer.id
  const update = (patch: RacerPatch) => store.getState().updateRacer(rid, patch)
  const setParam = (key: 'lr' | OptimizerParam, v: number | undefined) => update({ optimizer: { [key]: v } })
  const controls = hyperControls(optimizer)
  const supported = conventionsOf(optimizer.kind)
  const colorName = racerColors[racer.color % racerColors.length].name[language]
  const label = t('controls.racer', { n: index + 1, color: colorName })
  const slider = (main: boolean) =>
    controls
      .filter((c) => c.main === main)
      .map((c) => (
        <HyperSlider
          key={`${optimizer.kind}-${optimizer.convention}-${c.key}`}
          control={c}
          racerId={rid}
          language={language}
          t={t}
          onCommit={(v) => setParam(c.key, v)}
          onReset={() => setParam(c.key, undefined)}
        />
      ))

  return (
    <fieldset
      className={`racer-editor${selected ? ' is-selected' : ''}${racer.hidden ? ' is-hidden' : ''}`}
      data-testid={`racer-editor-${rid}`}
      style={{ borderLeftColor: racerColor(racer.color) }}
    >
      <legend className="racer-legend">
        <span className="racer-swatch" style={{ background: racerColor(racer.color) }} aria-hidden="true" />
        {label}
        {racer.hidden && <span className="racer-badge">{t('controls.hidden')}</span>}
      </legend>
      <div className="racer-row">
        <label className="controls-field" htmlFor={`${id}-kind`}>
          <span className="controls-label">{t('control.optimizer')}</span>
          <select
            id={`${id}-kind`}
            data-testid={`racer-kind-${rid}`}
            value={optimizer.kind}
            onChange={(e) => update({ optimizer: { kind: e.target.value as OptimizerKind } })}
          >
            {OPTIMIZER_KINDS.map((k) => (
              <option key={k} value={k}>
                {optimizerName(k, language)}
              </option>
            ))}
          </select>
        </label>
        <label className="controls-field" htmlFor={`${id}-conv`}>
          <span className="controls-label">{t('control.convention')}</span>
          <select
            id={`${id}-conv`}
            data-testid={`racer-convention-${rid}`}
            value={optimizer.convention}
            title={t('tooltip.convention')}
            aria-describedby={supported.length === 1 ? `${id}-conv-help` : undefined}
            onChange={(e) => update({ optimizer: { convention: e.target.value as Convention } })}
          >
            {supported.map((c) => (
              <option key={c} value={c}>
                {t(`convention.${c}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {supported.length === 1 && (
        <p id={`${id}-conv-help`} className="controls-help">
          {t('controls.onlyConvention', { convention: t(`convention.${supported[0]}`) })}
        </p>
      )}
      {slider(true)}
      {examples !== undefined && (
        <>
          <label className="controls-field" htmlFor={`${id}-batch`}>
            <span className="controls-label">{t('control.batch')}</span>
            <NumberField
              id={`${id}-batch`}
              value={Math.min(racer.batch ?? examples, examples)}
              check={numberCheck(t, { min: 1, max: examples, integer: true }, racer.batch ?? examples)}
              onCommit={(b) => update({ batch: b >= examples ? null : b })}
              inputMode="numeric"
              testId={`racer-batch-${rid}`}
              describedBy={`${id}-batch-help`}
            />
          </label>
          <p id={`${id}-batch-help`} className="controls-help">
            {t('control.batchHint', { n: examples })}
          </p>
        </>
      )}
      <details className="racer-more">
        <summary>{t('controls.more')}</summary>
        {slider(false)}
        <fieldset className="racer-schedule">
          <legend>{t('controls.scheduleChoice')}</legend>
          <div className="controls-choice" role="radiogroup">
            <label>
              <input
                type="radio"
                name={`${id}-schedule`}
                checked={racer.schedule === null}
                data-testid={`racer-schedule-shared-${rid}`}
                onChange={() => update({ schedule: null })}
              />{' '}
              {t('control.sharedSchedule')}
            </label>
            <label>
              <input
                type="radio"
                name={`${id}-schedule`}
                checked={racer.schedule !== null}
                data-testid={`racer-schedule-own-${rid}`}
                onChange={() => update({ schedule: structuredClone(shared) })}
              />{' '}
              {t('control.ownSchedule')}
            </label>
          </div>
          {racer.schedule !== null && (
            <ScheduleEditor
              value={racer.schedule}
              onChange={(schedule) => update({ schedule })}
              kindTestId={`racer-schedule-kind-${rid}`}
              testIdSuffix={`-${rid}`}
            />
          )}
        </fieldset>
      </details>
      <div className="racer-actions">
        <button
          type="button"
          aria-pressed={selected}
          aria-label={`${t('controls.showCard')}: ${label}`}
          data-testid={`racer-select-${rid}`}
          onClick={() => store.getState().selectRacer(rid)}
        >
          {t('controls.showCard')}
        </button>
        <button
          type="button"
          aria-label={`${racer.hidden ? t('button.show') : t('button.hide')}: ${label}`}
          data-testid={`racer-hide-${rid}`}
          onClick={() => store.getState().toggleRacerHidden(rid)}
        >
          {racer.hidden ? t('button.show') : t('button.hide')}
        </button>
        <button
          type="button"
          data-testid={`racer-duplicate-${rid}`}
          disabled={!canAdd}
          title={canAdd ? undefined : t('tooltip.racersFull', { max: MAX_RACERS })}
          aria-label={`${t('button.duplicateRacer')}: ${label}`}
          onClick={() => store.getState().duplicateRacer(rid)}
        >
          {t('button.duplicateRacer')}
        </button>
        <button
          type="button"
          data-testid={`racer-remove-${rid}`}
          disabled={!canRemove}
          title={canRemove ? undefined : t('tooltip.lastRacer')}
          aria-label={`${t('button.removeRacer')}: ${label}`}
          onClick={() => store.getState().removeRacer(rid)}
        >
          {t('button.removeRacer')}
        </button>
      </div>
    </fieldset>
  )
}
