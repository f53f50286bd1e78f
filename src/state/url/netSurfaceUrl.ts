import { NET_SURFACE_ID } from '../../core/landscape/netSurface.meta'
import type { NetSurfaceData } from '../../core/landscape/netSurface.meta'
import { createPresetNet, DATASET_SHAPES, LAB_LIMITS } from '../lab/labSettings'
import { formatNet, numberIn, parseNet } from '../lab/netCodec'
import type { NetSettings } from '../lab/labSettings'
import type { NetSurfaceSettings } from '../netSurfaceSettings'
import type { Settings } from '../settings'
import { formatNumber, parseField, splitTop } from './tokens'
import { urlProp } from './urlSchema'
import type { UrlContext } from './urlContext'

/**
 * The network surface's rows of the playground link (only with `s=net-slice`):
 * - `ns`: `c:trained|init,d:<direction seed>,seed:<init seed>,data:dot|<shape>/<n>/<noise>/<seed>`;
 * - `nsnet`: the network's fields that differ from the course preset, in the lab's codec (`h:16,act:tanh,…`).
 * Values are sliced and read with `Number`; an invalid `ns` drops the network (the default surface shows).
 */
function formatData(d: NetSurfaceData): string {
  return d.kind === 'dot'
    ? 'dot'
    : [d.shape, d.n, d.noise, d.seed].map((v) => (typeof v === 'number' ? formatNumber(v) : v)).join('/')
}

function parseData(raw: string): NetSurfaceData | undefined {
  if (raw === 'dot') return { kind: 'dot' }
  const [shape, n, noise, seed] = raw.split('/')
  const s = DATASET_SHAPES.find((k) => k === shape)
  const nn = n === undefined ? undefined : numberIn(LAB_LIMITS.rows, n)
  const no = noise === undefined ? undefined : numberIn(LAB_LIMITS.noise, noise)
  const se = seed === undefined ? undefined : numberIn(LAB_LIMITS.seed, seed)
  if (s === undefined || nn === undefined || no === undefined || se === undefined) return undefined
  return { kind: 'generated', shape: s, n: nn, noise: no, seed: se }
}

type Head = Omit<NetSurfaceSettings, 'net'>

function parseHead(raw: string): Head | undefined {
  const items = splitTop(raw, ',')
  if (items === undefined) return undefined
  const head: Head = { seed: 1, data: { kind: 'dot' }, center: 'trained', directions: 1 }
  for (const item of items) {
    const f = parseField(item)
    if (f?.value === undefined) return undefined
    if (f.key === 'c' && (f.value === 'init' || f.value === 'trained')) head.center = f.value
    else if (f.key === 'd' && numberIn(LAB_LIMITS.seed, f.value) !== undefined)
      head.directions = numberIn(LAB_LIMITS.seed, f.value)!
    else if (f.key === 'seed' && numberIn(LAB_LIMITS.seed, f.value) !== undefined)
      head.seed = numberIn(LAB_LIMITS.seed, f.value)!
    else if (f.key === 'data' && parseData(f.value) !== undefined) head.data = parseData(f.value)!
    else return undefined
  }
  return head
}

export const NET_SURFACE_URL_PROPS = [
  urlProp<Settings, NetSurfaceSettings | undefined, UrlContext>({
    key: 'ns',
    maxLength: 160,
    get: (s) => (s.surfaceId === NET_SURFACE_ID ? s.net : undefined),
    set: (d, v) => {
      if (v === undefined) delete d.net
      else d.net = v
    },
    format: (v) =>
      v === undefined
        ? undefined
        : `c:${v.center},d:${formatNumber(v.directions)},seed:${formatNumber(v.seed)},data:${formatData(v.data)}`,
    parse: (raw, ctx) => {
      if (ctx.draft.surfaceId !== NET_SURFACE_ID) return undefined
      const head = parseHead(raw)
      return head === undefined ? undefined : { ...head, net: createPresetNet() }
    },
    fallback: () => undefined,
  }),
  urlProp<Settings, NetSettings | undefined, UrlContext>({
    key: 'nsnet',
    maxLength: 600,
    get: (s) => (s.surfaceId === NET_SURFACE_ID && s.net ? s.net.net : undefined),
    set: (d, v) => {
      if (d.net !== undefined && v !== undefined) d.net = { ...d.net, net: v }
    },
    format: (v) => (v === undefined ? undefined : formatNet(v, createPresetNet())),
    parse: (raw, ctx) => {
      if (ctx.draft.net === undefined) return undefined
      let bad = false
      const net = parseNet(raw, createPresetNet(), { notice: () => void (bad = true) })
      return bad ? undefined : net
    },
    fallback: () => undefined,
  }),
]
