// The list of scenes waits for the scenes' content (a chunk of its own): a status line while it loads, a
// message when it cannot be fetched. This file's fetch fails until the test lets it through.
import '@testing-library/jest-dom/vitest'
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ScenesHome } from '../../../src/panels/ScenesHome/ScenesHome'
import { createSceneStore } from '../../../src/state/scene/sceneStore'
import { SceneStoreContext } from '../../../src/state/scene/useScene'
import type { Services } from '../../../src/state/services'
import { ServicesContext } from '../../../src/state/services'
import { createAppStore } from '../../../src/state/store'
import { AppStoreContext } from '../../../src/state/useApp'
import { createFakeDriver } from '../../state/fakeDriver'

const fetchState = vi.hoisted(() => ({ fail: true }))
vi.mock('../../../src/core/scenes/meta', async (importOriginal) => {
  if (fetchState.fail) throw new Error('Failed to fetch dynamically imported module')
  return importOriginal()
})

let getContext: typeof HTMLCanvasElement.prototype.getContext
beforeEach(() => {
  getContext = HTMLCanvasElement.prototype.getContext
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof getContext
})
afterEach(() => {
  cleanup()
  HTMLCanvasElement.prototype.getContext = getContext
})

const services: Services = {
  requestGrid: () => new Promise(() => {}),
  analyze: () => Promise.reject(new Error('not used')),
}

function renderHome(language: 'en' | 'zh') {
  const app = createAppStore({ driver: createFakeDriver().driver })
  app.getState().setLanguage(language)
  const scenes = createSceneStore({ app })
  scenes.getState().showPage('scenes')
  render(
    <AppStoreContext.Provider value={app}>
      <ServicesContext.Provider value={services}>
        <SceneStoreContext.Provider value={scenes}>
          <ScenesHome />
        </SceneStoreContext.Provider>
      </ServicesContext.Provider>
    </AppStoreContext.Provider>,
  )
  return { app, scenes }
}

describe('<ScenesHome> before the scenes have arrived', () => {
  it('says it is loading, then that the scenes could not be loaded (en and zh); the playground tile stays', async () => {
    for (const [language, loading, failed] of [
      ['en', 'Loading…', 'This part of the app could not be loaded.'],
      ['zh', '加载中…', '这部分内容加载失败。'],
    ] as const) {
      const { scenes } = renderHome(language)
      expect(screen.getByRole('status')).toHaveTextContent(loading)
      expect(screen.queryAllByTestId(/^scene-tile-/)).toHaveLength(0)
      await vi.waitFor(() => expect(scenes.getState().libraryStatus).toBe('failed'))
      expect(await screen.findByTestId('scenes-load-failed')).toHaveTextContent(failed)
      expect(screen.getByTestId('playground-tile')).toBeInTheDocument()
      cleanup()
    }
  })

  it('shows the tiles once a later fetch succeeds', async () => {
    fetchState.fail = false
    const { scenes } = renderHome('en')
    await vi.waitFor(() => expect(scenes.getState().libraryStatus).toBe('ready'))
    expect(await screen.findByTestId('scene-tile-saddle-escape')).toBeInTheDocument()
    expect(screen.queryByRole('status')).toBeNull()
    await act(async () => {})
  })
})
