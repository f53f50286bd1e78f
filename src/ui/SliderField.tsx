import { useEffect, useId, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { NumberField } from './NumberField'
import type { NumberCheck } from './NumberField'
import { fromSliderPosition, sliderBounds, toSliderPosition } from './sliderScale'
import type { SliderScale } from './sliderScale'
import { useDebouncedCallback } from './useDebouncedCallback'
import './widgets.css'

export interface SliderFieldProps {
  /** The visible label (text, or text with a symbol). */
  label: ReactNode
  /** Accessible names of the slider and of the exact field (the visible label may hold markup). */
  sliderLabel: string
  fieldLabel: string
  scale: SliderScale
  value: number
  onCommit(value: number): void
  /** Validation of the exact field, whose domain may be wider than the slider's range. */
  check(text: string): NumberCheck
  /** Text of a value for the slider's `aria-valuetext` (a log slider's position is log₁₀ of the value). */
  formatValue?(value: number): string
  /** Milliseconds of quiet after the last drag movement before a commit; release always commits at once. */
  debounceMs?: number
  /** A short note on the label's line, e.g. the default and a reset button. */
  hint?: ReactNode
  /** Longer help under the control. */
  help?: ReactNode
  testId?: string
  sliderTestId?: string
  inputMode?: 'decimal' | 'numeric' | 'text'
  disabled?: boolean
}

/**
 * A slider (linear or log₁₀) with an exact number field beside it. Dragging moves a local draft at once and
 * commits it after `debounceMs` (100 ms) of quiet, and at once on release (the native `change` event) or a
 * keyboard step; the field commits on Enter/blur. Every commit restarts the race in the worker, so a drag
 * across the track costs a handful of restarts rather than one per pointer event.
 */
export function SliderField(props: SliderFieldProps) {
  const { scale, value, onCommit, formatValue = String } = props
  const [draft, setDraft] = useState<number | null>(null)
  const id = useId()
  const slider = useRef<HTMLInputElement>(null)
  const commit = useDebouncedCallback((v: number) => {
    setDraft(null)
    if (v !== value) onCommit(v)
  }, props.debounceMs ?? 100)

  useEffect(() => {
    const el = slider.current
    if (el === null) return
    el.addEventListener('change', commit.flush)
    return () => el.removeEventListener('change', commit.flush)
  }, [commit])

  const shown = draft ?? value
  const bounds = sliderBounds(scale)
  const helpId = props.help !== undefined ? `${id}-help` : undefined
  const hintId = props.hint !== undefined ? `${id}-hint` : undefined
  const describedBy = [hintId, helpId].filter(Boolean).join(' ') || undefined
  return (
    <div className="ui-slider-field">
      <div className="ui-slider-head">
        <label className="ui-slider-label" htmlFor={`${id}-range`}>
          {props.label}
        </label>
        {props.hint !== undefined && (
          <span id={hintId} className="ui-hint">
            {props.hint}
          </span>
        )}
      </div>
      <div className="ui-slider-row">
        <input
          ref={slider}
          id={`${id}-range`}
          type="range"
          min={bounds.min}
          max={bounds.max}
          step={bounds.step}
          value={toSliderPosition(shown, scale)}
          aria-label={props.sliderLabel}
          aria-valuetext={formatValue(shown)}
          aria-describedby={describedBy}
          data-testid={props.sliderTestId}
          disabled={props.disabled}
          onChange={(e) => {
            const v = fromSliderPosition(Number(e.target.value), scale)
            setDraft(v)
            commit.call(v)
          }}
        />
        <NumberField
          value={shown}
          check={props.check}
          onCommit={(v) => {
            commit.cancel()
            setDraft(null)
            onCommit(v)
          }}
          label={props.fieldLabel}
          testId={props.testId}
          inputMode={props.inputMode}
          describedBy={describedBy}
          disabled={props.disabled}
        />
      </div>
      {props.help !== undefined && (
        <div id={helpId} className="ui-help">
          {props.help}
        </div>
      )}
    </div>
  )
}
