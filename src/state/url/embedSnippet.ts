import type { Settings } from '../settings'
import { serializeWith } from './urlSchema'
import { EMBED_URL_PROPS } from './embedUrl'
import { stripEmbedQuery } from './embedView'
import type { EmbedView } from './embedView'

/** The embed's default frame: 16:9 at a size that fits a page of notes. */
export const EMBED_WIDTH = 800
export const EMBED_HEIGHT = 450

/**
 * The link of an embedded view of the settings in `query` (the app's share query, every store's part): the
 * query without any embed keys it had, then `embed=1&panel=…&controls=…[&origin=…]` as the URL schema writes
 * them. `pageUrl` is the app's address without query or hash (`location.origin + location.pathname`).
 */
export function embedUrl(pageUrl: string, query: string, view: EmbedView): string {
  const base = stripEmbedQuery(query)
  const embed = serializeWith(EMBED_URL_PROPS, { embed: view } as Settings)
  return `${pageUrl}?${base === '' ? embed : `${base}&${embed}`}`
}

/** Text made safe inside a double-quoted HTML attribute. */
export function escapeAttribute(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * The `<iframe>` a course page pastes to show `url` (from `embedUrl`): at most 800 px wide (by default) and as
 * wide as the page's column below that, keeping the 16:9 shape by CSS `aspect-ratio` (never squashed into a
 * strip on a phone), but never under 300 px high; `width`/`height` stay as the fallback of old browsers. An
 * accessible `title`, lazy loading, no border, and full screen allowed (the presenter's F key). Every attribute
 * value is escaped, so neither the link nor the title can break out.
 */
export function embedSnippet(
  url: string,
  title: string,
  size: { width: number; height: number } = { width: EMBED_WIDTH, height: EMBED_HEIGHT },
): string {
  const w = Math.round(size.width)
  const h = Math.round(size.height)
  return (
    `<iframe src="${escapeAttribute(url)}" width="${w}" height="${h}" title="${escapeAttribute(title)}" ` +
    `loading="lazy" style="border:0;display:block;width:100%;max-width:${w}px;height:auto;` +
    `aspect-ratio:${w}/${h};min-height:${Math.min(h, EMBED_MIN_HEIGHT)}px" allow="fullscreen"></iframe>`
  )
}

/** The least height of a pasted frame: below it even the surface alone gets cramped (see the embed matrix). */
export const EMBED_MIN_HEIGHT = 300

/**
 * A host page's auto-height listener: sets the height of every iframe of this app (by `src` origin) to the
 * content height its `resize` event reports (protocol v1). `appOrigin` is escaped into a JS string literal.
 */
export function autoHeightScript(appOrigin: string): string {
  const origin = JSON.stringify(appOrigin).replace(/</g, '\\u003c')
  return [
    '<script>',
    'addEventListener("message", (e) => {',
    `  if (e.origin !== ${origin}) return`,
    '  const m = e.data',
    '  if (!m || m.source !== "loss-surface-playground" || m.version !== 1 || m.type !== "resize") return',
    '  for (const f of document.querySelectorAll("iframe"))',
    '    if (f.contentWindow === e.source) { f.style.aspectRatio = "auto"; f.style.height = m.height + "px" }',
    '})',
    '</script>',
  ].join('\n')
}
