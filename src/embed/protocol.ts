import type { Language } from '../i18n/translate'
import type { EmbedControls, EmbedPanel } from '../state/url/embedView'

/**
 * The embed's postMessage protocol, version 1: what a host page (course notes) may send to the iframe and
 * what the iframe sends back. Types and constants only (comlink's `protocol.ts` habit); `parseCommand.ts`
 * validates, `bridge.ts` wires it to the stores. Every message, both ways, is a plain object carrying
 * `source: 'loss-surface-playground'` and `version: 1`, so pages that talk to several frames (or receive
 * other libraries' messages) can tell ours apart.
 *
 * Host → frame, e.g. `frame.contentWindow.postMessage({ source: 'loss-surface-playground', version: 1,
 * type: 'setParam', param: 'lr', racer: 0, value: 0.1 }, 'https://playground.example.org')`.
 */

/** The `source` field of every message of this protocol. */
export const EMBED_SOURCE = 'loss-surface-playground'
/** The protocol version this build speaks; a command with any other version is refused. */
export const EMBED_PROTOCOL_VERSION = 1

/** Fields common to commands and events. `id` (a string of ≤ 64 characters or a safe integer) is echoed. */
export interface Envelope {
  source: typeof EMBED_SOURCE
  version: typeof EMBED_PROTOCOL_VERSION
  id?: string | number
}

/** The parameters `setParam` may change (a whitelist), each with the value it takes. */
export type ParamPatch =
  /** η of the racer at this legend position (0-based), within the learning-rate rule (0 < η ≤ 10⁴). */
  | { param: 'lr'; racer: number; value: number }
  /** Updates per racer (integer 1…100,000). */
  | { param: 'steps'; value: number }
  /** Playback speed in steps per second (integer 1…10,000). */
  | { param: 'speed'; value: number }
  /** Standard deviation of the gradient noise (0…1000; 0 switches it off). */
  | { param: 'noiseStd'; value: number }
  /** A surface id of the registry (`saddle`, `pokemon`, …); view and start go to its defaults. */
  | { param: 'surface'; value: string }
  /** The start point [x, y], each within ±10⁶. */
  | { param: 'start'; value: [number, number] }
  | { param: 'language'; value: Language }

export type ParamName = ParamPatch['param']
export const PARAM_NAMES: readonly ParamName[] = [
  'lr',
  'steps',
  'speed',
  'noiseStd',
  'surface',
  'start',
  'language',
]

/**
 * Host → frame. `play` (from step 0 again when the race had finished), `pause`, `step` (n updates, default 1,
 * negative steps back; the classifier trains n epochs and cannot go back), `reset` (back to step 0), `setScene`
 * (a lecture scene by id, at card `card`, default 0), `setParam` (one whitelisted parameter), `getState`
 * (answered by a `state` event).
 */
export type EmbedCommand = Envelope &
  (
    | { type: 'play' | 'pause' | 'reset' | 'getState' }
    | { type: 'step'; n?: number }
    | { type: 'setScene'; scene: string; card?: number }
    | ({ type: 'setParam' } & ParamPatch)
  )

export type CommandType = EmbedCommand['type']
export const COMMAND_TYPES: readonly CommandType[] = [
  'play',
  'pause',
  'step',
  'reset',
  'setScene',
  'setParam',
  'getState',
]

/** One racer (or, in the classifier panel, one trained network 'a'/'b') at the playhead. */
export interface RacerProgress {
  id: string
  /** Legend position, 0-based (what `setParam` `racer` addresses). */
  index: number
  /** The optimizer kind (`sgd`, `momentum`, `adam`, …). */
  optimizer: string
  /** The loss at the playhead; null before the point is computed, or when it is not finite. */
  loss: number | null
  status: 'ok' | 'diverged'
}

/** Where playback stands: the race (surface and schedule panels) or the classifier's training (epochs). */
export interface PlaybackState {
  target: 'race' | 'classifier'
  /** The playhead: the step shown (race) or the epochs trained (classifier). */
  cursor: number
  /** Steps (race) or planned epochs (classifier). */
  total: number
  playing: boolean
  finished: boolean
  racers: RacerProgress[]
}

/** The current values of the parameters `setParam` can change (`lr` in legend order). */
export interface ParamValues {
  lr: number[]
  steps: number
  speed: number
  noiseStd: number
  surface: string
  start: [number, number]
  language: Language
  /** The lecture scene shown, or null. */
  scene: string | null
}

/** What a host can rely on, sent with `ready`. */
export interface Capabilities {
  commands: readonly CommandType[]
  params: readonly ParamName[]
  events: readonly EventType[]
  /** Least milliseconds between two `step` events. */
  stepIntervalMs: number
}

/** Why a command was refused. */
export type EmbedErrorCode =
  /** Not an object of this protocol's shape: a missing or unknown field, a wrong type, a bad `id`. */
  | 'malformed'
  | 'unsupported-version'
  | 'unknown-type'
  /** A parameter value outside its rule, an unknown surface, scene or racer. */
  | 'invalid-param'
  /** The command needs something this frame does not show (a scene store, the race). */
  | 'unavailable'

/**
 * Frame → host. `ready` once the bridge listens; `step` while the playhead moves (at most every
 * `stepIntervalMs`, and always with the final position); `finished` when playback reached the end; `state`
 * answers `getState`; `error` answers a refused command, sent only when the link names an allowed `origin`.
 */
export type EmbedEvent = Envelope &
  (
    | {
        type: 'ready'
        capabilities: Capabilities
        panel: EmbedPanel
        controls: EmbedControls
        state: PlaybackState
        params: ParamValues
      }
    | ({ type: 'step' } & PlaybackState)
    | ({ type: 'finished' } & PlaybackState)
    | { type: 'state'; state: PlaybackState; params: ParamValues }
    | { type: 'error'; code: EmbedErrorCode; message: string; field?: string }
    /**
     * The frame's content height in CSS px (contentSize.ts): the iframe height at which the panel shows all
     * of itself at its natural size. Sent after `ready` and whenever it changes; a host may set the iframe's
     * height to it (auto-height).
     */
    | { type: 'resize'; height: number }
  )

export type EventType = EmbedEvent['type']
export const EVENT_TYPES: readonly EventType[] = ['ready', 'step', 'finished', 'state', 'error', 'resize']
