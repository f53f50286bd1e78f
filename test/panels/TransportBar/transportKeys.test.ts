import { describe, expect, it } from 'vitest'
import { focusKindOf, transportKeyAction } from '../../../src/panels/TransportBar/transportKeys'
import type { FocusTarget, KeyPress } from '../../../src/panels/TransportBar/transportKeys'

const el = (
  tagName: string,
  attrs: Record<string, string> = {},
  extra: Partial<FocusTarget> = {},
): FocusTarget => ({
  tagName,
  getAttribute: (name) => attrs[name] ?? null,
  ...extra,
})
const key = (k: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  repeat: false,
  defaultPrevented: false,
  ...mods,
})

describe('focusKindOf', () => {
  it('focusKindOf(el) tells text fields, buttons, sliders and composite widgets apart', () => {
    expect(focusKindOf(null)).toBe('other')
    expect(focusKindOf(el('BODY'))).toBe('other')
    // A focused canvas (the surface) pans on arrows, so the page-wide shortcuts leave arrows to it.
    expect(focusKindOf(el('CANVAS'))).toBe('slider')
    expect(focusKindOf(el('INPUT', {}, { type: 'text' }))).toBe('text')
    expect(focusKindOf(el('INPUT', {}, { type: 'number' }))).toBe('text')
    expect(focusKindOf(el('TEXTAREA'))).toBe('text')
    expect(focusKindOf(el('SELECT'))).toBe('text')
    expect(focusKindOf(el('DIV', {}, { isContentEditable: true }))).toBe('text')
    expect(focusKindOf(el('DIV', { role: 'combobox' }))).toBe('text')
    expect(focusKindOf(el('INPUT', {}, { type: 'range' }))).toBe('slider')
    expect(focusKindOf(el('DIV', { role: 'slider' }))).toBe('slider')
    expect(focusKindOf(el('BUTTON'))).toBe('button')
    expect(focusKindOf(el('INPUT', {}, { type: 'checkbox' }))).toBe('button')
    expect(focusKindOf(el('A', { href: '#x' }))).toBe('button')
    expect(focusKindOf(el('A'))).toBe('other')
    expect(focusKindOf(el('BUTTON', { role: 'tab' }))).toBe('widget')
    expect(focusKindOf(el('DIV', { role: 'listbox' }))).toBe('widget')
  })
})

describe('transportKeyAction', () => {
  it('transportKeyAction(space) toggles play on the page and on a slider', () => {
    expect(transportKeyAction(key(' '), 'other')).toEqual({ kind: 'toggle' })
    expect(transportKeyAction(key(' '), 'slider')).toEqual({ kind: 'toggle' })
  })

  it('transportKeyAction(space) leaves space to text fields, buttons and widgets', () => {
    expect(transportKeyAction(key(' '), 'text')).toBeNull()
    expect(transportKeyAction(key(' '), 'button')).toBeNull()
    expect(transportKeyAction(key(' '), 'widget')).toBeNull()
  })

  it('transportKeyAction(held space) swallows the repeats instead of toggling again', () => {
    expect(transportKeyAction(key(' ', { repeat: true }), 'other')).toEqual({ kind: 'swallow' })
  })

  it('transportKeyAction(← / →) steps back and forward, by 10 with Shift', () => {
    expect(transportKeyAction(key('ArrowLeft'), 'other')).toEqual({ kind: 'step', n: -1 })
    expect(transportKeyAction(key('ArrowRight'), 'button')).toEqual({ kind: 'step', n: 1 })
    expect(transportKeyAction(key('ArrowRight', { shiftKey: true }), 'other')).toEqual({
      kind: 'step',
      n: 10,
    })
    expect(transportKeyAction(key('ArrowLeft', { shiftKey: true, repeat: true }), 'other')).toEqual({
      kind: 'step',
      n: -10,
    })
  })

  it('transportKeyAction(← / →) leaves arrows to sliders, text fields and widgets', () => {
    expect(transportKeyAction(key('ArrowLeft'), 'slider')).toBeNull()
    expect(transportKeyAction(key('ArrowRight'), 'text')).toBeNull()
    expect(transportKeyAction(key('ArrowRight'), 'widget')).toBeNull()
  })

  it('transportKeyAction(key) ignores browser shortcuts, handled events and other keys', () => {
    expect(transportKeyAction(key(' ', { ctrlKey: true }), 'other')).toBeNull()
    expect(transportKeyAction(key('ArrowLeft', { metaKey: true }), 'other')).toBeNull()
    expect(transportKeyAction(key('ArrowLeft', { altKey: true }), 'other')).toBeNull()
    expect(transportKeyAction(key(' ', { defaultPrevented: true }), 'other')).toBeNull()
    expect(transportKeyAction(key('Enter'), 'other')).toBeNull()
    expect(transportKeyAction(key('ArrowUp'), 'other')).toBeNull()
  })
})
