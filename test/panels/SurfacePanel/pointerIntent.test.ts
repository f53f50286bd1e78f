import { describe, expect, it } from 'vitest'
import {
  CLICK_SLOP_PX,
  createPressTracker,
  hitsStartMarker,
  START_HIT_RADIUS_PX,
  toPointerKind,
} from '../../../src/panels/SurfacePanel/pointerIntent'

describe('hitsStartMarker', () => {
  it('grabs within 18 px of the marker with a mouse (a 36 px target) and 24 px with a finger', () => {
    expect(START_HIT_RADIUS_PX.mouse * 2).toBeGreaterThanOrEqual(36)
    expect(hitsStartMarker(112, 100, 100, 100, 'mouse')).toBe(true)
    expect(hitsStartMarker(100 + 13, 100 + 13, 100, 100, 'mouse')).toBe(false) // 18.4 px away
    expect(hitsStartMarker(100 + 13, 100 + 13, 100, 100, 'touch')).toBe(true)
    expect(hitsStartMarker(125, 100, 100, 100, 'touch')).toBe(false)
  })

  it("toPointerKind maps '' and unknown types to 'mouse'", () => {
    expect(toPointerKind('touch')).toBe('touch')
    expect(toPointerKind('pen')).toBe('pen')
    expect(toPointerKind('')).toBe('mouse')
  })
})

describe('createPressTracker', () => {
  it('a press released within the click slop is a click', () => {
    const p = createPressTracker()
    expect(p.down(1, 'mouse', 50, 50, false)).toBe('none')
    expect(p.move(1, 52, 53)).toBe('none')
    expect(p.up(1, 52, 53)).toBe('click')
  })

  it('a press that wanders beyond the slop is a pan (left to d3-zoom), even if it comes back', () => {
    const p = createPressTracker()
    p.down(1, 'mouse', 50, 50, false)
    p.move(1, 50 + CLICK_SLOP_PX.mouse + 1, 50)
    expect(p.up(1, 50, 50)).toBe('none')
  })

  it('a finger may jitter more than a mouse and still tap', () => {
    const p = createPressTracker()
    p.down(7, 'touch', 50, 50, false)
    expect(p.up(7, 58, 50)).toBe('click')
    p.down(8, 'mouse', 50, 50, false)
    expect(p.up(8, 58, 50)).toBe('none')
  })

  it('a second finger turns the press into a pinch: no click on release', () => {
    const p = createPressTracker()
    p.down(1, 'touch', 50, 50, false)
    expect(p.down(2, 'touch', 150, 50, false)).toBe('none')
    expect(p.up(2, 150, 50)).toBe('none')
    expect(p.up(1, 50, 50)).toBe('none')
  })

  it('a press on the start marker drags it: drag-start, drag-move, drag-end, and vetoes panning meanwhile', () => {
    const p = createPressTracker()
    expect(p.down(3, 'mouse', 10, 10, true)).toBe('drag-start')
    expect(p.dragging).toBe(true)
    expect(p.move(3, 40, 30)).toBe('drag-move')
    expect(p.up(3, 40, 30)).toBe('drag-end')
    expect(p.dragging).toBe(false)
  })

  it('a click on the marker that never leaves the slop cancels the drag: the start stays put', () => {
    const p = createPressTracker()
    p.down(3, 'mouse', 10, 10, true)
    expect(p.up(3, 11, 10)).toBe('drag-cancel')
  })

  it('a still touch held long is an inspection, and its release sets nothing', () => {
    const p = createPressTracker()
    p.down(4, 'touch', 20, 20, false)
    expect(p.longPress(4)).toBe('inspect')
    expect(p.up(4, 20, 20)).toBe('none')
  })

  it('a long press after moving, with a mouse, or for another pointer does nothing', () => {
    const p = createPressTracker()
    p.down(5, 'touch', 20, 20, false)
    p.move(5, 60, 20)
    expect(p.longPress(5)).toBe('none')
    p.up(5, 60, 20)
    p.down(6, 'mouse', 20, 20, false)
    expect(p.longPress(6)).toBe('none')
    expect(p.longPress(99)).toBe('none')
  })

  it('cancel forgets the press: its release is no click', () => {
    const p = createPressTracker()
    p.down(9, 'touch', 5, 5, false)
    p.cancel(9)
    expect(p.up(9, 5, 5)).toBe('none')
  })
})
