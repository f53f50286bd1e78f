import { describe, expect, it } from 'vitest'
import { touchMayPan, wheelMayZoom } from '../../../src/panels/SurfacePanel/panZoom'

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

describe('touchMayPan(event, exploring)', () => {
  const touch = (n: number) => ({ type: 'touchstart', touches: { length: n } })

  it('leaves one finger to the page (it scrolls) and gives two fingers to the plot', () => {
    expect(touchMayPan(touch(1), false)).toBe(false)
    expect(touchMayPan(touch(2), false)).toBe(true)
    expect(touchMayPan(touch(3), false)).toBe(true)
  })

  it('gives one finger to the plot while exploring', () => {
    expect(touchMayPan(touch(1), true)).toBe(true)
  })

  it('does not concern the mouse, the wheel or a pen', () => {
    expect(touchMayPan({ type: 'mousedown' }, false)).toBe(true)
    expect(touchMayPan({ type: 'wheel' }, false)).toBe(true)
  })
})
