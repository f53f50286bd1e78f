import { SpecError, expectInteger, expectOneOf, expectRecord } from '../errors'
import { generateDataset } from '../mlp/generateDataset'
import { parseDataset } from '../mlp/parseDataset'
import type { Dataset } from '../mlp/types'
import { validateClassifierConfig } from '../mlp/validateConfig'
import { DOT_CSV } from './dotCsv'
import { MAX_NET_SURFACE_EPOCHS } from './netSurface.meta'
import type { NetSurfaceData, NetSurfaceSpec } from './netSurface.meta'

let dot: Dataset | undefined

/** The data set a spec names: dot.csv (parsed once) or the seeded generated set. */
export function netSurfaceDataset(data: NetSurfaceData): Dataset {
  if (data.kind === 'dot') return (dot ??= parseDataset(DOT_CSV))
  return generateDataset(data.shape, data.n, data.noise, data.seed)
}

/**
 * The spec checked at the core's edge, as a clean copy: `data` 'dot' or a valid generated set, `center`
 * 'init' or 'trained', `seed` an integer in 0..2³²−1, `config` a valid classifier config for that data with
 * at most 5000 epochs when the center is trained. A SpecError's field is prefixed with `field`
 * ('net.config.layers[1]', 'net.data.n', …).
 */
export function validateNetSurfaceSpec(value: unknown, field = 'net'): NetSurfaceSpec {
  const raw = expectRecord(value, field)
  const center = expectOneOf(raw.center, `${field}.center`, ['init', 'trained'] as const)
  const seed = expectInteger(raw.seed, `${field}.seed`, 0, 0xffffffff)
  const d = expectRecord(raw.data, `${field}.data`)
  const kind = expectOneOf(d.kind, `${field}.data.kind`, ['dot', 'generated'] as const)
  const data: NetSurfaceData =
    kind === 'dot'
      ? { kind }
      : {
          kind,
          shape: d.shape as never,
          n: d.n as number,
          noise: d.noise as number,
          seed: d.seed as number,
        }
  const dataset = prefixed(`${field}.data`, () => netSurfaceDataset(data))
  const config = prefixed(`${field}.config`, () => validateClassifierConfig(raw.config, dataset))
  if (center === 'trained' && config.epochs > MAX_NET_SURFACE_EPOCHS) {
    throw new SpecError(`${field}.config.epochs`, `an integer in 1..${MAX_NET_SURFACE_EPOCHS}`, config.epochs)
  }
  return { config: structuredClone(config), data, center, seed }
}

/** Runs fn, re-raising a SpecError with its field under `prefix`. */
function prefixed<T>(prefix: string, fn: () => T): T {
  try {
    return fn()
  } catch (e) {
    if (!(e instanceof SpecError)) throw e
    const moved = new SpecError(`${prefix}.${e.field}`, e.allowed, undefined)
    moved.message = `${prefix}.${e.message}`
    throw moved
  }
}
