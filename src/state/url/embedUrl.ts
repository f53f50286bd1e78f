import { sceneCatalog } from '../../core/scenes/catalog.meta'
import type { MessageKey } from '../../i18n/en'
import type { Settings } from '../settings'
import { urlProp } from './urlSchema'
import type { NoticeSink, UrlProp } from './urlSchema'
import type { UrlContext } from './urlContext'
import { DEFAULT_EMBED, isEmbedControls, isEmbedPanel, parseOrigin } from './embedView'
import type { EmbedControls, EmbedPanel } from './embedView'

type Sink = NoticeSink & { draft: Settings }

const NEEDS_EMBED: MessageKey = 'embed.notice.needsEmbed'

/** A valid value of a key that only means something with `embed=1`: kept, with a notice, when it is alone. */
const embedOnly =
  <T>(parse: (raw: string) => T | undefined) =>
  (raw: string, ctx: Sink): T | undefined => {
    const v = parse(raw)
    if (v !== undefined && ctx.draft.embed === undefined) ctx.notice(NEEDS_EMBED)
    return v
  }

/** The panel `embed=1` shows by default: a classifier scene's lab, else the surface. */
function defaultPanel(draft: Settings): EmbedPanel {
  const scene = draft.scene === undefined ? undefined : sceneCatalog.find(draft.scene)
  return scene?.kind === 'classifier' ? 'classifier' : DEFAULT_EMBED.panel
}

/**
 * The embedded view's rows of the URL schema (`URL_PROPS` appends them after `presenter`, so `scene` is read
 * first). `embed=1` (or `true`) turns the view on; `panel`, `controls` and `origin` are always written with it,
 * so a snippet spells out what it shows, and read only with it (alone they are ignored with a notice). An
 * absent `panel` is the scene's lab for a classifier scene, else `surface`; an absent `controls` is `minimal`;
 * `origin` must be one exact web origin (`parseOrigin`), never a pattern.
 *
 * | key | setting | form |
 * | --- | --- | --- |
 * | embed | embed (present or not) | `1` when on; left out when off |
 * | panel | embed.panel | `surface`, `surface3d`, `classifier` or `schedule` |
 * | controls | embed.controls | `full`, `minimal` or `none` |
 * | origin | embed.origin | `https://host[:port]`; left out when unset |
 */
export const EMBED_URL_PROPS: readonly UrlProp<Settings, UrlContext>[] = [
  urlProp<Settings, boolean, UrlContext>({
    key: 'embed',
    maxLength: 8,
    get: (s) => s.embed !== undefined,
    set: (d, v) => {
      if (v) d.embed = { panel: DEFAULT_EMBED.panel, controls: DEFAULT_EMBED.controls }
      else delete d.embed
    },
    format: (v) => (v ? '1' : undefined),
    parse: (raw) =>
      raw === '1' || raw === 'true' ? true : raw === '0' || raw === 'false' ? false : undefined,
    fallback: () => false,
  }),
  urlProp<Settings, EmbedPanel | undefined, UrlContext>({
    key: 'panel',
    maxLength: 16,
    get: (s) => s.embed?.panel,
    set: (d, v) => {
      if (d.embed !== undefined) d.embed.panel = v ?? defaultPanel(d)
    },
    format: (v) => v,
    parse: embedOnly((raw) => (isEmbedPanel(raw) ? raw : undefined)),
    fallback: () => undefined,
    invalid: 'embed.notice.invalidPanel',
  }),
  urlProp<Settings, EmbedControls | undefined, UrlContext>({
    key: 'controls',
    maxLength: 16,
    get: (s) => s.embed?.controls,
    set: (d, v) => {
      if (d.embed !== undefined) d.embed.controls = v ?? DEFAULT_EMBED.controls
    },
    format: (v) => v,
    parse: embedOnly((raw) => (isEmbedControls(raw) ? raw : undefined)),
    fallback: () => undefined,
    invalid: 'embed.notice.invalidControls',
  }),
  urlProp<Settings, string | undefined, UrlContext>({
    key: 'origin',
    maxLength: 200,
    get: (s) => s.embed?.origin,
    set: (d, v) => {
      if (d.embed === undefined) return
      if (v === undefined) delete d.embed.origin
      else d.embed.origin = v
    },
    format: (v) => v,
    parse: embedOnly(parseOrigin),
    fallback: () => undefined,
    invalid: 'embed.notice.invalidOrigin',
  }),
]
