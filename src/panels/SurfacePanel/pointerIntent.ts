/** How a pointer is used: the `PointerEvent.pointerType` values. */
export type PointerKind = 'mouse' | 'pen' | 'touch'

/**
 * How far (CSS px) a press may wander and still count as a click rather than a pan. A finger jitters more
 * than a mouse.
 */
export const CLICK_SLOP_PX: Readonly<Record<PointerKind, number>> = { mouse: 4, pen: 6, touch: 10 }

/**
 * Radius (CSS px) around the start marker that grabs it: a 36 px wide target for a mouse or pen, 48 px for a
 * finger (WCAG 2.5.5 asks 44 px).
 */
export const START_HIT_RADIUS_PX: Readonly<Record<PointerKind, number>> = { mouse: 18, pen: 18, touch: 24 }

/** A touch held this long without moving inspects the Hessian at that point (the touch form of Shift-hover). */
export const LONG_PRESS_MS = 550

/** `PointerEvent.pointerType` as a kind; unknown values (old browsers send '') count as a mouse. */
export function toPointerKind(type: string): PointerKind {
  return type === 'touch' || type === 'pen' ? type : 'mouse'
}

/** True when (x, y) lies within the grab radius of the start marker drawn at (markerX, markerY). */
export function hitsStartMarker(
  x: number,
  y: number,
  markerX: number,
  markerY: number,
  kind: PointerKind,
): boolean {
  const r = START_HIT_RADIUS_PX[kind]
  const dx = x - markerX
  const dy = y - markerY
  return dx * dx + dy * dy <= r * r
}

/** What a pointer event means for the surface. */
export type PressAction =
  | 'none'
  /** The press grabbed the start marker: capture the pointer, draw the marker under it. */
  | 'drag-start'
  | 'drag-move'
  /** Release after dragging the marker beyond the click slop: set the start there. */
  | 'drag-end'
  /** Release of a marker press that never left the click slop: the start stays where it was. */
  | 'drag-cancel'
  /** Release close to where the press began, with no second finger: set the start there. */
  | 'click'
  /** A touch held still for LONG_PRESS_MS: inspect the Hessian there. */
  | 'inspect'

interface Press {
  id: number
  kind: PointerKind
  x0: number
  y0: number
  /** Greatest distance from (x0, y0) so far, px. */
  wander: number
  mode: 'pending' | 'drag' | 'pan' | 'done'
}

/**
 * Tells clicks, marker drags, pans and long presses apart from raw pointer events (no DOM, no timers: the caller
 * owns the long-press timer and calls `longPress`). A press that starts on the start marker is a drag; any other
 * primary press is a pending click until it wanders beyond `CLICK_SLOP_PX` (then it is a pan, left to d3-zoom) or
 * a second pointer goes down (a pinch). Only one press is tracked; other pointers merely cancel the click.
 */
export interface PressTracker {
  down(id: number, kind: PointerKind, x: number, y: number, onStartMarker: boolean): PressAction
  move(id: number, x: number, y: number): PressAction
  up(id: number, x: number, y: number): PressAction
  /** The caller's long-press timer fired for press `id`: 'inspect' if that press is still a still touch. */
  longPress(id: number): PressAction
  /** pointercancel, or the element lost the pointer: forget the press without acting. */
  cancel(id: number): void
  /** True while the start marker is being dragged (d3-zoom must not pan then). */
  readonly dragging: boolean
}

export function createPressTracker(): PressTracker {
  let press: Press | null = null
  const track = (id: number, x: number, y: number): Press | null => {
    if (press === null || press.id !== id) return null
    press.wander = Math.max(press.wander, Math.hypot(x - press.x0, y - press.y0))
    return press
  }
  return {
    down(id, kind, x, y, onStartMarker) {
      if (press !== null && press.id !== id) {
        // A second pointer: a pinch is no click; a marker drag carries on with its own pointer.
        if (press.mode === 'pending') press.mode = 'pan'
        return 'none'
      }
      press = { id, kind, x0: x, y0: y, wander: 0, mode: onStartMarker ? 'drag' : 'pending' }
      return onStartMarker ? 'drag-start' : 'none'
    },
    move(id, x, y) {
      const p = track(id, x, y)
      if (p === null) return 'none'
      if (p.mode === 'drag') return 'drag-move'
      if (p.mode === 'pending' && p.wander > CLICK_SLOP_PX[p.kind]) p.mode = 'pan'
      return 'none'
    },
    up(id, x, y) {
      const p = track(id, x, y)
      if (p === null) return 'none'
      press = null
      if (p.mode === 'drag') return p.wander > CLICK_SLOP_PX[p.kind] ? 'drag-end' : 'drag-cancel'
      return p.mode === 'pending' && p.wander <= CLICK_SLOP_PX[p.kind] ? 'click' : 'none'
    },
    longPress(id) {
      if (press === null || press.id !== id || press.mode !== 'pending' || press.kind !== 'touch')
        return 'none'
      press.mode = 'done'
      return 'inspect'
    },
    cancel(id) {
      if (press !== null && press.id === id) press = null
    },
    get dragging() {
      return press !== null && press.mode === 'drag'
    },
  }
}
