// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { Profiler } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { analyzePoint } from '../../../src/core/analyzePoint'
import { surfaceContours } from '../../../src/core/contours'
import { sampleGrid } from '../../../src/core/grid'
import { getSurface } from '../../../src/core/surfaces/index'
import type { Extent } from '../../../src/core/types'
import { SurfacePanel } from '../../../src/panels/SurfacePanel/SurfacePanel'
import { CONTOUR_LEVELS } from '../../../src/panels/SurfacePanel/surfaceLayout'
import { ServicesContext } from '../../../src/state/services'
import type { GridOptions, Services, SurfaceGrid } from '../../../src/state/services'
import { createAppStore } from '../../../src/state/store'
import { AppStoreContext } from '../../../src/state/useApp'
import { createFakeDriver, indexedChunk } from '../../state/fakeDriver'

// The stage is 500 × 400 CSS px; at that width the axes leave a margin of 26 px top, 24 right, 41 bottom and
// 46 left (render's axesMargin(12)), so the plot is 430 × 333 px with its top-left corner at (46, 26).
const W = 500
const H = 400
const PLOT = { left: 46, top: 26, width: 430, height: 333 }
// One unit of w₁ is as long as one of w₂ (issue #9): the view [−2, 2]² is widened across to ±SX, never stretched.
const SX = (2 * PLOT.width) / PLOT.height

/** Canvas calls per canvas (jsdom has no 2D context): every method is a no-op that counts itself. */
const drawn = new Map<HTMLCanvasElement, string[]>()
function fakeContext(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const log: string[] = []
  drawn.set(canvas, log)
  const props: Record<string | symbol, unknown> = {}
  return new Proxy(props, {
    get(target, key) {
      if (key === 'createImageData')
        return (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) })
      if (key in target) return target[key]
      return (..._args: unknown[]) => void log.push(String(key))
    },
    set(target, key, value) {
      target[key] = value
      return true
    },
  }) as unknown as CanvasRenderingContext2D
}

interface GridCall {
  surface: string
  extent: Extent
  nx: number
  ny: number
  signal?: AbortSignal
  options?: GridOptions
  resolve(grid: SurfaceGrid): void
}

function setup() {
  const fake = createFakeDriver()
  const store = createAppStore({ driver: fake.driver })
  const calls: GridCall[] = []
  const services: Services = {
    requestGrid: (surface, extent, nx, ny, signal, options) =>
      new Promise((resolve) => calls.push({ surface, extent, nx, ny, signal, options, resolve })),
    analyze: () => new Promise(() => {}),
  }
  let commits = 0
  const view = render(
    <AppStoreContext.Provider value={store}>
      <ServicesContext.Provider value={services}>
        <Profiler id="surface" onRender={() => commits++}>
          <SurfacePanel />
        </Profiler>
      </ServicesContext.Provider>
    </AppStoreContext.Provider>,
  )
  const canvas = screen.getByTestId('surface-canvas')
  const panel = screen.getByTestId('surface-panel')
  return { fake, store, calls, view, canvas, panel, commits: () => commits }
}

/** Answers a grid request as the worker would: the real samples and contours of the surface asked for. */
function answer(call: GridCall): void {
  const grid = sampleGrid(call.surface, call.extent, call.nx, call.ny)
  act(() => call.resolve({ ...grid, contours: surfaceContours(grid, call.options!.contours!.count, false) }))
}

const pointer = (type: 'pointerDown' | 'pointerMove' | 'pointerUp', el: Element, x: number, y: number) =>
  fireEvent[type](el, {
    clientX: x,
    clientY: y,
    pointerId: 1,
    pointerType: 'mouse',
    button: 0,
    isPrimary: true,
  })

beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({
    left: 0,
    top: 0,
    right: W,
    bottom: H,
    width: W,
    height: H,
    x: 0,
    y: 0,
    toJSON: () => ({}),
  })
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    return fakeContext(this)
  } as never)
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  drawn.clear()
})

describe('SurfacePanel', () => {
  it('renders the saddle’s panel and asks for its grid over the default view with the contour levels', () => {
    const { calls, canvas, panel } = setup()
    expect(canvas).toHaveAttribute('role', 'img')
    expect(canvas.getAttribute('aria-label')).toMatch(/saddle/i)
    expect(panel).toHaveAttribute('data-view', '-2,2,-2,2')
    expect(panel).toHaveAttribute('data-start', '1.5,-1.499')
    expect(calls).toHaveLength(1)
    // About one node per 2 px of the 430 × 333 px plot, rounded up to a multiple of 32, over what is shown.
    expect(calls[0]).toMatchObject({
      surface: 'saddle',
      extent: { x: [-SX, SX], y: [-2, 2] },
      nx: 224,
      ny: 192,
      options: { contours: { count: CONTOUR_LEVELS } },
    })
    for (const id of ['reset-view', 'zoom-in', 'zoom-out']) expect(screen.getByTestId(id)).toBeInTheDocument()
  })

  it('paints the grid it receives and then says so with data-grid-ready="1"', async () => {
    const { calls, panel } = setup()
    expect(panel).not.toHaveAttribute('data-grid-ready')
    answer(calls[0])
    await waitFor(() => expect(panel).toHaveAttribute('data-grid-ready', '1'))
    const base = document.querySelectorAll('canvas')[0]
    expect(drawn.get(base)).toContain('drawImage')
    expect(drawn.get(base)).toContain('stroke')
  })

  it('a click on the plot sets every racer’s start to the point under the pointer (y up)', () => {
    const { store, canvas, panel } = setup()
    // Three quarters across and one quarter down the plot of [−SX, SX] × [−2, 2] is (SX/2, 1).
    const x = PLOT.left + 0.75 * PLOT.width
    const y = PLOT.top + 0.25 * PLOT.height
    pointer('pointerDown', canvas, x, y)
    pointer('pointerUp', canvas, x + 1, y)
    const [sx, sy] = store.getState().settings.start
    expect(sx).toBeCloseTo(SX / 2 + (2 * SX) / PLOT.width, 9)
    expect(sy).toBeCloseTo(1, 9)
    expect(panel.getAttribute('data-start')).toBe(`${sx},${sy}`)
  })

  it('a press that moves farther than a click is a pan, not a new start; clicks on the axes set nothing', () => {
    const { store, canvas } = setup()
    const before = store.getState().settings.start
    pointer('pointerDown', canvas, 200, 200)
    pointer('pointerMove', canvas, 230, 200)
    pointer('pointerUp', canvas, 230, 200)
    pointer('pointerDown', canvas, 20, 390)
    pointer('pointerUp', canvas, 20, 390)
    expect(store.getState().settings.start).toBe(before)
  })

  it('dragging the start marker moves the start by the drag when released', () => {
    const { store, canvas } = setup()
    // The start (1.5, −1.499) is drawn at x = 46 + (1.5 + SX)/(2·SX)·430, y = 26 + 3.499/4·333.
    const sx = PLOT.left + ((1.5 + SX) / (2 * SX)) * PLOT.width
    const sy = PLOT.top + (3.499 / 4) * PLOT.height
    pointer('pointerDown', canvas, sx + 5, sy)
    pointer('pointerMove', canvas, sx + 5 - PLOT.width / 4, sy)
    expect(store.getState().settings.start).toEqual([1.5, -1.499])
    pointer('pointerUp', canvas, sx + 5 - PLOT.width / 4, sy)
    const [x, y] = store.getState().settings.start
    // A quarter of the plot's width is a quarter of the shown 2·SX.
    expect(x).toBeCloseTo(1.5 - SX / 2, 9)
    expect(y).toBeCloseTo(-1.499, 9)
  })

  it('the zoom buttons, keys and "reset view" change the store’s view, and a new grid is requested for it', () => {
    const { store, calls, canvas, panel } = setup()
    fireEvent.click(screen.getByTestId('zoom-in'))
    expect(panel).toHaveAttribute('data-view', `${-2 / 1.5},${2 / 1.5},${-2 / 1.5},${2 / 1.5}`)
    expect(calls).toHaveLength(2)
    expect(calls[0].signal?.aborted).toBe(true)
    // The grid covers what is shown: the store's view, widened across to square units.
    const zoomed = store.getState().settings.view!
    expect(calls[1].extent.y).toEqual(zoomed.y)
    expect(calls[1].extent.x[0]).toBeCloseTo((zoomed.x[0] * PLOT.width) / PLOT.height, 12)
    expect(calls[1].extent.x[1]).toBeCloseTo((zoomed.x[1] * PLOT.width) / PLOT.height, 12)
    fireEvent.click(screen.getByTestId('zoom-out'))
    expect(store.getState().settings.view?.x[1]).toBeCloseTo(2, 12)
    fireEvent.keyDown(canvas, { key: 'ArrowRight' })
    expect(store.getState().settings.view?.x[0]).toBeCloseTo(-1.6, 12)
    fireEvent.click(screen.getByTestId('reset-view'))
    expect(store.getState().settings.view).toBeNull()
    expect(panel).toHaveAttribute('data-view', '-2,2,-2,2')
  })

  it('Shift-hover sets the inspected point; Escape and the “follow” button clear it', async () => {
    const { store, canvas } = setup()
    const x = PLOT.left + PLOT.width / 2
    const y = PLOT.top + PLOT.height / 2
    fireEvent.pointerMove(canvas, {
      clientX: x,
      clientY: y,
      pointerType: 'mouse',
      buttons: 0,
      shiftKey: true,
    })
    await waitFor(() => expect(store.getState().inspectPoint).not.toBeNull())
    const [ix, iy] = store.getState().inspectPoint!
    expect(ix).toBeCloseTo(0, 9)
    expect(iy).toBeCloseTo(0, 9)
    fireEvent.keyDown(canvas, { key: 'Escape' })
    expect(store.getState().inspectPoint).toBeNull()
    act(() => store.getState().setInspectPoint([1, 1]))
    fireEvent.click(screen.getByTestId('surface-follow-racer'))
    expect(store.getState().inspectPoint).toBeNull()
  })

  it('race frames repaint the trail canvas without re-rendering the panel', async () => {
    const { fake, store, commits } = setup()
    const trail = document.querySelectorAll('canvas')[1]
    act(() => store.getState().startRace())
    const runId = store.getState().runId!
    expect(store.getState().tracks).toHaveLength(4)
    const before = commits()
    for (let p = 0; p < 20; p++)
      act(() =>
        fake.emit({
          type: 'race.frames',
          runId,
          cursor: p,
          playing: true,
          racers: store.getState().tracks.map((t) => indexedChunk(t.id, p, 1)),
        }),
      )
    await waitFor(() => expect(drawn.get(trail)).toContain('stroke'))
    expect(commits()).toBe(before)
  })

  it('draws the eigen-axes of the Hessian panel’s analysis on the overlay, with their λ labels', async () => {
    const { store } = setup()
    const overlay = screen.getByTestId('surface-canvas') as HTMLCanvasElement
    await waitFor(() => expect(drawn.get(overlay)).toContain('clearRect'))
    expect(drawn.get(overlay)).not.toContain('strokeText')
    act(() => store.getState().setInspectAnalysis(analyzePoint(getSurface('saddle'), 0, 0)))
    await waitFor(() => expect(drawn.get(overlay)).toContain('strokeText'))
    expect(screen.getByTestId('surface-eigen-legend')).toBeInTheDocument()
  })

  it('switching the surface requests its grid, clears the inspected point, and the title follows the language', () => {
    const { store, calls } = setup()
    act(() => store.getState().setInspectPoint([0, 0]))
    act(() => store.getState().setSurface('himmelblau'))
    expect(calls[calls.length - 1].surface).toBe('himmelblau')
    expect(store.getState().inspectPoint).toBeNull()
    act(() => store.getState().setLanguage('zh'))
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/^误差表面/)
  })

  it('unmounting aborts the grid request in flight', () => {
    const { calls, view } = setup()
    view.unmount()
    expect(calls[0].signal?.aborted).toBe(true)
  })
})
