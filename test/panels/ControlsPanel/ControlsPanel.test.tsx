// @vitest-environment jsdom
// The jest-dom matchers' types (test/setup.dom.ts registers them at run time).
import '@testing-library/jest-dom/vitest'
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { surfaces } from '../../../src/core/surfaces'
import { ControlsPanel } from '../../../src/panels/ControlsPanel/ControlsPanel'
import { createDefaultSettings } from '../../../src/state/settings'
import type { Settings } from '../../../src/state/settings'
import { createAppStore } from '../../../src/state/store'
import { createRegistryCatalog } from '../../../src/state/surfaceCatalog'
import { AppStoreContext } from '../../../src/state/useApp'
import { loadKatex } from '../../../src/ui/Tex'
import { createFakeDriver } from '../../state/fakeDriver'

beforeAll(async () => {
  // Formulas then typeset synchronously, so no render happens outside act().
  await loadKatex()
})
afterEach(cleanup)

function setup(edit?: (s: Settings) => Settings) {
  const fake = createFakeDriver()
  const base = createDefaultSettings(createRegistryCatalog())
  const store = createAppStore({ driver: fake.driver, initialSettings: edit ? edit(base) : base })
  store.getState().restartIfNeeded()
  fake.clear()
  render(
    <AppStoreContext.Provider value={store}>
      <ControlsPanel />
    </AppStoreContext.Provider>,
  )
  const settings = () => store.getState().settings
  const racer = (id: string) => settings().racers.find((r) => r.id === id)
  return { fake, store, settings, racer }
}

/** Types into a field and presses Enter, as a student (and the e2e test) does. */
function enter(testId: string, text: string) {
  const field = screen.getByTestId(testId)
  fireEvent.change(field, { target: { value: text } })
  fireEvent.keyDown(field, { key: 'Enter' })
  return field
}
/** Drags a slider to a position and releases it. */
function slide(testId: string, position: number) {
  const slider = screen.getByTestId(testId)
  fireEvent.input(slider, { target: { value: String(position) } })
  fireEvent.change(slider, { target: { value: String(position) } })
}
const optionValues = (testId: string) =>
  Array.from((screen.getByTestId(testId) as HTMLSelectElement).options, (o) => o.value)

describe('<ControlsPanel> surface and start', () => {
  it('picking a surface calls setSurface: the surface changes, the start goes to its default, the race restarts', () => {
    const { settings, fake } = setup()
    fireEvent.change(screen.getByTestId('surface-select'), { target: { value: 'rosenbrock' } })
    expect(settings().surfaceId).toBe('rosenbrock')
    expect(settings().start).toEqual(surfaces.rosenbrock.start)
    expect(screen.getByTestId('start-x')).toHaveValue(String(surfaces.rosenbrock.start[0]))
    expect(screen.getByTestId('start-y')).toHaveValue(String(surfaces.rosenbrock.start[1]))
    expect(screen.getByTestId('surface-description')).toHaveTextContent(surfaces.rosenbrock.description.en)
    expect(fake.lastRace().racers[0].spec.surface).toBe('rosenbrock')
  })

  it('the surface list is the catalog’s, named in the current language', () => {
    const { store } = setup()
    expect(optionValues('surface-select')).toEqual(store.getState().catalog.ids)
    act(() => store.getState().setLanguage('zh'))
    const select = screen.getByTestId('surface-select') as HTMLSelectElement
    expect(select.selectedOptions[0].textContent).toBe(surfaces.saddle.name.zh)
  })

  it('the start fields commit on Enter; an invalid entry shows a message and keeps the old value', () => {
    const { settings } = setup()
    const [, y0] = settings().start
    enter('start-x', '0')
    expect(settings().start).toEqual([0, y0])
    enter('start-y', '−0.5')
    expect(settings().start).toEqual([0, -0.5])
    const field = enter('start-x', 'abc')
    expect(settings().start).toEqual([0, -0.5])
    expect(field).toHaveValue('0')
    expect(screen.getByRole('alert')).toHaveTextContent('“abc” is not a number. The value stays 0.')
    const y = enter('start-y', '2e6')
    expect(settings().start).toEqual([0, -0.5])
    // The value stays as the field shows it (and as one would type it).
    expect(y).toHaveAccessibleDescription(/Enter a number in \[−10⁶, 10⁶\]\. The value stays -0\.5\./)
  })

  it('the start fields follow a start set elsewhere (a click on the surface, the Hessian escape)', () => {
    const { store } = setup()
    act(() => store.getState().setStart([0.25, 0.75]))
    expect(screen.getByTestId('start-x')).toHaveValue('0.25')
    expect(screen.getByTestId('start-y')).toHaveValue('0.75')
  })
})

describe('<ControlsPanel> racers', () => {
  it('editing η updates the racer’s optimizer spec and restarts the race with it', () => {
    const { racer, fake } = setup()
    enter('racer-lr-r0', '0.2')
    expect(racer('r0')!.optimizer).toEqual({ kind: 'sgd', convention: 'lecture', lr: 0.2 })
    expect(fake.lastRace().racers[0].spec.optimizer.lr).toBe(0.2)
    enter('racer-lr-r1', '1e-7')
    expect(racer('r1')!.optimizer.lr).toBe(1e-7)
  })

  it('an out-of-range η is rejected with a message and the spec keeps its η', () => {
    const { racer, fake } = setup()
    for (const bad of ['0', '-1', '20000']) {
      const field = enter('racer-lr-r0', bad)
      expect(racer('r0')!.optimizer.lr).toBe(0.01)
      expect(field).toHaveValue('0.01')
      expect(screen.getByRole('alert')).toHaveTextContent('Enter a number in (0, 10⁴]. The value stays 0.01.')
    }
    expect(fake.names()).not.toContain('startRace')
  })

  it('the log η slider commits 10^position on release', () => {
    const { racer } = setup()
    slide('racer-lr-slider-r0', -1.3)
    expect(racer('r0')!.optimizer.lr).toBe(0.05)
    slide('racer-lr-slider-r0', -7)
    expect(racer('r0')!.optimizer.lr).toBe(1e-7)
  })

  it('the convention list follows the kind (only the conventions the registry defines for it)', () => {
    const { racer } = setup()
    const all = ['lecture', 'pytorch', 'tensorflow', 'course']
    expect(optionValues('racer-convention-r0')).toEqual(all)
    fireEvent.change(screen.getByTestId('racer-kind-r0'), { target: { value: 'nesterov' } })
    expect(racer('r0')!.optimizer).toMatchObject({ kind: 'nesterov', convention: 'pytorch' })
    expect(optionValues('racer-convention-r0')).toEqual(['pytorch', 'tensorflow'])
    fireEvent.change(screen.getByTestId('racer-kind-r0'), { target: { value: 'adamw' } })
    expect(optionValues('racer-convention-r0')).toEqual(['pytorch'])
    fireEvent.change(screen.getByTestId('racer-kind-r0'), { target: { value: 'adam' } })
    expect(optionValues('racer-convention-r0')).toEqual(all)
    fireEvent.change(screen.getByTestId('racer-convention-r0'), { target: { value: 'tensorflow' } })
    expect(racer('r0')!.optimizer).toMatchObject({ kind: 'adam', convention: 'tensorflow' })
  })

  it('the hyper-parameters are the convention’s, with its defaults and symbols; editing one sets it on the spec', () => {
    const { racer } = setup()
    // Racer r1 is the lecture's momentum with λ = 0.9.
    const editor = screen.getByTestId('racer-editor-r1')
    expect(within(editor).getByTestId('racer-momentum-r1')).toHaveValue('0.9')
    expect(within(editor).getByRole('slider', { name: 'momentum λ' })).toHaveValue('0.9')
    enter('racer-momentum-r1', '0.8')
    expect(racer('r1')!.optimizer.momentum).toBe(0.8)
    enter('racer-momentum-r1', '1')
    expect(racer('r1')!.optimizer.momentum).toBe(0.8)
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a number in [0, 1).')
    fireEvent.click(screen.getByTestId('racer-momentum-reset-r1'))
    expect(racer('r1')!.optimizer.momentum).toBeUndefined()
    fireEvent.change(screen.getByTestId('racer-convention-r1'), { target: { value: 'course' } })
    expect(
      within(screen.getByTestId('racer-editor-r1')).getByRole('slider', { name: 'momentum β' }),
    ).toBeInTheDocument()
    // TF.js Adagrad reads ε and the initial accumulator (default 0.1); the lecture's reads neither.
    fireEvent.change(screen.getByTestId('racer-kind-r2'), { target: { value: 'adagrad' } })
    expect(screen.queryByTestId('racer-eps-r2')).toBeNull()
    fireEvent.change(screen.getByTestId('racer-convention-r2'), { target: { value: 'tensorflow' } })
    expect(screen.getByTestId('racer-initialAccumulator-r2')).toHaveValue('0.1')
    expect(screen.getByTestId('racer-eps-r2')).toHaveValue('1e-7')
  })

  it('add, duplicate, hide and remove racers; add stops at six and the last racer cannot be removed', () => {
    const { settings, racer } = setup()
    fireEvent.click(screen.getByTestId('add-racer'))
    expect(settings().racers.map((r) => r.optimizer.kind)).toEqual([
      'sgd',
      'momentum',
      'rmsprop',
      'adam',
      'adagrad',
    ])
    expect(screen.getByTestId('racer-editor-r4')).toBeInTheDocument()
    fireEvent.click(screen.getByTestId('racer-duplicate-r1'))
    expect(settings().racers.map((r) => r.id)).toEqual(['r0', 'r1', 'r5', 'r2', 'r3', 'r4'])
    expect(racer('r5')!.optimizer).toEqual(racer('r1')!.optimizer)
    expect(screen.getByTestId('add-racer')).toBeDisabled()
    expect(screen.getByTestId('racer-duplicate-r0')).toBeDisabled()
    fireEvent.click(screen.getByTestId('racer-hide-r2'))
    expect(racer('r2')!.hidden).toBe(true)
    expect(screen.getByTestId('racer-hide-r2')).toHaveTextContent('Show')
    fireEvent.click(screen.getByTestId('racer-hide-r2'))
    expect(racer('r2')!.hidden).toBe(false)
    for (const id of ['r5', 'r4', 'r3', 'r2', 'r1']) fireEvent.click(screen.getByTestId(`racer-remove-${id}`))
    expect(settings().racers.map((r) => r.id)).toEqual(['r0'])
    expect(screen.getByTestId('racer-remove-r0')).toBeDisabled()
    expect(screen.getByTestId('add-racer')).toBeEnabled()
  })

  it('“show its update rule” selects the racer whose formula card is shown', () => {
    const { settings } = setup()
    fireEvent.click(screen.getByTestId('racer-select-r2'))
    expect(settings().selectedRacer).toBe('r2')
    expect(screen.getByTestId('racer-select-r2')).toHaveAttribute('aria-pressed', 'true')
    expect(screen.getByTestId('racer-select-r0')).toHaveAttribute('aria-pressed', 'false')
  })

  it('a racer can take its own schedule (starting from the shared one) and give it back', () => {
    const { racer, fake } = setup((s) => ({
      ...s,
      schedule: { kind: 'exponential', decay: 0.99, decaySteps: 1 },
    }))
    fireEvent.click(screen.getByTestId('racer-schedule-own-r1'))
    expect(racer('r1')!.schedule).toEqual({ kind: 'exponential', decay: 0.99, decaySteps: 1 })
    fireEvent.change(screen.getByTestId('racer-schedule-kind-r1'), { target: { value: 'inverse-sqrt' } })
    expect(racer('r1')!.schedule).toEqual({ kind: 'inverse-sqrt' })
    expect(fake.lastRace().racers[1].spec.schedule).toEqual({ kind: 'inverse-sqrt' })
    expect(fake.lastRace().racers[0].spec.schedule).toEqual({
      kind: 'exponential',
      decay: 0.99,
      decaySteps: 1,
    })
    fireEvent.click(screen.getByTestId('racer-schedule-shared-r1'))
    expect(racer('r1')!.schedule).toBeNull()
  })
})

describe('<ControlsPanel> schedule, noise and display', () => {
  it('the schedule editor changes the shared spec: a kind starts from defaults fitted to the race, fields edit it', () => {
    const { settings, fake } = setup()
    fireEvent.change(screen.getByTestId('schedule-kind'), { target: { value: 'step' } })
    // 500 steps: halve every quarter of the race (defaultSchedule).
    expect(settings().schedule).toEqual({ kind: 'step', stepSize: 125, gamma: 0.5 })
    enter('schedule-gamma', '0.25')
    expect(settings().schedule).toEqual({ kind: 'step', stepSize: 125, gamma: 0.25 })
    expect(fake.lastRace().racers.every((r) => r.spec.schedule?.kind === 'step')).toBe(true)
    enter('schedule-gamma', '0')
    expect(settings().schedule).toEqual({ kind: 'step', stepSize: 125, gamma: 0.25 })
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a number in (0, 1].')
    fireEvent.change(screen.getByTestId('schedule-kind'), { target: { value: 'multistep' } })
    enter('schedule-milestones', '100, 300')
    expect(settings().schedule).toEqual({ kind: 'multistep', milestones: [100, 300], gamma: 0.1 })
    enter('schedule-milestones', '300, 100')
    expect(settings().schedule).toMatchObject({ milestones: [100, 300] })
    expect(screen.getByRole('alert')).toHaveTextContent('Milestones are increasing whole numbers')
  })

  it('the schedule editor refuses a cosine warm-up that does not end before T, with a message', () => {
    const { settings } = setup()
    fireEvent.change(screen.getByTestId('schedule-kind'), { target: { value: 'cosine' } })
    expect(settings().schedule).toEqual({ kind: 'cosine', totalSteps: 500, final: 0 })
    enter('schedule-warmupSteps', '50')
    expect(settings().schedule).toEqual({ kind: 'cosine', totalSteps: 500, final: 0, warmupSteps: 50 })
    enter('schedule-warmupSteps', '500')
    expect(settings().schedule).toMatchObject({ warmupSteps: 50 })
    expect(screen.getByRole('alert')).toHaveTextContent('the warm-up must end before T')
    fireEvent.click(screen.getByTestId('schedule-kind'))
    fireEvent.change(screen.getByTestId('schedule-kind'), { target: { value: 'exponential' } })
    fireEvent.click(screen.getByTestId('schedule-staircase'))
    expect(settings().schedule).toEqual({ kind: 'exponential', decay: 0.99, decaySteps: 1, staircase: true })
  })

  it('gradient noise says it is simulated, not mini-batches, and where the true mini-batches are', () => {
    setup()
    const note = screen.getByTestId('noise-simulated')
    expect(note).toHaveTextContent(
      /^Simulated: Gaussian noise added to the exact gradient, not real mini-batches/,
    )
    expect(note).toHaveTextContent('linear regression, 30 examples')
  })

  it('gradient noise: the std slider, the seed field and the anneal steps edit the noise spec', () => {
    const { settings, fake } = setup()
    slide('noise-std', 0.5)
    expect(settings().noise).toEqual({ std: 0.5, seed: 1 })
    expect(fake.lastRace().racers[0].spec.noise).toEqual({ std: 0.5, seed: 1 })
    expect(screen.getByTestId('noise-std-value')).toHaveValue('0.5')
    enter('noise-seed', '42')
    expect(settings().noise.seed).toBe(42)
    enter('noise-seed', '1.5')
    expect(settings().noise.seed).toBe(42)
    enter('noise-anneal', '3000')
    expect(settings().noise).toEqual({ std: 0.5, seed: 42, annealSteps: 3000 })
    enter('noise-anneal', '')
    expect(settings().noise).toEqual({ std: 0.5, seed: 42 })
    enter('noise-std-value', '3')
    expect(settings().noise.std).toBe(3)
  })

  it('palette select and arrows toggle set the display settings', () => {
    const { settings } = setup()
    expect(optionValues('palette-select')).toEqual(['jet', 'viridis', 'cividis'])
    fireEvent.change(screen.getByTestId('palette-select'), { target: { value: 'cividis' } })
    expect(settings().palette).toBe('cividis')
    expect(screen.getByText(/red–green colour blindness/)).toBeInTheDocument()
    fireEvent.click(screen.getByTestId('arrows-toggle'))
    expect(settings().showArrows).toBe(true)
    expect(screen.getByTestId('arrows-toggle')).toBeChecked()
  })
})

describe('<ControlsPanel> languages and accessibility', () => {
  it('every input, select and button has an accessible name, in English and in Chinese', () => {
    const { store } = setup()
    fireEvent.click(screen.getByTestId('racer-schedule-own-r0'))
    for (const language of ['en', 'zh'] as const) {
      act(() => store.getState().setLanguage(language))
      const panel = screen.getByTestId('controls-panel')
      for (const el of panel.querySelectorAll('input, select, button')) expect(el).toHaveAccessibleName()
    }
  })

  it('in Chinese the panel uses the lecture’s terms', () => {
    const { store } = setup()
    act(() => store.getState().setLanguage('zh'))
    const panel = screen.getByTestId('controls-panel')
    expect(panel).toHaveTextContent('误差表面与起点')
    expect(panel).toHaveTextContent('学习率')
    expect(panel).toHaveTextContent('动量系数')
    expect(panel).toHaveTextContent('梯度噪声')
  })
})
