import { describe, expect, it } from 'vitest'
import { wheelMayZoom } from '../../../src/panels/SurfacePanel/panZoom'

const wheel = (mods: { ctrlKey?: boolean; metaKey?: boolean } = {}) => ({
  type: 'wheel',
  ctrlKey: mods.ctrlKey ?? false,
  metaKey: mods.metaKey ?? false,
})

describe('wheelMayZoom(event, embedded)', () => {
  it('lets a plain wheel zoom in the app itself', () => {
    expect(wheelMayZoom(wheel(), false)).toBe(true)
  })

  it('leaves a plain wheel to the host page when embedded, and zooms with Ctrl or ⌘', () => {
    expect(wheelMayZoom(wheel(), true)).toBe(false)
    expect(wheelMayZoom(wheel({ ctrlKey: true }), true)).toBe(true)
    expect(wheelMayZoom(wheel({ metaKey: true }), true)).toBe(true)
  })

  it('does not concern other events (drags and pinches still pan and zoom an embed)', () => {
    expect(wheelMayZoom({ type: 'mousedown', ctrlKey: false, metaKey: false }, true)).toBe(true)
    expect(wheelMayZoom({ type: 'touchstart', ctrlKey: false, metaKey: false }, true)).toBe(true)
  })
})
