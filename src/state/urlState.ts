import type { Extent, Vec2 } from '../core/types'
import { NET_SURFACE_URL_PROPS } from './url/netSurfaceUrl'
import { sceneCatalog } from '../core/scenes/catalog.meta'
import { EMBED_URL_PROPS } from './url/embedUrl'
import { SLICE_URL_PROP } from './url/sliceUrl'
import { SURFACE_MODE_URL_PROP } from './url/surfaceModeUrl'
import { isLanguage } from '../i18n/translate'
import type { Language } from '../i18n/translate'
import { isInRule, LIMITS, MAX_RACERS } from './limits'
import type { NumberRule } from './limits'
import type { RaceScheduleSpec } from './scheduleRules'
import { COLOR_PROFILE_SETTINGS, createDefaultSettings, PALETTES, racerIdOf } from './settings'
import type { ColorProfileSetting, Palette, RacerSettings, Settings } from './settings'
import { createRegistryCatalog } from './surfaceCatalog'
import type { SurfaceCatalog } from './surfaceCatalog'
import type { UrlNotice } from './url/notices'
import type { UrlContext } from './url/urlContext'
import { formatRacer, parseRacer } from './url/racerCodec'
import type { ParsedRacer } from './url/racerCodec'
import { formatSchedule, parseSchedule } from './url/scheduleCodec'
import { formatNumber, isName, parseNumber, parseNumberList, splitTop } from './url/tokens'
import { parseWith, serializeWith, urlProp } from './url/urlSchema'
import type { UrlProp } from './url/urlSchema'

export type { UrlContext }

type Prop = UrlProp<Settings, UrlContext>

const inRule = (rule: NumberRule) => (raw: string) => {
  const v = parseNumber(raw)
  return isInRule(rule, v) ? v : undefined
}
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (raw: string): T | undefined =>
    (values as readonly string[]).includes(raw) ? (raw as T) : undefined
const coordinates = (raw: string, n: number): number[] | undefined => {
  const v = parseNumberList(raw, n)
  return v && v.every((x) => isInRule(LIMITS.coordinate, x)) ? v : undefined
}

/**
 * THE schema: every setting and its URL key, in reading order (a row may use what earlier rows wrote, so
 * `s` comes before `start`, `r` before `sel`). A fresh race reads, for example,
 * `s=saddle&start=1.5,-1.499&r=sgd(lecture,lr:0.01)~momentum(lecture,lr:0.05,m:0.9)&sel=r0&sched=constant&
 * noise=0&seed=1&steps=500&speed=100&pal=jet&arrows=0&lang=en`.
 *
 * | key | setting | form |
 * | --- | --- | --- |
 * | s | surfaceId | a registry id |
 * | view | view | `x0,x1,y0,y1`; left out for the surface's default view |
 * | start | start | `x,y` |
 * | r | racers | racers joined by `~`, each `kind(convention,lr:η,param:v,…,b:batch)` (url/racerCodec.ts) |
 * | sel | selectedRacer | a racer id `r0`…`r5` |
 * | sched | schedule | `kind` or `kind(field:v,…)` (url/scheduleCodec.ts) |
 * | noise, anneal, seed | noise.std, noise.annealSteps (left out when unset), noise.seed | numbers |
 * | steps, speed | steps, speed | integers |
 * | count | count | `epochs` when steps and the charts count epochs; left out for updates |
 * | pal, arrows, lang | palette, showArrows (1/0), language | names |
 * | scene, card | scene, card | a lecture scene id and its 0-based card index; left out in the playground |
 * | presenter | presenter | `1` when on; left out when off |
 * | colors | colors | `screen` or `projector`; left out when it follows presenter mode |
 * | surf | surfaceMode | `3d` or `both` (2D map and 3D view side by side); left out for the 2D map |
 * | slice | slice | `x0,y0,x1,y1`, the slice tool's line; left out while the tool is closed (url/sliceUrl.ts) |
 * | embed, panel, controls, origin | embed | `embed=1&panel=surface&controls=minimal[&origin=https://host]`; left out outside an embed (embed/embedUrl.ts) |
 *
 * Extending (e.g. `embed`, `scene`, `panel`, `controls`, `origin`): add the field to `Settings` and its
 * default, then one `urlProp` row here; the round-trip and hostile-input tests loop over this table.
 */
export const URL_PROPS: readonly Prop[] = [
  urlProp<Settings, string, UrlContext>({
    key: 's',
    maxLength: 64,
    get: (s) => s.surfaceId,
    set: (d, v) => void (d.surfaceId = v),
    format: (v) => v,
    parse: (raw, ctx) => (isName(raw) && ctx.catalog.get(raw) !== undefined ? raw : undefined),
    fallback: ({ catalog, defaults }) =>
      catalog.get(defaults.surfaceId) !== undefined ? defaults.surfaceId : catalog.ids[0],
    invalid: 'notice.unknownSurface',
  }),
  urlProp<Settings, Extent | null, UrlContext>({
    key: 'view',
    maxLength: 200,
    get: (s) => s.view,
    set: (d, v) => void (d.view = v),
    format: (v) => (v === null ? undefined : [v.x[0], v.x[1], v.y[0], v.y[1]].map(formatNumber).join(',')),
    parse: (raw) => {
      const v = coordinates(raw, 4)
      return v && v[0] < v[1] && v[2] < v[3] ? { x: [v[0], v[1]], y: [v[2], v[3]] } : undefined
    },
    fallback: () => null,
  }),
  urlProp<Settings, Vec2, UrlContext>({
    key: 'start',
    maxLength: 100,
    get: (s) => s.start,
    set: (d, v) => void (d.start = v),
    format: (v) => v.map(formatNumber).join(','),
    parse: (raw) => {
      const v = coordinates(raw, 2)
      return v && [v[0], v[1]]
    },
    fallback: ({ catalog, draft }) => {
      const start = catalog.get(draft.surfaceId)!.start
      return [start[0], start[1]]
    },
  }),
  urlProp<Settings, RacerSettings[], UrlContext>({
    key: 'r',
    maxLength: 4096,
    get: (s) => s.racers,
    set: (d, v) => void (d.racers = v),
    format: (v) => v.map(formatRacer).join('~'),
    parse: (raw, ctx) => {
      const items = splitTop(raw, '~') ?? raw.split('~')
      const parsed: ParsedRacer[] = []
      const positions: number[] = []
      const problems: [number, 'notice.invalidRacer' | 'notice.invalidRacerField'][] = []
      let i = 0
      for (; i < items.length && parsed.length < MAX_RACERS; i++) {
        const racer = parseRacer(items[i])
        if (racer === undefined) problems.push([i + 1, 'notice.invalidRacer'])
        else {
          parsed.push(racer)
          positions.push(i + 1)
        }
      }
      const racers = assignColors(parsed)
      racers.forEach((r, j) => {
        // One notice per racer, whether a field was bad or its colour slot was already taken.
        if (parsed[j].fieldErrors || (parsed[j].color !== undefined && parsed[j].color !== r.color))
          problems.push([positions[j], 'notice.invalidRacerField'])
      })
      for (const [n, message] of problems.sort((a, b) => a[0] - b[0])) ctx.notice(message, { n })
      if (i < items.length) ctx.notice('notice.tooManyRacers', { max: MAX_RACERS })
      return racers.length > 0 ? racers : undefined
    },
    fallback: ({ defaults }) => structuredClone(defaults.racers),
    invalid: 'notice.noRacers',
  }),
  urlProp<Settings, string, UrlContext>({
    key: 'sel',
    maxLength: 16,
    get: (s) => s.selectedRacer,
    set: (d, v) => void (d.selectedRacer = v),
    format: (v) => v,
    parse: (raw, { draft }) => (draft.racers.some((r) => r.id === raw) ? raw : undefined),
    fallback: ({ defaults, draft }) =>
      draft.racers.some((r) => r.id === defaults.selectedRacer) ? defaults.selectedRacer : draft.racers[0].id,
  }),
  urlProp<Settings, RaceScheduleSpec, UrlContext>({
    key: 'sched',
    maxLength: 600,
    get: (s) => s.schedule,
    set: (d, v) => void (d.schedule = v),
    format: formatSchedule,
    parse: parseSchedule,
    fallback: ({ defaults }) => structuredClone(defaults.schedule),
  }),
  urlProp<Settings, number, UrlContext>({
    key: 'noise',
    maxLength: 40,
    get: (s) => s.noise.std,
    set: (d, v) => void (d.noise = { ...d.noise, std: v }),
    format: formatNumber,
    parse: inRule(LIMITS.noiseStd),
    fallback: ({ defaults }) => defaults.noise.std,
  }),
  urlProp<Settings, number | undefined, UrlContext>({
    key: 'anneal',
    maxLength: 40,
    get: (s) => s.noise.annealSteps,
    set: (d, v) => {
      const { annealSteps: _, ...rest } = d.noise
      d.noise = v === undefined ? rest : { ...rest, annealSteps: v }
    },
    format: (v) => (v === undefined ? undefined : formatNumber(v)),
    parse: inRule(LIMITS.annealSteps),
    fallback: () => undefined,
  }),
  urlProp<Settings, number, UrlContext>({
    key: 'seed',
    maxLength: 40,
    get: (s) => s.noise.seed,
    set: (d, v) => void (d.noise = { ...d.noise, seed: v }),
    format: formatNumber,
    parse: inRule(LIMITS.seed),
    fallback: ({ defaults }) => defaults.noise.seed,
  }),
  urlProp<Settings, number, UrlContext>({
    key: 'steps',
    maxLength: 40,
    get: (s) => s.steps,
    set: (d, v) => void (d.steps = v),
    format: formatNumber,
    parse: inRule(LIMITS.steps),
    fallback: ({ defaults }) => defaults.steps,
  }),
  urlProp<Settings, boolean, UrlContext>({
    key: 'count',
    maxLength: 8,
    get: (s) => s.count === 'epochs',
    set: (d, v) => {
      if (v) d.count = 'epochs'
      else delete d.count
    },
    format: (v) => (v ? 'epochs' : undefined),
    parse: (raw) => (raw === 'epochs' ? true : raw === 'updates' ? false : undefined),
    fallback: () => false,
  }),
  urlProp<Settings, number, UrlContext>({
    key: 'speed',
    maxLength: 40,
    get: (s) => s.speed,
    set: (d, v) => void (d.speed = v),
    format: formatNumber,
    parse: inRule(LIMITS.speed),
    fallback: ({ defaults }) => defaults.speed,
  }),
  urlProp<Settings, Palette, UrlContext>({
    key: 'pal',
    maxLength: 16,
    get: (s) => s.palette,
    set: (d, v) => void (d.palette = v),
    format: (v) => v,
    parse: oneOf(PALETTES),
    fallback: ({ defaults }) => defaults.palette,
  }),
  urlProp<Settings, boolean, UrlContext>({
    key: 'arrows',
    maxLength: 8,
    get: (s) => s.showArrows,
    set: (d, v) => void (d.showArrows = v),
    format: (v) => (v ? '1' : '0'),
    parse: (raw) =>
      raw === '1' || raw === 'true' ? true : raw === '0' || raw === 'false' ? false : undefined,
    fallback: ({ defaults }) => defaults.showArrows,
  }),
  urlProp<Settings, Language, UrlContext>({
    key: 'lang',
    maxLength: 8,
    get: (s) => s.language,
    set: (d, v) => void (d.language = v),
    format: (v) => v,
    parse: (raw) => (isLanguage(raw) ? raw : undefined),
    fallback: ({ defaults }) => defaults.language,
  }),
  urlProp<Settings, string | undefined, UrlContext>({
    key: 'scene',
    maxLength: 64,
    get: (s) => s.scene,
    set: (d, v) => {
      if (v === undefined) delete d.scene
      else d.scene = v
    },
    format: (v) => v,
    parse: (raw) => (isName(raw) && sceneCatalog.ids.includes(raw) ? raw : undefined),
    fallback: () => undefined,
    invalid: 'scene.notice.unknown',
  }),
  urlProp<Settings, number | undefined, UrlContext>({
    key: 'card',
    maxLength: 8,
    get: (s) => s.card,
    set: (d, v) => {
      if (v === undefined) delete d.card
      else d.card = v
    },
    format: (v) => (v === undefined ? undefined : formatNumber(v)),
    parse: (raw, { draft }) => {
      const n = parseNumber(raw)
      const count = draft.scene === undefined ? 0 : sceneCatalog.get(draft.scene).cardCount
      return n !== undefined && Number.isInteger(n) && n >= 0 && n < count ? n : undefined
    },
    fallback: ({ draft }) => (draft.scene === undefined ? undefined : 0),
  }),
  urlProp<Settings, boolean, UrlContext>({
    key: 'presenter',
    maxLength: 8,
    get: (s) => s.presenter === true,
    set: (d, v) => {
      if (v) d.presenter = true
      else delete d.presenter
    },
    format: (v) => (v ? '1' : undefined),
    parse: (raw) =>
      raw === '1' || raw === 'true' ? true : raw === '0' || raw === 'false' ? false : undefined,
    fallback: () => false,
  }),
  urlProp<Settings, ColorProfileSetting | undefined, UrlContext>({
    key: 'colors',
    maxLength: 16,
    get: (s) => s.colors,
    set: (d, v) => {
      if (v === undefined) delete d.colors
      else d.colors = v
    },
    format: (v) => v,
    parse: oneOf(COLOR_PROFILE_SETTINGS),
    fallback: () => undefined,
  }),
  SURFACE_MODE_URL_PROP,
  SLICE_URL_PROP,
  ...EMBED_URL_PROPS,
  ...NET_SURFACE_URL_PROPS,
]

/**
 * Gives each racer its colour slot: valid `c:` requests first (a repeated slot is dropped), then each other
 * racer takes the slot of its position if free (the serializer leaves `c:` out exactly then), else the
 * lowest free one. Ids follow from the slots.
 */
function assignColors(parsed: readonly ParsedRacer[]): RacerSettings[] {
  const taken = new Set<number>()
  const slots = parsed.map((p) => {
    if (p.color === undefined || taken.has(p.color)) return undefined
    taken.add(p.color)
    return p.color
  })
  return parsed.map((p, i) => {
    let color = slots[i]
    if (color === undefined) {
      let free = 0
      while (taken.has(free)) free++
      color = taken.has(i) ? free : i
      taken.add(color)
    }
    const racer: RacerSettings = {
      id: racerIdOf(color),
      color,
      optimizer: p.optimizer,
      schedule: p.schedule,
      hidden: p.hidden,
    }
    if (p.batch !== undefined) racer.batch = p.batch
    return racer
  })
}

/**
 * The settings as a query string (no leading `?`), readable and stable: keys in table order, numbers in
 * their shortest exact decimal form, so `parseUrl(serializeUrl(s))` gives back `s` bit for bit.
 */
export function serializeUrl(settings: Settings): string {
  return serializeWith(URL_PROPS, settings)
}

/**
 * Reads a query string (`location.search` or `location.hash`, with or without its `?`/`#`). Every value is
 * checked against the table; a malformed, out-of-range, unknown or hostile one (NaN, Infinity, `<script>`,
 * `javascript:`, `__proto__`, 10,000 racers, unicode junk, absurd lengths) is ignored in favour of the
 * default and reported as a notice. Nothing is evaluated and nothing of a bad value is echoed. Absent keys
 * take `defaults` (default: `createDefaultSettings(catalog)`), except that `start` follows the chosen surface
 * and `view`, `anneal`, `scene`, `card` and `presenter` are unset. The catalog defaults to the whole core
 * registry.
 */
export function parseUrl(
  query: string,
  options: { catalog?: SurfaceCatalog; defaults?: Settings } = {},
): { settings: Settings; notices: UrlNotice[] } {
  const catalog = options.catalog ?? createRegistryCatalog()
  const defaults = options.defaults ?? createDefaultSettings(catalog)
  const draft = structuredClone(defaults)
  const notices = parseWith(URL_PROPS, typeof query === 'string' ? query : '', draft, { catalog, defaults })
  return { settings: draft, notices }
}
