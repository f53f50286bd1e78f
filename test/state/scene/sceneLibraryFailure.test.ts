// A scenes chunk that cannot be fetched (offline, a redeployed site): the store says so and opens nothing;
// the next request tries again.
import { describe, expect, it, vi } from 'vitest'
import { loadSceneLibrary } from '../../../src/state/scene/sceneLibrary'
import { createSceneStore } from '../../../src/state/scene/sceneStore'
import { createAppStore } from '../../../src/state/store'
import { createFakeDriver } from '../fakeDriver'

const fetchState = vi.hoisted(() => ({ fail: true }))
vi.mock('../../../src/core/scenes/meta', async (importOriginal) => {
  if (fetchState.fail) throw new Error('Failed to fetch dynamically imported module')
  return importOriginal()
})

describe('a failed fetch of the scenes', () => {
  it('sets libraryStatus to failed and leaves the settings alone', async () => {
    const app = createAppStore({ driver: createFakeDriver().driver })
    const scenes = createSceneStore({ app })
    const before = app.getState().settings
    scenes.getState().openScene('momentum-ball')
    expect(scenes.getState().libraryStatus).toBe('loading')
    await expect(loadSceneLibrary()).rejects.toThrow()
    await vi.waitFor(() => expect(scenes.getState().libraryStatus).toBe('failed'))
    expect(app.getState().settings).toBe(before)
    expect(scenes.getState().page).toBe('playground')
  })
})
