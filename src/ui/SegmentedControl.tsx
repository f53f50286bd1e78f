import type { ReactNode } from 'react'
import './controls.css'

export interface SegmentedControlProps<T extends string> {
  /** Accessible name of the group. */
  label: string
  value: T
  options: readonly { value: T; label: ReactNode }[]
  onChange(value: T): void
  testId?: string
}

/**
 * A row of toggle buttons of which exactly one is pressed (`aria-pressed`), for two to four choices that
 * should all stay visible (a mode, a view). Wraps onto several lines on a narrow screen.
 */
export function SegmentedControl<T extends string>(props: SegmentedControlProps<T>) {
  return (
    <div className="ui-segmented" role="group" aria-label={props.label} data-testid={props.testId}>
      {props.options.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={o.value === props.value}
          onClick={() => {
            if (o.value !== props.value) props.onChange(o.value)
          }}
        >
          {o.label}
        </button>
      ))}
    </div>
  )
}
