import type { ReactNode } from 'react'
import './controls.css'

export interface CheckboxFieldProps {
  label: ReactNode
  checked: boolean
  onChange(checked: boolean): void
  disabled?: boolean
  testId?: string
}

/** A checkbox with its label as one 36 px tall touch target. */
export function CheckboxField(props: CheckboxFieldProps) {
  return (
    <label className="ui-checkbox">
      <input
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <span>{props.label}</span>
    </label>
  )
}
