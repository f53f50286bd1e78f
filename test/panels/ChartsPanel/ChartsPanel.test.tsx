// @vitest-environment jsdom
// The jest-dom matchers' types (test/setup.dom.ts registers them at run time).
import '@testing-library/jest-dom/vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { Profiler } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ChartsPanel } from '../../../src/panels/ChartsPanel/ChartsPanel'
import { scheduleName } from '../../../src/i18n/registryNames'
import { createAppStore } from '../../../src/state/store'
import { AppStoreContext } from '../../../src/state/useApp'
import { RecordingContext } from '../../helpers/recordingContext'
import { createFakeDriver, indexedChunk } from '../../state/fakeDriver'

/** A recording 2D context with the two methods the panel's layers add (sizing and clearing). */
class LayerContext extends RecordingContext {
  clearRect(): void {
    this.calls.push('clearRect')
  }
  setTransform(): void {
    this.calls.push('setTransform')
  }
}
const contexts = new Map<HTMLCanvasElement, LayerContext>()

beforeEach(() => {
  contexts.clear()
  // jsdom has no canvas and no layout: give canvases a recording context and chart boxes a size.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    let ctx = contexts.get(this)
    if (ctx === undefined) contexts.set(this, (ctx = new LayerContext()))
    return ctx as unknown as CanvasRenderingContext2D
  } as unknown as typeof HTMLCanvasElement.prototype.getContext)
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(400)
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(160)
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

function setup() {
  const fake = createFakeDriver()
  const store = createAppStore({ driver: fake.driver })
  store.getState().restartIfNeeded()
  const commits = { n: 0 }
  render(
    <AppStoreContext.Provider value={store}>
      <Profiler id="charts" onRender={() => void commits.n++}>
        <ChartsPanel />
      </Profiler>
    </AppStoreContext.Provider>,
  )
  const frames = (from: number, count: number) =>
    act(() =>
      fake.emit({
        type: 'race.frames',
        runId: store.getState().runId!,
        cursor: from + count - 1,
        playing: true,
        racers: ['r0', 'r1', 'r2', 'r3'].map((id) => indexedChunk(id, from, count)),
      }),
    )
  const nextFrame = () => act(() => new Promise<void>((r) => requestAnimationFrame(() => r())))
  const ctxOf = (testId: string) => contexts.get(screen.getByTestId(testId) as HTMLCanvasElement)!
  return { store, commits, frames, nextFrame, ctxOf }
}

describe('<ChartsPanel>', () => {
  it('renders the loss, gradient-norm and learning-rate canvases with their descriptions', () => {
    setup()
    expect(screen.getByTestId('chart-loss')).toHaveAccessibleName(
      'Loss L of each visible optimizer against the step, on a log scale',
    )
    expect(screen.getByTestId('chart-gradnorm').tagName).toBe('CANVAS')
    expect(screen.getByTestId('chart-lr').tagName).toBe('CANVAS')
  })

  it('paints arriving points on the next animation frame without re-rendering React', async () => {
    const { commits, frames, nextFrame, ctxOf } = setup()
    await nextFrame()
    const before = commits.n
    frames(0, 10)
    frames(10, 10)
    await nextFrame()
    expect(commits.n).toBe(before)
    // Each visible racer's loss curve, in its colour (black, blue, vermillion, bluish green).
    const colours = new Set(
      ctxOf('chart-loss')
        .strokes()
        .map((o) => o.strokeStyle),
    )
    for (const c of ['#000000', '#0072b2', '#d55e00', '#009e73']) expect(colours).toContain(c)
  })

  it('hovering a chart shows the step and each racer’s value as plain text', async () => {
    const { frames, nextFrame } = setup()
    frames(0, 10)
    await nextFrame()
    const box = screen.getByTestId('chart-loss').parentElement!
    vi.spyOn(box, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 0, 400, 160))
    // Hovering far right clamps to the last computed point, step 9 (indexedChunk: loss = 10·step).
    fireEvent.pointerMove(box, { clientX: 375 })
    await nextFrame()
    const tip = box.querySelector('.chart-tooltip') as HTMLElement
    expect(tip.hidden).toBe(false)
    expect(tip.textContent).toBe(
      'Step 9\nGradient descent (SGD): L = 90\nMomentum: L = 90\nRMSProp: L = 90\nAdam: L = 90',
    )
    fireEvent.pointerLeave(box)
    expect(tip.hidden).toBe(true)
  })

  it('lists each schedule in use under the learning-rate chart and follows edits at once', () => {
    const { store } = setup()
    const legend = screen.getByRole('list', { name: 'Schedules in use' })
    expect(legend).toHaveTextContent('Constant: all optimizers')
    act(() => {
      store.getState().setSchedule({ kind: 'step', stepSize: 100, gamma: 0.5 })
      store.getState().updateRacer('r3', { schedule: { kind: 'cosine', totalSteps: 500, final: 0 } })
    })
    const items = Array.from(legend.querySelectorAll('li'), (li) => li.textContent)
    expect(items).toEqual([
      'Step decay: Gradient descent (SGD), Momentum, RMSProp',
      'Cosine annealing with warm-up: Adam',
    ])
  })

  it('names each racer’s own schedule in the η legend (scene 5’s Adagrads), and switches the x axis to log', async () => {
    const { store, nextFrame } = setup()
    act(() => {
      store.getState().updateRacer('r0', { schedule: { kind: 'exponential', decay: 0.99995, decaySteps: 1 } })
      store.getState().updateRacer('r1', { schedule: { kind: 'warmup-inverse-sqrt', warmupSteps: 50 } })
      store.getState().updateRacer('r2', { schedule: { kind: 'inverse-sqrt' } })
    })
    const legend = screen.getByRole('list', { name: 'Schedules in use' })
    const items = Array.from(legend.querySelectorAll('li'), (li) => li.textContent)
    expect(items).toEqual([
      `${scheduleName('exponential', 'en')}: Gradient descent (SGD)`,
      `${scheduleName('warmup-inverse-sqrt', 'en')}: Momentum`,
      `${scheduleName('inverse-sqrt', 'en')}: RMSProp`,
      `${scheduleName('constant', 'en')}: Adam`,
    ])
    expect(Array.from(legend.querySelectorAll('li'), (li) => li.dataset.schedule)).toEqual([
      'exponential',
      'warmup-inverse-sqrt',
      'inverse-sqrt',
      'constant',
    ])
    await nextFrame()
    const lr = screen.getByTestId('chart-lr')
    // The playground's default: linear over 500 steps, the 50-step warm-up ends at 49/500 of the plot.
    expect(lr.dataset.xScale).toBe('linear')
    const linear = Number(lr.dataset.warmupEndPx) / Number(lr.dataset.plotWidth)
    // (the attributes are rounded to 0.1 px)
    expect(linear).toBeCloseTo(49 / 500, 3)
    fireEvent.click(screen.getByTestId('chart-lr-logx'))
    await nextFrame()
    expect(lr.dataset.xScale).toBe('log')
    // log₁₀ 50 / log₁₀ 500 = 0.6295…
    expect(Number(lr.dataset.warmupEndPx) / Number(lr.dataset.plotWidth)).toBeCloseTo(
      Math.log10(50) / Math.log10(500),
      3,
    )
  })
})
