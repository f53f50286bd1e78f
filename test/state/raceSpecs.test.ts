import { describe, expect, it } from 'vitest'
import { buildRaceEntries, raceKeyOf } from '../../src/state/raceSpecs'
import { createDefaultSettings } from '../../src/state/settings'
import { createRegistryCatalog } from '../../src/state/surfaceCatalog'

const defaults = createDefaultSettings(createRegistryCatalog())

describe('raceSpecs', () => {
  it('buildRaceEntries(settings) keeps hidden racers (they still run) in legend order', () => {
    const s = structuredClone(defaults)
    s.racers[1].hidden = true
    expect(buildRaceEntries(s).map((e) => e.id)).toEqual(['r0', 'r1', 'r2', 'r3'])
  })

  it('raceKeyOf changes with the math and not with view, speed, palette, visibility, selection or language', () => {
    const key = (s: typeof defaults) => raceKeyOf(buildRaceEntries(s))
    const base = key(defaults)
    const same = structuredClone(defaults)
    Object.assign(same, {
      view: { x: [0, 1], y: [0, 1] },
      speed: 9,
      palette: 'cividis',
      showArrows: true,
      language: 'zh',
      selectedRacer: 'r2',
    })
    same.racers[0].hidden = true
    same.noise.seed = 99
    expect(key(same)).toBe(base)
    const edits: ((s: typeof defaults) => void)[] = [
      (s) => (s.surfaceId = 'booth'),
      (s) => (s.start = [0, 0]),
      (s) => (s.steps = 501),
      (s) => (s.schedule = { kind: 'inverse-sqrt' }),
      (s) => (s.noise = { std: 0.1, seed: 1 }),
      (s) => (s.racers[2].optimizer.lr = 0.04),
      (s) => (s.racers[2].schedule = { kind: 'inverse-sqrt' }),
      (s) => s.racers.pop(),
    ]
    for (const edit of edits) {
      const s = structuredClone(defaults)
      edit(s)
      expect(key(s)).not.toBe(base)
    }
  })
})
