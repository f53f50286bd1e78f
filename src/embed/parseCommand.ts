import { sceneCatalog } from '../core/scenes/catalog.meta'
import { isLanguage } from '../i18n/translate'
import { isInRule, LIMITS, MAX_RACERS } from '../state/limits'
import type { NumberRule } from '../state/limits'
import { LR_RULE } from '../state/optimizerRules'
import { isName } from '../state/url/tokens'
import { COMMAND_TYPES, EMBED_PROTOCOL_VERSION, EMBED_SOURCE, EVENT_TYPES, PARAM_NAMES } from './protocol'
import type { CommandType, EmbedCommand, EmbedErrorCode, ParamName, ParamPatch } from './protocol'

/** What `parseCommand` made of a message. */
export type ParsedMessage =
  /** Not addressed to us (another library's message, or one of our own events): ignore without a word. */
  | { kind: 'foreign' }
  | { kind: 'command'; command: EmbedCommand }
  /** Ours, but refused: `id` is the message's own id when that id itself was valid. */
  | { kind: 'invalid'; code: EmbedErrorCode; message: string; field?: string; id?: string | number }

/** Largest |n| of a `step` command (a whole race). */
const MAX_STEP = LIMITS.steps.max
const MAX_ID_LENGTH = 64

const FIELDS_OF: Readonly<Record<CommandType, readonly string[]>> = {
  play: [],
  pause: [],
  reset: [],
  getState: [],
  step: ['n'],
  setScene: ['scene', 'card'],
  setParam: ['param', 'value', 'racer'],
}
const ENVELOPE = ['source', 'version', 'type', 'id']

const NUMBER_PARAMS: Readonly<Partial<Record<ParamName, NumberRule>>> = {
  steps: LIMITS.steps,
  speed: LIMITS.speed,
  noiseStd: LIMITS.noiseStd,
  lr: LR_RULE.rule,
}

class Refusal {
  constructor(
    readonly code: EmbedErrorCode,
    readonly message: string,
    readonly field?: string,
  ) {}
}

function refuse(code: EmbedErrorCode, message: string, field?: string): never {
  throw new Refusal(code, message, field)
}

/**
 * Validates one `MessageEvent.data` against the protocol (protocol.ts) and returns the command it spells, or
 * why not. Strict: the data must be a plain object whose own fields are exactly the envelope and the fields of
 * its `type`, each of the right type and within the same rules a link obeys (`LIMITS`, the learning-rate rule,
 * registry names); an unknown field is refused rather than ignored, so a typo never looks like success.
 * Messages without our `source`, and our own events (`ready`, `step`, …, which a page may echo back), are
 * `foreign`. Never throws and never evaluates anything: fields are read as own data properties (a throwing
 * getter counts as malformed), and the returned command is a fresh object holding only checked primitives.
 */
export function parseCommand(data: unknown): ParsedMessage {
  let id: string | number | undefined
  try {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return { kind: 'foreign' }
    const proto: unknown = Object.getPrototypeOf(data)
    if (proto !== Object.prototype && proto !== null) return { kind: 'foreign' }
    const record = data as Record<string, unknown>
    const get = (key: string): unknown => (Object.hasOwn(record, key) ? record[key] : undefined)
    if (get('source') !== EMBED_SOURCE) return { kind: 'foreign' }
    const type = get('type')
    // Our own events echoed back (`step` is also a command: an echoed step event is refused as malformed).
    if (
      (EVENT_TYPES as readonly unknown[]).includes(type) &&
      !(COMMAND_TYPES as readonly unknown[]).includes(type)
    )
      return { kind: 'foreign' }

    const rawId = get('id')
    if (rawId !== undefined) {
      const ok =
        (typeof rawId === 'string' && rawId.length > 0 && rawId.length <= MAX_ID_LENGTH) ||
        (typeof rawId === 'number' && Number.isSafeInteger(rawId))
      if (!ok) refuse('malformed', 'id must be a string of 1 to 64 characters or a safe integer', 'id')
      id = rawId as string | number
    }
    if (get('version') !== EMBED_PROTOCOL_VERSION)
      refuse('unsupported-version', `this frame speaks version ${EMBED_PROTOCOL_VERSION}`, 'version')
    if (!(COMMAND_TYPES as readonly unknown[]).includes(type))
      refuse('unknown-type', `type must be one of ${COMMAND_TYPES.join(', ')}`, 'type')
    const commandType = type as CommandType
    const allowed = [...ENVELOPE, ...FIELDS_OF[commandType]]
    for (const key of Reflect.ownKeys(record)) {
      if (typeof key !== 'string' || !allowed.includes(key))
        refuse(
          'malformed',
          `unknown field for '${commandType}'`,
          typeof key === 'string' ? safe(key) : undefined,
        )
      const desc = Object.getOwnPropertyDescriptor(record, key)
      if (desc === undefined || !('value' in desc))
        refuse('malformed', 'fields must be plain data', safe(key))
    }
    const envelope = {
      source: EMBED_SOURCE,
      version: EMBED_PROTOCOL_VERSION,
      ...(id !== undefined && { id }),
    }
    return { kind: 'command', command: { ...envelope, ...body(commandType, get) } as EmbedCommand }
  } catch (e) {
    if (e instanceof Refusal)
      return {
        kind: 'invalid',
        code: e.code,
        message: e.message,
        ...(e.field !== undefined && { field: e.field }),
        ...(id !== undefined && { id }),
      }
    return { kind: 'invalid', code: 'malformed', message: 'unreadable message' }
  }
}

/** The checked fields of a command of this type. */
function body(type: CommandType, get: (key: string) => unknown): Record<string, unknown> {
  switch (type) {
    case 'play':
    case 'pause':
    case 'reset':
    case 'getState':
      return { type }
    case 'step': {
      const n = get('n')
      if (n === undefined) return { type }
      if (!(Number.isInteger(n) && n !== 0 && Math.abs(n as number) <= MAX_STEP))
        refuse('invalid-param', `n must be a non-zero integer within ±${MAX_STEP}`, 'n')
      return { type, n }
    }
    case 'setScene': {
      const scene = get('scene')
      if (typeof scene !== 'string' || !isName(scene) || !sceneCatalog.ids.includes(scene))
        refuse('invalid-param', 'scene must be a lecture scene id', 'scene')
      const card = get('card')
      if (card === undefined) return { type, scene }
      const cards = sceneCatalog.get(scene as string).cardCount
      if (!(Number.isInteger(card) && (card as number) >= 0 && (card as number) < cards))
        refuse('invalid-param', `card must be an integer in 0..${cards - 1}`, 'card')
      return { type, scene, card }
    }
    case 'setParam':
      return { type, ...paramPatch(get) }
  }
}

function paramPatch(get: (key: string) => unknown): ParamPatch {
  const param = get('param')
  const value = get('value')
  if (!(PARAM_NAMES as readonly unknown[]).includes(param))
    refuse('invalid-param', `param must be one of ${PARAM_NAMES.join(', ')}`, 'param')
  const name = param as ParamName
  if (name !== 'lr' && get('racer') !== undefined) refuse('malformed', `'racer' only goes with 'lr'`, 'racer')
  const rule = NUMBER_PARAMS[name]
  if (rule !== undefined && !isInRule(rule, value))
    refuse('invalid-param', `${name} must be a number in ${ruleText(rule)}`, 'value')
  switch (name) {
    case 'lr': {
      const racer = get('racer')
      if (!(Number.isInteger(racer) && (racer as number) >= 0 && (racer as number) < MAX_RACERS))
        refuse('invalid-param', `racer must be a legend position 0..${MAX_RACERS - 1}`, 'racer')
      return { param: name, racer: racer as number, value: value as number }
    }
    case 'steps':
    case 'speed':
    case 'noiseStd':
      return { param: name, value: value as number }
    case 'surface':
      if (typeof value !== 'string' || !isName(value))
        refuse('invalid-param', 'surface must be a surface id', 'value')
      return { param: name, value: value as string }
    case 'start': {
      const ok =
        Array.isArray(value) &&
        value.length === 2 &&
        Object.getPrototypeOf(value) === Array.prototype &&
        value.every((v) => isInRule(LIMITS.coordinate, v))
      if (!ok) refuse('invalid-param', 'start must be [x, y] with each coordinate within ±10⁶', 'value')
      const [x, y] = value as number[]
      return { param: name, value: [x + 0, y + 0] }
    }
    case 'language':
      if (!isLanguage(value)) refuse('invalid-param', "language must be 'zh' or 'en'", 'value')
      return { param: name, value: value as 'zh' | 'en' }
  }
}

function ruleText(rule: NumberRule): string {
  const lo = rule.minExclusive ? '(' : '['
  const hi = rule.maxExclusive ? ')' : ']'
  return `${lo}${rule.min}, ${rule.max}${hi}${rule.integer ? ' (integers)' : ''}`
}

/** A field name as it may be echoed back: at most 32 of [A-Za-z0-9_]. */
function safe(key: string): string {
  return key.slice(0, 32).replace(/[^A-Za-z0-9_]/g, '?')
}
