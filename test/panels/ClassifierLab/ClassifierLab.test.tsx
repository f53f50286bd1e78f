// @vitest-environment jsdom
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ClassifierLab } from '../../../src/panels/ClassifierLab/ClassifierLab'
import { createLabStore } from '../../../src/state/lab/labStore'
import type { Language } from '../../../src/i18n/translate'
import { createFakeTrainDriver, frameOf } from '../../state/lab/fakeTrainDriver'

// Vitest runs from the project root; jsdom's import.meta.url is not a file: URL.
const dotText = readFileSync(resolve('public/dot.csv'), 'utf8')

beforeEach(() => {
  // jsdom has no 2D canvas: the panel then paints nothing, which is what these smoke tests expect.
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
  // The lab loads dot.csv when shown and prepares a paused run on it.
  await waitFor(() => expect(fake.names()).toEqual(['load', 'start']))
  return { fake, store }
}

const file = (text: string, name: string) => new File([text], name, { type: 'text/csv' })

describe('ClassifierLab', () => {
  it('renders the course’s experiment in English', async () => {
    await mount('en')
    expect(screen.getByRole('heading', { name: 'Classifier lab: dot.csv' })).toBeInTheDocument()
    expect(within(screen.getByTestId('lab-view-a')).getByText('Without regularization')).toBeInTheDocument()
    expect(within(screen.getByTestId('lab-view-b')).getByText('With L2, λ = 0.03')).toBeInTheDocument()
    expect(screen.getByTestId('lab-train')).toHaveTextContent('Train')
    // Counted from public/dot.csv with awk: 188 rows of label 1, 112 of label 0.
    expect(screen.getByText('300 rows: 188 red (1), 112 blue (0)', { exact: false })).toBeInTheDocument()
  })

  it('renders every string in Chinese', async () => {
    await mount('zh')
    expect(screen.getByRole('heading', { name: '分类实验：dot.csv' })).toBeInTheDocument()
    expect(within(screen.getByTestId('lab-view-a')).getByText('无正则化')).toBeInTheDocument()
    expect(within(screen.getByTestId('lab-view-b')).getByText('有正则化：L2, λ = 0.03')).toBeInTheDocument()
    expect(screen.getByTestId('lab-train')).toHaveTextContent('训练')
    expect(screen.getByTestId('lab-status')).toHaveTextContent('已暂停')
    expect(screen.queryByText('Train')).toBeNull()
  })

  it('the train button plays the prepared run, then pauses it', async () => {
    const { fake } = await mount()
    fireEvent.click(screen.getByTestId('lab-train'))
    expect(fake.names()).toEqual(['load', 'start', 'play'])
    expect(screen.getByTestId('lab-train')).toHaveTextContent('Pause')
    fireEvent.click(screen.getByTestId('lab-train'))
    expect(fake.names()).toEqual(['load', 'start', 'play', 'pause'])
    const { runs, autoplay, grid } = fake.lastStart().payload
    expect(autoplay).toBe(false)
    expect(grid.nx).toBe(64)
    expect(runs.map((r) => r.config.regularization)).toEqual([{ kind: 'none' }, { kind: 'l2', lambda: 0.03 }])
  })

  it('streamed frames move both epoch counters without a click', async () => {
    const { fake } = await mount()
    fireEvent.click(screen.getByTestId('lab-train'))
    act(() => fake.emit(frameOf(1, 3)))
    await waitFor(() => expect(screen.getByTestId('lab-epoch-a')).toHaveTextContent('Epoch 3 / 800'))
    expect(screen.getByTestId('lab-epoch-b')).toHaveTextContent('Epoch 3 / 800')
  })

  it('a bad file shows the parser’s message with its line number and keeps the data', async () => {
    const { store, fake } = await mount('en')
    const before = store.getState().data.dataset
    const input = screen.getByTestId('lab-drop').querySelector('input[type=file]') as HTMLInputElement
    fireEvent.change(input, { target: { files: [file('x1,x2,y_c\n1,2,1\n3,oops,0\n', 'mine.csv')] } })
    const alert = await screen.findByTestId('lab-data-problem')
    expect(alert).toHaveTextContent('“mine.csv” was not loaded; the current data is kept.')
    expect(alert).toHaveTextContent('Line 3: x2 is "oops", which is not a number.')
    expect(store.getState().data.dataset).toBe(before)
    expect(fake.names()).toEqual(['load', 'start', 'load'])
  })

  it('in Chinese the refused file is explained from the parser’s code, with the line number', async () => {
    await mount('zh')
    const input = screen.getByTestId('lab-drop').querySelector('input[type=file]') as HTMLInputElement
    fireEvent.change(input, { target: { files: [file('x1,x2,y_c\n1,2,1\n3,4,7\n', 'bad.csv')] } })
    const alert = await screen.findByTestId('lab-data-problem')
    expect(alert).toHaveTextContent('未能加载“bad.csv”，保留当前数据。')
    expect(alert).toHaveTextContent('第 3 行：标签 y_c 的值是 7；标签必须是 0 或 1。')
  })

  it('a file name or cell with markup is shown as text, never as HTML', async () => {
    await mount()
    const input = screen.getByTestId('lab-drop').querySelector('input[type=file]') as HTMLInputElement
    const name = '<img src=x onerror=alert(1)>.csv'
    fireEvent.change(input, { target: { files: [file('x1,x2,y_c\n<b>hi</b>,1,1\n', name)] } })
    const alert = await screen.findByTestId('lab-data-problem')
    expect(alert.querySelector('img')).toBeNull()
    expect(alert.querySelector('b')).toBeNull()
    expect(alert).toHaveTextContent('<img src=x onerror=alert(1)>.csv')
  })

  it('compare mode shows both networks’ settings and trains network B too', async () => {
    const { fake } = await mount()
    fireEvent.click(within(screen.getByTestId('lab-mode')).getByText('Compare two networks'))
    expect(screen.getByTestId('lab-a-editor')).toBeInTheDocument()
    expect(screen.getByTestId('lab-b-editor')).toBeInTheDocument()
    expect(within(screen.getByTestId('lab-view-b')).getByText('Network B')).toBeInTheDocument()
    expect(fake.lastStart().payload.runs[1].config.optimizer.kind).toBe('adam')
  })

  it('editing λ in the form retrains from epoch 0 with the new penalty', async () => {
    const { fake } = await mount()
    const lambda = screen.getByTestId('lab-a-lambda')
    fireEvent.change(lambda, { target: { value: '0.1' } })
    fireEvent.blur(lambda)
    expect(fake.lastStart().payload.runs[1].config.regularization).toEqual({ kind: 'l2', lambda: 0.1 })
    expect(within(screen.getByTestId('lab-view-b')).getByText('With L2, λ = 0.1')).toBeInTheDocument()
  })

  it('the compare button sends one comparison request and shows its rows', async () => {
    const { fake } = await mount()
    fake.answerCompare(async () =>
      ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam'].map((kind, i) => ({
        optimizer: { kind: kind as 'sgd', convention: 'lecture' as const, lr: 0.005 },
        epochsToTarget: i === 0 ? null : 100 * i,
        final: { dataLoss: 0.08, loss: 0.08, accuracy: 0.95 },
        epochs: 800,
        stopReason: 'completed' as const,
        timeMs: 20,
        loss: new Float64Array(800).fill(0.1),
      })),
    )
    fireEvent.click(screen.getByTestId('lab-compare'))
    const table = await screen.findByTestId('lab-compare-table')
    expect(fake.names().filter((n) => n === 'compare')).toHaveLength(1)
    expect(within(table).getAllByRole('row')).toHaveLength(6)
    expect(within(table).getByText('not reached')).toBeInTheDocument()
    expect(within(table).getAllByText('95.0%')).toHaveLength(5)
  })
})
