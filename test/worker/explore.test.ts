import { describe, expect, it } from 'vitest'
import { basinMap } from '../../src/core/basins/basinMap'
import type { BasinMapSpec } from '../../src/core/basins/types'
import { stabilityBand } from '../../src/core/stability/stabilityBand'
import { getSurface } from '../../src/core/surfaces/index'
import { createEngine } from '../../src/worker/engine'
import type { BasinLevel, FromWorker } from '../../src/worker/protocol'
import type { Timers } from '../../src/worker/timers'

/** A clock that moves 4 ms per reading, so every few starts a slice runs out of time and yields. */
function tickingClock(): Timers & { runAll(): number } {
  let time = 0
  const queue: { id: number; callback: () => void }[] = []
  let id = 0
  return {
    now: () => (time += 4),
    setTimeout(callback) {
      queue.push({ id: ++id, callback })
      return id
    },
    clearTimeout(handle) {
      const i = queue.findIndex((q) => q.id === handle)
      if (i >= 0) queue.splice(i, 1)
    },
    runAll() {
      let n = 0
      while (queue.length > 0) {
        queue.shift()!.callback()
        n++
      }
      return n
    },
  }
}

const spec: BasinMapSpec = {
  surface: 'himmelblau',
  optimizer: { kind: 'momentum', convention: 'lecture', lr: 0.004, momentum: 0.9 },
  steps: 150,
  x: { min: -6, max: 6, n: 0 },
  y: { min: -5, max: 5, n: 0 },
  tolerance: 0.05,
}

function setup() {
  const sent: FromWorker[] = []
  const clock = tickingClock()
  const engine = createEngine((m) => sent.push(m), clock)
  return { sent, clock, engine, levels: () => sent.filter((m): m is BasinLevel => m.type === 'basin.level') }
}

describe('explore family in the engine', () => {
  it('a progressive basin map posts every level coarse first, each equal to basinMap at that side', () => {
    const { engine, clock, levels, sent } = setup()
    engine.handle({ type: 'basin.start', runId: 4, specs: [spec], sides: [3, 5, 9, 17] })
    expect(sent).toEqual([])
    const slices = clock.runAll()
    expect(slices).toBeGreaterThan(4) // it yielded between slices, not once per level
    const got = levels()
    expect(got.map((l) => [l.map, l.level, l.side, l.done, l.runId])).toEqual([
      [0, 0, 3, false, 4],
      [0, 1, 5, false, 4],
      [0, 2, 9, false, 4],
      [0, 3, 17, true, 4],
    ])
    // Each level runs only the starts no coarser level ran.
    expect(got.map((l) => l.computed)).toEqual([9, 25 - 9, 81 - 25, 289 - 81])
    for (const l of got) {
      const want = basinMap({ ...spec, x: { ...spec.x, n: l.side }, y: { ...spec.y, n: l.side } })
      expect(l.minimum).toEqual(want.minimum)
      expect(l.steps).toEqual(want.steps)
    }
  })

  it('two maps side by side come level by level, each equal to its own basinMap', () => {
    const { engine, clock, levels } = setup()
    const other: BasinMapSpec = { ...spec, optimizer: { kind: 'sgd', lr: 0.01 } }
    engine.handle({ type: 'basin.start', runId: 10, specs: [spec, other], sides: [3, 9] })
    clock.runAll()
    const got = levels()
    expect(got.map((l) => [l.map, l.side])).toEqual([
      [0, 3],
      [1, 3],
      [0, 9],
      [1, 9],
    ])
    for (const l of got) {
      const s = l.map === 0 ? spec : other
      const want = basinMap({ ...s, x: { ...s.x, n: l.side }, y: { ...s.y, n: l.side } })
      expect(l.minimum).toEqual(want.minimum)
      expect(l.steps).toEqual(want.steps)
    }
    expect(got[2].minimum).not.toEqual(got[3].minimum)
  })

  it('basin.cancel stops the map between slices, and a new basin.start replaces the old one', () => {
    const { engine, clock, levels } = setup()
    engine.handle({ type: 'basin.start', runId: 5, specs: [spec], sides: [3, 5, 9, 17] })
    engine.handle({ type: 'basin.cancel', runId: 5 })
    clock.runAll()
    expect(levels()).toEqual([])
    engine.handle({ type: 'basin.start', runId: 6, specs: [spec], sides: [9, 17] })
    engine.handle({ type: 'basin.start', runId: 7, specs: [spec], sides: [2, 3] })
    clock.runAll()
    expect(levels().map((l) => [l.runId, l.side])).toEqual([
      [7, 2],
      [7, 3],
    ])
  })

  it('a spec the core rejects is answered with an error at spec.<field>; sides that do not nest are refused', () => {
    const { engine, sent } = setup()
    engine.handle({
      type: 'basin.start',
      runId: 8,
      specs: [spec, { ...spec, optimizer: { kind: 'sgd', lr: -1 } }],
      sides: [3],
    })
    expect(sent).toMatchObject([
      { type: 'error', runId: 8, field: 'specs[1].optimizer.lr', code: 'bad-spec' },
    ])
    engine.handle({ type: 'basin.start', runId: 9, specs: [spec], sides: [3, 6] })
    expect(sent[1]).toMatchObject({ type: 'error', field: 'sides', code: 'bad-message' })
  })

  it('slice answers L along the segment, endpoints included', () => {
    const { engine, sent } = setup()
    engine.handle({
      type: 'slice',
      requestId: 3,
      surface: 'saddle-classic',
      from: [-1, 0.5],
      to: [1, -0.5],
      n: 5,
    })
    const s = getSurface('saddle-classic')
    const want = [0, 1, 2, 3, 4].map((i) => s.f(-1 + (i / 4) * 2, 0.5 - (i / 4) * 1))
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ type: 'slice', requestId: 3 })
    expect([...(sent[0] as { values: Float64Array }).values]).toEqual(want)
  })

  it('stability answers the core’s band for the spec', () => {
    const { engine, sent } = setup()
    const tspec = {
      surface: 'booth',
      optimizer: { kind: 'sgd' as const, lr: 0.05 },
      start: [-3, 4] as [number, number],
      steps: 20,
    }
    engine.handle({ type: 'stability', requestId: 4, spec: tspec })
    const band = stabilityBand(tspec)
    expect(sent[0]).toMatchObject({ type: 'stability', requestId: 4, count: 20, factor: 2 })
    const reply = sent[0] as unknown as { limit: Float64Array; step: Float64Array }
    expect(reply.limit).toEqual(band.limit)
    expect(reply.step).toEqual(band.step)
  })
})
