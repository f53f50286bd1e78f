import type { RaceTrack } from './raceTrack'
import type { RacerSettings, Settings } from './settings'

/** The CSV's header row (without its line break). */
export const CSV_HEADER = 'racer,optimizer,convention,step,x,y,loss,lr'

/**
 * Rows (CSV) or values (JSON) per chunk: about 10 ms of number formatting on a laptop, so a caller that yields
 * to the browser between chunks never blocks a frame for long, even for 6 racers × 100,000 steps (~65 MB).
 */
export const ROWS_PER_CHUNK = 5_000

/**
 * A number as text that reads back as exactly the same double: ECMAScript's shortest round-trip form, plus
 * `-0` (which `String` would write as `0`). NaN and ±Infinity come out as `NaN`, `Infinity`, `-Infinity`,
 * which `Number()` reads back too (a diverged run's last points).
 */
export function exactNumber(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v)
}

/**
 * A JSON value for `v` that reads back exactly: the number itself, or, where JSON has no number, the string
 * of `exactNumber` (`'-0'`, `'NaN'`, `'Infinity'`, `'-Infinity'`).
 */
export function jsonNumber(v: number): number | string {
  return Number.isFinite(v) && !Object.is(v, -0) ? v : exactNumber(v)
}

/** `jsonNumber(v)` as JSON text (a finite number's JSON text is its `String`). */
function jsonNumberText(v: number): string {
  return Number.isFinite(v) && !Object.is(v, -0) ? String(v) : `"${exactNumber(v)}"`
}

interface Entry {
  racer: RacerSettings
  index: number
  track: RaceTrack
  /** Points exported: those received when the export began (a running race keeps appending). */
  count: number
}

/** Each racer of the settings with its track, in legend order (hidden racers too: they ran). */
function entriesOf(settings: Settings, tracks: readonly RaceTrack[]): Entry[] {
  const byId = new Map(tracks.map((t) => [t.id, t]))
  const out: Entry[] = []
  settings.racers.forEach((racer, index) => {
    const track = byId.get(racer.id)
    if (track !== undefined) out.push({ racer, index, track, count: track.count })
  })
  return out
}

/**
 * Every racer's trajectory as CSV (RFC 4180, `\n` line ends), in chunks of at most `rowsPerChunk` rows: the
 * header `racer,optimizer,convention,step,x,y,loss,lr`, then one row per received point t = 0 … count − 1 of
 * each racer in legend order: θ_t = (x, y), L(θ_t) and η_t, the learning rate of the update that leaves θ_t
 * (θ_{t+1} = θ_t − η_t·…), empty on the last point, which no update leaves. A finished race of `steps` updates
 * has steps + 1 rows per racer. Numbers are written by `exactNumber`. The chunks joined are the file.
 */
export function* trajectoryCsvChunks(
  settings: Settings,
  tracks: readonly RaceTrack[],
  rowsPerChunk = ROWS_PER_CHUNK,
): Generator<string> {
  const entries = entriesOf(settings, tracks)
  yield `${CSV_HEADER}\n`
  for (const { racer, track, count } of entries) {
    const prefix = `${racer.id},${racer.optimizer.kind},${racer.optimizer.convention ?? ''},`
    for (let from = 0; from < count; from += rowsPerChunk) {
      const lines: string[] = []
      // Read the arrays afresh per chunk: a track may reallocate them while it grows (raceTrack.ts).
      const { x, y, loss, lr } = track
      for (let t = from; t < Math.min(count, from + rowsPerChunk); t++)
        lines.push(
          `${prefix}${t},${exactNumber(x[t])},${exactNumber(y[t])},${exactNumber(loss[t])},${t < count - 1 ? exactNumber(lr[t]) : ''}\n`,
        )
      yield lines.join('')
    }
  }
}

/** `trajectoryCsvChunks` as one string. */
export function trajectoryCsv(settings: Settings, tracks: readonly RaceTrack[]): string {
  return [...trajectoryCsvChunks(settings, tracks)].join('')
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
    optimizer: RacerSettings['optimizer']
    /** The racer's own schedule, or null when it follows `settings.schedule`. */
    schedule: RacerSettings['schedule']
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
 * Every racer's trajectory as a JSON document (`TrajectoryJson`), in chunks of at most `valuesPerChunk`
 * numbers: the settings and the query that reproduce the race, then per racer, in legend order, aligned arrays
 * `step`, `x`, `y`, `loss`, `gradNorm`, `lr` over the received points (lr null on the last point, as in the
 * CSV). Numbers read back exactly: finite ones are JSON numbers, and −0, NaN and ±Infinity, which JSON cannot
 * spell, are the strings of `jsonNumber`. The chunks joined are the file.
 */
export function* trajectoryJsonChunks(
  settings: Settings,
  tracks: readonly RaceTrack[],
  query: string,
  valuesPerChunk = 2 * ROWS_PER_CHUNK,
): Generator<string> {
  const { embed: _embed, ...rest } = settings
  const entries = entriesOf(settings, tracks)
  const head = JSON.stringify({
    format: 'loss-surface-playground/trajectories',
    version: 1,
    query,
    settings: rest,
    fields: FIELDS,
  })
  yield `${head.slice(0, -1)},"racers":[`
  for (const [k, { racer, index, track, count }] of entries.entries()) {
    const meta = JSON.stringify({
      id: racer.id,
      index,
      optimizer: racer.optimizer,
      schedule: racer.schedule,
      hidden: racer.hidden,
      status: track.status,
      divergedAt: track.divergedAt,
    })
    yield `${k > 0 ? ',' : ''}${meta.slice(0, -1)}`
    const arrays: [string, (t: number) => string][] = [
      ['step', (t) => String(t)],
      ['x', (t) => jsonNumberText(track.x[t])],
      ['y', (t) => jsonNumberText(track.y[t])],
      ['loss', (t) => jsonNumberText(track.loss[t])],
      ['gradNorm', (t) => jsonNumberText(track.gradNorm[t])],
      ['lr', (t) => (t < count - 1 ? jsonNumberText(track.lr[t]) : 'null')],
    ]
    for (const [name, text] of arrays) {
      yield `,"${name}":[`
      for (let from = 0; from < count; from += valuesPerChunk) {
        const values: string[] = []
        for (let t = from; t < Math.min(count, from + valuesPerChunk); t++) values.push(text(t))
        yield `${from > 0 ? ',' : ''}${values.join(',')}`
      }
      yield ']'
    }
    yield '}'
  }
  yield ']}'
}

/** `trajectoryJsonChunks` as one string. */
export function trajectoryJson(settings: Settings, tracks: readonly RaceTrack[], query: string): string {
  return [...trajectoryJsonChunks(settings, tracks, query)].join('')
}
