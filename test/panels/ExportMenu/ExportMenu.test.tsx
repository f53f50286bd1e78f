// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { surfaceContours } from '../../../src/core/contours'
import { sampleGrid } from '../../../src/core/grid'
import { getSurface } from '../../../src/core/surfaces/index'
import { ExportMenu } from '../../../src/panels/ExportMenu/ExportMenu'
import { createLabStore } from '../../../src/state/lab/labStore'
import type { LabStore } from '../../../src/state/lab/labStore'
import { ServicesContext } from '../../../src/state/services'
import type { GridOptions, Services } from '../../../src/state/services'
import { createAppStore } from '../../../src/state/store'
import { ShareLinkContext } from '../../../src/state/urlSync'
import { serializeUrl } from '../../../src/state/urlState'
import { AppStoreContext } from '../../../src/state/useApp'
import { createFakeDriver, indexedChunk } from '../../state/fakeDriver'
import { createFakeTrainDriver, frameOf } from '../../state/lab/fakeTrainDriver'

/** What saveBlob handed to the browser: each file's name and contents. */
let saved: { name: string; blob: Blob }[] = []
const blobs = new Map<string, Blob>()

beforeEach(() => {
  saved = []
  blobs.clear()
  let n = 0
  URL.createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:test/${++n}`
    blobs.set(url, blob)
    return url
  })
  URL.revokeObjectURL = vi.fn()
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: blobs.get(this.href)! })
  })
  // jsdom has no 2D canvas: the exporters must cope (the PNG fails cleanly, the SVG leaves the image out).
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

const read = (blob: Blob): Promise<string> =>
  new Promise((resolve) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.readAsText(blob)
  })

function setup(options: { lab?: LabStore; frames?: boolean } = {}) {
  const fake = createFakeDriver()
  const store = createAppStore({ driver: fake.driver })
  store.getState().restartIfNeeded()
  if (options.frames !== false)
    fake.emit({
      type: 'race.frames',
      runId: store.getState().runId!,
      cursor: 10,
      playing: false,
      racers: ['r0', 'r1', 'r2', 'r3'].map((id) => indexedChunk(id, 0, 11)),
    })
  const gridCalls: { surface: string; nx: number; ny: number; options?: GridOptions }[] = []
  const services: Services = {
    requestGrid: async (surface, extent, nx, ny, _signal, opts) => {
      gridCalls.push({ surface, nx, ny, options: opts })
      const grid = sampleGrid(getSurface(surface), extent, nx, ny)
      return { ...grid, contours: surfaceContours(grid, opts?.contours?.count ?? 1, false) }
    },
    analyze: () => Promise.reject(new Error('not used')),
  }
  const link = () => `https://play.example.org/app/?${serializeUrl(store.getState().settings)}&lab=reg`
  render(
    <AppStoreContext.Provider value={store}>
      <ServicesContext.Provider value={services}>
        <ShareLinkContext.Provider value={link}>
          <ExportMenu lab={options.lab} />
        </ShareLinkContext.Provider>
      </ServicesContext.Provider>
    </AppStoreContext.Provider>,
  )
  fireEvent.click(screen.getByTestId('export-menu-toggle'))
  return { store, gridCalls }
}

describe('<ExportMenu>', () => {
  it('the toggle opens the export panel with the surface, CSV and JSON buttons; Escape closes it', () => {
    setup()
    expect(screen.getByTestId('export-menu-toggle')).toHaveAttribute('aria-expanded', 'true')
    for (const id of [
      'export-surface-png',
      'export-surface-svg',
      'export-csv',
      'export-json',
      'embed-button',
    ])
      expect(screen.getByTestId(id)).toBeVisible()
    expect(screen.queryByTestId('export-classifier-png')).toBeNull()
    fireEvent.keyDown(window, { key: 'Escape' })
    expect(screen.queryByTestId('export-csv')).toBeNull()
  })

  it('CSV saves every racer’s trajectory: the header and cursor-independent rows of every received point', async () => {
    setup()
    fireEvent.click(screen.getByTestId('export-csv'))
    await waitFor(() => expect(saved.map((f) => f.name)).toEqual(['trajectories-saddle.csv']))
    const lines = (await read(saved[0].blob)).trimEnd().split('\n')
    expect(lines[0]).toBe('racer,optimizer,convention,step,x,y,loss,lr')
    expect(lines).toHaveLength(1 + 4 * 11)
    expect(screen.getByTestId('export-status')).toHaveTextContent('Saved trajectories-saddle.csv')
  })

  it('JSON saves the settings, the reproducing query and the racers’ arrays', async () => {
    const { store } = setup()
    fireEvent.click(screen.getByTestId('export-json'))
    await waitFor(() => expect(saved).toHaveLength(1))
    const doc = JSON.parse(await read(saved[0].blob))
    expect(saved[0].name).toBe('trajectories-saddle.json')
    expect(doc.query).toBe(serializeUrl(store.getState().settings))
    expect(doc.racers).toHaveLength(4)
    expect(doc.racers[1].loss).toHaveLength(11)
  })

  it('before any point arrives, the data exports say there is nothing yet and save nothing', () => {
    setup({ frames: false })
    fireEvent.click(screen.getByTestId('export-csv'))
    expect(saved).toEqual([])
    expect(screen.getByTestId('export-status')).toHaveTextContent('Nothing to export yet')
  })

  it('SVG asks the worker for a contoured grid of the view and saves a parseable figure with the paths', async () => {
    const { gridCalls } = setup()
    await act(async () => fireEvent.click(screen.getByTestId('export-surface-svg')))
    await waitFor(() => expect(saved).toHaveLength(1))
    expect(gridCalls).toHaveLength(1)
    expect(gridCalls[0].surface).toBe('saddle')
    expect(gridCalls[0].options).toEqual({ contours: { count: 20 } })
    expect(saved[0].name).toBe('loss-surface-saddle.svg')
    expect(saved[0].blob.type).toBe('image/svg+xml')
    const doc = new DOMParser().parseFromString(await read(saved[0].blob), 'image/svg+xml')
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0)
    expect(doc.getElementsByTagName('path').length).toBeGreaterThan(10)
  })

  it('PNG without a 2D canvas fails with a message, never an exception', async () => {
    setup()
    await act(async () => fireEvent.click(screen.getByTestId('export-surface-png')))
    await waitFor(() => expect(screen.getByTestId('export-status')).toHaveAttribute('data-kind', 'failed'))
    expect(saved).toEqual([])
  })

  it('with the lab shown, its decision boundaries can be exported once a run has sent a frame', async () => {
    const train = createFakeTrainDriver()
    const dotText = readFileSync(join(process.cwd(), 'public/dot.csv'), 'utf8')
    const lab = createLabStore(train.driver, { fetchText: async () => dotText })
    setup({ lab })
    fireEvent.click(screen.getByTestId('export-classifier-svg'))
    await waitFor(() =>
      expect(screen.getByTestId('export-status')).toHaveAttribute('data-kind', 'noBoundary'),
    )
    await act(async () => {
      lab.getState().activate()
      for (let i = 0; i < 5; i++) await Promise.resolve()
    })
    train.emit(frameOf(lab.getState().run.runId!, 2, { nx: 8 }))
    await act(async () => fireEvent.click(screen.getByTestId('export-classifier-svg')))
    await waitFor(() => expect(saved).toHaveLength(1))
    expect(saved[0].name).toBe('decision-boundaries.svg')
    const svg = await read(saved[0].blob)
    expect(svg).toContain('Without regularization · epoch 2')
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml')
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0)
    // Both views draw dot.csv's points in the course's class colours (red = 1, blue = 0).
    const fills = Array.from(doc.getElementsByTagName('path')).map((p) => p.getAttribute('fill'))
    expect(fills.filter((f) => f === '#ff0000')).toHaveLength(2)
    expect(fills.filter((f) => f === '#0000ff')).toHaveLength(2)
  })

  it('the embed button shows the iframe code of the current race, with the chosen panel, controls and origin', () => {
    const { store } = setup()
    fireEvent.click(screen.getByTestId('embed-button'))
    const code = () => (screen.getByTestId('embed-snippet') as HTMLTextAreaElement).value
    expect(code()).toMatch(/^<iframe src="https:\/\/play\.example\.org\/app\/\?s=saddle&amp;/)
    expect(code()).toContain('&amp;lab=reg&amp;embed=1&amp;panel=surface&amp;controls=minimal"')
    expect(code()).toContain('width="800" height="450" title="Loss-surface playground"')
    fireEvent.change(screen.getByTestId('embed-controls'), { target: { value: 'none' } })
    fireEvent.change(screen.getByTestId('embed-origin'), { target: { value: 'https://notes.example.edu' } })
    expect(code()).toContain('controls=none&amp;origin=https://notes.example.edu"')
    fireEvent.change(screen.getByTestId('embed-origin'), {
      target: { value: 'https://notes.example.edu/week3' },
    })
    expect(code()).not.toContain('origin=')
    expect(screen.getByTestId('embed-origin')).toHaveAttribute('aria-invalid', 'true')
    // The code follows the settings.
    act(() => store.getState().setSteps(60))
    expect(code()).toContain('&amp;steps=60&amp;')
  })
})
