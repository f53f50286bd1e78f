/**
 * Who may command an embedded playground, and where its events go.
 *
 * - With `origin=` (one exact origin, `parseOrigin`), a command is taken only from a window of exactly that
 *   origin (`MessageEvent.origin`, which the browser sets and a page cannot forge), and events are posted with
 *   that `targetOrigin`, so the browser delivers them only while the parent really is that site.
 * - Without it, a command is taken only from the window that embeds the frame (`event.source === parent`):
 *   not from other frames of the host page (an ad), a popup, an opener, or the frame itself. Any site may
 *   embed the playground, and its commands can do no more than the visible buttons (play, step, change a
 *   learning rate); nothing from a message is ever evaluated or inserted as HTML, and no state of the user's
 *   travels in either direction. Events then go to `'*'`, because the parent's origin is unknown: they carry
 *   only the public race (the playhead and each racer's loss), which the embedding page shows anyway.
 * - Refused commands are answered with an `error` event only with `origin=`, so an arbitrary page cannot
 *   use the frame as an oracle, and a frame never answers its own messages (no ping-pong between frames).
 */
export interface OriginPolicy {
  /** The allowed origin, or undefined for "the parent window only". */
  allowed: string | undefined
  /** The frame's own window (`window`). */
  self: unknown
  /** The embedding window (`window.parent`; the same as `self` when the page is not framed). */
  parent: unknown
}

/** The parts of a `MessageEvent` the policy reads. */
export interface MessageOrigin {
  origin: string
  source: unknown
}

/** True when `event` may command the frame under `policy`. */
export function acceptsCommand(policy: OriginPolicy, event: MessageOrigin): boolean {
  if (event.source === null || event.source === undefined || event.source === policy.self) return false
  if (policy.allowed !== undefined) return event.origin === policy.allowed
  return policy.parent !== policy.self && event.source === policy.parent
}

/** True when a refused command from `event` is answered with an `error` event. */
export function answersErrors(policy: OriginPolicy, event: MessageOrigin): boolean {
  return policy.allowed !== undefined && event.origin === policy.allowed && acceptsCommand(policy, event)
}

/** The `targetOrigin` of the events posted to the parent (`ready`, `step`, `finished`). */
export function eventTargetOrigin(policy: OriginPolicy): string {
  return policy.allowed ?? '*'
}

/**
 * The `targetOrigin` of a reply to a command from `event`: its own origin, so only that sender can read it
 * (`'*'` only for an opaque origin, `"null"`, which `postMessage` cannot name and only a sandboxed parent has).
 */
export function replyTargetOrigin(event: MessageOrigin): string {
  return event.origin === 'null' ? '*' : event.origin
}
