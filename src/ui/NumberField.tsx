import { useId, useState } from 'react'
import type { KeyboardEvent } from 'react'
import './widgets.css'

/** The verdict on typed text: the number to commit, or the message to show while the old value stays. */
export type NumberCheck = { value: number } | { error: string }

export interface NumberFieldProps {
  /** The committed value (shown whenever the field is not being edited); undefined shows an empty field. */
  value: number | undefined
  /** Parses and validates the typed text (see `parseNumber`); an error is shown and nothing is committed. */
  check(text: string): NumberCheck
  onCommit(value: number): void
  /** When set, committing an empty field calls this instead of `check` (an optional setting switched off). */
  onClear?(): void
  /** How a committed value is written back into the field; default `String(v)`, exact and re-readable. */
  format?(value: number): string
  /** Accessible name, unless a visible `<label htmlFor={id}>` names the field. */
  label?: string
  id?: string
  testId?: string
  /** The phone keyboard: 'decimal' has no minus sign or “e”, so use 'text' for signed or scientific values. */
  inputMode?: 'decimal' | 'numeric' | 'text'
  placeholder?: string
  /** Ids of help texts that describe the field. */
  describedBy?: string
  className?: string
  disabled?: boolean
}

/**
 * A number input that commits on Enter or blur (never per keystroke: every commit restarts the race). Escape
 * abandons the edit. Invalid text is not committed: its message appears under the field (announced), the
 * field returns to the committed value, and the message stays until the next edit.
 */
export function NumberField(props: NumberFieldProps) {
  const { value, check, onCommit, onClear, format = String } = props
  const [text, setText] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const autoId = useId()
  const id = props.id ?? autoId
  const errorId = `${id}-error`

  const commit = (): void => {
    if (text === null) return
    setText(null)
    if (onClear !== undefined && text.trim() === '') {
      setError(null)
      if (value !== undefined) onClear()
      return
    }
    const verdict = check(text)
    if ('error' in verdict) {
      setError(verdict.error)
      return
    }
    setError(null)
    if (verdict.value !== value) onCommit(verdict.value)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter') {
      e.preventDefault()
      commit()
    } else if (e.key === 'Escape' && text !== null) {
      e.preventDefault()
      setText(null)
      setError(null)
    }
  }
  const describedBy = [props.describedBy, error !== null ? errorId : undefined].filter(Boolean).join(' ')

  return (
    <span className={`ui-number-field${props.className ? ` ${props.className}` : ''}`}>
      <input
        id={id}
        type="text"
        inputMode={props.inputMode ?? 'text'}
        enterKeyHint="done"
        autoComplete="off"
        spellCheck={false}
        value={text ?? (value === undefined ? '' : format(value))}
        placeholder={props.placeholder}
        aria-label={props.label}
        aria-invalid={error !== null}
        aria-describedby={describedBy || undefined}
        data-testid={props.testId}
        disabled={props.disabled}
        onChange={(e) => {
          setText(e.target.value)
          setError(null)
        }}
        onKeyDown={onKeyDown}
        onBlur={commit}
      />
      {error !== null && (
        <span id={errorId} className="ui-field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  )
}
