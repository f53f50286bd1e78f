// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ChartsPanel } from '../../../src/panels/ChartsPanel/ChartsPanel'
import { createAppStore } from '../../../src/state/store'
import { AppStoreContext } from '../../../src/state/useApp'
import { RecordingContext } from '../../helpers/recordingContext'
import { createFakeDriver } from '../../state/fakeDriver'

class LayerContext extends RecordingContext {
  clearRect(): void {}
  setTransform(): void {}
}
const contexts = new Map<HTMLCanvasElement, LayerContext>()

beforeEach(() => {
  contexts.clear()
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
  render(
    <AppStoreContext.Provider value={store}>
      <ChartsPanel />
    </AppStoreContext.Provider>,
  )
  const nextFrame = () => act(() => new Promise<void>((r) => requestAnimationFrame(() => r())))
  const lossTexts = () =>
    contexts.get(screen.getByTestId('chart-loss') as HTMLCanvasElement)!.texts.map((x) => x.text)
  return { store, nextFrame, lossTexts }
}

describe('<ChartsPanel> updates / epochs toggle (issue #10)', () => {
  it('is absent without mini-batches, follows the steps’ unit, and switches the x-axis title', async () => {
    const { store, nextFrame, lossTexts } = setup()
    await nextFrame()
    expect(screen.queryByTestId('charts-unit-epochs')).toBeNull()
    expect(lossTexts()).toContain('Step')

    // A batch-5 racer on the 30-example surface: the toggle appears, on updates (steps count updates).
    act(() => {
      store.getState().setSurface('mini-batch-linear')
      store.getState().updateRacer(store.getState().settings.racers[1].id, { batch: 5 })
    })
    await nextFrame()
    expect(screen.getByRole('radiogroup', { name: 'Count' })).toBeInTheDocument()
    expect(screen.getByTestId('charts-unit-updates')).toBeChecked()
    expect(screen.getByText('Loss vs. step')).toBeInTheDocument()

    fireEvent.click(screen.getByTestId('charts-unit-epochs'))
    await nextFrame()
    expect(screen.getByTestId('charts-unit-epochs')).toBeChecked()
    expect(screen.getByText('Loss vs. epoch')).toBeInTheDocument()
    expect(screen.getByTestId('chart-loss').dataset.xUnit).toBe('epochs')
    expect(lossTexts()).toContain('Epoch')

    // Steps counting epochs (a scene like 6) default the axis to epochs, even after the student chose updates.
    fireEvent.click(screen.getByTestId('charts-unit-updates'))
    await nextFrame()
    expect(screen.getByTestId('chart-loss').dataset.xUnit).toBe('updates')
    act(() => store.getState().setStepUnit('epochs'))
    await nextFrame()
    expect(screen.getByTestId('charts-unit-epochs')).toBeChecked()
    expect(screen.getByTestId('chart-loss').dataset.xUnit).toBe('epochs')
  })
})
