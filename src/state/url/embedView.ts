/**
 * The embedded view (`?embed=1`): what an iframe in course notes shows and who may drive it. Plain data, part of
 * `Settings` (a link carries it), read once by main.tsx to choose the chrome-free root and start the
 * postMessage bridge.
 */

/**
 * The one panel an embed shows: the race on the surface (2D map, or `surface3d`: the 3D view, the 2D map where
 * WebGL is missing), the classifier lab, or the charts (η schedule).
 */
export type EmbedPanel = 'surface' | 'surface3d' | 'classifier' | 'schedule'
export const EMBED_PANELS: readonly EmbedPanel[] = ['surface', 'surface3d', 'classifier', 'schedule']

/** How much playback UI an embed shows: the whole transport bar, its first row, or none (host-driven). */
export type EmbedControls = 'full' | 'minimal' | 'none'
export const EMBED_CONTROLS: readonly EmbedControls[] = ['full', 'minimal', 'none']

export interface EmbedView {
  panel: EmbedPanel
  controls: EmbedControls
  /**
   * The one origin (`https://notes.example.edu`, `http://127.0.0.1:8080`) allowed to command the frame and to
   * receive its events; absent: commands are taken from the parent window only and events go to `'*'`
   * (bridge.ts explains why that is safe).
   */
  origin?: string
}

/** What `embed=1` alone gives: the surface with the transport's first row (fits an 800×450 frame). */
export const DEFAULT_EMBED: Readonly<EmbedView> = { panel: 'surface', controls: 'minimal' }

/** The URL keys of the embedded view (embedUrl.ts); every other key belongs to the settings it reproduces. */
export const EMBED_KEYS: readonly string[] = ['embed', 'panel', 'controls', 'origin']

export function isEmbedPanel(v: unknown): v is EmbedPanel {
  return typeof v === 'string' && (EMBED_PANELS as readonly string[]).includes(v)
}

export function isEmbedControls(v: unknown): v is EmbedControls {
  return typeof v === 'string' && (EMBED_CONTROLS as readonly string[]).includes(v)
}

const MAX_ORIGIN_LENGTH = 200

/**
 * `raw` when it is exactly a serialized web origin, as `MessageEvent.origin` spells it: `http:` or `https:`,
 * a host, an optional non-default port, nothing else (no path, query, user info or trailing slash; lower
 * case; `https://a.org:443` is `https://a.org`). Anything else (`*`, `null`, `file:`, `javascript:`, a URL
 * with a path) gives undefined, so an allow-list entry can only ever match one origin exactly.
 */
export function parseOrigin(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_ORIGIN_LENGTH) return undefined
  if (!/^https?:\/\/[a-z0-9.:[\]-]+$/.test(raw)) return undefined
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return undefined
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  return url.origin === raw ? raw : undefined
}

/** The query string (no leading `?`) without the embed keys, pairs kept as written. */
export function stripEmbedQuery(query: string): string {
  const body = query.startsWith('?') || query.startsWith('#') ? query.slice(1) : query
  return body
    .split('&')
    .filter((part) => {
      if (part === '') return false
      const eq = part.indexOf('=')
      let key: string
      try {
        key = decodeURIComponent(eq === -1 ? part : part.slice(0, eq))
      } catch {
        return true
      }
      return !EMBED_KEYS.includes(key)
    })
    .join('&')
}
