import { describe, expect, it } from 'vitest'
import { getScene } from '../../../src/core/scenes/index'
import { settingsWithSetup, setupBeforeCard } from '../../../src/state/scene/sceneSettings'
import { createDefaultSettings } from '../../../src/state/settings'
import { createAppStore } from '../../../src/state/store'
import { createRegistryCatalog } from '../../../src/state/surfaceCatalog'
import { createFakeDriver } from '../fakeDriver'

const defaults = createDefaultSettings(createRegistryCatalog())

describe('the testing surface switch', () => {
  it('opening canyon-vs-basin (a scene with a testing surface) turns it on; another scene turns it off', () => {
    const canyon = getScene('canyon-vs-basin')
    const on = settingsWithSetup(defaults, canyon, setupBeforeCard(canyon, 0), { mode: 'open', card: 0 })
    expect(on.showTestSurface).toBe(true)
    const saddle = getScene('saddle-escape')
    const off = settingsWithSetup(on, saddle, setupBeforeCard(saddle, 0), { mode: 'open', card: 0 })
    expect('showTestSurface' in off).toBe(false)
  })

  it('setShowTestSurface(true/false) sets or leaves out the key; non-booleans are ignored', () => {
    const store = createAppStore({ driver: createFakeDriver().driver, autoRestart: false })
    const s = () => store.getState()
    expect('showTestSurface' in s().settings).toBe(false)
    s().setShowTestSurface(true)
    expect(s().settings.showTestSurface).toBe(true)
    s().setShowTestSurface('no' as never)
    expect(s().settings.showTestSurface).toBe(true)
    s().setShowTestSurface(false)
    expect('showTestSurface' in s().settings).toBe(false)
  })
})
