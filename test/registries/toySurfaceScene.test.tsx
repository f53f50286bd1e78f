// @vitest-environment jsdom
// A surface and a lecture scene added to the meta registries, and nothing else: each must show in the
// controls in both languages and survive the link's round trip. The registries are replaced by ones built
// over the real lists plus the toy entries, with the registries' own factories, so no lookup is re-implemented.
import '@testing-library/jest-dom/vitest'
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type * as ScenesCatalog from '../../src/core/scenes/catalog.meta'
import type * as ScenesMeta from '../../src/core/scenes/meta'
import type { Scene } from '../../src/core/scenes/types'
import type * as SurfacesMeta from '../../src/core/surfaces/meta'
import type { SurfaceMeta } from '../../src/core/types'
import { ControlsPanel } from '../../src/panels/ControlsPanel/ControlsPanel'
import { ScenesHome } from '../../src/panels/ScenesHome/ScenesHome'
import { parseSceneUrl } from '../../src/state/scene/sceneUrl'
import { createSceneStore } from '../../src/state/scene/sceneStore'
import { SceneStoreContext } from '../../src/state/scene/useScene'
import type { Services } from '../../src/state/services'
import { ServicesContext } from '../../src/state/services'
import { createDefaultSettings } from '../../src/state/settings'
import { createAppStore } from '../../src/state/store'
import { createRegistryCatalog } from '../../src/state/surfaceCatalog'
import { parseUrl, serializeUrl } from '../../src/state/urlState'
import { AppStoreContext } from '../../src/state/useApp'
import { loadKatex } from '../../src/ui/Tex'
import { createFakeDriver } from '../state/fakeDriver'
import { loadSceneLibrary } from '../../src/state/scene/sceneLibrary'

// The scenes' content is a lazy chunk in the app; here it is fetched once, so scenes open synchronously.
beforeAll(async () => {
  await loadSceneLibrary()
})

const toy = vi.hoisted(() => {
  const surface: SurfaceMeta = {
    id: 'toy-bowl',
    name: { en: 'Toy bowl', zh: '玩具碗' },
    formula: 'L(w_1,w_2)=w_1^2+w_2^2',
    description: { en: 'A round bowl for the registry test.', zh: '给注册表测试用的圆碗。' },
    axes: ['w_1', 'w_2'],
    extent: { x: [-3, 3], y: [-3, 3] },
    start: [2, 1],
    minima: [[0, 0]],
    boundedBelow: true,
    logContours: false,
  }
  const scene: Scene = {
    id: 'toy-scene',
    number: 13,
    title: { en: 'Toy scene', zh: '玩具场景' },
    summary: { en: 'Rolls down the toy bowl.', zh: '沿着玩具碗滚下去。' },
    kind: 'surface',
    surface: 'toy-bowl',
    start: [-2, 2],
    racers: [{ optimizer: { kind: 'sgd', convention: 'lecture', lr: 0.1 } }],
    steps: 50,
    speed: 10,
    panels: ['surface', 'loss', 'cards'],
    cards: [
      {
        id: 'look',
        kind: 'symptom',
        title: { en: 'Look', zh: '看' },
        body: { en: 'A bowl.', zh: '一个碗。' },
        action: { type: 'setStart', start: [1, -1] },
      },
      { id: 'moral', kind: 'moral', title: { en: 'Moral', zh: '道理' }, body: { en: 'Done.', zh: '完。' } },
    ],
    claims: [],
  }
  return { surface, scene }
})

vi.mock('../../src/core/surfaces/meta', async (importOriginal) => {
  const real = await importOriginal<typeof SurfacesMeta>()
  const surfaceMetaList = [...real.surfaceMetaList, toy.surface]
  return { ...real, surfaceMetaList, ...real.createSurfaceMetaRegistry(surfaceMetaList) }
})

vi.mock('../../src/core/scenes/meta', async (importOriginal) => {
  const real = await importOriginal<typeof ScenesMeta>()
  const sceneList = [...real.sceneList, toy.scene]
  return { ...real, sceneList, ...real.createSceneRegistry(sceneList) }
})

// The first screen's catalog of the scenes (ids, card counts: what the link reads) gets the toy's entry too.
vi.mock('../../src/core/scenes/catalog.meta', async (importOriginal) => {
  const real = await importOriginal<typeof ScenesCatalog>()
  const sceneCatalogList = [...real.sceneCatalogList, real.sceneEntryOf(toy.scene)]
  return { ...real, sceneCatalogList, sceneCatalog: real.createSceneCatalog(sceneCatalogList) }
})

beforeAll(async () => {
  await loadKatex()
})

let getContext: typeof HTMLCanvasElement.prototype.getContext
afterEach(() => {
  cleanup()
  if (getContext !== undefined) HTMLCanvasElement.prototype.getContext = getContext
})

const catalog = () => createRegistryCatalog()
const defaults = () => createDefaultSettings(catalog())

describe('a toy surface added to the surface meta registry', () => {
  it('appears in the surface menu under its name in both languages, with its story, and can be chosen', () => {
    const fake = createFakeDriver()
    const store = createAppStore({ driver: fake.driver, initialSettings: defaults() })
    render(
      <AppStoreContext.Provider value={store}>
        <ControlsPanel />
      </AppStoreContext.Provider>,
    )
    const menu = screen.getByTestId('surface-select') as HTMLSelectElement
    expect(within(menu).getByRole('option', { name: 'Toy bowl' })).toHaveValue('toy-bowl')
    fireEvent.change(menu, { target: { value: 'toy-bowl' } })
    expect(store.getState().settings.surfaceId).toBe('toy-bowl')
    expect(store.getState().settings.start).toEqual([2, 1])
    expect(screen.getByTestId('surface-description')).toHaveTextContent(toy.surface.description.en)
    act(() => store.getState().setLanguage('zh'))
    expect(within(menu).getByRole('option', { name: '玩具碗' })).toHaveValue('toy-bowl')
    expect(screen.getByTestId('surface-description')).toHaveTextContent(toy.surface.description.zh)
  })

  it('survives the link’s round trip: serializeUrl → parseUrl keeps the surface and its start', () => {
    const settings = { ...defaults(), surfaceId: 'toy-bowl', start: [2.5, -1] as [number, number] }
    const query = serializeUrl(settings)
    expect(query).toContain('toy-bowl')
    const back = parseUrl(query, { catalog: catalog(), defaults: defaults() })
    expect(back.notices).toEqual([])
    expect(back.settings.surfaceId).toBe('toy-bowl')
    expect(back.settings.start).toEqual([2.5, -1])
  })
})

describe('a toy scene added to the scene meta registry', () => {
  function renderHome() {
    getContext = HTMLCanvasElement.prototype.getContext
    HTMLCanvasElement.prototype.getContext = (() => null) as typeof getContext
    const fake = createFakeDriver()
    const app = createAppStore({ driver: fake.driver })
    const scenes = createSceneStore({ app })
    scenes.getState().showPage('scenes')
    const services: Services = {
      requestGrid: () => new Promise(() => {}),
      analyze: () => Promise.reject(new Error('not used')),
    }
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

  it('has a tile on the scenes home with its title in both languages, and the tile opens it', () => {
    const { app, scenes } = renderHome()
    const tile = screen.getByTestId('scene-tile-toy-scene')
    expect(tile).toHaveAccessibleName('Open scene 13: Toy scene')
    expect(tile).toHaveTextContent('玩具场景')
    expect(tile).toHaveAccessibleDescription(toy.scene.summary.en)
    expect(within(tile).getByRole('img')).toHaveAccessibleName(
      'Error surface Toy bowl, with the start point and the minima',
    )
    act(() => app.getState().setLanguage('zh'))
    expect(screen.getByTestId('scene-tile-toy-scene')).toHaveTextContent('Toy scene')
    fireEvent.click(screen.getByTestId('scene-tile-toy-scene'))
    expect(app.getState().settings).toMatchObject({
      scene: 'toy-scene',
      surfaceId: 'toy-bowl',
      start: [-2, 2],
    })
    expect(scenes.getState().page).toBe('scenes')
  })

  it('survives the link’s round trip: serializeUrl → parseSceneUrl opens the same scene and card', () => {
    const opened = parseSceneUrl('?scene=toy-scene&card=1', { catalog: catalog(), defaults: defaults() })
    expect(opened.notices).toEqual([])
    // Card 1 is shown after card 0's action: the start it set.
    expect(opened.settings).toMatchObject({
      scene: 'toy-scene',
      card: 1,
      surfaceId: 'toy-bowl',
      start: [1, -1],
    })
    const query = serializeUrl(opened.settings)
    const back = parseSceneUrl(query, { catalog: catalog(), defaults: defaults() })
    expect(back.notices).toEqual([])
    expect(back.settings).toEqual(opened.settings)
  })
})
