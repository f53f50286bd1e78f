import { describe, expect, it } from 'vitest'
import { runTrajectory } from '../../src/core/run'
import type { TrajectorySpec } from '../../src/core/types'
import type { FromWorker, RaceFrames, RaceStart, RacerFrame } from '../../src/worker/protocol'
import { createRaceSession, MAX_CATCH_UP_MS, TICK_MS } from '../../src/worker/raceSession'
import { assertClose, assertInDelta } from '../helpers/assertInDelta'
import { createFakeClock } from './fakeClock'

// Booth's function from its definition: L = (x + 2y − 7)² + (2x + y − 5)², ∇L = (10x + 8y − 34, 8x + 10y − 38).
const boothLoss = (x: number, y: number): number => (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2
const boothGrad = (x: number, y: number): [number, number] => [10 * x + 8 * y - 34, 8 * x + 10 * y - 38]

/**
 * Plain gradient descent on Booth, written out by hand: the reference the streamed points must match.
 * `firstNonFinite` is the first point whose loss or gradient norm overflows (−1 if none); `firstStop` the
 * first point where the core stops the run, which also counts a point that escaped (core/limits.ts): |L| past
 * 10¹²·max(1, L₀), or a coordinate farther than 50 widths of Booth's view [−10, 10]² (1000) plus the start's
 * own distance from its centre 0.
 */
function boothDescent(lr: number, steps: number, [x, y]: [number, number] = [0, 0]) {
  const ref = {
    x: [x],
    y: [y],
    loss: [boothLoss(x, y)],
    grad: [] as number[],
    firstNonFinite: -1,
    firstStop: -1,
  }
  const lossLimit = 1e12 * Math.max(1, Math.abs(ref.loss[0]))
  const [rx, ry] = [50 * 20 + Math.abs(x), 50 * 20 + Math.abs(y)]
  for (let t = 0; t < steps; t++) {
    const [gx, gy] = boothGrad(x, y)
    ref.grad.push(gx, gy)
    x -= lr * gx
    y -= lr * gy
    ref.x.push(x)
    ref.y.push(y)
    ref.loss.push(boothLoss(x, y))
    const [nx, ny] = boothGrad(x, y)
    if (ref.firstNonFinite < 0 && !Number.isFinite(boothLoss(x, y) + Math.sqrt(nx * nx + ny * ny)))
      ref.firstNonFinite = t + 1
    const escaped = !(Math.abs(boothLoss(x, y)) <= lossLimit && Math.abs(x) <= rx && Math.abs(y) <= ry)
    if (ref.firstStop < 0 && (escaped || ref.firstNonFinite === t + 1)) ref.firstStop = t + 1
  }
  return ref
}

const sgd = (lr: number, steps: number): TrajectorySpec => ({
  surface: 'booth',
  optimizer: { kind: 'sgd', lr },
  start: [0, 0],
  steps,
})

function setup(racers: RaceStart['racers'], { speed = 600, autoplay = true } = {}) {
  const clock = createFakeClock()
  const sent: { message: FromWorker; transfer: Transferable[] }[] = []
  const start: RaceStart = { type: 'race.start', runId: 1, racers, speed, autoplay }
  const session = createRaceSession(
    start,
    (message, transfer = []) => sent.push({ message, transfer }),
    clock,
  )
  const all: FromWorker[] = []
  const take = (): FromWorker[] => {
    const messages = sent.splice(0).map((s) => s.message)
    all.push(...messages)
    return messages
  }
  const control = (message: Record<string, unknown>) =>
    session.control({ runId: 1, ...message } as Parameters<typeof session.control>[0])
  return { session, clock, sent, take, all, control }
}

/** Appends every racer's frames as a client would, checking that the stream has no gap and no overlap. */
function appendFrames(messages: FromWorker[]) {
  const racers = new Map<
    string,
    {
      x: number[]
      y: number[]
      loss: number[]
      gradNorm: number[]
      lr: number[]
      grad: number[]
      state: Record<string, number[]>
      last?: RacerFrame
    }
  >()
  for (const message of messages) {
    if (message.type !== 'race.frames') continue
    for (const frame of message.racers) {
      if (!racers.has(frame.id))
        racers.set(frame.id, { x: [], y: [], loss: [], gradNorm: [], lr: [], grad: [], state: {} })
      const r = racers.get(frame.id)!
      expect(frame.from, `${frame.id} stream continues where it stopped`).toBe(r.x.length)
      expect(frame.x).toHaveLength(frame.count)
      r.x.push(...frame.x)
      r.y.push(...frame.y)
      r.loss.push(...frame.loss)
      r.gradNorm.push(...frame.gradNorm)
      r.lr.push(...frame.lr)
      r.grad.push(...frame.grad)
      for (const [key, values] of Object.entries(frame.state)) (r.state[key] ??= []).push(...values)
      r.last = frame
    }
  }
  return racers
}

const framesOf = (messages: FromWorker[]): RaceFrames[] =>
  messages.filter((m): m is RaceFrames => m.type === 'race.frames')

describe('createRaceSession', () => {
  it('createRaceSession(start) posts every racer’s start point at cursor 0 and waits without autoplay', () => {
    const { clock, take } = setup([{ id: 'a', spec: sgd(0.01, 100) }], { autoplay: false })
    expect(take()).toMatchObject([
      { type: 'race.frames', cursor: 0, playing: false, racers: [{ id: 'a', from: 0, count: 1 }] },
    ])
    expect(clock.pending).toBe(0)
    clock.advance(1000)
    expect(take()).toEqual([])
  })

  it('speed 600 posts one race.frames per 16 ms tick, with floor(9.6·k) points by tick k, for every racer', () => {
    const { clock, take } = setup([
      { id: 'slow', spec: sgd(0.001, 1000) },
      { id: 'fast', spec: sgd(0.01, 1000) },
    ])
    take()
    let previous = 0
    for (let k = 1; k <= 40; k++) {
      clock.advance(TICK_MS)
      const messages = take()
      const expected = Math.floor((k * TICK_MS * 600) / 1000) // 9.6 steps per tick
      expect(messages, `tick ${k}`).toHaveLength(1)
      expect(messages[0]).toMatchObject({ type: 'race.frames', cursor: expected, playing: true })
      const { racers } = messages[0] as RaceFrames
      expect(racers.map((r) => [r.id, r.from, r.count])).toEqual([
        ['slow', previous + 1, expected - previous],
        ['fast', previous + 1, expected - previous],
      ])
      expect(expected - previous).toBeGreaterThanOrEqual(9)
      expect(expected - previous).toBeLessThanOrEqual(10)
      previous = expected
    }
  })

  it('the streamed points, appended, are hand-computed gradient descent on Booth and the core’s runTrajectory', () => {
    const spec = sgd(0.01, 300)
    const { clock, take, all, control } = setup([{ id: 'a', spec }])
    clock.advance(20 * TICK_MS)
    control({ type: 'race.toEnd' })
    take()
    const a = appendFrames(all).get('a')!
    const ref = boothDescent(0.01, 300)
    expect(a.x).toHaveLength(301)
    assertInDelta(a.x, ref.x, 1e-12, 'x')
    assertInDelta(a.y, ref.y, 1e-12, 'y')
    assertInDelta(a.loss, ref.loss, 1e-10, 'loss')
    assertInDelta(a.grad, ref.grad, 1e-10, 'grad')
    assertInDelta(a.lr, new Array(300).fill(0.01), 0, 'lr')
    // And nothing is lost or altered on the way: bit for bit the batch run.
    const batch = runTrajectory(spec)
    expect(Float64Array.from(a.x)).toEqual(batch.x)
    expect(Float64Array.from(a.gradNorm)).toEqual(batch.gradNorm)
    expect(Float64Array.from(a.grad)).toEqual(batch.grad)
  })

  it('optimizer state streams per update, interleaved per parameter: lecture momentum m¹ = −η·g⁰', () => {
    const spec: TrajectorySpec = {
      ...sgd(0.01, 50),
      optimizer: { kind: 'momentum', lr: 0.01, momentum: 0.9 },
    }
    const { clock, take, all, control } = setup([{ id: 'm', spec }])
    clock.advance(3 * TICK_MS)
    control({ type: 'race.toEnd' })
    take()
    const m = appendFrames(all).get('m')!
    expect(Object.keys(m.state)).toEqual(['m'])
    expect(m.state.m).toHaveLength(2 * 50)
    // m¹ = −η g⁰ with g⁰ = ∇L(0, 0) = (−34, −38); m² = λm¹ − η g¹ at θ¹ = θ⁰ + m¹.
    assertInDelta(m.state.m.slice(0, 2), [0.34, 0.38], 1e-15)
    const g1 = boothGrad(0.34, 0.38)
    assertInDelta(m.state.m.slice(2, 4), [0.9 * 0.34 - 0.01 * g1[0], 0.9 * 0.38 - 0.01 * g1[1]], 1e-15)
    expect(Float64Array.from(m.state.m)).toEqual(runTrajectory(spec).state.m)
  })

  it('race.speed changes the rate from the next tick on; a tick with no new step posts nothing', () => {
    const { clock, take, control } = setup([{ id: 'a', spec: sgd(0.01, 1000) }])
    clock.advance(5 * TICK_MS) // cursor floor(5·9.6) = 48
    take()
    control({ type: 'race.speed', stepsPerSecond: 60 })
    expect(take()).toEqual([])
    const messages: FromWorker[] = []
    for (let k = 1; k <= 30; k++) {
      clock.advance(TICK_MS)
      messages.push(...take())
    }
    // 60 steps/s from cursor 48 at the change: 48 + floor(0.96·k) after tick k, so ticks 1 and 26 add nothing.
    const expected = Array.from({ length: 30 }, (_, i) => 48 + Math.floor(((i + 1) * TICK_MS * 60) / 1000))
    expect(messages).toHaveLength(28)
    expect(messages.map((m) => m.type === 'race.frames' && m.cursor)).toEqual(
      [...new Set(expected)].filter((c) => c > 48),
    )
  })

  it('race.pause stops the timer; race.play resumes where it paused, without catching up the paused time', () => {
    const { clock, take, control } = setup([{ id: 'a', spec: sgd(0.01, 1000) }])
    clock.advance(5 * TICK_MS)
    take()
    control({ type: 'race.pause' })
    expect(take()).toEqual([{ type: 'race.cursor', runId: 1, cursor: 48, playing: false }])
    expect(clock.pending).toBe(0)
    clock.advance(2000)
    expect(take()).toEqual([])
    control({ type: 'race.play' })
    control({ type: 'race.play' }) // a second play does not start a second timer
    expect(clock.pending).toBe(1)
    expect(take()).toEqual([
      { type: 'race.cursor', runId: 1, cursor: 48, playing: true },
      { type: 'race.cursor', runId: 1, cursor: 48, playing: true },
    ])
    clock.advance(TICK_MS)
    expect(take()).toMatchObject([{ type: 'race.frames', cursor: 48 + 9, racers: [{ from: 49, count: 9 }] }])
  })

  it('race.step pauses and moves the playhead one step: exactly one new point per racer', () => {
    const { clock, take, control } = setup([
      { id: 'a', spec: sgd(0.01, 100) },
      { id: 'b', spec: sgd(0.02, 100) },
    ])
    take()
    control({ type: 'race.step' })
    const [frames, ...rest] = take()
    expect(rest).toEqual([])
    expect(frames).toMatchObject({ type: 'race.frames', cursor: 1, playing: false })
    const ref = boothDescent(0.02, 1)
    const b = (frames as RaceFrames).racers[1]
    expect([b.from, b.count, b.lr.length, b.grad.length]).toEqual([1, 1, 1, 2])
    assertInDelta([b.x[0], b.y[0]], [ref.x[1], ref.y[1]], 1e-15)
    assertInDelta(b.grad, [-34, -38], 0) // the update that made point 1 used ∇L(0, 0)
    expect(clock.pending).toBe(0)
    control({ type: 'race.step', n: 5 })
    expect(take()).toMatchObject([
      {
        type: 'race.frames',
        cursor: 6,
        racers: [
          { from: 2, count: 5 },
          { from: 2, count: 5 },
        ],
      },
    ])
  })

  it('race.step with n < 0 steps back and sends only race.cursor: the client already has the points', () => {
    const { take, control } = setup([{ id: 'a', spec: sgd(0.01, 100) }], { autoplay: false })
    control({ type: 'race.step', n: 10 })
    take()
    control({ type: 'race.step', n: -3 })
    expect(take()).toEqual([{ type: 'race.cursor', runId: 1, cursor: 7, playing: false }])
    control({ type: 'race.step', n: -50 })
    expect(take()).toEqual([{ type: 'race.cursor', runId: 1, cursor: 0, playing: false }])
    control({ type: 'race.step', n: 12 })
    // Points 1..10 were sent before: only 11 and 12 are new.
    expect(take()).toMatchObject([{ type: 'race.frames', cursor: 12, racers: [{ from: 11, count: 2 }] }])
  })

  it('race.seek computes as far as the step, keeps playing, and clamps past the end', () => {
    const { clock, take, control } = setup([{ id: 'a', spec: sgd(0.01, 500) }])
    take()
    control({ type: 'race.seek', step: 200 })
    expect(take()).toMatchObject([
      { type: 'race.frames', cursor: 200, playing: true, racers: [{ from: 1, count: 200 }] },
    ])
    clock.advance(TICK_MS)
    expect(take()).toMatchObject([{ type: 'race.frames', cursor: 209, racers: [{ from: 201, count: 9 }] }])
    control({ type: 'race.seek', step: 50 })
    expect(take()).toEqual([{ type: 'race.cursor', runId: 1, cursor: 50, playing: true }])
    control({ type: 'race.seek', step: 900_000 })
    expect(take()).toMatchObject([
      { type: 'race.frames', cursor: 500, playing: false, racers: [{ from: 210, count: 291 }] },
      { type: 'race.finished', runId: 1, cursor: 500 },
    ])
    expect(clock.pending).toBe(0)
  })

  it('race.reset pauses and rewinds to 0; replaying sends race.cursor, never a point twice', () => {
    const { clock, take, all, control } = setup([{ id: 'a', spec: sgd(0.01, 1000) }])
    clock.advance(10 * TICK_MS) // cursor 96
    control({ type: 'race.reset' })
    expect(take().pop()).toEqual({ type: 'race.cursor', runId: 1, cursor: 0, playing: false })
    expect(clock.pending).toBe(0)
    control({ type: 'race.play' })
    take()
    clock.advance(10 * TICK_MS)
    expect(take().every((m) => m.type === 'race.cursor')).toBe(true)
    clock.advance(TICK_MS) // past 96 again: points 97.. are new
    expect(take()).toMatchObject([{ type: 'race.frames', cursor: 105, racers: [{ from: 97, count: 9 }] }])
    expect(appendFrames(all).get('a')!.x).toHaveLength(106)
  })

  it('race.toEnd computes everything at once: one race.frames with all remaining points, then race.finished', () => {
    const { clock, take, control } = setup([
      { id: 'a', spec: sgd(0.01, 5000) },
      { id: 'b', spec: sgd(0.001, 3000) },
    ])
    clock.advance(TICK_MS)
    take()
    control({ type: 'race.toEnd' })
    expect(take()).toMatchObject([
      {
        type: 'race.frames',
        cursor: 5000,
        playing: false,
        racers: [
          { id: 'a', from: 10, count: 4991 },
          { id: 'b', from: 10, count: 2991 },
        ],
      },
      { type: 'race.finished', runId: 1, cursor: 5000 },
    ])
    expect(clock.pending).toBe(0)
  })

  it('playing to the end posts race.finished once, stops, and race.play then replays from 0', () => {
    const { clock, take, control } = setup([{ id: 'a', spec: sgd(0.01, 30) }])
    clock.advance(10 * TICK_MS)
    const messages = take()
    expect(messages.filter((m) => m.type === 'race.finished')).toEqual([
      { type: 'race.finished', runId: 1, cursor: 30 },
    ])
    expect(messages[messages.length - 1].type).toBe('race.finished')
    expect(messages[messages.length - 2]).toMatchObject({ type: 'race.frames', cursor: 30, playing: false })
    expect(clock.pending).toBe(0)
    control({ type: 'race.play' })
    expect(take()).toEqual([{ type: 'race.cursor', runId: 1, cursor: 0, playing: true }])
    clock.advance(TICK_MS)
    expect(take()).toEqual([{ type: 'race.cursor', runId: 1, cursor: 9, playing: true }])
  })

  it('a diverging racer stops and reports divergedAt while the others go on to their end', () => {
    // SGD on Booth multiplies the error along H's eigenvector of λ = 18 by (1 − 18η): −1.016 at η = 0.112, so
    // it leaves the box of 50 view widths after a few hundred updates, long before it would overflow.
    const ref = boothDescent(0.112, 2000)
    const firstStop = ref.firstStop
    expect(firstStop).toBeGreaterThan(100)
    expect(ref.firstNonFinite).toBe(-1) // no overflow within 2000 updates: only the escape rule stops it
    expect(runTrajectory(sgd(0.112, 2000))).toMatchObject({ divergedAt: firstStop, divergence: 'escaped' })
    const { clock, take, all } = setup(
      [
        { id: 'wild', spec: sgd(0.112, 2000) },
        { id: 'calm', spec: sgd(0.01, 2000) },
      ],
      { speed: 10_000 },
    )
    while (clock.runNext()) take()
    const racers = appendFrames(all)
    const wild = racers.get('wild')!
    expect(wild.last).toMatchObject({ status: 'diverged', divergedAt: firstStop, divergence: 'escaped' })
    expect(wild.x).toHaveLength(firstStop) // finite points only, none after the divergence
    expect(wild.loss.every(Number.isFinite)).toBe(true)
    expect(wild.lr).toHaveLength(firstStop - 1)
    for (let k = 0; k < 30; k++) assertClose(wild.x[k], ref.x[k], 1e-12, `x[${k}]`)
    const diverged = framesOf(all).find((m) =>
      m.racers.some((r) => r.id === 'wild' && r.status === 'diverged'),
    )!
    expect(diverged.cursor).toBeGreaterThanOrEqual(firstStop)
    const later = framesOf(all).filter((m) => m.cursor > diverged.cursor)
    expect(later).toHaveLength(Math.ceil((2000 - diverged.cursor) / 160)) // 10 000 steps/s = 160 per tick
    expect(later.every((m) => m.racers.map((r) => r.id).join() === 'calm')).toBe(true)
    expect(racers.get('calm')!.x).toHaveLength(2001)
    expect(all[all.length - 1]).toEqual({ type: 'race.finished', runId: 1, cursor: 2000 })
  })

  it('when every racer diverges, the race finishes at the last finite point', () => {
    const firstStop = boothDescent(0.112, 5000).firstStop
    const { clock, take, all } = setup([{ id: 'wild', spec: sgd(0.112, 5000) }], { speed: 10_000 })
    while (clock.runNext()) take()
    expect(all[all.length - 1]).toEqual({ type: 'race.finished', runId: 1, cursor: firstStop - 1 })
    expect(all.filter((m) => m.type === 'race.finished')).toHaveLength(1)
  })

  it('race.frames lists every typed array’s buffer for transfer, each a private copy the run does not need', () => {
    const spec: TrajectorySpec = { ...sgd(0.01, 200), optimizer: { kind: 'adam', lr: 0.1 } }
    const { clock, sent } = setup([
      { id: 'a', spec },
      { id: 'b', spec: sgd(0.01, 200) },
    ])
    const received: FromWorker[] = []
    for (let k = 0; k < 3; k++) {
      clock.advance(TICK_MS)
      for (const { message, transfer } of sent.splice(0)) {
        expect(message.type).toBe('race.frames')
        const arrays = (message as RaceFrames).racers.flatMap((r) => [
          r.x,
          r.y,
          r.loss,
          r.gradNorm,
          r.lr,
          r.grad,
          ...Object.values(r.state),
        ])
        expect(arrays).toHaveLength(6 + Object.keys(runTrajectory(spec).state).length + 6)
        const buffers = arrays.map((a) => a.buffer)
        expect(new Set(transfer)).toEqual(new Set(buffers))
        expect(transfer).toHaveLength(buffers.length) // one buffer per array, none shared
        for (const a of arrays) expect(a.buffer.byteLength).toBe(a.byteLength)
        // Really transfer them (detaching the sent copies); the run keeps computing from its own memory.
        received.push(structuredClone(message, { transfer }))
        expect(arrays.every((a) => a.byteLength === 0)).toBe(true)
      }
    }
    const a = appendFrames(received).get('a')!
    expect(a.x).toHaveLength(29) // start + floor(3 · 9.6)
    expect(Float64Array.from(a.x)).toEqual(runTrajectory(spec).x.subarray(0, 29))
  })

  it(`a tick after a long stall moves the playhead by one tick's worth, not by the stalled time (> ${MAX_CATCH_UP_MS} ms)`, () => {
    const { clock, take } = setup([{ id: 'a', spec: sgd(0.01, 10_000) }])
    clock.advance(5 * TICK_MS) // cursor 48
    take()
    clock.skip(5000) // the worker was throttled: the pending timer fires 5 s late
    clock.runNext()
    expect(take()).toMatchObject([{ type: 'race.frames', cursor: 48 + Math.floor((TICK_MS * 600) / 1000) }])
  })

  it('a late tick within the catch-up window keeps the exact rate: steps = floor(elapsed·speed)', () => {
    const { clock, take } = setup([{ id: 'a', spec: sgd(0.01, 10_000) }])
    take()
    clock.skip(200) // the first timer fires at 200 ms instead of 16 ms
    clock.runNext()
    expect(take()).toMatchObject([{ type: 'race.frames', cursor: 120 }]) // 0.2 s · 600 steps/s
  })

  it('Newton racers also report how many updates met a singular Hessian', () => {
    const spec: TrajectorySpec = { ...sgd(1, 5), optimizer: { kind: 'newton', lr: 1 } }
    const { take, control } = setup([{ id: 'n', spec }], { autoplay: false })
    take()
    control({ type: 'race.toEnd' })
    const [frames] = take() as RaceFrames[]
    // Booth is quadratic with H = [[10, 8], [8, 10]] (invertible): one Newton step lands on the minimum (1, 3).
    assertInDelta([frames.racers[0].x[0], frames.racers[0].y[0]], [1, 3], 1e-12)
    expect(frames.racers[0].singularSteps).toBe(0)
  })
})
