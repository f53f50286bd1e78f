// @vitest-environment jsdom
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ClassifierLab } from '../../../src/panels/ClassifierLab/ClassifierLab'
import { createLabStore } from '../../../src/state/lab/labStore'
import type { Language } from '../../../src/i18n/translate'
import type { TrainFrame } from '../../../src/worker/protocol'
import { createFakeTrainDriver, frameOf } from '../../state/lab/fakeTrainDriver'

const dotText = readFileSync(resolve('public/dot.csv'), 'utf8')

beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

async function mount(language: Language = 'en') {
  const fake = createFakeTrainDriver()
  const store = createLabStore(fake.driver, { language, fetchText: async () => dotText })
  render(<ClassifierLab store={store} />)
  await waitFor(() => expect(fake.names()).toEqual(['load', 'start']))
  return { fake, store }
}

/** A frame of `epoch` trained epochs showing epoch `view`, with distinct accuracies per epoch (e → e/1000). */
function frameAt(runId: number, epoch: number, view: number, done = false): TrainFrame {
  const f = frameOf(runId, epoch, { playing: false, done })
  for (const r of f.runs) {
    for (let e = 0; e < epoch; e++) r.accuracy[e] = (e + 1) / 1000
    r.view = view
    r.weightsSquared = r.key === 'a' ? 24.36 : 4.14
    r.steepest = r.key === 'a' ? 1.054 : 0.648
  }
  return f
}

describe('the lab’s speed and epoch scrubber', () => {
  it('the speed starts at 60 epochs/s and goes to "as fast as possible" without restarting the run', async () => {
    const { fake, store } = await mount()
    const pace = screen.getByTestId('lab-pace') as HTMLSelectElement
    expect(pace.value).toBe('60')
    expect(pace.selectedOptions[0]).toHaveTextContent('60 epochs/s')
    expect(fake.lastStart().payload.epochsPerSecond).toBe(60)
    fireEvent.change(pace, { target: { value: 'max' } })
    expect(store.getState().settings.pace).toBeNull()
    fireEvent.change(pace, { target: { value: '5' } })
    expect(fake.calls.filter((c) => c.name === 'speed').map((c) => c.args)).toEqual([[null], [5]])
    expect(fake.names().filter((n) => n === 'start')).toHaveLength(1)
  })

  it('the scrubber seeks; the views then show the epoch on screen, its metrics, Σw² and slope', async () => {
    const { fake } = await mount()
    fireEvent.click(screen.getByTestId('lab-train'))
    act(() => fake.emit(frameAt(1, 300, 300)))
    const scrubber = screen.getByTestId('lab-scrubber') as HTMLInputElement
    expect(scrubber.max).toBe('300')
    expect(scrubber.value).toBe('300')
    fireEvent.change(scrubber, { target: { value: '120' } })
    expect(fake.calls.filter((c) => c.name === 'seek').map((c) => c.args)).toEqual([[120]])
    // The worker answers with the recorded epoch 120.
    act(() => fake.emit(frameAt(1, 300, 120)))
    await waitFor(() => expect(screen.getByTestId('lab-epoch-a')).toHaveTextContent('Epoch 120 / 800'))
    expect(screen.getByTestId('lab-scrub-value')).toHaveTextContent('epoch 120 of 300 trained')
    // Accuracy of epoch 120 (history row 119), not of the last trained epoch.
    expect(screen.getByTestId('lab-metrics-a')).toHaveTextContent('accuracy 12.0%')
    expect(screen.getByTestId('lab-weights-a')).toHaveTextContent('Σw² = 24.36 · steepest slope 1.054')
    expect(screen.getByTestId('lab-weights-b')).toHaveTextContent('Σw² = 4.14 · steepest slope 0.648')
    expect(screen.getByTestId('lab-status')).toHaveTextContent('Paused')
  })

  it('a finished run is "done" only with the scrubber at its end', async () => {
    const { fake } = await mount()
    act(() => fake.emit(frameAt(1, 800, 800, true)))
    expect(screen.getByTestId('lab-status')).toHaveTextContent('Done')
    act(() => fake.emit(frameAt(1, 800, 400, true)))
    expect(screen.getByTestId('lab-status')).toHaveTextContent('Paused')
  })

  it('the right view is named by what it trains: never "With none"', async () => {
    const { store } = await mount()
    act(() => store.getState().updateNet('a', { regularization: { kind: 'none' } }))
    expect(screen.getByTestId('lab-view-title-b')).toHaveTextContent('Also without regularization (λ = 0)')
    expect(screen.queryByText(/With none/)).toBeNull()
  })

  it('the curves’ legend is a list under the charts, in both languages', async () => {
    await mount('zh')
    const items = within(screen.getByTestId('lab-curves-legend')).getAllByRole('listitem')
    expect(items.map((li) => li.textContent)).toEqual([
      '无正则化：总损失与准确率',
      '有正则化：L2, λ = 0.03：总损失与准确率',
      '有正则化：L2, λ = 0.03：数据损失',
    ])
    expect(screen.getByTestId('lab-pace')).toHaveDisplayValue('每秒 60 个回合')
  })
})
