import { describe, expect, it } from 'vitest'
import { createStores } from '../../src/state/createStores'
import type { StoreInputs } from '../../src/state/createStores'
import { createDefaultLabSettings } from '../../src/state/lab/labSettings'
import { parseLabUrl, serializeLabUrl, splitLabQuery } from '../../src/state/lab/labUrl'
import { composeQuery } from '../../src/state/urlSync'
import { createFakeDriver } from './fakeDriver'
import { createFakeTrainDriver } from './lab/fakeTrainDriver'

/** A lab link: the course's experiment with another seed. */
const labQuery = serializeLabUrl({ ...createDefaultLabSettings(), seed: 7 })

function setup(search: string, inputs: Partial<StoreInputs> = {}) {
  const race = createFakeDriver()
  const train = createFakeTrainDriver()
  const stores = createStores({
    raceDriver: race.driver,
    trainDriver: train.driver,
    search,
    languages: ['en-GB'],
    fetchText: async () => {
      throw new Error('no dot.csv in this test')
    },
    ...inputs,
  })
  return { ...stores, race, train }
}

describe('createStores(inputs)', () => {
  it('createStores gives the lab the app’s language, and changing the app’s language changes the lab’s', () => {
    const { app, lab } = setup('', { languages: ['zh-CN', 'en'] })
    expect(app.getState().settings.language).toBe('zh')
    expect(lab.getState().language).toBe('zh')
    app.getState().setLanguage('en')
    expect(lab.getState().language).toBe('en')
    app.getState().setLanguage('zh')
    expect(lab.getState().language).toBe('zh')
  })

  it('the link’s language wins over the browser’s, for both stores', () => {
    const { app, lab } = setup('?lang=zh', { languages: ['en-US'] })
    expect(app.getState().settings.language).toBe('zh')
    expect(lab.getState().language).toBe('zh')
  })

  it('the composed query holds both stores’ keys and follows both stores’ settings', () => {
    const { app, lab, queryParts } = setup(`?${labQuery}`)
    lab.getState().setSeed(11)
    app.getState().setLanguage('zh')
    const query = composeQuery(queryParts)
    const { lab: labPart, rest } = splitLabQuery(query)
    expect(labPart).toBe(serializeLabUrl(lab.getState().settings))
    expect(parseLabUrl(labPart).settings.seed).toBe(11)
    expect(rest).toContain('lang=zh')
    expect(query).toBe(`${rest}&${labPart}`)
  })

  it('each query part tells when its own store’s settings change', () => {
    const { app, lab, queryParts } = setup('')
    const seen = queryParts.map(() => 0)
    queryParts.forEach((part, i) => part.subscribe(() => void seen[i]!++))
    app.getState().setLanguage('zh')
    expect(seen).toEqual([1, 0])
    lab.getState().setSeed(3)
    expect(seen).toEqual([1, 1])
  })

  it('a lab link gives the lab its settings and opens the lab page, where no race starts', () => {
    const { lab, scenes, race } = setup(`?${labQuery}`)
    expect(lab.getState().settings.seed).toBe(7)
    expect(scenes.getState().page).toBe('classifier')
    expect(race.names()).not.toContain('startRace')
    scenes.getState().showPage('playground')
    expect(race.names()).toContain('startRace')
  })

  it('a lab link that only repeats the lab’s defaults, or names a scene, does not open the lab', () => {
    const plain = setup(`?${serializeLabUrl(createDefaultLabSettings())}`)
    expect(plain.scenes.getState().page).toBe('playground')
    const scene = setup(`?scene=momentum-ball&${labQuery}`)
    expect(scene.scenes.getState().page).not.toBe('classifier')
    expect(scene.app.getState().settings.scene).toBe('momentum-ball')
  })

  it('a playground link starts its race at once; an embed of the classifier starts none', () => {
    const playground = setup('')
    expect(playground.scenes.getState().page).toBe('playground')
    expect(playground.race.names()).toEqual(['startRace'])
    const embed = setup('?embed=1&panel=classifier')
    expect(embed.embed?.panel).toBe('classifier')
    expect(embed.race.names()).not.toContain('startRace')
  })

  it('reports what the playground’s part of the link ignored, and the lab’s in the lab store', () => {
    const { notices, lab } = setup('?nonsense=1&l.seed=abc')
    expect(notices.map((n) => n.key)).toContain('nonsense')
    expect(lab.getState().notices.map((n) => n.key)).toContain('l.seed')
  })

  it('dispose() cuts the language link and detaches both drivers', () => {
    const { app, lab, race, train, dispose } = setup('')
    dispose()
    app.getState().setLanguage('zh')
    expect(lab.getState().language).toBe('en')
    expect(race.listenerCount).toBe(0)
    expect(train.listeners).toBe(0)
  })
})
