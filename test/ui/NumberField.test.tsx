// @vitest-environment jsdom
// The jest-dom matchers' types (test/setup.dom.ts registers them at run time).
import '@testing-library/jest-dom/vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { NumberField } from '../../src/ui/NumberField'
import type { NumberCheck } from '../../src/ui/NumberField'
import { SliderField } from '../../src/ui/SliderField'

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const positive = (text: string): NumberCheck => {
  const v = Number(text)
  return text.trim() !== '' && v > 0 ? { value: v } : { error: `bad: ${text}` }
}

function Harness(props: { initial: number; onCommit?: (v: number) => void; clearable?: boolean }) {
  const [value, setValue] = useState<number | undefined>(props.initial)
  return (
    <NumberField
      value={value}
      check={positive}
      onCommit={(v) => {
        props.onCommit?.(v)
        setValue(v)
      }}
      onClear={props.clearable ? () => setValue(undefined) : undefined}
      label="rate"
      testId="field"
    />
  )
}

describe('<NumberField>', () => {
  it('commits a valid number on Enter and on blur, never per keystroke', () => {
    const onCommit = vi.fn()
    render(<Harness initial={1} onCommit={onCommit} />)
    const field = screen.getByTestId('field')
    fireEvent.change(field, { target: { value: '2' } })
    fireEvent.change(field, { target: { value: '2.5' } })
    expect(onCommit).not.toHaveBeenCalled()
    fireEvent.keyDown(field, { key: 'Enter' })
    expect(onCommit).toHaveBeenLastCalledWith(2.5)
    fireEvent.change(field, { target: { value: '3' } })
    fireEvent.blur(field)
    expect(onCommit).toHaveBeenLastCalledWith(3)
    expect(field).toHaveValue('3')
  })

  it('shows the message of an invalid entry, keeps the old value, and clears the message on the next edit', () => {
    const onCommit = vi.fn()
    render(<Harness initial={1} onCommit={onCommit} />)
    const field = screen.getByTestId('field')
    fireEvent.change(field, { target: { value: '-4' } })
    fireEvent.keyDown(field, { key: 'Enter' })
    expect(onCommit).not.toHaveBeenCalled()
    expect(screen.getByRole('alert')).toHaveTextContent('bad: -4')
    expect(field).toHaveValue('1')
    expect(field).toHaveAttribute('aria-invalid', 'true')
    expect(field).toHaveAccessibleDescription('bad: -4')
    fireEvent.change(field, { target: { value: '5' } })
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('Escape abandons the edit; an unchanged value is not committed again', () => {
    const onCommit = vi.fn()
    render(<Harness initial={1} onCommit={onCommit} />)
    const field = screen.getByTestId('field')
    fireEvent.change(field, { target: { value: '9' } })
    fireEvent.keyDown(field, { key: 'Escape' })
    expect(field).toHaveValue('1')
    fireEvent.blur(field)
    fireEvent.change(field, { target: { value: '1' } })
    fireEvent.keyDown(field, { key: 'Enter' })
    expect(onCommit).not.toHaveBeenCalled()
  })

  it('with onClear, committing an empty field clears the setting instead of checking the text', () => {
    render(<Harness initial={4} clearable />)
    const field = screen.getByTestId('field')
    fireEvent.change(field, { target: { value: ' ' } })
    fireEvent.keyDown(field, { key: 'Enter' })
    expect(field).toHaveValue('')
    expect(screen.queryByRole('alert')).toBeNull()
  })
})

describe('<SliderField>', () => {
  const lr = { min: 1e-8, max: 10, step: 0.1, scale: 'log' as const }
  function Slider({ onCommit }: { onCommit: (v: number) => void }) {
    const [value, setValue] = useState(0.01)
    return (
      <SliderField
        label="η"
        sliderLabel="learning rate slider"
        fieldLabel="learning rate"
        scale={lr}
        value={value}
        onCommit={(v) => {
          onCommit(v)
          setValue(v)
        }}
        check={positive}
        formatValue={String}
        testId="lr"
        sliderTestId="lr-slider"
      />
    )
  }

  it('a drag moves the value at once but commits only after 100 ms of quiet (trailing debounce)', () => {
    vi.useFakeTimers()
    const onCommit = vi.fn()
    render(<Slider onCommit={onCommit} />)
    const slider = screen.getByTestId('lr-slider')
    expect(slider).toHaveAttribute('aria-valuetext', '0.01')
    fireEvent.input(slider, { target: { value: '-1.5' } })
    act(() => void vi.advanceTimersByTime(60))
    fireEvent.input(slider, { target: { value: '-1' } })
    expect(screen.getByTestId('lr')).toHaveValue('0.1')
    expect(slider).toHaveAttribute('aria-valuetext', '0.1')
    act(() => void vi.advanceTimersByTime(99))
    expect(onCommit).not.toHaveBeenCalled()
    act(() => void vi.advanceTimersByTime(1))
    expect(onCommit).toHaveBeenCalledTimes(1)
    expect(onCommit).toHaveBeenLastCalledWith(0.1)
  })

  it('releasing the slider (the native change event) commits at once', () => {
    vi.useFakeTimers()
    const onCommit = vi.fn()
    render(<Slider onCommit={onCommit} />)
    const slider = screen.getByTestId('lr-slider')
    fireEvent.input(slider, { target: { value: '-3' } })
    fireEvent.change(slider, { target: { value: '-3' } })
    expect(onCommit).toHaveBeenCalledTimes(1)
    expect(onCommit).toHaveBeenLastCalledWith(0.001)
    act(() => void vi.advanceTimersByTime(500))
    expect(onCommit).toHaveBeenCalledTimes(1)
  })

  it('the exact field accepts values beyond the slider (η = 100) and pins the thumb at the end', () => {
    const onCommit = vi.fn()
    render(<Slider onCommit={onCommit} />)
    fireEvent.change(screen.getByTestId('lr'), { target: { value: '100' } })
    fireEvent.keyDown(screen.getByTestId('lr'), { key: 'Enter' })
    expect(onCommit).toHaveBeenLastCalledWith(100)
    expect(screen.getByTestId('lr-slider')).toHaveValue('1')
    expect(screen.getByTestId('lr-slider')).toHaveAttribute('aria-valuetext', '100')
  })
})
