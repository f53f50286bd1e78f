import { describe, expect, it } from 'vitest'
import {
  focusKindOf,
  keyPressOf,
  PRESENTER_KEYS,
  presenterCommand,
  tokenGlyph,
} from '../../../src/panels/PresenterKeys/presenterKeys'
import type { KeyContext, KeyPress, PresenterCommand } from '../../../src/panels/PresenterKeys/presenterKeys'

const lecture: KeyContext = { sceneOpen: true, helpOpen: false, playback: true }
const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  repeat: false,
  defaultPrevented: false,
  ...extra,
})
const el = (tagName: string, attrs: Record<string, string> = {}, extra: object = {}) => ({
  tagName,
  getAttribute: (name: string) => attrs[name] ?? null,
  ...extra,
})

describe('PRESENTER_KEYS, the help’s table', () => {
  it('each chord the help shows sends the command it lists', () => {
    for (const binding of PRESENTER_KEYS) {
      const ctx = { ...lecture, helpOpen: binding.whileHelpOpen === true }
      binding.chords.forEach((chord, i) => {
        expect(presenterCommand(keyPressOf(chord), 'other', ctx), chord.join('+')).toEqual(
          binding.commands[i],
        )
      })
    }
  })

  it('lists the issue’s keys: space, → ←, Shift + → ←, N, P, R, F, 1–6, ? and the clicker’s Page Up / Down', () => {
    const chords = PRESENTER_KEYS.flatMap((b) => b.chords.map((c) => c.join('+')))
    for (const chord of [
      'space',
      'right',
      'left',
      'shift+right',
      'shift+left',
      'n',
      'p',
      'r',
      'f',
      'm',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '?',
      'pageDown',
      'pageUp',
      'escape',
    ])
      expect(chords).toContain(chord)
  })

  it('every key that does something is in the help: no hidden shortcut', () => {
    const listed = new Set(
      PRESENTER_KEYS.flatMap((b) =>
        b.chords.map((c) => JSON.stringify([keyPressOf(c).key, c.includes('shift')])),
      ),
    )
    const keys = [
      ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
      ...['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Home', 'End'],
      ...['Escape', 'Enter', 'Tab', 'Backspace', 'Delete', 'F5', 'F11'],
    ]
    for (const helpOpen of [false, true]) {
      for (const key of keys) {
        for (const shiftKey of [false, true]) {
          const command = presenterCommand(press(key, { shiftKey }), 'other', { ...lecture, helpOpen })
          if (command === null || command.kind === 'swallow') continue
          // Letters count case-insensitively (N and n); a key that ignores Shift is listed without it.
          const k = key.length === 1 ? key.toLowerCase() : key
          const found = listed.has(JSON.stringify([k, shiftKey])) || listed.has(JSON.stringify([k, false]))
          expect(found, `${shiftKey ? 'Shift+' : ''}${key} → ${command.kind}`).toBe(true)
        }
      }
    }
  })

  it('prints arrows as arrows, key caps as printed and letters in capitals', () => {
    expect(tokenGlyph('pageDown')).toBe('Page Down')
    expect(tokenGlyph('escape')).toBe('Esc')
    expect(tokenGlyph('right')).toBe('→')
    expect(tokenGlyph('left')).toBe('←')
    expect(tokenGlyph('n')).toBe('N')
    expect(tokenGlyph('?')).toBe('?')
  })
})

describe('presenterCommand(key, focus, context)', () => {
  it('Shift + arrows and the clicker step through the cards; plain arrows step the race', () => {
    expect(presenterCommand(press('ArrowRight', { shiftKey: true }), 'other', lecture)).toEqual({
      kind: 'nextCard',
    })
    expect(presenterCommand(press('ArrowLeft', { shiftKey: true }), 'other', lecture)).toEqual({
      kind: 'prevCard',
    })
    expect(presenterCommand(press('PageDown'), 'other', lecture)).toEqual({ kind: 'nextCard' })
    expect(presenterCommand(press('PageUp'), 'other', lecture)).toEqual({ kind: 'prevCard' })
    expect(presenterCommand(press('ArrowLeft'), 'other', lecture)).toEqual({ kind: 'step', n: -1 })
  })

  it('letters work in either case: N and n, P and p, R and r, F and f', () => {
    const cases: [string, PresenterCommand][] = [
      ['N', { kind: 'nextScene' }],
      ['P', { kind: 'prevScene' }],
      ['R', { kind: 'reset' }],
      ['F', { kind: 'fullscreen' }],
      ['M', { kind: 'presenter' }],
    ]
    for (const [key, command] of cases) {
      expect(presenterCommand(press(key, { shiftKey: true }), 'other', lecture)).toEqual(command)
      expect(presenterCommand(press(key.toLowerCase()), 'other', lecture)).toEqual(command)
    }
  })

  it('leaves every key to a text field, and browser shortcuts (Ctrl+R, ⌘→, Alt+N) alone', () => {
    for (const key of [' ', 'ArrowRight', 'PageDown', 'n', 'r', '1', '?', 'f'])
      expect(presenterCommand(press(key), 'text', lecture)).toBeNull()
    expect(presenterCommand(press('r', { ctrlKey: true }), 'other', lecture)).toBeNull()
    expect(presenterCommand(press('ArrowRight', { metaKey: true }), 'other', lecture)).toBeNull()
    expect(presenterCommand(press('n', { altKey: true }), 'other', lecture)).toBeNull()
    expect(presenterCommand(press(' ', { defaultPrevented: true }), 'other', lecture)).toBeNull()
  })

  it('leaves space to a focused button, arrows to a slider or canvas, and arrows and letters to a widget', () => {
    expect(presenterCommand(press(' '), 'button', lecture)).toBeNull()
    expect(presenterCommand(press('ArrowRight', { shiftKey: true }), 'button', lecture)).toEqual({
      kind: 'nextCard',
    })
    expect(presenterCommand(press('ArrowRight'), 'slider', lecture)).toBeNull()
    expect(presenterCommand(press(' '), 'slider', lecture)).toEqual({ kind: 'togglePlay' })
    expect(presenterCommand(press('ArrowRight'), 'widget', lecture)).toBeNull()
    expect(presenterCommand(press('n'), 'widget', lecture)).toBeNull()
  })

  it('the clicker’s Page Down wins over a focused slider, so a lecturer never has to click first', () => {
    expect(presenterCommand(press('PageDown'), 'slider', lecture)).toEqual({ kind: 'nextCard' })
    expect(presenterCommand(press('PageUp'), 'widget', lecture)).toEqual({ kind: 'prevCard' })
  })

  it('without an open scene, Shift + arrows stay the transport bar’s and the card keys do nothing', () => {
    const playground: KeyContext = { sceneOpen: false, helpOpen: false, playback: true }
    expect(presenterCommand(press('ArrowRight', { shiftKey: true }), 'other', playground)).toBeNull()
    expect(presenterCommand(press('PageDown'), 'other', playground)).toBeNull()
    expect(presenterCommand(press('n'), 'other', playground)).toBeNull()
    expect(presenterCommand(press(' '), 'other', playground)).toEqual({ kind: 'togglePlay' })
  })

  it('with nothing playing (the list of scenes), space, arrows, R and the digits do nothing', () => {
    const list: KeyContext = { sceneOpen: false, helpOpen: false, playback: false }
    for (const key of [' ', 'ArrowRight', 'r', '3'])
      expect(presenterCommand(press(key), 'other', list)).toBeNull()
    expect(presenterCommand(press('?'), 'other', list)).toEqual({ kind: 'help' })
    expect(presenterCommand(press('f'), 'other', list)).toEqual({ kind: 'fullscreen' })
    // M toggles presenter mode on every page (no scene needed), but not while typing or in a widget.
    expect(presenterCommand(press('m'), 'other', list)).toEqual({ kind: 'presenter' })
    expect(presenterCommand(press('m'), 'text', list)).toBeNull()
    expect(presenterCommand(press('m'), 'widget', list)).toBeNull()
  })

  it('the digits 1–6 toggle racers 0–5; 0, 7 and 9 do nothing', () => {
    for (let d = 1; d <= 6; d++)
      expect(presenterCommand(press(String(d)), 'other', lecture)).toEqual({
        kind: 'toggleRacer',
        index: d - 1,
      })
    for (const d of ['0', '7', '9']) expect(presenterCommand(press(d), 'other', lecture)).toBeNull()
  })

  it('while the help is open only Esc and ? work, and both close it', () => {
    const help = { ...lecture, helpOpen: true }
    expect(presenterCommand(press('Escape'), 'button', help)).toEqual({ kind: 'closeHelp' })
    expect(presenterCommand(press('?', { shiftKey: true }), 'button', help)).toEqual({ kind: 'closeHelp' })
    for (const key of ['n', ' ', 'PageDown', 'ArrowRight'])
      expect(presenterCommand(press(key), 'other', help)).toBeNull()
    expect(presenterCommand(press('Escape'), 'other', lecture)).toBeNull()
  })

  it('a held space or Page Down acts once; its repeats are swallowed', () => {
    expect(presenterCommand(press(' ', { repeat: true }), 'other', lecture)).toEqual({ kind: 'swallow' })
    expect(presenterCommand(press('PageDown', { repeat: true }), 'other', lecture)).toEqual({
      kind: 'swallow',
    })
  })
})

describe('focusKindOf(element)', () => {
  it('classifies text fields, sliders, a focusable canvas, buttons, widgets and the rest', () => {
    expect(focusKindOf(el('INPUT', {}, { type: 'number' }))).toBe('text')
    expect(focusKindOf(el('TEXTAREA'))).toBe('text')
    expect(focusKindOf(el('DIV', {}, { isContentEditable: true }))).toBe('text')
    expect(focusKindOf(el('INPUT', {}, { type: 'range' }))).toBe('slider')
    expect(focusKindOf(el('CANVAS', { role: 'img', tabindex: '0' }))).toBe('slider')
    expect(focusKindOf(el('BUTTON'))).toBe('button')
    expect(focusKindOf(el('INPUT', {}, { type: 'checkbox' }))).toBe('button')
    expect(focusKindOf(el('A', { href: '#' }))).toBe('button')
    expect(focusKindOf(el('DIV', { role: 'tab' }))).toBe('widget')
    expect(focusKindOf(el('H2'))).toBe('other')
    expect(focusKindOf(null)).toBe('other')
  })
})
