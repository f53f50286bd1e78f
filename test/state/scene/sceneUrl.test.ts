import { beforeAll, describe, expect, it } from 'vitest'
import { getScene, sceneIds } from '../../../src/core/scenes/index'
import { parseSceneUrl } from '../../../src/state/scene/sceneUrl'
import { createDefaultSettings } from '../../../src/state/settings'
import { createRegistryCatalog } from '../../../src/state/surfaceCatalog'
import { parseUrl, serializeUrl } from '../../../src/state/urlState'
import { loadSceneLibrary } from '../../../src/state/scene/sceneLibrary'

// The scenes' content is a lazy chunk in the app; here it is fetched once, so scenes open synchronously.
beforeAll(async () => {
  await loadSceneLibrary()
})

const catalog = createRegistryCatalog()
const defaults = createDefaultSettings(catalog)
const parse = (query: string) => parseSceneUrl(query, { catalog, defaults })

describe('the scene, card and presenter rows of the link', () => {
  it('parseSceneUrl("?scene=momentum-ball") opens the scene as the lecture does, with no notice', () => {
    const { settings, notices } = parse('?scene=momentum-ball')
    expect(notices).toEqual([])
    expect(settings).toMatchObject({
      scene: 'momentum-ball',
      card: 0,
      surfaceId: 'momentum-hill',
      start: [-2, 0],
      showArrows: true,
      speed: getScene('momentum-ball').speed,
    })
    expect(settings.racers.map((r) => r.optimizer.momentum)).toEqual([0, 0.8, 0.9])
  })

  it('a card in the link opens that card’s set-up: saddle card 4 starts from θ′ + u = (1, 1)', () => {
    const { settings } = parse('?scene=saddle-escape&card=4')
    expect(settings.card).toBe(4)
    expect(settings.start[0]).toBeCloseTo(0.05 * Math.SQRT1_2, 14)
    expect(settings.start[1]).toBeCloseTo(0.05 * Math.SQRT1_2, 14)
  })

  it('keys the link sets win over the scene’s: its start, its speed, its language', () => {
    const { settings } = parse('?scene=saddle-escape&start=0.5,0.25&speed=7&lang=zh')
    expect(settings).toMatchObject({ scene: 'saddle-escape', start: [0.5, 0.25], speed: 7, language: 'zh' })
  })

  it('a full shared link of every scene and card comes back exactly', () => {
    for (const id of sceneIds) {
      const n = getScene(id).cards.length
      for (const card of [0, n - 1]) {
        const s = parse(`?scene=${id}&card=${card}&presenter=1`).settings
        const again = parse(serializeUrl(s))
        expect(again.notices).toEqual([])
        expect(again.settings).toStrictEqual(s)
      }
    }
  })

  it('an unknown scene is ignored with a notice, and so is a card the scene does not have', () => {
    const unknown = parse('?scene=%3Cscript%3E')
    expect(unknown.settings.scene).toBeUndefined()
    expect(unknown.notices).toEqual([{ key: 'scene', message: 'scene.notice.unknown' }])
    const n = getScene('saddle-escape').cards.length
    for (const card of [String(n), '-1', '1.5', 'NaN', '1e300']) {
      const bad = parse(`?scene=saddle-escape&card=${card}`)
      expect(bad.settings.card).toBe(0)
      expect(bad.notices).toEqual([{ key: 'card', message: 'notice.invalidValue' }])
    }
  })

  it('a card without a scene is ignored with a notice', () => {
    const { settings, notices } = parseUrl('card=2', { catalog, defaults })
    expect('card' in settings).toBe(false)
    expect(notices).toEqual([{ key: 'card', message: 'notice.invalidValue' }])
  })

  it('presenter=1 turns presenter mode on, presenter=0 leaves it off, anything else is a notice', () => {
    expect(parse('presenter=1').settings.presenter).toBe(true)
    expect('presenter' in parse('presenter=0').settings).toBe(false)
    const bad = parse('presenter=yes')
    expect('presenter' in bad.settings).toBe(false)
    expect(bad.notices).toEqual([{ key: 'presenter', message: 'notice.invalidValue' }])
  })

  it('a playground link has no scene, card or presenter key at all', () => {
    const { settings } = parse('s=saddle')
    expect(Object.keys(settings)).not.toContain('scene')
    expect(Object.keys(settings)).not.toContain('card')
    expect(Object.keys(settings)).not.toContain('presenter')
    expect(serializeUrl(settings)).not.toMatch(/scene|card|presenter/)
  })
})
