import { describe, expect, it } from 'vitest'
import { appendRaceChunk, createRaceTrack } from '../../src/state/raceTrack'
import { indexedChunk } from './fakeDriver'

const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i)

describe('raceTrack', () => {
  it('createRaceTrack(id, steps) preallocates steps + 1 points and steps updates, empty', () => {
    const t = createRaceTrack('r0', 500)
    expect(t).toMatchObject({ id: 'r0', count: 0, capacity: 501, status: 'ok', divergedAt: null })
    expect([t.x.length, t.y.length, t.loss.length, t.gradNorm.length]).toEqual([501, 501, 501, 501])
    expect([t.lr.length, t.grad.length]).toEqual([500, 1000])
    expect(Object.keys(t.state)).toEqual([])
  })

  it('appendRaceChunk(track, chunk) lays successive chunks out as one Trajectory (update k made point k+1)', () => {
    const t = createRaceTrack('r0', 20)
    // The start point alone, then 4 points, then 7: as the worker streams them.
    for (const [from, count] of [
      [0, 1],
      [1, 4],
      [5, 7],
    ])
      expect(appendRaceChunk(t, indexedChunk('r0', from, count))).toBe(true)
    expect(t.count).toBe(12)
    const points = range(0, 12)
    const updates = range(0, 11)
    expect([...t.x.subarray(0, 12)]).toEqual(points)
    expect([...t.y.subarray(0, 12)]).toEqual(points.map((p) => -p))
    expect([...t.loss.subarray(0, 12)]).toEqual(points.map((p) => 10 * p))
    expect([...t.gradNorm.subarray(0, 12)]).toEqual(points.map((p) => 100 * p))
    expect([...t.lr.subarray(0, 11)]).toEqual(updates.map((k) => 1000 + k))
    expect([...t.grad.subarray(0, 22)]).toEqual(updates.flatMap((k) => [k, -k]))
    expect([...t.state.m.subarray(0, 22)]).toEqual(updates.flatMap((k) => [k + 0.5, -k - 0.5]))
  })

  it('appendRaceChunk takes a first chunk holding the start point and several updates', () => {
    const t = createRaceTrack('r0', 10)
    appendRaceChunk(t, indexedChunk('r0', 0, 6))
    expect(t.count).toBe(6)
    expect([...t.lr.subarray(0, 5)]).toEqual([1000, 1001, 1002, 1003, 1004])
  })

  it('appendRaceChunk allocates nothing while the race fits its preallocated buffers', () => {
    const t = createRaceTrack('r0', 100)
    appendRaceChunk(t, indexedChunk('r0', 0, 1))
    const buffers = [t.x, t.y, t.loss, t.gradNorm, t.lr, t.grad, t.state.m]
    for (let from = 1; from <= 100; from += 9)
      appendRaceChunk(t, indexedChunk('r0', from, Math.min(9, 101 - from)))
    expect(t.count).toBe(101)
    const after = [t.x, t.y, t.loss, t.gradNorm, t.lr, t.grad, t.state.m]
    after.forEach((buffer, i) => expect(buffer).toBe(buffers[i]))
  })

  it('appendRaceChunk doubles the buffers, keeping every point, if a worker sends more than announced', () => {
    const t = createRaceTrack('r0', 3)
    appendRaceChunk(t, indexedChunk('r0', 0, 4))
    appendRaceChunk(t, indexedChunk('r0', 4, 3))
    expect(t.capacity).toBe(8)
    expect(t.count).toBe(7)
    expect([...t.x.subarray(0, 7)]).toEqual(range(0, 7))
    expect([...t.lr.subarray(0, 6)]).toEqual(range(0, 6).map((k) => 1000 + k))
    expect([...t.state.m.subarray(0, 12)]).toEqual(range(0, 6).flatMap((k) => [k + 0.5, -k - 0.5]))
  })

  it('appendRaceChunk rewrites a repeated chunk in place and refuses one that would leave a gap', () => {
    const t = createRaceTrack('r0', 20)
    appendRaceChunk(t, indexedChunk('r0', 0, 5))
    expect(appendRaceChunk(t, indexedChunk('r0', 1, 4))).toBe(true)
    expect(t.count).toBe(5)
    expect(appendRaceChunk(t, indexedChunk('r0', 7, 2))).toBe(false)
    expect(t.count).toBe(5)
    expect(t.x[7]).toBe(0)
  })

  it('appendRaceChunk reads count points from arrays that are longer than count', () => {
    const t = createRaceTrack('r0', 20)
    appendRaceChunk(t, indexedChunk('r0', 0, 1))
    const padded = indexedChunk('r0', 1, 6)
    padded.count = 3
    appendRaceChunk(t, padded)
    expect(t.count).toBe(4)
    expect([...t.x.subarray(0, 5)]).toEqual([0, 1, 2, 3, 0])
    expect([...t.lr.subarray(0, 4)]).toEqual([1000, 1001, 1002, 0])
  })

  it('appendRaceChunk records divergence and the update that caused it', () => {
    const t = createRaceTrack('r0', 20)
    appendRaceChunk(t, indexedChunk('r0', 0, 3))
    appendRaceChunk(t, { ...indexedChunk('r0', 3, 1, 'diverged'), divergedAt: 3 })
    expect(t.status).toBe('diverged')
    expect(t.divergedAt).toBe(3)
    // A status-only message (count 0) keeps the points.
    appendRaceChunk(t, { ...indexedChunk('r0', 4, 0, 'diverged'), divergedAt: 3 })
    expect(t.count).toBe(4)
  })
})
