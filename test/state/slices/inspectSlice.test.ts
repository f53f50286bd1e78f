import { describe, expect, it } from 'vitest'
import { analyzePoint } from '../../../src/core/analyzePoint'
import { getSurface } from '../../../src/core/surfaces/index'
import { createAppStore } from '../../../src/state/store'
import { createFakeDriver } from '../fakeDriver'

describe('inspectSlice', () => {
  it('starts with no inspected point and no analysis (the Hessian follows the selected racer)', () => {
    const store = createAppStore({ driver: createFakeDriver().driver })
    expect(store.getState().inspectPoint).toBeNull()
    expect(store.getState().inspectAnalysis).toBeNull()
  })

  it('setInspectPoint(p) stores a copy of a finite point, ignores non-finite ones, and null clears it', () => {
    const store = createAppStore({ driver: createFakeDriver().driver })
    const p: [number, number] = [0.5, -1]
    store.getState().setInspectPoint(p)
    p[0] = 9
    expect(store.getState().inspectPoint).toEqual([0.5, -1])
    store.getState().setInspectPoint([NaN, 1])
    store.getState().setInspectPoint([1, Infinity])
    expect(store.getState().inspectPoint).toEqual([0.5, -1])
    store.getState().setInspectPoint(null)
    expect(store.getState().inspectPoint).toBeNull()
  })

  it('setting the same point again notifies nobody (a hover repeats positions)', () => {
    const store = createAppStore({ driver: createFakeDriver().driver })
    store.getState().setInspectPoint([1, 2])
    let calls = 0
    store.subscribe(() => calls++)
    store.getState().setInspectPoint([1, 2])
    store.getState().setInspectPoint(null)
    store.getState().setInspectPoint(null)
    expect(calls).toBe(1)
  })

  it('setInspectAnalysis stores the analysis the Hessian panel received, and neither touches the settings', () => {
    const store = createAppStore({ driver: createFakeDriver().driver })
    const settings = store.getState().settings
    const analysis = analyzePoint(getSurface('saddle'), 0, 0)
    store.getState().setInspectAnalysis(analysis)
    store.getState().setInspectPoint([0, 0])
    expect(store.getState().inspectAnalysis).toBe(analysis)
    expect(store.getState().settings).toBe(settings)
  })
})
