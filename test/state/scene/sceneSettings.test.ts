import { describe, expect, it } from 'vitest'
import { getScene } from '../../../src/core/scenes/index'
import type { Scene } from '../../../src/core/scenes/index'
import {
  escapeOrigin,
  hasAction,
  playbackOf,
  settingsWithSetup,
  setupBeforeCard,
  setupOfSettings,
} from '../../../src/state/scene/sceneSettings'
import { createDefaultSettings } from '../../../src/state/settings'
import { createRegistryCatalog } from '../../../src/state/surfaceCatalog'
import { assertInDelta } from '../../helpers/assertInDelta'

const catalog = createRegistryCatalog()
const defaults = createDefaultSettings(catalog)
const saddle = getScene('saddle-escape')
const cardIndex = (scene: Scene, id: string): number => {
  const i = scene.cards.findIndex((c) => c.id === id)
  if (i < 0) throw new Error(`no card ${id} in ${scene.id}`)
  return i
}
/** Li's saddle L = (1 − w₁w₂)². */
const saddleLoss = (w1: number, w2: number) => (1 - w1 * w2) ** 2

describe('setupBeforeCard(scene, index)', () => {
  it('is the opening set-up at card 0: the saddle scene starts exactly on the anti-diagonal, at (1.5, −1.5), as card 1 says', () => {
    const setup = setupBeforeCard(saddle, 0)
    expect(setup.surface).toBe('saddle')
    expect(setup.start).toEqual([1.5, -1.5])
    expect(setup.racers.map((r) => r.optimizer)).toEqual([
      { kind: 'sgd', convention: 'lecture', lr: 0.01 },
      { kind: 'momentum', convention: 'lecture', lr: 0.05, momentum: 0.9 },
    ])
    expect(setup.noise).toBeUndefined()
  })

  it('shows a card before its own action: the Hessian card still starts exactly on the anti-diagonal', () => {
    // Card 0 ('stuck') moved the start to (1.5, −1.5); the Hessian card's escape has not happened yet.
    expect(setupBeforeCard(saddle, cardIndex(saddle, 'hessian')).start).toEqual([1.5, -1.5])
  })

  it('applies every earlier action in order: after the escape card the start is θ′ + 0.05·u, near the saddle', () => {
    const start = setupBeforeCard(saddle, cardIndex(saddle, 'plateau')).start!
    // θ′ = (0, 0), u = (1, 1)/√2 the unit eigenvector of λ = −2, distance √2: θ′ + √2·u = (1, 1).
    assertInDelta(start, [0.05 * Math.SQRT1_2, 0.05 * Math.SQRT1_2], 1e-15)
    // Near the saddle (L ≈ 1) on the escape direction: there is something left to watch.
    expect(saddleLoss(start[0], start[1])).toBeGreaterThan(0.99)
  })

  it('replaces rather than accumulates: the noise card’s set-up has noise 0.5 from (1.5, −1.5), the moral card too', () => {
    const moral = setupBeforeCard(saddle, cardIndex(saddle, 'moral'))
    expect(moral.start).toEqual([1.5, -1.5])
    expect(moral.noise).toEqual({ std: 0.5, seed: 14 })
    expect(setupBeforeCard(saddle, cardIndex(saddle, 'noise')).noise).toBeUndefined()
  })

  it('clamps the index to the cards there are', () => {
    expect(setupBeforeCard(saddle, 999)).toEqual(setupBeforeCard(saddle, saddle.cards.length))
    expect(setupBeforeCard(saddle, -3)).toEqual(setupBeforeCard(saddle, 0))
  })
})

describe('settingsWithSetup(base, scene, setup, options)', () => {
  it('opens a scene with its surface, start, racers in colour slots 0, 1, …, view, speed, steps and arrows', () => {
    const momentum = getScene('momentum-ball')
    const s = settingsWithSetup(defaults, momentum, setupBeforeCard(momentum, 0), { mode: 'open', card: 0 })
    expect(s.scene).toBe('momentum-ball')
    expect(s.card).toBe(0)
    expect(s.surfaceId).toBe('momentum-hill')
    expect(s.start).toEqual([-2, 0])
    // docs/lectures.md §4.8: momentum λ ∈ {0, 0.8, 0.9} at η = 0.01, with the red/blue arrows on.
    expect(s.racers.map((r) => [r.id, r.color, r.optimizer.momentum, r.optimizer.lr, r.hidden])).toEqual([
      ['r0', 0, 0, 0.01, false],
      ['r1', 1, 0.8, 0.01, false],
      ['r2', 2, 0.9, 0.01, false],
    ])
    expect(s.selectedRacer).toBe('r0')
    expect(s.showArrows).toBe(true)
    expect(s.speed).toBe(momentum.speed)
    expect(s.steps).toBe(momentum.steps)
    expect(s.noise).toEqual({ std: 0, seed: defaults.noise.seed })
    expect(s.schedule).toEqual({ kind: 'constant' })
    expect(s.view).toBeNull()
    expect(s.language).toBe(defaults.language)
  })

  it('takes the scene’s view on opening and keeps the user’s view while the surface stays', () => {
    const opened = settingsWithSetup(defaults, saddle, setupBeforeCard(saddle, 0), { mode: 'open', card: 0 })
    expect(opened.view).toEqual({ x: [-3.5, 3.5], y: [-3.5, 3.5] })
    const zoomed = { ...opened, view: { x: [-1, 1], y: [-1, 1] } as typeof opened.view, speed: 7 }
    const next = settingsWithSetup(zoomed, saddle, setupBeforeCard(saddle, 3), { mode: 'arrive', card: 3 })
    expect(next.view).toEqual({ x: [-1, 1], y: [-1, 1] })
    expect(next.speed).toBe(7)
    expect(next.card).toBe(3)
  })

  it('a card arrived at with the surface’s default view (a link read before the scenes loaded) takes the scene’s view', () => {
    const rmsprop = getScene('rmsprop-brakes')
    const plain = { ...defaults, surfaceId: rmsprop.surface!, view: null }
    const next = settingsWithSetup(plain, rmsprop, setupBeforeCard(rmsprop, 0), { mode: 'arrive', card: 0 })
    expect(next.view).toEqual(rmsprop.view)
  })

  it('gives another surface its default view, and the scene’s view when the surface comes back', () => {
    const scene = getScene('feature-normalization')
    const open = settingsWithSetup(defaults, scene, setupBeforeCard(scene, 0), { mode: 'open', card: 0 })
    const i = cardIndex(scene, 'round')
    const switched = settingsWithSetup(open, scene, setupBeforeCard(scene, i), { mode: 'arrive', card: i })
    expect(switched.surfaceId).not.toBe(scene.surface)
    expect(switched.view).toBeNull()
  })

  it('hides the racers a showRacers card left out and keeps the selection only while it is drawn', () => {
    const scene = getScene('decay-and-warm-up')
    const open = settingsWithSetup(defaults, scene, setupBeforeCard(scene, 0), { mode: 'open', card: 0 })
    const i = cardIndex(scene, 'warm-up')
    const s = settingsWithSetup({ ...open, selectedRacer: 'r2' }, scene, setupBeforeCard(scene, i), {
      mode: 'arrive',
      card: i,
    })
    // Before the warm-up card, the decay card showed racers 0 and 4 only.
    expect(s.racers.map((r) => r.hidden)).toEqual([false, true, true, true, false])
    expect(s.selectedRacer).toBe('r0')
    // Each racer keeps its own schedule (the lecture's decay, warm-up, 1/√(t+1)).
    expect(s.racers[0].schedule).toEqual({ kind: 'exponential', decay: 0.99995, decaySteps: 1 })
  })

  it('changes only the scene and card of a classifier-only scene', () => {
    const scene = getScene('dot-regularization')
    const s = settingsWithSetup(defaults, scene, setupBeforeCard(scene, 2), { mode: 'open', card: 2 })
    expect(s).toEqual({ ...defaults, scene: 'dot-regularization', card: 2 })
  })
})

describe('setupOfSettings(scene, settings, lambda)', () => {
  it('reads the playground back into the scene’s set-up: settingsWithSetup ∘ setupOfSettings changes nothing', () => {
    const scene = getScene('canyon-vs-basin')
    const i = cardIndex(scene, 'moral')
    const s = settingsWithSetup(defaults, scene, setupBeforeCard(scene, i), { mode: 'open', card: i })
    const back = setupOfSettings(scene, s)
    expect(back.noise).toEqual({ std: 3, seed: 1, annealSteps: 3000 })
    expect(settingsWithSetup(s, scene, back, { mode: 'apply', card: i })).toEqual(s)
  })

  it('labels the racers with the scene’s labels and carries λ', () => {
    const setup = setupOfSettings(saddle, defaults, 0.03)
    expect(setup.racers[0].label?.en).toBe('Vanilla GD, η = 0.01')
    expect(setup.lambda).toBe(0.03)
    expect(setupOfSettings(getScene('dot-regularization'), defaults, 0)).toEqual({
      racers: [],
      steps: getScene('dot-regularization').steps,
      visible: [],
      lambda: 0,
    })
  })
})

describe('playbackOf, hasAction and escapeOrigin', () => {
  it('playbackOf(action) lists the play and toEnd commands inside sequences, in order', () => {
    expect(playbackOf({ type: 'play' })).toEqual(['play'])
    expect(
      playbackOf({
        type: 'sequence',
        actions: [{ type: 'toEnd' }, { type: 'setStart', start: [0, 0] }, { type: 'play' }],
      }),
    ).toEqual(['toEnd', 'play'])
    expect(playbackOf({ type: 'setLambda', lambda: 0 })).toEqual([])
  })

  it('hasAction finds an escape inside the Hessian card’s sequence', () => {
    expect(hasAction(saddle.cards[cardIndex(saddle, 'hessian')].action!, 'escape')).toBe(true)
    expect(hasAction(saddle.cards[cardIndex(saddle, 'noise')].action!, 'escape')).toBe(false)
  })

  it('escapeOrigin is the saddle point θ′ = (0, 0) the Hessian card escapes from, and nothing off a critical point', () => {
    const i = cardIndex(saddle, 'hessian')
    expect(escapeOrigin(setupBeforeCard(saddle, i), saddle.cards[i].action)).toEqual([0, 0])
    // At (1.5, −1.5) the gradient is not zero, so there is nothing to escape from.
    expect(escapeOrigin(setupBeforeCard(saddle, i), { type: 'escape' })).toBeUndefined()
    expect(escapeOrigin(setupBeforeCard(saddle, i), undefined)).toBeUndefined()
  })
})
