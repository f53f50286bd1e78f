import { describe, expect, it } from 'vitest'
import {
  CSV_HEADER,
  exactNumber,
  jsonNumber,
  trajectoryCsv,
  trajectoryCsvChunks,
  trajectoryJson,
  trajectoryJsonChunks,
} from '../../src/state/trajectoryExport'
import type { TrajectoryJson } from '../../src/state/trajectoryExport'
import { appendRaceChunk, createRaceTrack } from '../../src/state/raceTrack'
import { createDefaultSettings } from '../../src/state/settings'
import { createRegistryCatalog } from '../../src/state/surfaceCatalog'
import { indexedChunk } from './fakeDriver'

const settings = createDefaultSettings(createRegistryCatalog())

/** Tracks of the default race (r0…r3) with `n` points each, values encoding their index (fakeDriver). */
function tracksOf(n: number) {
  return ['r0', 'r1', 'r2', 'r3'].map((id) => {
    const track = createRaceTrack(id, n - 1)
    appendRaceChunk(track, indexedChunk(id, 0, n))
    return track
  })
}

/** A minimal RFC 4180 reader for our unquoted fields. */
const parseCsv = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','))

const awkward = [
  0.1 + 0.2,
  1 / 3,
  -0,
  5e-324,
  1.7976931348623157e308,
  -123456.78901234567,
  NaN,
  Infinity,
  -Infinity,
]

describe('exactNumber and jsonNumber', () => {
  it('exactNumber writes text that Number() reads back as the same double, -0 and NaN included', () => {
    for (const v of awkward) expect(Object.is(Number(exactNumber(v)), v), String(v)).toBe(true)
    expect(exactNumber(-0)).toBe('-0')
  })

  it('jsonNumber keeps finite numbers as JSON numbers and spells the rest as strings that read back', () => {
    for (const v of awkward) {
      const back = JSON.parse(JSON.stringify(jsonNumber(v))) as number | string
      expect(Object.is(typeof back === 'string' ? Number(back) : back, v), String(v)).toBe(true)
      expect(typeof jsonNumber(v)).toBe(Number.isFinite(v) && !Object.is(v, -0) ? 'number' : 'string')
    }
  })
})

describe('trajectoryCsv', () => {
  it('trajectoryCsv writes the header, then steps + 1 rows per racer in legend order', () => {
    const rows = parseCsv(trajectoryCsv(settings, tracksOf(6)))
    expect(rows[0].join(',')).toBe(CSV_HEADER)
    expect(rows).toHaveLength(1 + 4 * 6)
    expect(rows.slice(1).map((r) => r[0])).toEqual(
      ['r0', 'r1', 'r2', 'r3'].flatMap((id) => Array(6).fill(id)),
    )
    expect(rows[1].slice(0, 3)).toEqual(['r0', 'sgd', 'lecture'])
    expect(rows[7].slice(0, 3)).toEqual(['r1', 'momentum', 'lecture'])
  })

  it('row t holds θ_t, L(θ_t) and η_t of the update leaving θ_t; the last point has no η', () => {
    const rows = parseCsv(trajectoryCsv(settings, tracksOf(6))).slice(1, 7)
    // indexedChunk: point p has x = p, y = −p, loss = 10p; update k has lr = 1000 + k.
    expect(rows.map((r) => r.slice(3).map((v) => (v === '' ? '' : Number(v))))).toEqual([
      [0, 0, -0, 0, 1000],
      [1, 1, -1, 10, 1001],
      [2, 2, -2, 20, 1002],
      [3, 3, -3, 30, 1003],
      [4, 4, -4, 40, 1004],
      [5, 5, -5, 50, ''],
    ])
    expect(rows[0][5]).toBe('-0')
  })

  it('numbers in the CSV read back bit for bit, diverged values included', () => {
    const track = createRaceTrack('r0', awkward.length - 1)
    const chunk = indexedChunk('r0', 0, awkward.length)
    chunk.x = Float64Array.from(awkward)
    chunk.loss = Float64Array.from(awkward.map((v) => -v))
    appendRaceChunk(track, chunk)
    const rows = parseCsv(trajectoryCsv({ ...settings, racers: settings.racers.slice(0, 1) }, [track])).slice(
      1,
    )
    rows.forEach((r, t) => {
      expect(Object.is(Number(r[4]), awkward[t])).toBe(true)
      expect(Object.is(Number(r[6]), -awkward[t])).toBe(true)
    })
  })

  it('a racer without a track (a race not started) has no rows; hidden racers keep theirs', () => {
    const hidden = { ...settings, racers: settings.racers.map((r, i) => ({ ...r, hidden: i === 1 })) }
    const rows = parseCsv(trajectoryCsv(hidden, tracksOf(3).slice(0, 2))).slice(1)
    expect(rows.map((r) => r[0])).toEqual(['r0', 'r0', 'r0', 'r1', 'r1', 'r1'])
  })
})

describe('trajectoryJson', () => {
  it('trajectoryJson holds the settings, the query and aligned per-racer arrays that read back exactly', () => {
    const doc = JSON.parse(trajectoryJson(settings, tracksOf(4), 's=saddle')) as TrajectoryJson
    expect(doc.format).toBe('loss-surface-playground/trajectories')
    expect(doc.version).toBe(1)
    expect(doc.query).toBe('s=saddle')
    expect(doc.settings).toEqual(settings)
    expect(doc.racers.map((r) => [r.id, r.index, r.optimizer.kind])).toEqual([
      ['r0', 0, 'sgd'],
      ['r1', 1, 'momentum'],
      ['r2', 2, 'rmsprop'],
      ['r3', 3, 'adam'],
    ])
    const r0 = doc.racers[0]
    expect(r0.step).toEqual([0, 1, 2, 3])
    expect(r0.x).toEqual([0, 1, 2, 3])
    expect(r0.y).toEqual(['-0', -1, -2, -3])
    expect(r0.loss).toEqual([0, 10, 20, 30])
    expect(r0.gradNorm).toEqual([0, 100, 200, 300])
    expect(r0.lr).toEqual([1000, 1001, 1002, null])
  })

  it('the JSON leaves out the embedded view: it describes the race, not the frame it was shown in', () => {
    const embedded = { ...settings, embed: { panel: 'surface' as const, controls: 'none' as const } }
    const doc = JSON.parse(trajectoryJson(embedded, tracksOf(2), '')) as TrajectoryJson
    expect('embed' in doc.settings).toBe(false)
  })
})

describe('chunked exports', () => {
  it('trajectoryCsvChunks yields the header, then at most rowsPerChunk rows per chunk, which join to the file', () => {
    const tracks = tracksOf(25)
    const chunks = [...trajectoryCsvChunks(settings, tracks, 10)]
    // The header, then per racer chunks of 10, 10 and 5 rows.
    expect(chunks.map((c) => c.split('\n').length - 1)).toEqual([1, ...Array(4).fill([10, 10, 5]).flat()])
    expect(chunks.join('')).toBe(trajectoryCsv(settings, tracks))
  })

  it('trajectoryJsonChunks in small chunks parses to the same document as in one piece', () => {
    const tracks = tracksOf(25)
    const small = [...trajectoryJsonChunks(settings, tracks, 'q', 7)]
    expect(small.length).toBeGreaterThan(4 * 6 * 4)
    expect(JSON.parse(small.join(''))).toEqual(JSON.parse(trajectoryJson(settings, tracks, 'q')))
  })

  it('points that arrive during an export are left for the next one: the counts are taken when it begins', () => {
    const tracks = ['r0', 'r1', 'r2', 'r3'].map((id) => {
      const track = createRaceTrack(id, 9)
      appendRaceChunk(track, indexedChunk(id, 0, 5))
      return track
    })
    const chunks = trajectoryCsvChunks(settings, tracks, 2)
    const header = chunks.next().value
    for (const track of tracks) appendRaceChunk(track, indexedChunk(track.id, 5, 3))
    expect(tracks.map((t) => t.count)).toEqual([8, 8, 8, 8])
    const rows = [header, ...chunks].join('').trimEnd().split('\n').slice(1)
    expect(rows).toHaveLength(4 * 5)
  })
})
