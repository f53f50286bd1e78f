import { describe, expect, it } from 'vitest'
import { createFakeDriver } from './fakeDriver'
import { buildRaceEntries } from '../../src/state/raceSpecs'
import { createDefaultSettings } from '../../src/state/settings'
import type { Settings } from '../../src/state/settings'
import { createAppStore } from '../../src/state/store'
import { createRegistryCatalog } from '../../src/state/surfaceCatalog'
import { parseUrl, serializeUrl } from '../../src/state/urlState'

const catalog = createRegistryCatalog()
const defaults = createDefaultSettings(catalog)

/** The default race moved to the mini-batch surface, with batch sizes per racer. */
function onData(batches: (number | undefined)[], count?: 'epochs'): Settings {
  const s = structuredClone(defaults)
  s.surfaceId = 'mini-batch-linear'
  s.start = [-1.5, -1]
  s.steps = 10
  s.noise = { std: 0, seed: 42 }
  s.racers = s.racers.slice(0, batches.length)
  batches.forEach((b, i) => {
    if (b !== undefined) s.racers[i].batch = b
  })
  if (count) s.count = count
  return s
}

describe('a racer’s batch size', () => {
  it('round-trips through the link as b:B, and a link without it is the full batch', () => {
    const s = onData([undefined, 5, 1], 'epochs')
    const query = serializeUrl(s)
    expect(query).toContain('sgd(lecture,lr:0.01)~momentum(lecture,lr:0.05,m:0.9,b:5)~rmsprop(')
    expect(query).toContain(',b:1)')
    expect(query).toContain('&count=epochs&')
    const { settings, notices } = parseUrl(query, { catalog })
    expect(notices).toEqual([])
    expect(settings).toStrictEqual(s)
    // An old link keeps its exact shape: no batch, no count.
    const old = parseUrl(serializeUrl(defaults), { catalog }).settings
    expect(old.racers.every((r) => !('batch' in r))).toBe(true)
    expect('count' in old).toBe(false)
  })

  it('a bad b: in a link is a field error that falls back to the full batch', () => {
    for (const bad of ['0', '1.5', '-3', 'x', '1e9']) {
      const { settings, notices } = parseUrl(`s=mini-batch-linear&r=sgd(lecture,lr:0.1,b:${bad})`, {
        catalog,
      })
      expect(settings.racers[0].batch, bad).toBeUndefined()
      expect(notices.length, bad).toBeGreaterThan(0)
    }
  })

  it('becomes a BatchSpec seeded with the race’s seed on a data surface, and steps × ⌈N/B⌉ in epochs', () => {
    const entries = buildRaceEntries(onData([undefined, 5, 1], 'epochs'))
    expect(entries.map((e) => e.spec.batch)).toEqual([
      undefined,
      { size: 5, seed: 42 },
      { size: 1, seed: 42 },
    ])
    expect(entries.map((e) => e.spec.steps)).toEqual([10, 60, 300])
    // Counting updates, every racer makes `steps` updates.
    expect(buildRaceEntries(onData([undefined, 5, 1])).map((e) => e.spec.steps)).toEqual([10, 10, 10])
    // B ≥ N is the full batch.
    expect(buildRaceEntries(onData([30, 99]))[0].spec.batch).toBeUndefined()
  })

  it('is ignored on a surface without examples (no batch in the spec)', () => {
    const s = structuredClone(defaults)
    s.racers[0].batch = 1
    s.count = 'epochs'
    const [e] = buildRaceEntries(s)
    expect(e.spec.batch).toBeUndefined()
    expect(e.spec.steps).toBe(s.steps)
  })

  it('updateRacer clamps it into 1..100 000, null goes back to the full batch; setStepUnit toggles count', () => {
    const store = createAppStore({
      catalog,
      driver: createFakeDriver().driver,
      autoRestart: false,
      initialSettings: onData([undefined]),
    })
    const id = store.getState().settings.racers[0].id
    store.getState().updateRacer(id, { batch: 0 })
    expect(store.getState().settings.racers[0].batch).toBe(1)
    store.getState().updateRacer(id, { batch: 7.4 })
    expect(store.getState().settings.racers[0].batch).toBe(7)
    store.getState().updateRacer(id, { batch: Number.NaN })
    expect(store.getState().settings.racers[0].batch).toBe(7)
    store.getState().updateRacer(id, { batch: null })
    expect('batch' in store.getState().settings.racers[0]).toBe(false)
    store.getState().setStepUnit('epochs')
    expect(store.getState().settings.count).toBe('epochs')
    store.getState().setStepUnit('updates')
    expect('count' in store.getState().settings).toBe(false)
  })
})
