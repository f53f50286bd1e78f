import { useState } from 'react'
import { getScheduleMeta, scheduleKinds } from '../../core/meta'
import type { ScheduleKind, ScheduleSpec } from '../../core/types'
import type { MessageKey } from '../../i18n/en'
import type { Language } from '../../i18n/translate'
import { normalizeLabSchedule } from '../../state/lab/normalizeNet'
import { scheduleRulesOf } from '../../state/scheduleRules'
import type { ScheduleField } from '../../state/scheduleRules'
import { CheckboxField } from '../../ui/CheckboxField'
import { NumberField } from '../../ui/NumberField'
import { SelectField } from '../../ui/SelectField'
import { Tex } from '../../ui/Tex'
import { checkRule } from './checks'

type T = (key: MessageKey, params?: Record<string, string | number>) => string

const fieldsOf = (kind: ScheduleKind): readonly ScheduleField[] => scheduleRulesOf(kind).fields
/** The kind that means "no schedule" (η_t = η), which the lab stores as null. */
const IDENTITY = scheduleKinds.find((k) => getScheduleMeta(k).identity === true) ?? scheduleKinds[0]

export interface ScheduleFieldsProps {
  t: T
  lang: Language
  value: ScheduleSpec | null
  onChange(next: ScheduleSpec | null): void
  /** Updates per epoch and in the whole run: the schedule's t counts updates. */
  updatesPerEpoch: number
  totalUpdates: number
}

/**
 * The learning-rate schedule: constant, any of the registry's step schedules (with teaching defaults sized
 * to the run's number of updates) or reduce-on-plateau, which watches each epoch's training loss. Numeric
 * parameters come from the registry's sliders, checked against the store's ranges.
 */
export function ScheduleFields({
  t,
  lang,
  value,
  onChange,
  updatesPerEpoch,
  totalUpdates,
}: ScheduleFieldsProps) {
  const kind: ScheduleKind = value?.kind ?? IDENTITY
  const spec = (value ?? { kind }) as unknown as Record<string, unknown>
  const entry = getScheduleMeta(kind)
  const set = (name: string, v: unknown): void => {
    const next = { ...spec, [name]: v }
    if (v === undefined) delete next[name]
    const clean = normalizeLabSchedule(next, true)
    if (clean !== undefined) onChange(clean)
  }
  const choose = (k: ScheduleKind): void => {
    const meta = getScheduleMeta(k)
    if (meta.identity === true) onChange(null)
    else onChange({ ...(meta.raceDefault?.(Math.max(1, totalUpdates)) ?? meta.defaults) } as ScheduleSpec)
  }
  return (
    <>
      <SelectField
        label={t('lab.net.schedule')}
        value={kind}
        options={scheduleKinds.map((k) => ({
          value: k,
          label:
            getScheduleMeta(k).identity === true
              ? t('lab.net.scheduleConstant')
              : getScheduleMeta(k).name[lang],
        }))}
        onChange={choose}
        help={t('lab.net.scheduleUpdates', { n: updatesPerEpoch, total: totalUpdates })}
      />
      {fieldsOf(kind).map((field) => {
        const param = entry.params.find((p) => p.key === field.name)
        const label = param === undefined ? field.name : param.name[lang]
        if (field.type === 'boolean')
          return (
            <CheckboxField
              key={field.name}
              label={t('lab.net.staircase')}
              checked={spec[field.name] === true}
              onChange={(v) => set(field.name, v)}
            />
          )
        if (field.type === 'list')
          return (
            <MilestonesField
              key={field.name}
              t={t}
              value={(spec[field.name] as number[] | undefined) ?? []}
              rule={field.rule}
              onCommit={(v) => set(field.name, v)}
            />
          )
        const current = spec[field.name] as number | undefined
        return (
          <label className="lab-field" key={field.name}>
            <span>
              {label} {param !== undefined && <Tex tex={param.tex} />}
            </span>
            <NumberField
              value={current}
              placeholder={param === undefined ? undefined : String(param.default)}
              check={checkRule(t, field.rule)}
              onCommit={(v) => set(field.name, v)}
              onClear={field.optional ? () => set(field.name, undefined) : undefined}
            />
          </label>
        )
      })}
      {entry.identity !== true && <Tex tex={entry.formula} display />}
    </>
  )
}

/** Milestones as increasing whole numbers, typed with commas (or slashes), committed on Enter or blur. */
function MilestonesField(props: {
  t: T
  value: number[]
  rule: ScheduleField['rule']
  onCommit(v: number[]): void
}) {
  const { t, value, rule, onCommit } = props
  const [text, setText] = useState<string | null>(null)
  const [error, setError] = useState(false)
  const commit = (): void => {
    if (text === null) return
    setText(null)
    const items = text
      .split(/[,，/\s]+/)
      .filter((s) => s !== '')
      .map(Number)
    const ok =
      items.length > 0 &&
      items.every(
        (v, i) => Number.isInteger(v) && v >= rule.min && v <= rule.max && (i === 0 || v > items[i - 1]),
      )
    setError(!ok)
    if (ok) onCommit(items)
  }
  return (
    <label className="lab-field">
      <span>{t('lab.net.milestones')}</span>
      <input
        type="text"
        inputMode="numeric"
        value={text ?? value.join(', ')}
        aria-invalid={error}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit()
        }}
      />
      {error && (
        <span className="ui-field-error" role="alert">
          {t('lab.check.list', { min: rule.min, max: rule.max })}
        </span>
      )}
    </label>
  )
}
