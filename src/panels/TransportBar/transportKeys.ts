/** What the focused element does with keys by itself, so the page-wide shortcuts leave those keys alone. */
export type FocusKind =
  /** Types text (inputs, textareas, selects, contenteditable): every key is its own. */
  | 'text'
  /** Clicks on space (buttons, checkboxes, links): arrows are free. */
  | 'button'
  /** Moves on arrows (range inputs, role="slider"): space is free. */
  | 'slider'
  /** Composite widgets (tabs, radios, listboxes, menus) that use both. */
  | 'widget'
  /** Nothing in particular (the page body, a panel, a canvas). */
  | 'other'

/** The parts of a DOM element the classification reads (an `HTMLElement` fits). */
export interface FocusTarget {
  tagName?: string
  type?: string
  isContentEditable?: boolean
  getAttribute?(name: string): string | null
}

const BUTTON_INPUTS = new Set(['button', 'submit', 'reset', 'checkbox', 'radio', 'color', 'file', 'image'])
const BUTTON_ROLES = new Set(['button', 'checkbox', 'switch', 'link', 'menuitemcheckbox'])
const SLIDER_ROLES = new Set(['slider', 'scrollbar'])
const TEXT_ROLES = new Set(['textbox', 'combobox', 'searchbox', 'spinbutton'])
const WIDGET_ROLES = new Set([
  'tab',
  'radio',
  'listbox',
  'option',
  'menu',
  'menuitem',
  'menuitemradio',
  'grid',
])

/** Classifies the element that has focus (null: nothing focused, i.e. the page). */
export function focusKindOf(el: FocusTarget | null | undefined): FocusKind {
  if (el == null || typeof el.tagName !== 'string') return 'other'
  if (el.isContentEditable === true) return 'text'
  const tag = el.tagName.toUpperCase()
  if (tag === 'TEXTAREA' || tag === 'SELECT') return 'text'
  if (tag === 'INPUT') {
    const type = (el.type ?? 'text').toLowerCase()
    if (type === 'range') return 'slider'
    return BUTTON_INPUTS.has(type) ? 'button' : 'text'
  }
  const role = el.getAttribute?.('role') ?? ''
  if (TEXT_ROLES.has(role)) return 'text'
  if (SLIDER_ROLES.has(role)) return 'slider'
  if (WIDGET_ROLES.has(role)) return 'widget'
  if (tag === 'BUTTON' || tag === 'SUMMARY' || BUTTON_ROLES.has(role)) return 'button'
  if (tag === 'A' && el.getAttribute?.('href') != null) return 'button'
  return 'other'
}

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
