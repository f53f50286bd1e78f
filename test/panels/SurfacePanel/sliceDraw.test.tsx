// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SurfacePanel } from '../../../src/panels/SurfacePanel/SurfacePanel'
import { ServicesContext } from '../../../src/state/services'
import type { Services } from '../../../src/state/services'
import { createAppStore } from '../../../src/state/store'
import { AppStoreContext } from '../../../src/state/useApp'
import { createFakeDriver } from '../../state/fakeDriver'

// As in SurfacePanel.test.tsx: a 500 × 400 px stage whose plot is 430 × 333 px at (46, 26), showing the saddle's
// view [−2, 2]² widened across to ±SX (square units).
const W = 500
const H = 400
const PLOT = { left: 46, top: 26, width: 430, height: 333 }
const SX = (2 * PLOT.width) / PLOT.height
/** Page px of the parameter point (x, y). */
const px = (x: number, y: number): [number, number] => [
  PLOT.left + ((x + SX) / (2 * SX)) * PLOT.width,
  PLOT.top + ((2 - y) / 4) * PLOT.height,
]

function setup() {
  const store = createAppStore({ driver: createFakeDriver().driver })
  const services: Services = {
    requestGrid: () => new Promise(() => {}),
    analyze: () => new Promise(() => {}),
  }
  render(
    <AppStoreContext.Provider value={store}>
      <ServicesContext.Provider value={services}>
        <SurfacePanel />
      </ServicesContext.Provider>
    </AppStoreContext.Provider>,
  )
  return { store, canvas: screen.getByTestId('surface-canvas') }
}

const pointer = (type: 'pointerDown' | 'pointerMove' | 'pointerUp', el: Element, [x, y]: [number, number]) =>
  fireEvent[type](el, {
    clientX: x,
    clientY: y,
    pointerId: 1,
    pointerType: 'mouse',
    button: 0,
    isPrimary: true,
  })

function drag(canvas: Element, a: [number, number], b: [number, number]): void {
  pointer('pointerDown', canvas, a)
  pointer('pointerMove', canvas, [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2])
  pointer('pointerMove', canvas, b)
  pointer('pointerUp', canvas, b)
}

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
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

describe('the slice tool’s draw mode on the 2D map', () => {
  it('a drag draws the line (y up), a drag from an end moves that end; start and view stay', () => {
    const { store, canvas } = setup()
    act(() => {
      store.getState().setSlice({ from: [-2, 0], to: [2, 0] })
      store.getState().setSliceDrawing(true)
    })
    expect(screen.getByTestId('surface-slice-mode')).toBeInTheDocument()
    expect(canvas.closest('.surface-stage')).toHaveAttribute('data-slice-drawing', '1')
    const start = store.getState().settings.start
    act(() => drag(canvas, px(-1, -1), px(1, 1.5)))
    const line = store.getState().settings.slice!
    expect(line.from[0]).toBeCloseTo(-1, 9)
    expect(line.from[1]).toBeCloseTo(-1, 9)
    expect(line.to[0]).toBeCloseTo(1, 9)
    expect(line.to[1]).toBeCloseTo(1.5, 9)
    act(() => drag(canvas, px(1, 1.5), px(0.5, -1.5)))
    const moved = store.getState().settings.slice!
    expect(moved.from).toEqual(line.from)
    expect(moved.to[0]).toBeCloseTo(0.5, 9)
    expect(moved.to[1]).toBeCloseTo(-1.5, 9)
    // A press without a drag keeps the line, and sets no start.
    act(() => {
      pointer('pointerDown', canvas, px(0, 0))
      pointer('pointerUp', canvas, px(0, 0))
    })
    expect(store.getState().settings.slice).toBe(moved)
    expect(store.getState().settings.start).toBe(start)
    expect(store.getState().settings.view).toBeNull()
  })

  it('"Done drawing" ends the mode: a click sets the start again and the line stays', () => {
    const { store, canvas } = setup()
    act(() => {
      store.getState().setSlice({ from: [-2, 0], to: [2, 0] })
      store.getState().setSliceDrawing(true)
    })
    act(() => void fireEvent.click(screen.getByTestId('surface-slice-done')))
    expect(store.getState().sliceDrawing).toBe(false)
    expect(screen.queryByTestId('surface-slice-mode')).toBeNull()
    const line = store.getState().settings.slice
    act(() => {
      pointer('pointerDown', canvas, px(1, 1))
      pointer('pointerUp', canvas, px(1, 1))
    })
    expect(store.getState().settings.start[0]).toBeCloseTo(1, 9)
    expect(store.getState().settings.slice).toBe(line)
  })

  it('with the tool closed the draw mode does nothing', () => {
    const { store, canvas } = setup()
    act(() => store.getState().setSliceDrawing(true))
    expect(screen.queryByTestId('surface-slice-mode')).toBeNull()
    act(() => drag(canvas, px(-1, -1), px(1, 1)))
    expect(store.getState().settings.slice).toBeUndefined()
  })
})
