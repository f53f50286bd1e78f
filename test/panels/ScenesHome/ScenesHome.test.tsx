// @vitest-environment jsdom
// The jest-dom matchers' types (test/setup.dom.ts registers them at run time).
import '@testing-library/jest-dom/vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { sampleGrid } from '../../../src/core/grid'
import { getScene, scenes } from '../../../src/core/scenes/index'
import { surfaces } from '../../../src/core/surfaces/index'
import type { Extent } from '../../../src/core/types'
import { ScenesHome } from '../../../src/panels/ScenesHome/ScenesHome'
import { createSceneStore } from '../../../src/state/scene/sceneStore'
import { SceneStoreContext } from '../../../src/state/scene/useScene'
import type { Services, SurfaceGrid } from '../../../src/state/services'
import { ServicesContext } from '../../../src/state/services'
import { createAppStore } from '../../../src/state/store'
import { AppStoreContext } from '../../../src/state/useApp'
import { createFakeDriver } from '../../state/fakeDriver'
import { loadSceneLibrary } from '../../../src/state/scene/sceneLibrary'

// The scenes' content is a lazy chunk in the app; here it is fetched once, so scenes open synchronously.
beforeAll(async () => {
  await loadSceneLibrary()
})

interface GridCall {
  surface: string
  extent: Extent
  nx: number
  ny: number
  signal?: AbortSignal
  resolve: (g: SurfaceGrid) => void
}

/** Services whose grid requests wait until the test answers them (the worker stays out of jsdom). */
function fakeServices() {
  const calls: GridCall[] = []
  const services: Services = {
    requestGrid: (surface, extent, nx, ny, signal) =>
      new Promise<SurfaceGrid>((resolve) => calls.push({ surface, extent, nx, ny, signal, resolve })),
    analyze: () => Promise.reject(new Error('not used')),
  }
  return { services, calls }
}

/** An IntersectionObserver the test drives: `show(el)` tells every observer of `el` it is on screen. */
function installObserver() {
  const observers: { el: Element[]; callback: IntersectionObserverCallback; self: object }[] = []
  class FakeObserver {
    constructor(callback: IntersectionObserverCallback) {
      observers.push({ el: [], callback, self: this })
    }
    observe(el: Element) {
      observers.find((o) => o.self === this)!.el.push(el)
    }
    disconnect() {
      observers.find((o) => o.self === this)!.el = []
    }
    unobserve() {}
    takeRecords() {
      return []
    }
  }
  ;(globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = FakeObserver
  return {
    show(el: Element) {
      for (const o of observers.filter((x) => x.el.includes(el)))
        o.callback(
          [{ isIntersecting: true, target: el } as IntersectionObserverEntry],
          o.self as IntersectionObserver,
        )
    },
  }
}

function setup() {
  const fake = createFakeDriver()
  const app = createAppStore({ driver: fake.driver })
  const store = createSceneStore({ app })
  store.getState().showPage('scenes')
  const { services, calls } = fakeServices()
  const view = render(
    <AppStoreContext.Provider value={app}>
      <ServicesContext.Provider value={services}>
        <SceneStoreContext.Provider value={store}>
          <ScenesHome />
        </SceneStoreContext.Provider>
      </ServicesContext.Provider>
    </AppStoreContext.Provider>,
  )
  return { app, store, calls, view }
}

let getContext: typeof HTMLCanvasElement.prototype.getContext
beforeEach(() => {
  // jsdom has no 2D context: the thumbnail must cope with getContext() returning null.
  getContext = HTMLCanvasElement.prototype.getContext
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof getContext
})
afterEach(() => {
  cleanup()
  HTMLCanvasElement.prototype.getContext = getContext
  delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver
})

const surfaceScenes = scenes.filter((s) => s.surface !== undefined)

describe('<ScenesHome>', () => {
  it('lists every scene in lecture order with its number, both titles, summary and card count, then the playground', () => {
    setup()
    const tiles = screen.getAllByTestId(/^scene-tile-/)
    expect(tiles.map((t) => t.dataset.testid)).toEqual(scenes.map((s) => `scene-tile-${s.id}`))
    const saddle = screen.getByTestId('scene-tile-saddle-escape')
    expect(saddle).toHaveAccessibleName('Open scene 1: Don’t fear the saddle point')
    expect(saddle).toHaveTextContent('Scene 1')
    expect(saddle).toHaveTextContent('鞍点不可怕')
    expect(saddle).toHaveAccessibleDescription(getScene('saddle-escape').summary.en)
    expect(saddle).toHaveTextContent('7 cards')
    expect(screen.getByTestId('playground-tile')).toHaveTextContent('Free playground')
  })

  it('asks the worker for one 48 × 48 grid per surface scene over the scene’s view', () => {
    const { calls } = setup()
    expect(calls.map((c) => c.surface)).toEqual(surfaceScenes.map((s) => s.surface))
    for (const [i, call] of calls.entries()) {
      expect([call.nx, call.ny]).toEqual([48, 48])
      const scene = surfaceScenes[i]
      expect(call.extent).toEqual(scene.view ?? surfaces[scene.surface!].extent)
    }
    expect(calls[0].extent).toEqual({ x: [-3.5, 3.5], y: [-3.5, 3.5] })
  })

  it('waits until a thumbnail is about to scroll into view before asking for its grid', () => {
    const observer = installObserver()
    const { calls } = setup()
    expect(calls).toHaveLength(0)
    act(() => observer.show(screen.getByTestId('scene-thumb-momentum-ball')))
    expect(calls.map((c) => c.surface)).toEqual(['momentum-hill'])
  })

  it('aborts the requests still in flight when the list closes', () => {
    const { calls, view } = setup()
    view.unmount()
    expect(calls.length).toBeGreaterThan(0)
    expect(calls.every((c) => c.signal?.aborted)).toBe(true)
  })

  it('survives a grid arriving where there is no 2D context (jsdom), and labels the thumbnail', async () => {
    const { calls } = setup()
    await act(async () => calls[0].resolve(sampleGrid('saddle', calls[0].extent, 48, 48)))
    expect(screen.getByTestId('scene-thumb-saddle-escape')).toHaveAccessibleName(
      'Error surface Saddle of the worst network, with the start point and the minima',
    )
    expect(screen.getByTestId('scene-thumb-dot-regularization')).toHaveAccessibleName(
      'Sketch: two classes of points and a decision boundary',
    )
  })

  it('a tile opens its scene at the first card; the playground tile leaves lecture mode', () => {
    const { app, store } = setup()
    act(() => void fireEvent.click(screen.getByTestId('scene-tile-rmsprop-brakes')))
    expect(app.getState().settings).toMatchObject({
      scene: 'rmsprop-brakes',
      card: 0,
      surfaceId: 'rmsprop-cliff',
    })
    expect(store.getState().page).toBe('scenes')
    act(() => store.getState().closeScene())
    act(() => void fireEvent.click(screen.getByTestId('playground-tile')))
    expect(store.getState().page).toBe('playground')
  })

  it('speaks Chinese with the English titles beside', () => {
    const { app } = setup()
    act(() => app.getState().setLanguage('zh'))
    const tile = screen.getByTestId('scene-tile-saddle-escape')
    expect(tile).toHaveAccessibleName('打开场景 1：鞍点不可怕')
    expect(tile).toHaveTextContent('场景 1')
    expect(tile).toHaveTextContent('Don’t fear the saddle point')
    expect(screen.getByTestId('playground-tile')).toHaveTextContent('自由游乐场')
  })
})
