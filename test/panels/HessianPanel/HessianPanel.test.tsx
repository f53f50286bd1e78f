// @vitest-environment jsdom
// The jest-dom matchers' types (test/setup.dom.ts registers them at run time).
import '@testing-library/jest-dom/vitest'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { analyzePoint } from '../../../src/core/analyzePoint'
import { HessianPanel } from '../../../src/panels/HessianPanel/HessianPanel'
import type { Services } from '../../../src/state/services'
import { ServicesContext } from '../../../src/state/services'
import { createAppStore } from '../../../src/state/store'
import type { AppState } from '../../../src/state/store'
import { AppStoreContext } from '../../../src/state/useApp'
import { createFakeDriver } from '../../state/fakeDriver'

afterEach(cleanup)

/** Services whose `analyze` runs the core's real analyzePoint (the worker's code), recording each request. */
function fakeServices(hang = false) {
  const requests: { surface: string; x: number; y: number; signal?: AbortSignal }[] = []
  const services: Services = {
    requestGrid: () => Promise.reject(new Error('not used')),
    analyze(surface, x, y, signal) {
      requests.push({ surface, x, y, signal })
      if (!hang) return Promise.resolve(analyzePoint(surface, x, y))
      return new Promise((_, reject) =>
        signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      )
    },
  }
  return { services, requests }
}

function setup(prepare: (actions: AppState) => void, hang = false) {
  const fake = createFakeDriver()
  const store = createAppStore({ driver: fake.driver })
  prepare(store.getState())
  const { services, requests } = fakeServices(hang)
  const view = render(
    <AppStoreContext.Provider value={store}>
      <ServicesContext.Provider value={services}>
        <HessianPanel />
      </ServicesContext.Provider>
    </AppStoreContext.Provider>,
  )
  const panel = () => screen.getByTestId('hessian-panel')
  return { fake, store, requests, panel, view }
}

describe('<HessianPanel> at the saddle of the worst network (docs/lectures.md S1)', () => {
  it('analyses the start point before the race has points and shows a saddle: λ = −2 and 2, minimum ratio ½', async () => {
    const { store, requests, panel } = setup((s) => s.setStart([0, 0]))
    await waitFor(() => expect(panel()).toHaveAttribute('data-kind', 'saddle'))
    expect(requests[0]).toMatchObject({ surface: 'saddle', x: 0, y: 0 })
    expect(screen.getByTestId('hessian-kind')).toHaveTextContent('Saddle point')
    expect(screen.getByTestId('hessian-eigenvalues')).toHaveTextContent('λ₁ = -2, λ₂ = 2')
    expect(screen.getByTestId('hessian-ratio')).toHaveTextContent('Minimum ratio = 0.5')
    expect(screen.getByTestId('hessian-ratio')).toHaveTextContent('1 of 2 eigenvalues are positive')
    // H = [[0, −2], [−2, 0]] and the escape direction u₁ = (1, 1)/√2.
    expect(screen.getByRole('img', { name: '[[0, -2], [-2, 0]]' })).toBeInTheDocument()
    expect(panel()).toHaveTextContent('u₁ = (0.7071, 0.7071)')
    expect(panel()).toHaveTextContent('L = 1')
    // The surface draws its eigen-axes from the stored analysis.
    expect(store.getState().inspectAnalysis?.eigenvalues).toEqual([-2, 2])
  })

  it('the escape button moves the start along (1, 1) to θ′ + u₁ and restarts the race from there', async () => {
    const { store, fake } = setup((s) => s.setStart([0, 0]))
    const button = await screen.findByTestId('escape-button')
    act(() => fireEvent.click(button))
    const [x, y] = store.getState().settings.start
    expect(x).toBeCloseTo(1 / Math.sqrt(2), 15)
    expect(y).toBeCloseTo(1 / Math.sqrt(2), 15)
    expect(x).toBeCloseTo(y, 15)
    expect(fake.lastRace().racers[0].spec.start).toEqual([x, y])
  })

  it('speaks the lecture’s terms in Chinese', async () => {
    setup((s) => {
      s.setStart([0, 0])
      s.setLanguage('zh')
    })
    await waitFor(() => expect(screen.getByTestId('hessian-kind')).toHaveTextContent('鞍点'))
    expect(screen.getByTestId('hessian-ratio')).toHaveTextContent('最小值比例 = 0.5')
    expect(screen.getByTestId('escape-button')).toHaveTextContent('沿海森矩阵的特征向量逃离')
  })
})

describe('<HessianPanel> other points', () => {
  it('a minimum of Himmelblau’s function: both eigenvalues positive, ratio 1, no escape button', async () => {
    const { panel } = setup((s) => {
      s.setSurface('himmelblau')
      s.setStart([3, 2])
    })
    await waitFor(() => expect(panel()).toHaveAttribute('data-kind', 'minimum'))
    expect(screen.getByTestId('hessian-kind')).toHaveTextContent('Local minimum')
    expect(screen.getByTestId('hessian-ratio')).toHaveTextContent('Minimum ratio = 1')
    expect(screen.queryByTestId('escape-button')).toBeNull()
  })

  it('the default start (1.5, −1.499) is not critical: the gradient is not zero there', async () => {
    const { panel } = setup(() => undefined)
    await waitFor(() => expect(panel()).toHaveAttribute('data-kind', 'not-critical'))
    expect(screen.getByTestId('hessian-kind')).toHaveTextContent('Not critical')
    expect(panel()).toHaveTextContent('Start point: (w₁, w₂) = (1.5, -1.499)')
    expect(screen.queryByTestId('escape-button')).toBeNull()
  })

  it('an inspected point takes over, and “follow” goes back to the racer', async () => {
    const { store, requests, panel } = setup((s) => s.setInspectPoint([0, 0]))
    await waitFor(() => expect(panel()).toHaveAttribute('data-kind', 'saddle'))
    expect(requests[0]).toMatchObject({ x: 0, y: 0 })
    expect(panel()).toHaveTextContent('Inspected point: (w₁, w₂) = (0, 0)')
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Follow the selected optimizer' })))
    expect(store.getState().inspectPoint).toBeNull()
    await waitFor(() => expect(panel()).toHaveAttribute('data-kind', 'not-critical'))
    expect(requests.at(-1)).toMatchObject({ x: 1.5, y: -1.499 })
  })
})

describe('<HessianPanel> requests', () => {
  it('unmounting aborts the request in flight and clears the stored analysis', () => {
    const { store, requests, panel, view } = setup((s) => s.setStart([0, 0]), true)
    expect(panel()).toHaveAttribute('data-kind', 'pending')
    expect(screen.getByRole('status')).toHaveTextContent('Computing…')
    view.unmount()
    expect(requests[0].signal?.aborted).toBe(true)
    expect(store.getState().inspectAnalysis).toBeNull()
  })
})
