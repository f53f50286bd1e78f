import { describe, expect, it } from 'vitest'
import { surfaceMetas as surfaces } from '../../src/core/surfaces/meta'
import {
  selectCanAddRacer,
  selectCanRemoveRacer,
  selectSelectedRacer,
  selectShareQuery,
  selectSurface,
  selectView,
} from '../../src/state/selectors'
import { createAppStore } from '../../src/state/store'
import { parseUrl } from '../../src/state/urlState'
import { createFakeDriver } from './fakeDriver'

function setup() {
  const store = createAppStore({ driver: createFakeDriver().driver, autoRestart: false })
  return { store, s: () => store.getState() }
}

describe('selectors', () => {
  it("selectView gives the surface's default extent until the user sets a view", () => {
    const { s } = setup()
    expect(selectView(s())).toBe(surfaces.saddle.extent)
    expect(selectSurface(s())).toBe(surfaces.saddle)
    s().setView({ x: [0, 1], y: [2, 3] })
    expect(selectView(s())).toEqual({ x: [0, 1], y: [2, 3] })
  })

  it('selectSelectedRacer returns the racer object itself, stable across unrelated changes', () => {
    const { s } = setup()
    s().selectRacer('r2')
    const racer = selectSelectedRacer(s())
    expect(racer?.optimizer.kind).toBe('rmsprop')
    s().setPalette('viridis')
    expect(selectSelectedRacer(s())).toBe(racer)
  })

  it('selectCanAddRacer and selectCanRemoveRacer follow the 1..6 racer limits', () => {
    const { s } = setup()
    expect([selectCanAddRacer(s()), selectCanRemoveRacer(s())]).toEqual([true, true])
    s().addRacer()
    s().addRacer()
    expect(selectCanAddRacer(s())).toBe(false)
    for (const id of ['r0', 'r1', 'r2', 'r3', 'r4']) s().removeRacer(id)
    expect(selectCanRemoveRacer(s())).toBe(false)
  })

  it('selectShareQuery is the URL of the current settings, recomputed only when they change', () => {
    const { s } = setup()
    const q = selectShareQuery(s())
    expect(parseUrl(q).settings).toEqual(s().settings)
    expect(selectShareQuery({ ...s() })).toBe(q)
    s().setSteps(42)
    expect(selectShareQuery(s())).toContain('steps=42')
  })
})
