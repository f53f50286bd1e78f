export { focusKindOf } from '../../ui/focusKind'
export type { FocusKind, FocusTarget } from '../../ui/focusKind'
import type { FocusKind } from '../../ui/focusKind'

/** The parts of a `KeyboardEvent` the shortcuts read. */
export interface KeyPress {
  key: string
  shiftKey: boolean
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  repeat: boolean
  defaultPrevented: boolean
}

/** A shortcut: toggle play, move the playhead by n steps, or swallow the key (a held space). */
export type TransportKeyAction = { kind: 'toggle' } | { kind: 'step'; n: number } | { kind: 'swallow' }

/**
 * The transport's keyboard shortcuts: space toggles play/pause, ← / → step back / forward (10 steps with
 * Shift). A key is left alone when the focused element uses it (space in a text field or on a button, arrows
 * on a slider or in a text field), when a modifier other than Shift is held (browser and OS shortcuts), or
 * when another handler already took it. A held space toggles once; its repeats are swallowed so the page does
 * not scroll.
 */
export function transportKeyAction(e: KeyPress, focus: FocusKind): TransportKeyAction | null {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return null
  if (e.key === ' ' || e.key === 'Spacebar') {
    if (focus !== 'other' && focus !== 'slider') return null
    return e.repeat ? { kind: 'swallow' } : { kind: 'toggle' }
  }
  if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
    if (focus !== 'other' && focus !== 'button') return null
    return { kind: 'step', n: (e.key === 'ArrowLeft' ? -1 : 1) * (e.shiftKey ? 10 : 1) }
  }
  return null
}
