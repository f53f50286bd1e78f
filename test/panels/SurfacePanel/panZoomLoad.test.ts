// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'
import { createPanZoom } from '../../../src/panels/SurfacePanel/panZoom'

// d3-zoom keeps its transform on the element (`__zoom`) and listens for wheel events once it is attached.
const zoomState = (el: HTMLElement) => (el as HTMLElement & { __zoom?: unknown }).__zoom

const options = () => ({ getScales: () => null, onGesture: vi.fn(), onCommit: vi.fn() })

describe('createPanZoom (d3-zoom fetched after the first paint)', () => {
  it('attaches d3-zoom to the element once its chunk has arrived', async () => {
    const el = document.createElement('div')
    const panZoom = createPanZoom(el, options())
    await panZoom.ready
    expect(zoomState(el)).toBeDefined()
    panZoom.destroy()
  })

  it('never attaches a behaviour destroyed before its chunk arrived', async () => {
    const el = document.createElement('div')
    const panZoom = createPanZoom(el, options())
    panZoom.destroy()
    await panZoom.ready
    expect(zoomState(el)).toBeUndefined()
  })

  it('passes options updated before the chunk arrived on to the behaviour (its filter vetoes a wheel)', async () => {
    const el = document.createElement('div')
    const first = vi.fn(() => true)
    const later = vi.fn(() => false)
    const panZoom = createPanZoom(el, { ...options(), filter: first })
    panZoom.update({ filter: later })
    await panZoom.ready
    el.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, bubbles: true, cancelable: true }))
    expect(later).toHaveBeenCalled()
    expect(first).not.toHaveBeenCalled()
    panZoom.destroy()
  })
})
