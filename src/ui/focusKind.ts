/** What the focused element does with keys by itself, so the page-wide shortcuts leave those keys alone. */
export type FocusKind =
  /** Types text (inputs, textareas, selects, contenteditable): every key is its own. */
  | 'text'
  /** Clicks on space (buttons, checkboxes, links): arrows and letters are free. */
  | 'button'
  /** Moves on arrows (range inputs, role="slider", a focusable canvas that pans): space is free. */
  | 'slider'
  /** Composite widgets (tabs, radios, listboxes, menus): arrows, space and type-ahead letters are theirs. */
  | 'widget'
  /** Nothing in particular (the page body, a panel, a heading). */
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

/**
 * Classifies the element that has focus (null: nothing focused, i.e. the page). A focusable `<canvas>` counts
 * as a slider: the surface panel's canvas pans with the arrow keys.
 */
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
  if (role === 'slider' || role === 'scrollbar' || tag === 'CANVAS') return 'slider'
  if (WIDGET_ROLES.has(role)) return 'widget'
  if (tag === 'BUTTON' || tag === 'SUMMARY' || BUTTON_ROLES.has(role)) return 'button'
  if (tag === 'A' && el.getAttribute?.('href') != null) return 'button'
  return 'other'
}
