import { describe, expect, it } from 'vitest'
import { SpecError } from '../../../src/core/errors'
import { applySceneAction, initialSetup, raceSpecs } from '../../../src/core/scenes/setup'
import type { SceneSetup } from '../../../src/core/scenes/setup'
import type { Scene } from '../../../src/core/scenes/types'
import { getSurface } from '../../../src/core/surfaces/index'
import { assertInDelta } from '../../helpers/assertInDelta'

const base: Scene = {
  id: 'test-scene',
  number: 1,
  title: { zh: '测试', en: 'Test' },
  summary: { zh: '测试', en: 'Test' },
  kind: 'surface',
  surface: 'saddle',
  racers: [
    { optimizer: { kind: 'sgd', lr: 0.01 } },
    { optimizer: { kind: 'adagrad', lr: 0.3 }, schedule: { kind: 'inverse-sqrt' } },
  ],
  schedule: { kind: 'exponential', decay: 0.99, decaySteps: 1 },
  steps: 50,
  speed: 10,
  panels: ['surface', 'cards'],
  cards: [],
  claims: [],
}

describe('initialSetup(scene)', () => {
  it('takes the surface’s start when the scene names none, shows every racer, and copies the data', () => {
    const setup = initialSetup(base)
    expect(setup.start).toEqual(getSurface('saddle').start)
    expect(setup.visible).toEqual([0, 1])
    expect(setup.noise).toBeUndefined()
    setup.racers[0].optimizer.lr = 9
    setup.start![0] = 9
    expect(base.racers![0].optimizer.lr).toBe(0.01)
    expect(getSurface('saddle').start[0]).toBe(1.5)
  })

  it('leaves noise of std 0 off and carries the classifier’s λ', () => {
    const s = initialSetup({
      ...base,
      noise: { std: 0, seed: 3 },
      classifier: { preset: 'course', lambda: 0.03 },
    })
    expect(s.noise).toBeUndefined()
    expect(s.lambda).toBe(0.03)
  })
})

describe('applySceneAction(setup, action)', () => {
  const setup = initialSetup({ ...base, start: [0, 0] })

  it('escape moves the start by distance·u along the Hessian’s negative-curvature eigenvector: (0, 0) → (1, 1) for √2', () => {
    assertInDelta(applySceneAction(setup, { type: 'escape', distance: Math.SQRT2 }).start!, [1, 1], 1e-15)
    assertInDelta(applySceneAction(setup, { type: 'escape' }).start!, [Math.SQRT1_2, Math.SQRT1_2], 1e-15)
  })

  it('escape does nothing where the start is not a critical point with a negative eigenvalue', () => {
    const off = applySceneAction(setup, { type: 'setStart', start: [1.5, -1.499] })
    expect(applySceneAction(off, { type: 'escape' }).start).toEqual([1.5, -1.499])
  })

  it('setRacer merges the patch into that racer only; a bad index throws a SpecError', () => {
    const next = applySceneAction(setup, { type: 'setRacer', index: 1, patch: { lr: 1 } })
    expect(next.racers[1].optimizer).toEqual({ kind: 'adagrad', lr: 1 })
    expect(next.racers[0].optimizer).toEqual({ kind: 'sgd', lr: 0.01 })
    expect(setup.racers[1].optimizer.lr).toBe(0.3)
    expect(() => applySceneAction(setup, { type: 'setRacer', index: 2, patch: {} })).toThrow(SpecError)
    expect(() => applySceneAction(setup, { type: 'showRacers', indices: [0, -1] })).toThrow(SpecError)
  })

  it('setNoise turns noise on, and off again with std 0; setSchedule replaces the shared schedule', () => {
    const noisy = applySceneAction(setup, { type: 'setNoise', noise: { std: 2, seed: 4, annealSteps: 10 } })
    expect(noisy.noise).toEqual({ std: 2, seed: 4, annealSteps: 10 })
    expect(applySceneAction(noisy, { type: 'setNoise', noise: { std: 0, seed: 4 } }).noise).toBeUndefined()
    expect(applySceneAction(setup, { type: 'setSchedule', schedule: { kind: 'constant' } }).schedule).toEqual(
      {
        kind: 'constant',
      },
    )
  })

  it('setSurface, showRacers and setLambda set their fields; play and toEnd change nothing', () => {
    expect(applySceneAction(setup, { type: 'setSurface', surface: 'ravine' }).surface).toBe('ravine')
    expect(applySceneAction(setup, { type: 'showRacers', indices: [1] }).visible).toEqual([1])
    expect(applySceneAction(setup, { type: 'setLambda', lambda: 0.5 }).lambda).toBe(0.5)
    expect(applySceneAction(setup, { type: 'play' })).toEqual(setup)
    expect(applySceneAction(setup, { type: 'toEnd' })).toEqual(setup)
  })

  it('sequence applies its actions in order', () => {
    const next = applySceneAction(setup, {
      type: 'sequence',
      actions: [
        { type: 'setStart', start: [0, 0] },
        { type: 'escape', distance: Math.SQRT2 },
        { type: 'setRacer', index: 0, patch: { lr: 0.5 } },
      ],
    })
    assertInDelta(next.start!, [1, 1], 1e-15)
    expect(next.racers[0].optimizer.lr).toBe(0.5)
  })

  it('escape and setStart need a surface', () => {
    const none: SceneSetup = { racers: [], steps: 1, visible: [] }
    expect(() => applySceneAction(none, { type: 'escape' })).toThrow(SpecError)
    expect(() => applySceneAction(none, { type: 'setStart', start: [0, 0] })).toThrow(SpecError)
  })
})

describe('raceSpecs(setup)', () => {
  it('gives one spec per racer: its own schedule or else the shared one, the shared noise, start and steps', () => {
    const setup = applySceneAction(initialSetup(base), { type: 'setNoise', noise: { std: 1, seed: 2 } })
    expect(raceSpecs(setup)).toEqual([
      {
        surface: 'saddle',
        optimizer: { kind: 'sgd', lr: 0.01 },
        start: [1.5, -1.499],
        steps: 50,
        schedule: { kind: 'exponential', decay: 0.99, decaySteps: 1 },
        noise: { std: 1, seed: 2 },
      },
      {
        surface: 'saddle',
        optimizer: { kind: 'adagrad', lr: 0.3 },
        start: [1.5, -1.499],
        steps: 50,
        schedule: { kind: 'inverse-sqrt' },
        noise: { std: 1, seed: 2 },
      },
    ])
  })

  it('is empty for a classifier-only set-up', () => {
    expect(raceSpecs({ racers: [], steps: 800, visible: [], lambda: 0 })).toEqual([])
  })
})
