import type { MessageKey } from '../../i18n/en'

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

/** What a shortcut does. `swallow` eats a held key's repeats (a held space must not scroll the page). */
export type PresenterCommand =
  | { kind: 'togglePlay' }
  | { kind: 'step'; n: 1 | -1 }
  | { kind: 'nextCard' }
  | { kind: 'prevCard' }
  | { kind: 'nextScene' }
  | { kind: 'prevScene' }
  | { kind: 'reset' }
  | { kind: 'fullscreen' }
  | { kind: 'presenter' }
  | { kind: 'toggleRacer'; index: number }
  | { kind: 'help' }
  | { kind: 'closeHelp' }
  | { kind: 'swallow' }

/** What the page offers right now. */
export interface KeyContext {
  /** A scene is open: the card and scene keys work. */
  sceneOpen: boolean
  /** The help overlay is open: it is modal, only ? and Esc (close) work. */
  helpOpen: boolean
  /** Something plays (a race or the lab): space, arrows, R and the digits work. */
  playback: boolean
}

const lower = (key: string): string => (key.length === 1 ? key.toLowerCase() : key)

/**
 * The lecture's keyboard: space plays or pauses; → / ← step; Shift + → / ← and Page Down / Page Up (a
 * presentation clicker) go to the next / previous card (`nextCard` first carries out the card's action); N /
 * P switch scenes; R resets; F toggles full screen; M toggles presenter mode; 1–6 show or hide a racer; ? opens the help and Esc closes
 * it. A key is left alone when the focused element uses it (anything in a text field; space on a button;
 * arrows on a slider or in a widget; letters in a widget), when Ctrl, Alt or ⌘ is held (Ctrl+R must still
 * reload), when another handler took it, or when the page has nothing for it (no scene, nothing playing; then
 * Shift + arrows stay the transport bar's ten-step jumps). The clicker's keys win over a focused slider: a
 * lecturer holding a clicker cannot click elsewhere first.
 */
export function presenterCommand(e: KeyPress, focus: FocusKind, ctx: KeyContext): PresenterCommand | null {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return null
  const key = lower(e.key)
  if (ctx.helpOpen) return key === 'Escape' || key === '?' ? { kind: 'closeHelp' } : null
  if (focus === 'text') return null
  const arrowsFree = focus === 'other' || focus === 'button'
  const lettersFree = focus !== 'widget'
  switch (key) {
    case ' ':
    case 'Spacebar':
      if (!ctx.playback || (focus !== 'other' && focus !== 'slider')) return null
      return e.repeat ? { kind: 'swallow' } : { kind: 'togglePlay' }
    case 'ArrowRight':
    case 'ArrowLeft': {
      if (!arrowsFree) return null
      const forward = key === 'ArrowRight'
      if (e.shiftKey) return ctx.sceneOpen ? { kind: forward ? 'nextCard' : 'prevCard' } : null
      return ctx.playback ? { kind: 'step', n: forward ? 1 : -1 } : null
    }
    case 'PageDown':
    case 'PageUp':
      if (!ctx.sceneOpen) return null
      return e.repeat ? { kind: 'swallow' } : { kind: key === 'PageDown' ? 'nextCard' : 'prevCard' }
    case 'n':
    case 'p':
      return ctx.sceneOpen && lettersFree ? { kind: key === 'n' ? 'nextScene' : 'prevScene' } : null
    case 'r':
      return ctx.playback && lettersFree ? { kind: 'reset' } : null
    case 'f':
      return lettersFree && !e.repeat ? { kind: 'fullscreen' } : null
    case 'm':
      return lettersFree && !e.repeat ? { kind: 'presenter' } : null
    case '?':
      return lettersFree ? { kind: 'help' } : null
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
      return ctx.playback && lettersFree ? { kind: 'toggleRacer', index: Number(key) - 1 } : null
    default:
      return null
  }
}

/**
 * A key as the help shows it: 'space' is named in the user's language, 'shift', 'pageUp', 'pageDown' and
 * 'escape' as their key caps, 'right' and 'left' are arrows, anything else is the character itself (letters
 * in capitals).
 */
export type KeyToken = string

/** One line of the help: the key chords that do it (alternatives), what they do, and the commands sent. */
export interface KeyBinding {
  /** Each chord is a list of tokens pressed together, e.g. ['shift', 'right']. */
  chords: KeyToken[][]
  label: MessageKey
  /** The command of each chord, in the same order (in a context where it applies). */
  commands: PresenterCommand[]
  /** The line applies while the help is open (Esc). */
  whileHelpOpen?: boolean
}

/** Every key of lecture mode, in the order the help lists them. */
export const PRESENTER_KEYS: readonly KeyBinding[] = [
  { chords: [['space']], label: 'presenter.key.play', commands: [{ kind: 'togglePlay' }] },
  { chords: [['right']], label: 'presenter.key.stepForward', commands: [{ kind: 'step', n: 1 }] },
  { chords: [['left']], label: 'presenter.key.stepBack', commands: [{ kind: 'step', n: -1 }] },
  { chords: [['shift', 'right']], label: 'presenter.key.nextCard', commands: [{ kind: 'nextCard' }] },
  { chords: [['shift', 'left']], label: 'presenter.key.prevCard', commands: [{ kind: 'prevCard' }] },
  { chords: [['pageDown']], label: 'presenter.key.clickerNext', commands: [{ kind: 'nextCard' }] },
  { chords: [['pageUp']], label: 'presenter.key.clickerPrev', commands: [{ kind: 'prevCard' }] },
  { chords: [['n']], label: 'presenter.key.nextScene', commands: [{ kind: 'nextScene' }] },
  { chords: [['p']], label: 'presenter.key.prevScene', commands: [{ kind: 'prevScene' }] },
  { chords: [['r']], label: 'presenter.key.reset', commands: [{ kind: 'reset' }] },
  { chords: [['f']], label: 'presenter.key.fullscreen', commands: [{ kind: 'fullscreen' }] },
  { chords: [['m']], label: 'presenter.key.presenter', commands: [{ kind: 'presenter' }] },
  {
    chords: [['1'], ['2'], ['3'], ['4'], ['5'], ['6']],
    label: 'presenter.key.racer',
    commands: [0, 1, 2, 3, 4, 5].map((index) => ({ kind: 'toggleRacer', index })),
  },
  { chords: [['?']], label: 'presenter.key.help', commands: [{ kind: 'help' }] },
  {
    chords: [['escape'], ['?']],
    label: 'presenter.key.close',
    commands: [{ kind: 'closeHelp' }, { kind: 'closeHelp' }],
    whileHelpOpen: true,
  },
]

const TOKEN_KEYS: Readonly<Record<string, string>> = {
  space: ' ',
  right: 'ArrowRight',
  left: 'ArrowLeft',
  pageUp: 'PageUp',
  pageDown: 'PageDown',
  escape: 'Escape',
}

/** The key press a chord stands for (what the browser reports when it is pressed). */
export function keyPressOf(chord: readonly KeyToken[]): KeyPress {
  const shiftKey = chord.includes('shift')
  const token = chord.filter((k) => k !== 'shift').join('')
  return {
    key: TOKEN_KEYS[token] ?? token,
    shiftKey,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    repeat: false,
    defaultPrevented: false,
  }
}

/** The i18n key naming a token, for the tokens spelled out in words that differ between languages. */
export const NAMED_TOKENS: Readonly<Record<string, MessageKey>> = {
  space: 'presenter.keyName.space',
}

/** Key caps printed the same in every language (what Chinese keyboards print too). */
const KEY_CAPS: Readonly<Record<string, string>> = {
  right: '→',
  left: '←',
  shift: 'Shift',
  pageUp: 'Page Up',
  pageDown: 'Page Down',
  escape: 'Esc',
}

/** How a token is printed when it has no name in words: key caps as printed, letters as capitals. */
export function tokenGlyph(token: KeyToken): string {
  return KEY_CAPS[token] ?? token.toUpperCase()
}
