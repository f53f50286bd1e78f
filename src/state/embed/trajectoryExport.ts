import type { RaceTrack } from '../raceTrack'
import type { Settings } from '../settings'

/** The CSV's header row (without its line break). */
export const CSV_HEADER = 'racer,optimizer,convention,step,x,y,loss,lr'

/**
 * A number as text that reads back as exactly the same double: ECMAScript's shortest round-trip form, plus
 * `-0` (which `String` would write as `0`). NaN and ±Infinity come out as `NaN`, `Infinity`, `-Infinity`,
 * which `Number()` reads back too (a diverged run's last points).
 */
export function exactNumber(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v)
}

/** A JSON value for `v` that reads back exactly: the number itself, or a string (`'-0'`, `'NaN'`, `'Infinity'`, `'-Infinity'`) where JSON has no number. */
export function jsonNumber(v: number): number | string {
  return Number.isFinite(v) && !Object.is(v, -0) ? v : exactNumber(v)
}

interface Row {
  id: string
  kind: string
  convention: string
  track: RaceTrack
}

/** Each racer of the settings with its track, in legend order (hidden racers too: they ran). */
function rowsOf(settings: Settings, tracks: readonly RaceTrack[]): Row[] {
  const byId = new Map(tracks.map((t) => [t.id, t]))
  const out: Row[] = []
  for (const r of settings.racers) {
    const track = byId.get(r.id)
    if (track !== undefined)
      out.push({ id: r.id, kind: r.optimizer.kind, convention: r.optimizer.convention ?? '', track })
  }
  return out
}

/**
 * Every racer's trajectory as CSV (RFC 4180, `\n` line ends), in parts to hand to a `Blob` without building
 * one huge string: the header `racer,optimizer,convention,step,x,y,loss,lr`, then one row per received point
 * t = 0 … count − 1 of each racer in legend order: θ_t = (x, y), L(θ_t) and η_t, the learning rate of the
 * update that leaves θ_t (θ_{t+1} = θ_t − η_t·…), empty on the last point, which no update leaves. A finished
 * race of `steps` updates has steps + 1 rows per racer. Numbers are written by `exactNumber`.
 */
export function trajectoryCsvParts(settings: Settings, tracks: readonly RaceTrack[]): string[] {
  const parts = [`${CSV_HEADER}\n`]
  for (const { id, kind, convention, track } of rowsOf(settings, tracks)) {
    const prefix = `${id},${kind},${convention},`
    const lines: string[] = []
    for (let t = 0; t < track.count; t++) {
      const lr = t < track.count - 1 ? exactNumber(track.lr[t]) : ''
      lines.push(
        `${prefix}${t},${exactNumber(track.x[t])},${exactNumber(track.y[t])},${exactNumber(track.loss[t])},${lr}\n`,
      )
    }
    parts.push(lines.join(''))
  }
  return parts
}

/** `trajectoryCsvParts` as one string. */
export function trajectoryCsv(settings: Settings, tracks: readonly RaceTrack[]): string {
  return trajectoryCsvParts(settings, tracks).join('')
}

/** The JSON export's shape (version 1). */
export interface TrajectoryJson {
  format: 'loss-surface-playground/trajectories'
  version: 1
  /** The query string that reproduces the race (`?` + this, appended to the app's address). */
  query: string
  /** The settings the race was run with (without the embedded view). */
  settings: Omit<Settings, 'embed'>
  /** What the per-point arrays mean. */
  fields: Record<'step' | 'x' | 'y' | 'loss' | 'gradNorm' | 'lr', string>
  racers: {
    id: string
    /** Legend position, 0-based. */
    index: number
    optimizer: Settings['racers'][number]['optimizer']
    /** The racer's own schedule, or null when it follows `settings.schedule`. */
    schedule: Settings['racers'][number]['schedule']
    hidden: boolean
    status: RaceTrack['status']
    divergedAt: number | null
    step: number[]
    x: (number | string)[]
    y: (number | string)[]
    loss: (number | string)[]
    gradNorm: (number | string)[]
    lr: (number | string | null)[]
  }[]
}

const FIELDS: TrajectoryJson['fields'] = {
  step: 'update index t; point 0 is the start',
  x: 'θ₁ at step t',
  y: 'θ₂ at step t',
  loss: 'L(θ_t)',
  gradNorm: '‖∇L(θ_t)‖ (before noise)',
  lr: 'η_t of the update that leaves θ_t; null on the last point',
}

/**
 * Every racer's trajectory as a JSON document (`TrajectoryJson`): the settings and the query that reproduce
 * the race, then per racer, in legend order, aligned arrays `step`, `x`, `y`, `loss`, `gradNorm`, `lr` over
 * the received points (lr null on the last point, as in the CSV). Numbers read back exactly: finite ones are
 * JSON numbers, and −0, NaN and ±Infinity, which JSON cannot spell, are the strings of `jsonNumber`.
 */
export function trajectoryJson(settings: Settings, tracks: readonly RaceTrack[], query: string): string {
  const { embed: _embed, ...rest } = settings
  const doc: TrajectoryJson = {
    format: 'loss-surface-playground/trajectories',
    version: 1,
    query,
    settings: rest,
    fields: FIELDS,
    racers: rowsOf(settings, tracks).map(({ id, track }) => {
      const index = settings.racers.findIndex((r) => r.id === id)
      const racer = settings.racers[index]
      const n = track.count
      const points = (a: Float64Array): (number | string)[] => Array.from(a.subarray(0, n), jsonNumber)
      return {
        id,
        index,
        optimizer: racer.optimizer,
        schedule: racer.schedule,
        hidden: racer.hidden,
        status: track.status,
        divergedAt: track.divergedAt,
        step: Array.from({ length: n }, (_, t) => t),
        x: points(track.x),
        y: points(track.y),
        loss: points(track.loss),
        gradNorm: points(track.gradNorm),
        lr: Array.from({ length: n }, (_, t) => (t < n - 1 ? jsonNumber(track.lr[t]) : null)),
      }
    }),
  }
  return JSON.stringify(doc, null, 1)
}
