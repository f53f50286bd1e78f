import { describe, expect, it } from 'vitest'
import {
  createSceneCatalog,
  sceneCatalog,
  sceneCatalogList,
  sceneEntryOf,
} from '../../../src/core/scenes/catalog.meta'
import { SpecError } from '../../../src/core/errors'
import { getScene, sceneIds, sceneList } from '../../../src/core/scenes/index'

describe('the scene catalog (what the first screen knows before the scenes load)', () => {
  it('is exactly the registry’s scenes seen through sceneEntryOf, in lecture order', () => {
    expect(sceneCatalogList).toEqual(sceneList.map(sceneEntryOf))
    expect(sceneCatalog.ids).toEqual(sceneIds)
  })

  it('an entry carries the id, number, both titles, kind, surface and the number of cards of its scene', () => {
    const entry = sceneCatalog.get('momentum-ball')
    const scene = getScene('momentum-ball')
    expect(entry).toEqual({
      id: 'momentum-ball',
      number: scene.number,
      title: scene.title,
      kind: 'surface',
      surface: scene.surface,
      cardCount: scene.cards.length,
    })
    expect(sceneCatalog.get('dot-regularization')).not.toHaveProperty('surface')
    expect(sceneCatalog.get('dot-regularization').kind).toBe('classifier')
  })

  it('find gives undefined and get a SpecError on field "scene" for an unknown id', () => {
    expect(sceneCatalog.find('no-such-scene')).toBeUndefined()
    let error: unknown
    try {
      sceneCatalog.get('no-such-scene')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(SpecError)
    expect((error as SpecError).field).toBe('scene')
  })

  it('createSceneCatalog over an extended list finds the extra entry', () => {
    const toy = {
      id: 'toy',
      number: 13,
      title: { zh: '玩具', en: 'Toy' },
      kind: 'surface' as const,
      cardCount: 2,
    }
    const catalog = createSceneCatalog([...sceneCatalogList, toy])
    expect(catalog.ids.at(-1)).toBe('toy')
    expect(catalog.get('toy')).toBe(catalog.entries.at(-1))
  })
})
