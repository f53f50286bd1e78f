import type { SceneStore } from '../state/scene/sceneStore'
import type { AppStore } from '../state/store'
import { applyParam, paramValues } from './applyParam'
import type { EmbedView } from '../state/url/embedView'
import { acceptsCommand, answersErrors, eventTargetOrigin, replyTargetOrigin } from './originPolicy'
import type { MessageOrigin, OriginPolicy } from './originPolicy'
import { parseCommand } from './parseCommand'
import type { PlaybackTarget } from './playback'
import type { ContentSize } from './contentSize'
import { COMMAND_TYPES, EMBED_PROTOCOL_VERSION, EMBED_SOURCE, EVENT_TYPES, PARAM_NAMES } from './protocol'
import type { EmbedCommand, EmbedErrorCode, EmbedEvent } from './protocol'

/** Anything `postMessage` can be called on with a target origin (a `Window`). */
export interface PostTarget {
  postMessage(message: unknown, targetOrigin: string): void
}

/** The frame's own window, as far as the bridge uses it. */
export interface MessageHost {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void
}

/** Timers, injected so tests drive the `step` throttle by hand. */
export interface BridgeClock {
  now(): number
  setTimeout(f: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface EmbedBridgeDeps {
  /** The frame's window: receives commands (`window`). */
  self: MessageHost
  /** The embedding window: receives `ready`, `step` and `finished` (`window.parent`). */
  parent: PostTarget
  view: EmbedView
  app: AppStore
  /** What play/pause/step/reset drive: the race, or the classifier lab for `panel=classifier`. */
  playback: PlaybackTarget
  /** Lecture mode, for `setScene`; without it `setScene` is refused as unavailable. */
  scenes?: SceneStore
  /** Least ms between two `step` events (default 100: ten a second are plenty for a host's UI). */
  stepIntervalMs?: number
  clock?: BridgeClock
  /** The content height for `resize` events (contentSize.ts); without it no `resize` is sent. */
  contentSize?: ContentSize
}

const realClock: BridgeClock = {
  now: () => (typeof performance !== 'undefined' ? performance.now() : Date.now()),
  setTimeout: (f, ms) => setTimeout(f, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
}

const envelope = { source: EMBED_SOURCE, version: EMBED_PROTOCOL_VERSION } as const

/** Why a command was not carried out. */
interface Refusal {
  code: EmbedErrorCode
  message: string
  field?: string
}

/**
 * Connects an embedded playground to its host page over postMessage (protocol.ts): validates each message
 * (parseCommand.ts), applies the origin rules (originPolicy.ts), carries out accepted commands on the stores,
 * answers `getState`, and posts `ready` at once, `step` while the playhead moves (throttled, always ending with
 * the final position) and `finished` at the end. Unknown, malformed and unauthorized messages change nothing.
 * Returns the stop function. Per frame it costs one comparison: snapshots are built only when an event is sent.
 */
export function startEmbedBridge(deps: EmbedBridgeDeps): () => void {
  const { self, parent, view, app, playback, scenes } = deps
  const clock = deps.clock ?? realClock
  const interval = deps.stepIntervalMs ?? 100
  const policy: OriginPolicy = { allowed: view.origin, self, parent }
  let lastStep = -Infinity
  let timer: unknown = null
  let pending = false
  let stopped = false

  const post = (target: PostTarget, message: EmbedEvent, targetOrigin: string): void => {
    try {
      target.postMessage(message, targetOrigin)
    } catch {
      // A parent that went away or a target origin the browser refuses: nothing to tell anyone.
    }
  }
  const broadcast = (message: EmbedEvent): void => post(parent, message, eventTargetOrigin(policy))

  const sendStep = (): void => {
    timer = null
    if (!pending || stopped) return
    pending = false
    lastStep = clock.now()
    broadcast({ ...envelope, type: 'step', ...playback.state() })
  }
  const unsubscribe = playback.subscribe({
    progress() {
      pending = true
      if (timer === null) timer = clock.setTimeout(sendStep, Math.max(0, lastStep + interval - clock.now()))
    },
    finished() {
      if (timer !== null) clock.clearTimeout(timer)
      pending = true
      sendStep()
      broadcast({ ...envelope, type: 'finished', ...playback.state() })
    },
  })

  /** Carries out a command; returns why not, or null. */
  const run = (command: EmbedCommand, reply: (m: EmbedEvent) => void): Refusal | null => {
    switch (command.type) {
      case 'play':
        playback.play()
        return null
      case 'pause':
        playback.pause()
        return null
      case 'reset':
        playback.reset()
        return null
      case 'step': {
        const error = playback.step(command.n ?? 1)
        return error === null ? null : { code: 'invalid-param', message: error }
      }
      case 'getState':
        reply({
          ...envelope,
          ...(command.id !== undefined && { id: command.id }),
          type: 'state',
          state: playback.state(),
          params: paramValues(app.getState()),
        })
        return null
      case 'setScene': {
        if (scenes === undefined)
          return { code: 'unavailable', message: 'this frame shows no lecture scenes' }
        scenes.getState().openScene(command.scene, command.card)
        return null
      }
      case 'setParam': {
        const { type: _t, source: _s, version: _v, id: _i, ...patch } = command
        const error = applyParam(app, patch)
        return error === null ? null : { code: 'invalid-param', message: error }
      }
    }
  }

  const onMessage = (event: MessageEvent): void => {
    const from: MessageOrigin = { origin: event.origin, source: event.source }
    if (stopped || !acceptsCommand(policy, from)) return
    const parsed = parseCommand(event.data)
    if (parsed.kind === 'foreign') return
    const source = event.source as unknown as PostTarget | null
    const reply = (m: EmbedEvent): void => {
      if (source !== null && typeof source.postMessage === 'function')
        post(source, m, replyTargetOrigin(from))
    }
    let refusal: Refusal | null
    if (parsed.kind === 'invalid') refusal = parsed
    else {
      try {
        refusal = run(parsed.command, reply)
      } catch {
        refusal = { code: 'unavailable', message: 'the command failed' }
      }
    }
    if (refusal === null || !answersErrors(policy, from)) return
    const id = parsed.kind === 'invalid' ? parsed.id : parsed.command.id
    reply({
      ...envelope,
      ...(id !== undefined && { id }),
      type: 'error',
      code: refusal.code,
      message: refusal.message,
      ...(refusal.field !== undefined && { field: refusal.field }),
    })
  }

  self.addEventListener('message', onMessage)
  broadcast({
    ...envelope,
    type: 'ready',
    capabilities: {
      commands: COMMAND_TYPES,
      params: PARAM_NAMES,
      events: EVENT_TYPES,
      stepIntervalMs: interval,
    },
    panel: view.panel,
    controls: view.controls,
    state: playback.state(),
    params: paramValues(app.getState()),
  })

  // Auto-height: the content height after `ready`, then each time it changes (by a whole pixel).
  let lastHeight = -1
  const sendSize = (): void => {
    if (stopped || deps.contentSize === undefined) return
    const height = deps.contentSize.measure()
    if (!(height > 0) || height === lastHeight) return
    lastHeight = height
    broadcast({ ...envelope, type: 'resize', height })
  }
  const stopSize = deps.contentSize?.observe(sendSize)
  sendSize()

  return () => {
    stopped = true
    stopSize?.()
    self.removeEventListener('message', onMessage)
    unsubscribe()
    if (timer !== null) clock.clearTimeout(timer)
    timer = null
  }
}
