import { describe, expect, it } from 'vitest'
import { SpecError } from '../../../src/core/errors'
import { validateClassifierConfig } from '../../../src/core/mlp/index'
import { classifierConfigOf, classifierPresets } from '../../../src/core/scenes/classifierPresets.meta'
import { getScene, sceneIds, scenes } from '../../../src/core/scenes/index'
import { applySceneAction, initialSetup, raceSpecs } from '../../../src/core/scenes/setup'
import type { SceneSetup } from '../../../src/core/scenes/setup'
import { SCENE_CARD_ORDER } from '../../../src/core/scenes/types'
import type { Scene, SceneAction } from '../../../src/core/scenes/types'
import { surfaceIds } from '../../../src/core/surfaces/index'
import type { Bilingual } from '../../../src/core/types'
import { validateTrajectorySpec } from '../../../src/core/validate'
import { LIMITS, MAX_RACERS } from '../../../src/state/limits'

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const CJK = /[\u3400-\u9fff]/
const HTML_TAG = /<\/?[a-z][^>]*>/i

/** Every action of a card, sequences flattened. */
function flatten(action: SceneAction | undefined): SceneAction[] {
  if (!action) return []
  return action.type === 'sequence' ? action.actions.flatMap(flatten) : [action]
}

/** Both languages present and non-empty, Chinese with Chinese characters, English without. */
function expectBilingual(text: Bilingual, where: string): void {
  expect(text.zh.trim(), `${where}.zh`).not.toBe('')
  expect(text.en.trim(), `${where}.en`).not.toBe('')
  expect(CJK.test(text.zh), `${where}.zh has Chinese`).toBe(true)
  expect(CJK.test(text.en), `${where}.en has no Chinese`).toBe(false)
  expect(HTML_TAG.test(text.zh) || HTML_TAG.test(text.en), `${where} is plain text`).toBe(false)
}

/** The set-ups a student can reach: the opening one, and each card's action applied to it. */
function reachable(scene: Scene): SceneSetup[] {
  const start = initialSetup(scene)
  return [start, ...scene.cards.filter((c) => c.action).map((c) => applySceneAction(start, c.action!))]
}

describe('scenes registry', () => {
  it('lists the 14 lecture scenes of docs/lectures.md §4 in order, numbered 1..14', () => {
    expect(scenes).toHaveLength(14)
    expect(scenes.map((s) => s.number)).toEqual(scenes.map((_, i) => i + 1))
    expect(sceneIds).toEqual(scenes.map((s) => s.id))
  })

  it('ids are unique url-safe slugs', () => {
    expect(new Set(sceneIds).size).toBe(sceneIds.length)
    for (const id of sceneIds) expect(id).toMatch(SLUG)
  })

  it('getScene(id) returns the scene; an unknown id throws a SpecError naming the allowed ids', () => {
    for (const s of scenes) expect(getScene(s.id)).toBe(s)
    expect(() => getScene('banana')).toThrow(SpecError)
    expect(() => getScene('banana')).toThrow(/scene must be one of 'saddle-escape', .* \(got 'banana'\)/)
  })

  describe.each(scenes.map((s) => [s.id, s] as const))('%s', (_id, scene) => {
    it('has a bilingual title, summary and claims', () => {
      expectBilingual(scene.title, 'title')
      expectBilingual(scene.summary, 'summary')
      expect(scene.claims.length).toBeGreaterThan(0)
      scene.claims.forEach((c, i) => expectBilingual(c, `claims[${i}]`))
    })

    it('tells the lecture arc: symptom first, moral last, the kinds in arc order, unique url-safe card ids', () => {
      const kinds = scene.cards.map((c) => c.kind)
      expect(kinds[0]).toBe('symptom')
      expect(kinds[kinds.length - 1]).toBe('moral')
      for (const k of ['belief', 'watch'] as const) expect(kinds).toContain(k)
      const rank = kinds.map((k) => SCENE_CARD_ORDER.indexOf(k))
      for (let i = 1; i < rank.length; i++) expect(rank[i]).toBeGreaterThanOrEqual(rank[i - 1])
      const ids = scene.cards.map((c) => c.id)
      expect(new Set(ids).size).toBe(ids.length)
      for (const id of ids) expect(id).toMatch(SLUG)
    })

    it('every card has both languages, plain text, and any tex is non-empty', () => {
      for (const c of scene.cards) {
        expectBilingual(c.title, `${c.id}.title`)
        expectBilingual(c.body, `${c.id}.body`)
        if (c.tex !== undefined) expect(c.tex.trim(), `${c.id}.tex`).not.toBe('')
      }
    })

    it('its panels fit its kind, and its steps, speed and racer count fit the app’s limits', () => {
      expect(new Set(scene.panels).size).toBe(scene.panels.length)
      expect(scene.panels).toContain('cards')
      expect(scene.panels.includes('surface')).toBe(scene.kind === 'surface')
      expect(scene.panels.includes('classifier')).toBe(scene.classifier !== undefined)
      expect(
        Number.isInteger(scene.steps) && scene.steps >= LIMITS.steps.min && scene.steps <= LIMITS.steps.max,
      ).toBe(true)
      expect(
        Number.isInteger(scene.speed) && scene.speed >= LIMITS.speed.min && scene.speed <= LIMITS.speed.max,
      ).toBe(true)
      expect((scene.racers ?? []).length).toBeLessThanOrEqual(MAX_RACERS)
      for (const r of scene.racers ?? []) {
        expect(r.label?.zh.trim(), 'racer label zh').toBeTruthy()
        expect(r.label?.en.trim(), 'racer label en').toBeTruthy()
        expect(CJK.test(r.label!.en), 'racer label en has no Chinese').toBe(false)
      }
    })

    it('every surface it names exists, and every race it can reach validates (validateTrajectorySpec)', () => {
      const named = [
        scene.surface,
        scene.testSurface,
        ...scene.cards
          .flatMap((c) => flatten(c.action))
          .filter((a) => a.type === 'setSurface')
          .map((a) => (a as { surface: string }).surface),
      ]
      for (const s of named) if (s !== undefined) expect(surfaceIds).toContain(s)
      if (scene.kind === 'surface') {
        expect(scene.surface).toBeDefined()
        expect((scene.racers ?? []).length).toBeGreaterThan(0)
      }
      for (const setup of reachable(scene)) {
        const specs = raceSpecs(setup)
        expect(specs).toHaveLength(scene.kind === 'surface' ? setup.racers.length : 0)
        for (const spec of specs) expect(() => validateTrajectorySpec(spec)).not.toThrow()
        for (const i of setup.visible) expect(i).toBeLessThan(setup.racers.length)
      }
    })

    it('its classifier, if any, resolves to a valid configuration for every λ its cards set', () => {
      if (scene.kind === 'classifier') expect(scene.classifier).toBeDefined()
      if (!scene.classifier) return
      for (const setup of reachable(scene)) {
        const config = classifierConfigOf({ preset: scene.classifier.preset, lambda: setup.lambda })
        expect(() => validateClassifierConfig(config)).not.toThrow()
      }
    })
  })

  it('the course preset is the PKU lab: 2-11-1 ReLU, linear output, MSE, SGD 0.005, batch 32, 800 epochs, N(0, 1) init', () => {
    const { config, data } = classifierPresets.course
    expect(data).toBe('dot.csv')
    expect(config).toMatchObject({
      layers: [2, 11, 1],
      activation: 'relu',
      output: 'linear',
      loss: 'mse',
      optimizer: { kind: 'sgd', convention: 'course', lr: 0.005 },
      batchSize: 32,
      epochs: 800,
      shuffle: false,
      regularization: { kind: 'none' },
      init: { kind: 'normal' },
    })
    expect(() => validateClassifierConfig(config)).not.toThrow()
  })

  it('classifierConfigOf sets L2 λ·½Σw² for λ > 0, none for λ = 0, the preset’s own for undefined, as a copy', () => {
    expect(classifierConfigOf({ preset: 'course', lambda: 0.03 }).regularization).toEqual({
      kind: 'l2',
      lambda: 0.03,
    })
    expect(classifierConfigOf({ preset: 'course', lambda: 0 }).regularization).toEqual({ kind: 'none' })
    const own = classifierConfigOf({ preset: 'course' })
    expect(own).toEqual(classifierPresets.course.config)
    expect(own).not.toBe(classifierPresets.course.config)
    own.layers[1] = 3
    expect(classifierPresets.course.config.layers[1]).toBe(11)
  })
})
