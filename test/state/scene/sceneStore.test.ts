import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { applySceneAction, getScene, raceSpecs, sceneIds, scenes } from '../../../src/core/scenes/index'
import type { Scene, SceneSetup } from '../../../src/core/scenes/index'
import type { TrajectorySpec } from '../../../src/core/types'
import { createLabStore } from '../../../src/state/lab/labStore'
import { setupBeforeCard } from '../../../src/state/scene/sceneSettings'
import { createSceneStore } from '../../../src/state/scene/sceneStore'
import { createDefaultSettings } from '../../../src/state/settings'
import { createAppStore } from '../../../src/state/store'
import { createRegistryCatalog } from '../../../src/state/surfaceCatalog'
import { serializeUrl } from '../../../src/state/urlState'
import { assertInDelta } from '../../helpers/assertInDelta'
import { createFakeDriver } from '../fakeDriver'
import { createFakeTrainDriver, frameOf } from '../lab/fakeTrainDriver'
import { loadSceneLibrary } from '../../../src/state/scene/sceneLibrary'

// The scenes' content is a lazy chunk in the app; here it is fetched once, so scenes open synchronously.
beforeAll(async () => {
  await loadSceneLibrary()
})

const dotText = readFileSync(new URL('../../../public/dot.csv', import.meta.url), 'utf8')
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve()
}
const cardIndex = (scene: Scene, id: string): number => scene.cards.findIndex((c) => c.id === id)

function setup(options: { withLab?: boolean } = {}) {
  const fake = createFakeDriver()
  const catalog = createRegistryCatalog()
  const app = createAppStore({ driver: fake.driver, catalog })
  const train = createFakeTrainDriver()
  const lab = options.withLab ? createLabStore(train.driver, { fetchText: async () => dotText }) : undefined
  const scenes = createSceneStore({ app, lab })
  return {
    fake,
    train,
    app,
    lab,
    scenes,
    act: () => scenes.getState(),
    settings: () => app.getState().settings,
  }
}

describe('createSceneStore({ app })', () => {
  it('starts on the playground page with no scene, no help and nothing applied', () => {
    const { scenes, settings } = setup()
    expect(scenes.getState()).toMatchObject({ page: 'playground', applied: false, helpOpen: false })
    expect(settings().scene).toBeUndefined()
  })

  it('openScene(id) loads the scene into the playground and starts its race from the scene’s start', () => {
    const { act, settings, fake, scenes } = setup()
    act().openScene('saddle-escape')
    expect(scenes.getState().page).toBe('scenes')
    expect(settings()).toMatchObject({ scene: 'saddle-escape', card: 0, surfaceId: 'saddle', speed: 60 })
    const race = fake.lastRace()
    expect(race.racers.map((r) => [r.spec.start, r.spec.optimizer.kind, r.spec.optimizer.lr])).toEqual([
      [[1.5, -1.5], 'sgd', 0.01],
      [[1.5, -1.5], 'momentum', 0.05],
    ])
    expect(race.racers[0].spec.steps).toBe(600)
    expect(serializeUrl(settings())).toContain('scene=saddle-escape&card=0')
  })

  it('opening the scene whose race already runs starts it again from step 0 and plays', () => {
    const { act, fake } = setup()
    act().openScene('saddle-escape')
    const races = fake.races.length
    fake.clear()
    act().openScene('saddle-escape')
    expect(fake.races.length).toBe(0)
    expect(fake.names()).toEqual(['reset', 'play'])
    expect(races).toBe(1)
  })

  it('openScene ignores an unknown id', () => {
    const { act, settings } = setup()
    const before = settings()
    act().openScene('no-such-scene')
    expect(settings()).toBe(before)
  })

  it('advance() first carries out the card’s action, then moves to the next card', () => {
    const { act, settings, scenes } = setup()
    act().openScene('saddle-escape')
    // Card 0 ('stuck') sets the start exactly on the anti-diagonal.
    act().advance()
    expect(settings().card).toBe(0)
    expect(settings().start).toEqual([1.5, -1.5])
    expect(scenes.getState().applied).toBe(true)
    act().advance()
    expect(settings().card).toBe(1)
    expect(scenes.getState().applied).toBe(false)
    // Card 1 has no action: advance moves straight on.
    act().advance()
    expect(settings().card).toBe(2)
  })

  it('the Hessian card’s action moves the start from θ′ = (0, 0) a little along u ∝ (1, 1)', () => {
    const { act, settings, app, fake } = setup()
    const saddle = getScene('saddle-escape')
    act().openScene('saddle-escape')
    act().goToCard(cardIndex(saddle, 'hessian'))
    // While the card explains H, the Hessian panel looks at the saddle point θ′ itself.
    expect(app.getState().inspectPoint).toEqual([0, 0])
    act().advance()
    const [x, y] = settings().start
    assertInDelta([x, y], [0.05 * Math.SQRT1_2, 0.05 * Math.SQRT1_2], 1e-15)
    expect((1 - x * y) ** 2).toBeGreaterThan(0.99)
    expect(app.getState().inspectPoint).toBeNull()
    expect(fake.lastRace().racers[0].spec.start).toEqual([x, y])
  })

  it('goToCard shows a card before its action, the same whether reached forwards or backwards', () => {
    const { act, settings } = setup()
    const saddle = getScene('saddle-escape')
    act().openScene('saddle-escape')
    act().goToCard(cardIndex(saddle, 'hessian'))
    const forwards = settings()
    act().goToCard(cardIndex(saddle, 'moral'))
    expect(settings().noise.std).toBe(0.5)
    act().goToCard(cardIndex(saddle, 'hessian'))
    expect(settings()).toEqual(forwards)
    expect(settings().noise.std).toBe(0)
  })

  it('nextCard and prevCard stop at the ends; goToCard clamps', () => {
    const { act, settings } = setup()
    const n = getScene('saddle-escape').cards.length
    act().openScene('saddle-escape')
    act().prevCard()
    expect(settings().card).toBe(0)
    act().goToCard(99)
    expect(settings().card).toBe(n - 1)
    act().nextCard()
    act().advance()
    expect(settings().card).toBe(n - 1)
  })

  it('the button replays the race from step 0 when its action leaves the race as it is', () => {
    const { act, fake } = setup()
    const saddle = getScene('saddle-escape')
    act().openScene('saddle-escape')
    act().goToCard(cardIndex(saddle, 'hessian'))
    act().applyCard()
    fake.clear()
    act().applyCard()
    expect(fake.races.length).toBe(0)
    expect(fake.names()).toEqual(['reset', 'play'])
  })

  it('a toEnd card jumps the race to its last step after loading the set-up', () => {
    const { act, fake } = setup()
    act().openScene('minimum-ratio')
    fake.clear()
    act().applyCard()
    expect(fake.names()).toEqual(['toEnd'])
  })

  it('an action the edited set-up cannot take leaves the settings and reports why', () => {
    const { act, settings, app, scenes } = setup()
    const scene = getScene('decay-and-warm-up')
    act().openScene('decay-and-warm-up')
    act().goToCard(cardIndex(scene, 'decay'))
    app.getState().removeRacer('r4')
    const before = settings()
    act().applyCard()
    expect(settings()).toBe(before)
    expect(scenes.getState().actionError).toMatch(/index/)
    // The clicker is not stuck on the failed action: the next press moves on.
    act().advance()
    expect(settings().card).toBe(cardIndex(scene, 'decay') + 1)
    expect(scenes.getState().actionError).toBeNull()
  })

  it('nextScene and prevScene open the neighbours in lecture order at their first card', () => {
    const { act, settings } = setup()
    act().openScene(sceneIds[0])
    act().goToCard(3)
    act().nextScene()
    expect(settings()).toMatchObject({ scene: sceneIds[1], card: 0 })
    act().prevScene()
    act().prevScene()
    expect(settings().scene).toBe(sceneIds[0])
    act().openScene(sceneIds[sceneIds.length - 1])
    act().nextScene()
    expect(settings().scene).toBe(sceneIds[sceneIds.length - 1])
  })

  it('closeScene returns to the list and showPage leaves the scene, keeping its set-up in the playground', () => {
    const { act, settings, scenes } = setup()
    act().openScene('momentum-ball')
    act().closeScene()
    expect(scenes.getState().page).toBe('scenes')
    expect(settings().scene).toBeUndefined()
    expect(settings().card).toBeUndefined()
    expect(settings().surfaceId).toBe('momentum-hill')
    act().openScene('momentum-ball')
    act().showPage('playground')
    expect(scenes.getState().page).toBe('playground')
    expect('scene' in settings()).toBe(false)
  })

  it('setPresenter and togglePresenter switch presenter mode, which a link carries as presenter=1', () => {
    const { act, settings } = setup()
    act().togglePresenter()
    expect(settings().presenter).toBe(true)
    expect(serializeUrl(settings())).toContain('presenter=1')
    act().setPresenter(false)
    expect('presenter' in settings()).toBe(false)
    expect(serializeUrl(settings())).not.toContain('presenter')
  })

  it('toggleHelp and setHelpOpen open and close the help overlay', () => {
    const { act, scenes } = setup()
    act().toggleHelp()
    expect(scenes.getState().helpOpen).toBe(true)
    act().setHelpOpen(false)
    expect(scenes.getState().helpOpen).toBe(false)
  })

  it('a scene or card changed elsewhere (a link) starts the card unapplied and shows the scenes page', () => {
    const { act, app, scenes } = setup()
    act().openScene('saddle-escape')
    act().applyCard()
    expect(scenes.getState().applied).toBe(true)
    app.getState().loadUrl('scene=rmsprop-brakes&card=2')
    expect(scenes.getState()).toMatchObject({ applied: false, page: 'scenes' })
  })

  it('a store created on a linked scene page opens on the scenes page', () => {
    const fake = createFakeDriver()
    const catalog = createRegistryCatalog()
    const initialSettings = { ...createDefaultSettings(catalog), scene: 'saddle-escape', card: 3 }
    const app = createAppStore({ driver: fake.driver, catalog, initialSettings })
    const scenes = createSceneStore({ app })
    expect(scenes.getState().page).toBe('scenes')
  })
})

describe('every card of every scene', () => {
  /** The core's reference race (raceSpecs) as the worker receives it: constant schedule when none. */
  const reference = (setup: SceneSetup) =>
    raceSpecs(setup).map((spec) => ({
      surface: spec.surface,
      start: spec.start,
      steps: spec.steps,
      noise: spec.noise,
      schedule: spec.schedule ?? { kind: 'constant' },
      optimizer: spec.optimizer,
    }))
  const sent = (racers: { spec: TrajectorySpec }[]) =>
    racers.map(({ spec }) => ({
      surface: spec.surface,
      start: spec.start,
      steps: spec.steps,
      noise: spec.noise,
      schedule: spec.schedule,
      optimizer: spec.optimizer,
    }))

  it('shows each card with the race of the core’s set-up, and its button races applySceneAction’s', () => {
    for (const scene of scenes) {
      if (scene.kind !== 'surface') continue
      const { act, fake, scenes: store } = setup()
      act().openScene(scene.id)
      scene.cards.forEach((card, i) => {
        act().goToCard(i)
        const before = setupBeforeCard(scene, i)
        // The store fills in each convention's defaults; the scene's own fields must come through unchanged.
        expect(sent(fake.lastRace().racers)).toMatchObject(reference(before))
        if (card.action === undefined) return
        act().applyCard()
        expect(store.getState().actionError, `${scene.id}/${card.id}`).toBeNull()
        expect(sent(fake.lastRace().racers), `${scene.id}/${card.id}`).toMatchObject(
          reference(applySceneAction(before, card.action)),
        )
      })
    }
  })
})

describe('createSceneStore({ app, lab }) with a classifier scene', () => {
  it('opens dot-regularization as the course’s 2-11-1 ReLU net on dot.csv, L2 λ = 0.03 on the right from the first card, and pauses the race', async () => {
    const { act, lab, app, fake } = setup({ withLab: true })
    app.getState().startRace()
    fake.clear()
    act().openScene('dot-regularization')
    await settle()
    const s = lab!.getState().settings
    expect(s.mode).toBe('regularization')
    expect(s.data).toEqual({ kind: 'dot' })
    expect(s.seed).toBe(1)
    // PKU p29: 2-11-1 ReLU, linear output, MSE, SGD η = 0.005, batches of 32 in file order, 800 epochs.
    expect(s.a).toMatchObject({
      hidden: [11],
      activation: 'relu',
      output: 'linear',
      loss: 'mse',
      batchSize: 32,
      epochs: 800,
      shuffle: false,
      // Issue 10: the right view is L2 from card 1 (it used to be "With none", the left network again).
      regularization: { kind: 'l2', lambda: 0.03 },
      init: 'normal',
    })
    expect(s.a.optimizer).toMatchObject({ kind: 'sgd', lr: 0.005 })
    expect(lab!.getState().data.status).toBe('ready')
    expect(fake.names()).toContain('pause')
  })

  it('walking every card keeps λ = 0.03 and the trained networks: no card restarts the run (issue 10)', async () => {
    const { act, lab, train } = setup({ withLab: true })
    const scene = getScene('dot-regularization')
    act().openScene('dot-regularization')
    await settle()
    const starts = (): number => train.names().filter((n) => n === 'start').length
    const before = starts()
    act().advance()
    expect(train.names()).toContain('play')
    // The worker finishes both runs.
    train.emit(frameOf(lab!.getState().run.runId!, 800, { playing: false, done: true }))
    expect(lab!.getState().run.status).toBe('done')
    for (let card = 1; card < scene.cards.length; card++) {
      act().goToCard(card)
      if (scene.cards[card].action !== undefined) act().advance()
      expect(lab!.getState().settings.a.regularization).toEqual({ kind: 'l2', lambda: 0.03 })
      expect(lab!.getState().run.epoch).toBe(800)
    }
    // Card 4's play replays the record (seek 0, play) instead of retraining.
    expect(train.names()).toContain('seek')
    expect(starts()).toBe(before)
    act().goToCard(0)
    expect(lab!.getState().settings.a.regularization).toEqual({ kind: 'l2', lambda: 0.03 })
    expect(starts()).toBe(before)
  })
})
