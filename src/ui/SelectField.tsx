import { useId } from 'react'
import type { ReactNode } from 'react'
import './controls.css'

export interface SelectOption<T extends string> {
  value: T
  label: string
  disabled?: boolean
}

export interface SelectFieldProps<T extends string> {
  /** The visible label (the select's accessible name). */
  label: ReactNode
  value: T
  options: readonly SelectOption<T>[]
  onChange(value: T): void
  disabled?: boolean
  testId?: string
  /** Help text under the control. */
  help?: ReactNode
}

/**
 * A labelled native `<select>`: the phone's own picker on touch screens, full keyboard support everywhere.
 * Only values from `options` are ever reported.
 */
export function SelectField<T extends string>(props: SelectFieldProps<T>) {
  const id = useId()
  const { value, options, onChange } = props
  return (
    <div className="ui-control">
      <label className="ui-control-label" htmlFor={id}>
        {props.label}
      </label>
      <select
        id={id}
        value={value}
        disabled={props.disabled}
        data-testid={props.testId}
        onChange={(e) => {
          const next = options.find((o) => o.value === e.target.value)
          if (next !== undefined && !next.disabled) onChange(next.value)
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
      {props.help !== undefined && <span className="ui-control-help">{props.help}</span>}
    </div>
  )
}
