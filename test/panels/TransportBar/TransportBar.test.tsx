// @vitest-environment jsdom
// The jest-dom matchers' types (test/setup.dom.ts registers them at run time).
import '@testing-library/jest-dom/vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { Profiler } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { TransportBar } from '../../../src/panels/TransportBar/TransportBar'
import { createAppStore } from '../../../src/state/store'
import { AppStoreContext } from '../../../src/state/useApp'
import type { RacerFrame } from '../../../src/worker/protocol'
import { createFakeDriver, indexedChunk } from '../../state/fakeDriver'

afterEach(cleanup)

/** A store with a started race (run 1, 500 steps, playing), the bar rendered, and a commit counter. */
function setup() {
  const fake = createFakeDriver()
  const store = createAppStore({ driver: fake.driver })
  store.getState().restartIfNeeded()
  fake.clear()
  const commits = { n: 0 }
  render(
    <AppStoreContext.Provider value={store}>
      <Profiler id="transport" onRender={() => void commits.n++}>
        <TransportBar />
      </Profiler>
    </AppStoreContext.Provider>,
  )
  /** Points from..from+count−1 for every racer, except those given their own chunk in `own`. */
  const frames = (from: number, count: number, own: RacerFrame[] = []) =>
    act(() =>
      fake.emit({
        type: 'race.frames',
        runId: store.getState().runId!,
        cursor: from + count - 1,
        playing: true,
        racers: [
          ...['r0', 'r1', 'r2', 'r3']
            .filter((id) => !own.some((c) => c.id === id))
            .map((id) => indexedChunk(id, from, count)),
          ...own,
        ],
      }),
    )
  return { fake, store, commits, frames }
}
const click = (testId: string) => act(() => fireEvent.click(screen.getByTestId(testId)))

describe('<TransportBar> buttons', () => {
  it('the play button pauses a playing race and plays a paused one', () => {
    const { fake, store } = setup()
    expect(store.getState().playing).toBe(true)
    expect(screen.getByTestId('transport-play')).toHaveAccessibleName('Pause')
    click('transport-play')
    expect(fake.names()).toEqual(['pause'])
    expect(store.getState().playing).toBe(false)
    expect(screen.getByTestId('transport-play')).toHaveAccessibleName('Play')
    click('transport-play')
    expect(fake.names()).toEqual(['pause', 'play'])
  })

  it('step, step back, reset and jump-to-end call the matching store actions', () => {
    const { fake, store, frames } = setup()
    frames(0, 5)
    click('transport-step')
    expect(fake.calls.at(-1)).toEqual({ name: 'step', args: [1] })
    expect(store.getState().cursor).toBe(5)
    click('transport-back')
    expect(fake.calls.at(-1)).toEqual({ name: 'step', args: [-1] })
    expect(store.getState().cursor).toBe(4)
    click('transport-end')
    expect(fake.names().at(-1)).toBe('toEnd')
    click('transport-reset')
    expect(fake.names().at(-1)).toBe('reset')
    expect(store.getState().cursor).toBe(0)
  })
})

describe('<TransportBar> timeline and counter', () => {
  it('the timeline spans the race and dragging it seeks', () => {
    const { fake, store } = setup()
    const timeline = screen.getByTestId('timeline') as HTMLInputElement
    expect(timeline.max).toBe('500')
    act(() => fireEvent.change(timeline, { target: { value: '40' } }))
    expect(fake.calls.at(-1)).toEqual({ name: 'seek', args: [40] })
    expect(store.getState().cursor).toBe(40)
    expect(screen.getByTestId('step-counter')).toHaveTextContent('step 40 / 500')
  })

  it('the thumb and the counter follow the playhead without re-rendering the bar', () => {
    const { commits, frames } = setup()
    const before = commits.n
    for (let p = 0; p < 30; p += 3) frames(p, 3)
    expect(commits.n).toBe(before)
    expect((screen.getByTestId('timeline') as HTMLInputElement).value).toBe('29')
    expect(screen.getByTestId('step-counter')).toHaveTextContent('step 29 / 500')
    expect(screen.getByTestId('timeline')).toHaveAttribute('aria-valuetext', 'Step 29 of 500')
  })

  it('the counter follows the language', () => {
    const { store } = setup()
    act(() => store.getState().setLanguage('zh'))
    expect(screen.getByTestId('step-counter')).toHaveTextContent('第 0 / 500 步')
  })
})

describe('<TransportBar> speed and steps', () => {
  it('the speed slider is logarithmic and sets the speed when released', () => {
    const { fake, store } = setup()
    const slider = screen.getByTestId('transport-speed') as HTMLInputElement
    // 100 steps/s sits at log₁₀ 100 = 2 on a 0…4 track.
    expect(Number(slider.value)).toBeCloseTo(2, 12)
    expect(slider.min).toBe('0')
    expect(slider.max).toBe('4')
    act(() => {
      fireEvent.input(slider, { target: { value: '3' } })
      fireEvent.change(slider, { target: { value: '3' } })
    })
    expect(store.getState().settings.speed).toBe(1000)
    expect(fake.calls.at(-1)).toEqual({ name: 'setSpeed', args: [1000] })
    expect(screen.getByTestId('transport-speed-value')).toHaveValue('1000')
  })

  it('the steps field commits a whole number on Enter and refuses anything else', () => {
    const { store } = setup()
    const field = screen.getByTestId('transport-steps')
    act(() => {
      fireEvent.change(field, { target: { value: '2000' } })
      fireEvent.keyDown(field, { key: 'Enter' })
    })
    expect(store.getState().settings.steps).toBe(2000)
    act(() => {
      fireEvent.change(field, { target: { value: '2.5' } })
      fireEvent.keyDown(field, { key: 'Enter' })
    })
    expect(store.getState().settings.steps).toBe(2000)
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a whole number from 1 to 100000')
  })
})

describe('<TransportBar> race legend', () => {
  it('shows one chip per racer with optimizer, convention and η', () => {
    setup()
    expect(screen.getByTestId('racer-chip-r0')).toHaveTextContent('Gradient descent (SGD)lecture · η = 0.01')
    expect(screen.getByTestId('racer-chip-r3')).toHaveTextContent('Adamlecture · η = 0.05')
  })

  it('names a racer’s own schedule on its chip (scene 5’s Adagrads differ only there)', () => {
    const { store } = setup()
    expect(screen.getByTestId('racer-chip-r0').textContent).not.toMatch(/·.*·/)
    act(() => store.getState().updateRacer('r0', { schedule: { kind: 'inverse-sqrt' } as never }))
    expect(screen.getByTestId('racer-chip-r0')).toHaveTextContent(/η = 0\.01 · \S/)
  })

  it('shows "Diverged at step N" on the chip of a racer whose track diverged', () => {
    const { frames } = setup()
    expect(screen.queryByTestId('diverged-badge-r1')).toBeNull()
    frames(0, 5)
    expect(screen.queryByTestId('diverged-badge-r1')).toBeNull()
    // The worker reports that point 7 of r1 was not finite: r1 has 7 points and stops there.
    frames(5, 5, [{ ...indexedChunk('r1', 5, 2, 'diverged'), divergedAt: 7 }])
    expect(screen.getByTestId('diverged-badge-r1')).toHaveTextContent('Diverged at step 7')
    expect(screen.queryByTestId('diverged-badge-r0')).toBeNull()
    expect(screen.getByTestId('racer-chip-r1')).toContainElement(screen.getByTestId('diverged-badge-r1'))
  })

  it('shows "Escaped at step N" (zh 在第 N 步逃逸) for a racer the worker reports as escaped', () => {
    const { frames, store } = setup()
    frames(0, 5)
    // r2 stayed finite but left the surface far behind at point 6 (core/limits.ts ESCAPE_*): it stops there.
    frames(5, 5, [{ ...indexedChunk('r2', 5, 1, 'diverged'), divergedAt: 6, divergence: 'escaped' }])
    const badge = screen.getByTestId('diverged-badge-r2')
    expect(badge).toHaveTextContent(/^Escaped at step 6$/)
    expect(badge).toHaveAttribute('data-escaped', 'true')
    expect(badge.getAttribute('title')).toMatch(/10¹² times its start/)
    expect(screen.getByTestId('racer-chip-r2')).toContainElement(badge)
    act(() => store.getState().setLanguage('zh'))
    expect(screen.getByTestId('diverged-badge-r2')).toHaveTextContent(/^在第 6 步逃逸$/)
    expect(screen.getByTestId('diverged-badge-r2').getAttribute('title')).toMatch(/10¹² 倍/)
  })

  it('keeps "Diverged at step N" (zh 在第 N 步发散) for a non-finite point', () => {
    const { frames, store } = setup()
    frames(0, 5, [{ ...indexedChunk('r1', 0, 3, 'diverged'), divergedAt: 3, divergence: 'non-finite' }])
    expect(screen.getByTestId('diverged-badge-r1')).toHaveTextContent(/^Diverged at step 3$/)
    expect(screen.getByTestId('diverged-badge-r1')).toHaveAttribute('data-escaped', 'false')
    act(() => store.getState().setLanguage('zh'))
    expect(screen.getByTestId('diverged-badge-r1')).toHaveTextContent(/^在第 3 步发散$/)
  })

  it('clicking a chip selects its racer; its eye hides and shows it', () => {
    const { store } = setup()
    const chip = screen.getByTestId('racer-chip-r2')
    act(() => fireEvent.click(chip.querySelector('.racer-chip-select')!))
    expect(store.getState().settings.selectedRacer).toBe('r2')
    expect(chip).toHaveAttribute('data-selected', 'true')
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Hide RMSProp' })))
    expect(store.getState().settings.racers[2].hidden).toBe(true)
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Show RMSProp' })))
    expect(store.getState().settings.racers[2].hidden).toBe(false)
  })
})

describe('<TransportBar> keyboard', () => {
  it('space toggles play and ← / → step, from anywhere on the page', () => {
    const { fake, store } = setup()
    act(() => fireEvent.keyDown(document.body, { key: ' ' }))
    expect(store.getState().playing).toBe(false)
    act(() => fireEvent.keyDown(document.body, { key: 'ArrowRight' }))
    expect(fake.calls.at(-1)).toEqual({ name: 'step', args: [1] })
    act(() => fireEvent.keyDown(document.body, { key: 'ArrowRight', shiftKey: true }))
    expect(fake.calls.at(-1)).toEqual({ name: 'step', args: [10] })
    act(() => fireEvent.keyDown(document.body, { key: 'ArrowLeft' }))
    expect(fake.calls.at(-1)).toEqual({ name: 'step', args: [-1] })
    act(() => fireEvent.keyDown(document.body, { key: ' ' }))
    expect(store.getState().playing).toBe(true)
  })

  it('space in a text field types a space instead of toggling play', () => {
    const { store } = setup()
    const field = screen.getByTestId('transport-steps')
    act(() => fireEvent.keyDown(field, { key: ' ' }))
    act(() => fireEvent.keyDown(field, { key: 'ArrowLeft' }))
    expect(store.getState().playing).toBe(true)
    expect(store.getState().cursor).toBe(0)
  })
})
