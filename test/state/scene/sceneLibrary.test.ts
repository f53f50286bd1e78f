// The scenes' content is a lazy chunk: before it has arrived, opening a scene fetches it first. This file never
// preloads it, so every store here starts without it (Vitest gives each file its own module graph).
import { describe, expect, it } from 'vitest'
import { createSceneRegistry, getScene, sceneList } from '../../../src/core/scenes/meta'
import type { Scene } from '../../../src/core/scenes/types'
import { loadedSceneLibrary, loadSceneLibrary, queryNamesScene } from '../../../src/state/scene/sceneLibrary'
import { setupBeforeCard } from '../../../src/state/scene/sceneSettings'
import { createSceneStore } from '../../../src/state/scene/sceneStore'
import { createAppStore } from '../../../src/state/store'
import { createFakeDriver } from '../fakeDriver'

function setup(library?: ReturnType<typeof createSceneRegistry>) {
  const fake = createFakeDriver()
  const app = createAppStore({ driver: fake.driver })
  const scenes = createSceneStore({ app, ...(library !== undefined && { library }) })
  return { app, scenes }
}

describe('a scene store whose scenes have not arrived yet', () => {
  it('opens a scene once the library has been fetched: loading first, then the scene at its first card', async () => {
    expect(loadedSceneLibrary()).toBeNull()
    const { app, scenes } = setup()
    expect(scenes.getState()).toMatchObject({ library: null, libraryStatus: 'idle' })
    scenes.getState().openScene('momentum-ball')
    // Nothing is shown as open before its content is here.
    expect(scenes.getState().libraryStatus).toBe('loading')
    expect(app.getState().settings.scene).toBeUndefined()
    await loadSceneLibrary()
    await Promise.resolve()
    expect(scenes.getState().libraryStatus).toBe('ready')
    expect(scenes.getState().library?.sceneIds).toEqual(sceneList.map((s) => s.id))
    expect(app.getState().settings).toMatchObject({
      scene: 'momentum-ball',
      card: 0,
      surfaceId: getScene('momentum-ball').surface,
    })
    expect(scenes.getState().page).toBe('scenes')
  })

  it('only the latest of several requests made while loading opens, at the card it asked for', async () => {
    const { app, scenes } = setup()
    scenes.getState().openScene('saddle-escape')
    scenes.getState().openScene('saddle-escape', 4)
    await loadSceneLibrary()
    await Promise.resolve()
    const scene = getScene('saddle-escape')
    expect(app.getState().settings).toMatchObject({ scene: 'saddle-escape', card: 4 })
    // Card 4 shows the set-up before its own action (cards 0…3 applied): the escape's start.
    expect(app.getState().settings.start).toEqual(setupBeforeCard(scene, 4).start)
  })

  it('a store built after the fetch has the library at once, and opens synchronously', async () => {
    await loadSceneLibrary()
    const { app, scenes } = setup()
    expect(scenes.getState().libraryStatus).toBe('ready')
    scenes.getState().openScene('batch-size')
    expect(app.getState().settings.scene).toBe('batch-size')
  })
})

describe('an injected scene library', () => {
  it('is the one the store walks: its content opens synchronously, and next/prev follow its order', () => {
    // The same ids as the catalog (the link accepts only those), other content and another order.
    const real = getScene('momentum-ball')
    const changed: Scene = { ...real, start: [0.25, -0.5] }
    expect(real.start).not.toEqual(changed.start)
    const library = createSceneRegistry([getScene('batch-size'), changed])
    const { app, scenes } = setup(library)
    expect(scenes.getState()).toMatchObject({ library, libraryStatus: 'ready' })
    scenes.getState().openScene('momentum-ball')
    expect(app.getState().settings).toMatchObject({ scene: 'momentum-ball', start: [0.25, -0.5] })
    scenes.getState().nextScene()
    expect(app.getState().settings.scene).toBe('momentum-ball')
    scenes.getState().prevScene()
    expect(app.getState().settings.scene).toBe('batch-size')
  })
})

describe('queryNamesScene', () => {
  it('is true exactly when the query has a scene key', () => {
    expect(queryNamesScene('?scene=momentum-ball&card=2')).toBe(true)
    expect(queryNamesScene('?embed=1&scene=saddle-escape')).toBe(true)
    expect(queryNamesScene('?s=saddle&lang=zh')).toBe(false)
    expect(queryNamesScene('')).toBe(false)
  })
})
