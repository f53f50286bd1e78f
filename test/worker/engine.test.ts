import { describe, expect, it } from 'vitest'
import type { TrajectorySpec } from '../../src/core/types'
import { createEngine } from '../../src/worker/engine'
import type { FromWorker, RaceFrames, WorkerErrorMessage } from '../../src/worker/protocol'
import { TICK_MS } from '../../src/worker/raceSession'
import { assertInDelta } from '../helpers/assertInDelta'
import { createFakeClock } from './fakeClock'

function setup() {
  const clock = createFakeClock()
  const sent: { message: FromWorker; transfer: Transferable[] }[] = []
  const engine = createEngine((message, transfer = []) => sent.push({ message, transfer }), clock)
  /** The messages posted since the last call. */
  const take = (): FromWorker[] => sent.splice(0).map((s) => s.message)
  return { engine, clock, sent, take }
}

// Booth's function, written out here from its definition: L = (x + 2y − 7)² + (2x + y − 5)².
const booth = (x: number, y: number): number => (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2

const sgd = (lr: number, steps = 1000): TrajectorySpec => ({
  surface: 'booth',
  optimizer: { kind: 'sgd', lr },
  start: [0, 0],
  steps,
})
const start = (runId: number, autoplay = false, speed = 600) => ({
  type: 'race.start',
  runId,
  racers: [
    { id: 'slow', spec: sgd(0.001) },
    { id: 'fast', spec: sgd(0.01) },
  ],
  speed,
  autoplay,
})

describe('createEngine', () => {
  it('createEngine(post) answers race.start with one race.frames holding every racer’s start point', () => {
    const { engine, take } = setup()
    engine.handle(start(1))
    const [frames, ...rest] = take()
    expect(rest).toEqual([])
    expect(frames).toMatchObject({ type: 'race.frames', runId: 1, cursor: 0, playing: false })
    const { racers } = frames as RaceFrames
    expect(racers.map((r) => [r.id, r.from, r.count, r.status])).toEqual([
      ['slow', 0, 1, 'ok'],
      ['fast', 0, 1, 'ok'],
    ])
    assertInDelta(racers[0].x, [0])
    assertInDelta(racers[0].y, [0])
    assertInDelta(racers[0].loss, [booth(0, 0)]) // 49 + 25
    assertInDelta(racers[0].gradNorm, [Math.hypot(34, 38)]) // ∇L(0, 0) = (−34, −38)
    expect(racers[0].lr).toHaveLength(0) // no update made point 0
  })

  it('race.start with autoplay plays at once: the next tick posts new points', () => {
    const { engine, clock, take } = setup()
    engine.handle(start(1, true, 600))
    expect(take()).toMatchObject([{ type: 'race.frames', cursor: 0, playing: true }])
    clock.advance(TICK_MS)
    expect(take()).toMatchObject([
      { type: 'race.frames', cursor: Math.floor((TICK_MS * 600) / 1000), playing: true },
    ])
  })

  it('a newer race.start replaces the old run: its timer stops and its messages are ignored', () => {
    const { engine, clock, take } = setup()
    engine.handle(start(1, true))
    clock.advance(5 * TICK_MS)
    engine.handle(start(2, true))
    take()
    engine.handle({ type: 'race.toEnd', runId: 1 })
    engine.handle({ type: 'race.seek', runId: 1, step: 30 })
    engine.handle({ type: 'race.cancel', runId: 1 })
    expect(take()).toEqual([])
    clock.advance(10 * TICK_MS)
    const messages = take()
    expect(messages).toHaveLength(10)
    expect(messages.every((m) => m.type === 'race.frames' && m.runId === 2)).toBe(true)
  })

  it('race.cancel stops the run: no more ticks, and its messages are ignored', () => {
    const { engine, clock, take } = setup()
    engine.handle(start(1, true))
    take()
    engine.handle({ type: 'race.cancel', runId: 1 })
    expect(clock.pending).toBe(0)
    engine.handle({ type: 'race.play', runId: 1 })
    clock.advance(1000)
    expect(take()).toEqual([])
  })

  const malformed: [label: string, data: unknown, expected: Partial<WorkerErrorMessage>][] = [
    ['null', null, {}],
    ['a string', 'race.play', {}],
    [
      'race.start without racers',
      { type: 'race.start', runId: 5, speed: 60, autoplay: true },
      { runId: 5, field: 'racers' },
    ],
    ['an unknown type', { type: 'race.rewind', runId: 1 }, { runId: 1, field: 'type' }],
    [
      'a grid request with nx = 0',
      { type: 'grid', requestId: 3, surface: 'booth', extent: { x: [0, 1], y: [0, 1] }, nx: 0, ny: 2 },
      { requestId: 3, field: 'nx' },
    ],
  ]
  for (const [label, data, expected] of malformed) {
    it(`a malformed message (${label}) gets one 'bad-message' error and the engine keeps serving`, () => {
      const { engine, take } = setup()
      engine.handle(data)
      const replies = take()
      expect(replies).toHaveLength(1)
      expect(replies[0]).toMatchObject({ type: 'error', code: 'bad-message', ...expected })
      expect((replies[0] as WorkerErrorMessage).message).toMatch(/\w{4,}/)
      engine.handle({ type: 'analyze', requestId: 9, surface: 'booth', x: 1, y: 3 })
      expect(take()).toMatchObject([
        { type: 'analysis', requestId: 9, result: { value: 0, kind: 'minimum' } },
      ])
    })
  }

  it("race.start with an invalid learning rate gets one 'bad-spec' error naming racers[1].spec.optimizer.lr", () => {
    const { engine, clock, take } = setup()
    const bad = {
      ...start(7, true),
      racers: [
        { id: 'ok', spec: sgd(0.01) },
        { id: 'neg', spec: sgd(-0.1) },
      ],
    }
    engine.handle(bad)
    const replies = take()
    expect(replies).toHaveLength(1)
    expect(replies[0]).toMatchObject({
      type: 'error',
      runId: 7,
      code: 'bad-spec',
      field: 'racers[1].spec.optimizer.lr',
    })
    expect((replies[0] as WorkerErrorMessage).message).toContain("racer 'neg'")
    clock.advance(1000)
    expect(take()).toEqual([]) // no race runs
    engine.handle(start(8))
    expect(take()).toMatchObject([{ type: 'race.frames', runId: 8 }])
  })

  it('a rejected race.start also ends the race it was meant to replace', () => {
    const { engine, clock, take } = setup()
    engine.handle(start(1, true))
    engine.handle({ ...start(2, true), racers: [{ id: 'neg', spec: sgd(-1) }] })
    take()
    clock.advance(1000)
    expect(take()).toEqual([])
  })

  it('grid {requestId, …} is answered with L at the grid nodes, row 0 at the bottom, values transferred', () => {
    const { engine, sent } = setup()
    const extent = { x: [-1, 1], y: [0, 2] }
    engine.handle({ type: 'grid', requestId: 11, surface: 'booth', extent, nx: 3, ny: 2 })
    expect(sent).toHaveLength(1)
    const { message, transfer } = sent[0]
    expect(message).toMatchObject({ type: 'grid', requestId: 11, nx: 3, ny: 2, extent })
    if (message.type !== 'grid') return
    const expected = [booth(-1, 0), booth(0, 0), booth(1, 0), booth(-1, 2), booth(0, 2), booth(1, 2)]
    assertInDelta(message.values, expected, 0)
    expect(message.min).toBe(Math.min(...expected))
    expect(message.max).toBe(Math.max(...expected))
    expect(transfer).toEqual([message.values.buffer])
  })

  it("grid with an unknown surface gets a 'bad-spec' error with its requestId and field 'surface'", () => {
    const { engine, take } = setup()
    engine.handle({
      type: 'grid',
      requestId: 12,
      surface: 'nowhere',
      extent: { x: [0, 1], y: [0, 1] },
      nx: 2,
      ny: 2,
    })
    const [error, ...rest] = take()
    expect(rest).toEqual([])
    expect(error).toMatchObject({ type: 'error', requestId: 12, code: 'bad-spec', field: 'surface' })
    expect((error as WorkerErrorMessage).message).toContain('booth') // names the ids there are
  })

  it("analyze {requestId, surface, x, y} answers with the point's analysis (the lecture's saddle at the origin)", () => {
    const { engine, take } = setup()
    engine.handle({ type: 'analyze', requestId: 13, surface: 'saddle', x: 0, y: 0 })
    const [reply] = take()
    expect(reply).toMatchObject({ type: 'analysis', requestId: 13 })
    if (reply.type !== 'analysis') return
    // docs/lectures.md S1: L = (1 − w₁w₂)², L(0, 0) = 1, g = 0, H = [[0, −2], [−2, 0]] with eigenvalues −2 and 2.
    expect(reply.result.value).toBe(1)
    assertInDelta(reply.result.gradient, [0, 0], 0)
    assertInDelta(reply.result.hessian, [0, -2, 0], 1e-12)
    assertInDelta(reply.result.eigenvalues, [-2, 2], 1e-12)
    expect(reply.result.kind).toBe('saddle')
  })

  it('analyze with an unknown surface answers with an error, not an exception', () => {
    const { engine, take } = setup()
    expect(() => engine.handle({ type: 'analyze', requestId: 14, surface: 'x', x: 0, y: 0 })).not.toThrow()
    expect(take()).toMatchObject([{ type: 'error', requestId: 14, field: 'surface' }])
  })

  it('dispose() stops the running race', () => {
    const { engine, clock, take } = setup()
    engine.handle(start(1, true))
    take()
    engine.dispose()
    expect(clock.pending).toBe(0)
    clock.advance(1000)
    expect(take()).toEqual([])
  })
})
