import { useId, useState } from 'react'
import type { NumberRule } from '../../state/limits'
import { useT } from '../../state/useApp'
import { parseMilestones } from './controlsModel'

export interface MilestonesFieldProps {
  /** The field's name (the schedule meta's). */
  label: string
  value: readonly number[]
  rule: NumberRule
  onCommit(milestones: number[]): void
  testId: string
}

/**
 * The steps at which a multi-step schedule multiplies η by γ, typed as “100, 200” and committed on Enter or
 * blur; a list that is not 1–32 increasing whole numbers is refused with a message and the old one stays.
 */
export function MilestonesField({ label, value, rule, onCommit, testId }: MilestonesFieldProps) {
  const t = useT()
  const id = useId()
  const [text, setText] = useState<string | null>(null)
  const [error, setError] = useState(false)
  const commit = () => {
    if (text === null) return
    setText(null)
    const list = parseMilestones(text, rule)
    setError(list === null)
    if (list !== null && list.join() !== value.join()) onCommit(list)
  }
  return (
    <label className="controls-field" htmlFor={id}>
      <span className="controls-label">{label}</span>
      <span className="ui-number-field">
        <input
          id={id}
          type="text"
          inputMode="text"
          enterKeyHint="done"
          autoComplete="off"
          value={text ?? value.join(', ')}
          aria-invalid={error}
          aria-describedby={error ? `${id}-error` : undefined}
          data-testid={testId}
          onChange={(e) => {
            setText(e.target.value)
            setError(false)
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              commit()
            }
          }}
          onBlur={commit}
        />
        {error && (
          <span id={`${id}-error`} className="ui-field-error" role="alert">
            {t('controls.error.milestones')}
          </span>
        )}
      </span>
    </label>
  )
}
