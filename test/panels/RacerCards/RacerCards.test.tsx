// @vitest-environment jsdom
// The jest-dom matchers' types (test/setup.dom.ts registers them at run time).
import '@testing-library/jest-dom/vitest'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { runTrajectory } from '../../../src/core/run'
import { RacerCards } from '../../../src/panels/RacerCards/RacerCards'
import { createDefaultSettings } from '../../../src/state/settings'
import type { Settings } from '../../../src/state/settings'
import { createAppStore } from '../../../src/state/store'
import { createRegistryCatalog } from '../../../src/state/surfaceCatalog'
import { AppStoreContext } from '../../../src/state/useApp'
import type { RacerFrame } from '../../../src/worker/protocol'
import { loadKatex } from '../../../src/ui/Tex'
import { createFakeDriver } from '../../state/fakeDriver'

beforeAll(async () => {
  // Formulas then typeset synchronously, so no render happens outside act().
  await loadKatex()
})
afterEach(cleanup)

/*
 * Two updates of each racer on Li's saddle L = (1 − w₁w₂)², ∇L = −2(1 − w₁w₂)·(w₂, w₁), from θ⁰ = (1, 0), worked
 * out by hand.
 * Lecture momentum, η = 0.1, λ = 0.9 (m ← λm − ηg; θ ← θ + m):
 *   g⁰ = −2·1·(0, 1) = (0, −2), ‖g⁰‖ = 2, L⁰ = 1; m¹ = −0.1·g⁰ = (0, 0.2); θ¹ = (1, 0.2)
 *   L¹ = 0.8² = 0.64; g¹ = −2·0.8·(0.2, 1) = (−0.32, −1.6), ‖g¹‖ = √2.6624 = 1.6317
 *   m² = 0.9·(0, 0.2) − 0.1·(−0.32, −1.6) = (0.032, 0.34); θ² = (1.032, 0.54)
 *   L² = (1 − 0.55728)² = 0.1960010, g² = −2·0.44272·(0.54, 1.032) = (−0.4781376, −0.91377408)
 * Lecture RMSProp, η = 0.1, α = 0.9 (σ⁰ = |g⁰|, σ = √(ασ² + (1 − α)g²); θ ← θ − (η/σ)g; η/σ = 0 where σ = 0):
 *   σ⁰ = (0, 2), η/σ = (0, 0.05); θ¹ = (1, 0 + 0.05·2) = (1, 0.1)
 *   g¹ = −2·0.9·(0.1, 1) = (−0.18, −1.8); σ¹ = (√(0.1·0.0324), √(0.9·4 + 0.1·3.24)) = (0.05692, 1.98091)
 */
const momentumFrame: RacerFrame = {
  id: 'r0',
  from: 0,
  count: 3,
  x: Float64Array.of(1, 1, 1.032),
  y: Float64Array.of(0, 0.2, 0.54),
  loss: Float64Array.of(1, 0.64, 0.44272 ** 2),
  gradNorm: Float64Array.of(2, Math.sqrt(2.6624), Math.hypot(0.4781376, 0.91377408)),
  lr: Float64Array.of(0.1, 0.1),
  grad: Float64Array.of(0, -2, -0.32, -1.6),
  state: { m: Float64Array.of(0, 0.2, 0.032, 0.34) },
  status: 'ok',
}
const s1 = [Math.sqrt(0.1 * 0.0324), Math.sqrt(0.9 * 4 + 0.1 * 3.24)]
// θ² = θ¹ − (η/σ¹)·g¹, then L² = (1 − x²y²)² and ‖g²‖ = 2|1 − x²y²|·‖θ²‖.
const theta2 = [1 + (0.1 / s1[0]) * 0.18, 0.1 + (0.1 / s1[1]) * 1.8]
const r2 = 1 - theta2[0] * theta2[1]
const rmspropFrame: RacerFrame = {
  id: 'r1',
  from: 0,
  count: 3,
  x: Float64Array.of(1, 1, theta2[0]),
  y: Float64Array.of(0, 0.1, theta2[1]),
  loss: Float64Array.of(1, 0.81, r2 * r2),
  gradNorm: Float64Array.of(2, Math.hypot(0.18, 1.8), 2 * Math.abs(r2) * Math.hypot(theta2[0], theta2[1])),
  lr: Float64Array.of(0.1, 0.1),
  grad: Float64Array.of(0, -2, -0.18, -1.8),
  state: {
    sigma: Float64Array.of(0, 2, s1[0], s1[1]),
    rate: Float64Array.of(0, 0.05, 0.1 / s1[0], 0.1 / s1[1]),
  },
  status: 'ok',
}

function setup() {
  const fake = createFakeDriver()
  const base = createDefaultSettings(createRegistryCatalog())
  const initialSettings: Settings = {
    ...base,
    start: [1, 0],
    racers: [
      {
        id: 'r0',
        color: 0,
        optimizer: { kind: 'momentum', convention: 'lecture', lr: 0.1, momentum: 0.9 },
        schedule: null,
        hidden: false,
      },
      {
        id: 'r1',
        color: 1,
        optimizer: { kind: 'rmsprop', convention: 'lecture', lr: 0.1, rho: 0.9 },
        schedule: null,
        hidden: false,
      },
      {
        id: 'r2',
        color: 2,
        optimizer: { kind: 'sgd', convention: 'lecture', lr: 0.01 },
        schedule: null,
        hidden: true,
      },
    ],
    selectedRacer: 'r0',
  }
  const store = createAppStore({ driver: fake.driver, initialSettings })
  store.getState().restartIfNeeded()
  render(
    <AppStoreContext.Provider value={store}>
      <RacerCards />
    </AppStoreContext.Provider>,
  )
  const feed = () =>
    act(() =>
      fake.emit({
        type: 'race.frames',
        runId: 1,
        cursor: 0,
        playing: false,
        racers: [momentumFrame, rmspropFrame],
      }),
    )
  return { store, fake, feed }
}

const cellText = (racer: string, cell: string) =>
  within(screen.getByTestId(`card-values-${racer}`)).getByText(
    (_, el) => el?.getAttribute('data-cell') === cell,
  ).textContent
const row = (racer: string, name: string) => [0, 1].map((i) => cellText(racer, `${name}-${i}`))

describe('<RacerCards>', () => {
  it('the hand-worked frames agree with the core (so the test feeds what the worker would send)', () => {
    const spec = { surface: 'saddle', start: [1, 0] as [number, number], steps: 2 }
    const m = runTrajectory({
      ...spec,
      optimizer: { kind: 'momentum', convention: 'lecture', lr: 0.1, momentum: 0.9 },
    })
    const r = runTrajectory({
      ...spec,
      optimizer: { kind: 'rmsprop', convention: 'lecture', lr: 0.1, rho: 0.9 },
    })
    for (const [frame, run] of [
      [momentumFrame, m],
      [rmspropFrame, r],
    ] as const) {
      for (const key of ['x', 'y', 'loss', 'gradNorm', 'lr', 'grad'] as const)
        frame[key].forEach((v, i) => expect(run[key][i], `${frame.id}.${key}[${i}]`).toBeCloseTo(v, 12))
      for (const key of Object.keys(frame.state))
        frame.state[key].forEach((v, i) =>
          expect(run.state[key][i], `${frame.id}.${key}[${i}]`).toBeCloseTo(v, 12),
        )
    }
  })

  it('shows a card per visible racer; only the selected one is expanded with its rule and table', () => {
    setup()
    expect(screen.getByTestId('racer-card-r0')).toBeInTheDocument()
    expect(screen.getByTestId('racer-card-r1')).toBeInTheDocument()
    expect(screen.queryByTestId('racer-card-r2')).toBeNull()
    expect(screen.getByTestId('card-values-r0')).toBeInTheDocument()
    expect(screen.queryByTestId('card-values-r1')).toBeNull()
    const card = screen.getByTestId('racer-card-r0')
    // The lecture's momentum rule, typeset by KaTeX from the registry's TeX.
    expect(card.querySelector('.katex annotation')?.textContent).toContain(
      'm &\\leftarrow \\lambda\\, m - \\eta_t\\, g',
    )
    expect(within(card).getByRole('button', { expanded: true })).toHaveTextContent(
      'Momentum · Li Hongyi lecture',
    )
  })

  it('shows the NEXT update’s g, m, η_t and Δθ at the playhead, read from the track', async () => {
    const { feed, store } = setup()
    expect(cellText('r0', 'lr')).toBe('—')
    feed()
    await waitFor(() => expect(cellText('r0', 'lr')).toBe('0.1'))
    // Cursor 0: update t = 0 leaves θ⁰ = (1, 0) with g⁰ = (0, −2) and makes m¹ = (0, 0.2).
    expect(screen.getByTestId('card-values-r0')).toHaveTextContent('Next update t = 0, from step 0 to step 1')
    expect(row('r0', 'theta')).toEqual(['1', '0'])
    expect(row('r0', 'grad')).toEqual(['0', '−2'])
    expect(row('r0', 'state-m')).toEqual(['0', '0.2'])
    expect(row('r0', 'step')).toEqual(['0', '0.2'])
    expect(screen.getByTestId('racer-card-r0')).toHaveTextContent('step 0: L = 1, ‖g‖ = 2')
    act(() => store.getState().seek(1))
    await waitFor(() => expect(row('r0', 'grad')).toEqual(['−0.32', '−1.6']))
    expect(row('r0', 'theta')).toEqual(['1', '0.2'])
    expect(row('r0', 'state-m')).toEqual(['0.032', '0.34'])
    expect(row('r0', 'step')).toEqual(['0.032', '0.34'])
    expect(screen.getByTestId('racer-card-r0')).toHaveTextContent('step 1: L = 0.64, ‖g‖ = 1.632')
  })

  it('at the last point it shows the last update, which led there', async () => {
    const { feed, store } = setup()
    feed()
    act(() => store.getState().seek(2))
    await waitFor(() =>
      expect(screen.getByTestId('card-values-r0')).toHaveTextContent(
        'Last update t = 1, from step 1 to step 2',
      ),
    )
    expect(row('r0', 'grad')).toEqual(['−0.32', '−1.6'])
    expect(row('r0', 'state-m')).toEqual(['0.032', '0.34'])
    expect(screen.getByTestId('racer-card-r0')).toHaveTextContent('step 2: L = 0.196, ‖g‖ = 1.031')
  })

  it('an adaptive racer’s card shows σ and the effective step η_t/σ per parameter', async () => {
    const { feed, store } = setup()
    feed()
    act(() => store.getState().selectRacer('r1'))
    await waitFor(() => expect(row('r1', 'state-sigma')).toEqual(['0', '2']))
    expect(row('r1', 'state-rate')).toEqual(['0', '0.05'])
    act(() => store.getState().seek(1))
    await waitFor(() => expect(row('r1', 'state-sigma')).toEqual(['0.05692', '1.981']))
    // η/σ¹ = 0.1/0.05692 = 1.757 and 0.1/1.98091 = 0.05048.
    expect(row('r1', 'state-rate')).toEqual(['1.757', '0.05048'])
    expect(within(screen.getByTestId('card-values-r1')).getByText('σₜ')).toBeInTheDocument()
    expect(within(screen.getByTestId('card-values-r1')).getByText('ηₜ/σₜ')).toBeInTheDocument()
  })

  it('clicking a collapsed card selects its racer and expands it', () => {
    const { store } = setup()
    fireEvent.click(within(screen.getByTestId('racer-card-r1')).getByRole('button', { expanded: false }))
    expect(store.getState().settings.selectedRacer).toBe('r1')
    expect(screen.getByTestId('card-values-r1')).toBeInTheDocument()
    expect(screen.queryByTestId('card-values-r0')).toBeNull()
  })

  it('notes where conventions differ: momentum under a schedule, and another racer of the same kind', () => {
    const { store } = setup()
    const card = () => screen.getByTestId('racer-card-r0')
    expect(card()).not.toHaveTextContent('PyTorch applies the new η')
    act(() => store.getState().setSchedule({ kind: 'inverse-sqrt' }))
    expect(card()).toHaveTextContent("Under a schedule the lecture's momentum keeps the old η inside m")
    act(() => store.getState().updateRacer('r1', { optimizer: { kind: 'momentum', convention: 'pytorch' } }))
    expect(card()).toHaveTextContent('The blue racer is also Momentum, in the PyTorch convention')
  })

  it('shows a diverged racer’s status', async () => {
    const { store, fake } = setup()
    act(() =>
      fake.emit({
        type: 'race.frames',
        runId: 1,
        cursor: 1,
        playing: false,
        racers: [{ ...momentumFrame, count: 2, status: 'diverged', divergedAt: 2 }],
      }),
    )
    expect(store.getState().tracks[0].status).toBe('diverged')
    await waitFor(() => expect(screen.getByTestId('racer-card-r0')).toHaveTextContent('Diverged at step 2'))
  })

  it('in Chinese the card speaks the lecture’s terms', () => {
    const { store } = setup()
    act(() => store.getState().setLanguage('zh'))
    const card = screen.getByTestId('racer-card-r0')
    expect(card).toHaveTextContent('动量法 · 李宏毅课程（ML2021）')
    expect(card).toHaveTextContent('学习率')
    expect(screen.getByTestId('racer-cards')).toHaveTextContent('更新规则与实时状态')
  })
})
