// @vitest-environment jsdom
// The jest-dom matchers' types (test/setup.ts registers them at run time).
import '@testing-library/jest-dom/vitest'
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type * as OptimizerMetaModule from '../../src/core/optimizers/meta'
import type * as ScheduleMetaModule from '../../src/core/schedules/meta'
import type { OptimizerKind, ScheduleSpec } from '../../src/core/types'
import { translate } from '../../src/i18n/translate'
import type { MessageKey } from '../../src/i18n/en'
import { ControlsPanel } from '../../src/panels/ControlsPanel/ControlsPanel'
import { createDefaultSettings } from '../../src/state/settings'
import type { Settings } from '../../src/state/settings'
import { createAppStore } from '../../src/state/store'
import { createRegistryCatalog } from '../../src/state/surfaceCatalog'
import { parseUrl, serializeUrl } from '../../src/state/urlState'
import { AppStoreContext } from '../../src/state/useApp'
import { loadKatex } from '../../src/ui/Tex'
import { createFakeDriver } from '../state/fakeDriver'

/*
 * A toy optimizer and a toy schedule join the meta registries, and nothing else changes: every list, name,
 * slider, URL codec and dictionary entry must follow from the registries alone. The mocks extend the real
 * lists with one entry each and rebuild the lookups from the longer list (what CONTRIBUTING.md asks of a
 * new entry: its meta file plus one line in the list).
 */
vi.mock('../../src/core/optimizers/meta', async (importOriginal) => {
  const real = await importOriginal<typeof OptimizerMetaModule>()
  const toy = {
    id: 'toy',
    name: { en: 'Toy descent', zh: '玩具下降' },
    conventions: {
      lecture: {
        rule: '\\theta \\leftarrow \\theta - \\eta_t\\, g',
        stateKeys: [],
        hyperParams: [real.hyperParam('lr', 0.01), real.hyperParam('momentum', 0.5)],
      },
    },
    teachingLr: 0.02,
    addOrder: 100,
    capabilities: {},
  }
  return { ...real, ...real.optimizerMetaRegistry([...real.optimizerMetaList, toy]) }
})
vi.mock('../../src/core/schedules/meta', async (importOriginal) => {
  const real = await importOriginal<typeof ScheduleMetaModule>()
  const name = { en: 'half-life', zh: '半衰期' }
  const slider = real.slider('H', { min: 1, max: 1000, step: 1, default: 10 }, true)
  const toy = {
    id: 'toy-halving',
    name: { en: 'Toy halving', zh: '玩具减半' },
    formula: '\\eta_t = \\eta \\cdot 2^{-t/H}',
    reference: '',
    fields: [
      {
        key: 'halfLife',
        type: 'number',
        name,
        domain: { min: 1, max: 100000, integer: true },
        slider,
      },
    ],
    params: [{ key: 'halfLife', name, ...slider }],
    defaults: { kind: 'toy-halving', halfLife: 10 },
    raceDefault: (steps: number) => ({ kind: 'toy-halving', halfLife: Math.max(1, Math.round(steps / 5)) }),
    lr: (base: number, spec: { halfLife: number }, t: number) => base * 2 ** (-t / spec.halfLife),
  }
  return { ...real, ...real.scheduleMetaRegistry([...real.scheduleMetaList, toy]) }
})

beforeAll(async () => {
  await loadKatex()
})
afterEach(cleanup)

const TOY = 'toy' as OptimizerKind
const TOY_SCHEDULE = 'toy-halving' as ScheduleSpec['kind']

function setup() {
  const fake = createFakeDriver()
  const store = createAppStore({
    driver: fake.driver,
    initialSettings: createDefaultSettings(createRegistryCatalog()),
  })
  render(
    <AppStoreContext.Provider value={store}>
      <ControlsPanel />
    </AppStoreContext.Provider>,
  )
  const settings = () => store.getState().settings
  return { store, settings }
}

const options = (testId: string) =>
  Array.from((screen.getByTestId(testId) as HTMLSelectElement).options, (o) => [o.value, o.textContent])

describe('a toy optimizer and a toy schedule added to the meta registries', () => {
  it('appear in the controls, with their names and their own sliders, and can be picked', () => {
    const { settings } = setup()
    expect(options('racer-kind-r0')).toContainEqual(['toy', 'Toy descent'])
    expect(options('schedule-kind')).toContainEqual(['toy-halving', 'Toy halving'])

    fireEvent.change(screen.getByTestId('racer-kind-r0'), { target: { value: 'toy' } })
    expect(settings().racers[0].optimizer).toMatchObject({ kind: 'toy', convention: 'lecture' })
    // The toy reads λ (its meta's hyper-parameter), so the editor offers that slider.
    expect(within(screen.getByTestId('racer-editor-r0')).getAllByText(/momentum/).length).toBeGreaterThan(0)

    fireEvent.change(screen.getByTestId('schedule-kind'), { target: { value: 'toy-halving' } })
    const steps = settings().steps
    expect(settings().schedule).toEqual({ kind: 'toy-halving', halfLife: Math.max(1, Math.round(steps / 5)) })
    expect(screen.getByTestId('schedule-halfLife')).toBeInTheDocument()
  })

  it('survive the URL round trip (serialize → parse) without a notice', () => {
    const base = createDefaultSettings(createRegistryCatalog())
    const settings: Settings = {
      ...base,
      schedule: { kind: TOY_SCHEDULE, halfLife: 40 } as unknown as Settings['schedule'],
      racers: base.racers.map((r, i) =>
        i === 0
          ? {
              ...r,
              optimizer: { kind: TOY, convention: 'lecture', lr: 0.03, momentum: 0.7 },
              schedule: { kind: TOY_SCHEDULE, halfLife: 7 } as unknown as Settings['schedule'],
            }
          : r,
      ),
    }
    const query = serializeUrl(settings)
    expect(query).toContain('toy(lecture,lr:0.03,m:0.7')
    expect(query).toContain('toy-halving(halfLife:40)')
    const back = parseUrl(query)
    expect(back.notices).toEqual([])
    expect(back.settings.racers[0].optimizer).toEqual(settings.racers[0].optimizer)
    expect(back.settings.racers[0].schedule).toEqual({ kind: 'toy-halving', halfLife: 7 })
    expect(back.settings.schedule).toEqual({ kind: 'toy-halving', halfLife: 40 })
  })

  it('have names in both languages, in the controls and in the dictionaries', () => {
    const { store } = setup()
    act(() => store.getState().setLanguage('zh'))
    expect(options('racer-kind-r0')).toContainEqual(['toy', '玩具下降'])
    expect(options('schedule-kind')).toContainEqual(['toy-halving', '玩具减半'])
    expect(translate('en', 'optimizer.toy' as MessageKey)).toBe('Toy descent')
    expect(translate('zh', 'optimizer.toy' as MessageKey)).toBe('玩具下降')
    expect(translate('en', 'schedule.toy-halving' as MessageKey)).toBe('Toy halving')
    expect(translate('zh', 'schedule.toy-halving' as MessageKey)).toBe('玩具减半')
  })
})
