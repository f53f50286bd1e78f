import { useId } from 'react'
import { getScheduleMeta } from '../../core/meta'
import { scheduleName } from '../../i18n/registryNames'
import { formatValue, texToUnicode } from '../../render/texLabel'
import { defaultSchedule, isRaceScheduleKind, SCHEDULE_KINDS } from '../../state/scheduleRules'
import type { RaceScheduleSpec } from '../../state/scheduleRules'
import { selectLanguage, selectSteps } from '../../state/selectors'
import { useApp, useT } from '../../state/useApp'
import { NumberField } from '../../ui/NumberField'
import { SliderField } from '../../ui/SliderField'
import { Tex } from '../../ui/Tex'
import type { ScheduleControl } from './controlsModel'
import {
  numberCheck,
  scheduleControls,
  scheduleSliderMax,
  scheduleValue,
  withScheduleField,
} from './controlsModel'
import { MilestonesField } from './MilestonesField'

export interface ScheduleEditorProps {
  value: RaceScheduleSpec
  onChange(schedule: RaceScheduleSpec): void
  /** data-testid of the kind select (`schedule-kind` for the shared one). */
  kindTestId: string
  /** Appended to each parameter's test id (`schedule-<field><suffix>`), e.g. `-r1` for a racer's own. */
  testIdSuffix?: string
}

/**
 * A learning-rate schedule η_t: the kind (every step-indexed kind of the registry; plateau needs a loss and
 * belongs to the classifier), its formula, and one control per parameter with the registry's slider range
 * and symbol. A new kind starts from teaching defaults fitted to the race length (`defaultSchedule`).
 */
export function ScheduleEditor({ value, onChange, kindTestId, testIdSuffix = '' }: ScheduleEditorProps) {
  const t = useT()
  const language = useApp(selectLanguage)
  const steps = useApp(selectSteps)
  const id = useId()
  const entry = getScheduleMeta(value.kind)
  return (
    <div className="schedule-editor">
      <label className="controls-field" htmlFor={`${id}-kind`}>
        <span className="controls-label">{t('control.schedule')}</span>
        <select
          id={`${id}-kind`}
          data-testid={kindTestId}
          value={value.kind}
          onChange={(e) => {
            if (isRaceScheduleKind(e.target.value)) onChange(defaultSchedule(e.target.value, steps))
          }}
        >
          {SCHEDULE_KINDS.map((k) => (
            <option key={k} value={k}>
              {scheduleName(k, language)}
            </option>
          ))}
        </select>
      </label>
      <Tex tex={entry.formula} display />
      {entry.reference !== '' && (
        <p className="controls-help">{t('controls.scheduleSource', { source: entry.reference })}</p>
      )}
      {scheduleControls(value.kind).map((control) => (
        <ScheduleField
          key={`${value.kind}-${control.field.name}`}
          spec={value}
          control={control}
          onChange={onChange}
          testId={`schedule-${control.field.name}${testIdSuffix}`}
          language={language}
        />
      ))}
    </div>
  )
}

interface ScheduleFieldProps {
  spec: RaceScheduleSpec
  control: ScheduleControl
  onChange(schedule: RaceScheduleSpec): void
  testId: string
  language: 'en' | 'zh'
}

function ScheduleField({ spec, control, onChange, testId, language }: ScheduleFieldProps) {
  const t = useT()
  const { field, param } = control
  const fieldName = control.name[language]
  const name = field.name
  const set = (v: number | boolean | number[]) => {
    const next = withScheduleField(spec, name, v)
    if (next !== undefined) onChange(next)
  }
  if (field.type === 'boolean') {
    const own = (spec as unknown as Record<string, unknown>)[name]
    return (
      <label className="controls-check">
        <input
          type="checkbox"
          checked={own === true}
          data-testid={testId}
          onChange={(e) => set(e.target.checked)}
        />{' '}
        {fieldName}
      </label>
    )
  }
  if (field.type === 'list') {
    const own = (spec as unknown as Record<string, unknown>)[name]
    return (
      <MilestonesField
        label={fieldName}
        value={Array.isArray(own) ? (own as number[]) : []}
        rule={field.rule}
        onCommit={(list) => set(list)}
        testId={testId}
      />
    )
  }
  const value = scheduleValue(spec, control) ?? field.rule.min
  const fits = (v: number) =>
    withScheduleField(spec, name, v) === undefined ? t('controls.error.schedule') : null
  const check = numberCheck(t, field.rule, value, fits)
  const label = param !== undefined ? paramLabel(param.name[language], param.tex) : name
  if (param === undefined) {
    return (
      <label className="controls-field">
        <span className="controls-label">{fieldName}</span>
        <NumberField value={value} check={check} onCommit={set} testId={testId} />
      </label>
    )
  }
  const fmt = (v: number) => formatValue(v, 4)
  return (
    <SliderField
      label={
        param.tex.startsWith('\\mathrm{') ? (
          label
        ) : (
          <>
            {param.name[language]} <Tex tex={param.tex} fallback={texToUnicode(param.tex)} />
          </>
        )
      }
      sliderLabel={label}
      fieldLabel={label}
      scale={{ ...param, max: scheduleSliderMax(spec, control), integer: field.rule.integer }}
      value={value}
      onCommit={set}
      check={check}
      formatValue={fmt}
      inputMode={field.rule.integer ? 'numeric' : 'decimal'}
      testId={testId}
      sliderTestId={`${testId}-slider`}
      hint={t('param.default', { value: fmt(param.default) })}
    />
  )
}

/** “name symbol”, e.g. “warm-up steps W”; a symbol that is a word (\mathrm{decay}) is left out. */
function paramLabel(name: string, tex: string): string {
  return tex.startsWith('\\mathrm{') ? name : `${name} ${texToUnicode(tex)}`
}
