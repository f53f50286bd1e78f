import { beforeAll, describe, expect, it } from 'vitest'
import { startEmbedBridge } from '../../src/embed/bridge'
import type { BridgeClock } from '../../src/embed/bridge'
import type { EmbedView } from '../../src/state/url/embedView'
import { createRacePlayback } from '../../src/embed/playback'
import type { EmbedEvent } from '../../src/embed/protocol'
import { createSceneStore } from '../../src/state/scene/sceneStore'
import { createAppStore } from '../../src/state/store'
import { createFakeDriver, indexedChunk } from '../state/fakeDriver'
import { loadSceneLibrary } from '../../src/state/scene/sceneLibrary'

// The scenes' content is a lazy chunk in the app; here it is fetched once, so scenes open synchronously.
beforeAll(async () => {
  await loadSceneLibrary()
})

/** A window stand-in: records what is posted to it, and delivers messages to its listeners. */
class FakeWindow {
  readonly posted: { message: EmbedEvent; targetOrigin: string }[] = []
  private readonly listeners = new Set<(e: MessageEvent) => void>()
  addEventListener(_type: 'message', l: (e: MessageEvent) => void): void {
    this.listeners.add(l)
  }
  removeEventListener(_type: 'message', l: (e: MessageEvent) => void): void {
    this.listeners.delete(l)
  }
  postMessage(message: unknown, targetOrigin: string): void {
    this.posted.push({ message: structuredClone(message) as EmbedEvent, targetOrigin })
  }
  /** Delivers `data` as the browser would: with the sender's origin and window. */
  receive(data: unknown, origin: string, source: unknown): void {
    for (const l of [...this.listeners]) l({ data, origin, source } as unknown as MessageEvent)
  }
  get listenerCount(): number {
    return this.listeners.size
  }
  types(): string[] {
    return this.posted.map((p) => p.message.type)
  }
}

/** Timers run by hand: `advance(ms)` moves the clock and fires what is due. */
function manualClock(): BridgeClock & { advance(ms: number): void } {
  let now = 0
  let timers: { at: number; f: () => void; id: number }[] = []
  let next = 0
  return {
    now: () => now,
    setTimeout(f, ms) {
      const id = ++next
      timers.push({ at: now + ms, f, id })
      return id
    },
    clearTimeout(id) {
      timers = timers.filter((t) => t.id !== id)
    },
    advance(ms) {
      now += ms
      const due = timers.filter((t) => t.at <= now)
      timers = timers.filter((t) => t.at > now)
      for (const t of due) t.f()
    },
  }
}

const PARENT_ORIGIN = 'https://notes.example.edu'
const msg = (fields: Record<string, unknown>) => ({
  source: 'loss-surface-playground',
  version: 1,
  ...fields,
})

function setup(
  view: EmbedView = { panel: 'surface', controls: 'minimal' },
  options: { withScenes?: boolean } = {},
) {
  const fake = createFakeDriver()
  const store = createAppStore({ driver: fake.driver })
  store.getState().restartIfNeeded()
  fake.clear()
  const self = new FakeWindow()
  const parent = new FakeWindow()
  const other = new FakeWindow()
  const clock = manualClock()
  const scenes = options.withScenes ? createSceneStore({ app: store }) : undefined
  const stop = startEmbedBridge({
    self,
    parent,
    view,
    app: store,
    playback: createRacePlayback(store),
    ...(scenes && { scenes }),
    stepIntervalMs: 100,
    clock,
  })
  /** Points from..from+count−1 of every racer, the playhead at the last. */
  const frames = (from: number, count: number, playing = true) =>
    fake.emit({
      type: 'race.frames',
      runId: store.getState().runId!,
      cursor: from + count - 1,
      playing,
      racers: ['r0', 'r1', 'r2', 'r3'].map((id) => indexedChunk(id, from, count)),
    })
  return { fake, store, self, parent, other, clock, stop, frames }
}

describe('startEmbedBridge: resize (auto-height)', () => {
  it('posts the content height after ready, then only when it changes by a whole pixel, and stops with the bridge', () => {
    const parent = new FakeWindow()
    let height = 450
    let changed: () => void = () => {}
    let observing = true
    const store = createAppStore({ driver: createFakeDriver().driver })
    const stop = startEmbedBridge({
      self: new FakeWindow(),
      parent,
      view: { panel: 'surface', controls: 'none' },
      app: store,
      playback: createRacePlayback(store),
      clock: manualClock(),
      contentSize: {
        measure: () => height,
        observe(f) {
          changed = f
          return () => void (observing = false)
        },
      },
    })
    const resizes = () => parent.posted.filter((p) => p.message.type === 'resize').map((p) => p.message)
    expect(parent.posted[0].message).toMatchObject({ type: 'ready' })
    expect(resizes()).toEqual([
      { source: 'loss-surface-playground', version: 1, type: 'resize', height: 450 },
    ])
    changed()
    expect(resizes()).toHaveLength(1)
    height = 612
    changed()
    expect(resizes().map((m) => (m as { height: number }).height)).toEqual([450, 612])
    stop()
    expect(observing).toBe(false)
    height = 700
    changed()
    expect(resizes()).toHaveLength(2)
  })
})

describe('startEmbedBridge: ready and origins', () => {
  it('posts ready to the parent at once, to "*" without an origin, with capabilities, state and params', () => {
    const { parent } = setup()
    expect(parent.posted).toHaveLength(1)
    const { message, targetOrigin } = parent.posted[0]
    expect(targetOrigin).toBe('*')
    expect(message).toMatchObject({
      source: 'loss-surface-playground',
      version: 1,
      type: 'ready',
      panel: 'surface',
      controls: 'minimal',
      capabilities: {
        commands: ['play', 'pause', 'step', 'reset', 'setScene', 'setParam', 'getState'],
        params: ['lr', 'steps', 'speed', 'noiseStd', 'surface', 'start', 'language'],
        events: ['ready', 'step', 'finished', 'state', 'error', 'resize'],
        stepIntervalMs: 100,
      },
      state: { target: 'race', cursor: 0, total: 500, playing: true, finished: false },
      params: { lr: [0.01, 0.05, 0.05, 0.05], steps: 500, speed: 100, surface: 'saddle', scene: null },
    })
  })

  it('with origin=, ready is posted with that target origin', () => {
    const { parent } = setup({ panel: 'surface', controls: 'none', origin: PARENT_ORIGIN })
    expect(parent.posted[0].targetOrigin).toBe(PARENT_ORIGIN)
  })

  it('without origin=, commands are taken from the parent window only, never from another window or itself', () => {
    const { fake, self, parent, other } = setup()
    self.receive(msg({ type: 'pause' }), 'https://evil.example', other)
    self.receive(msg({ type: 'pause' }), 'https://whatever.example', self)
    expect(fake.names()).toEqual([])
    self.receive(msg({ type: 'pause' }), 'https://any.example', parent)
    expect(fake.names()).toEqual(['pause'])
  })

  it('an unframed page (parent === self) takes no commands at all without origin=', () => {
    const fake = createFakeDriver()
    const store = createAppStore({ driver: fake.driver })
    store.getState().restartIfNeeded()
    fake.clear()
    const win = new FakeWindow()
    startEmbedBridge({
      self: win,
      parent: win,
      view: { panel: 'surface', controls: 'full' },
      app: store,
      playback: createRacePlayback(store),
    })
    win.receive(msg({ type: 'pause' }), 'https://a.example', win)
    expect(fake.names()).toEqual([])
  })

  it('with origin=, commands are taken from exactly that origin (any of its windows) and no other', () => {
    const { fake, self, parent, other } = setup({ panel: 'surface', controls: 'none', origin: PARENT_ORIGIN })
    self.receive(msg({ type: 'pause' }), 'https://notes.example.edu.evil.example', parent)
    self.receive(msg({ type: 'pause' }), 'http://notes.example.edu', parent)
    self.receive(msg({ type: 'pause' }), 'null', parent)
    expect(fake.names()).toEqual([])
    self.receive(msg({ type: 'pause' }), PARENT_ORIGIN, other)
    expect(fake.names()).toEqual(['pause'])
  })
})

describe('startEmbedBridge: commands', () => {
  it('play, pause, step and reset drive the race; play after the end starts again from step 0', () => {
    const { fake, store, self, parent, frames } = setup()
    frames(0, 11, false)
    self.receive(msg({ type: 'step', n: 3 }), PARENT_ORIGIN, parent)
    self.receive(msg({ type: 'step' }), PARENT_ORIGIN, parent)
    self.receive(msg({ type: 'reset' }), PARENT_ORIGIN, parent)
    self.receive(msg({ type: 'play' }), PARENT_ORIGIN, parent)
    expect(fake.calls.map((c) => [c.name, ...c.args])).toEqual([
      ['step', 3],
      ['step', 1],
      ['reset'],
      ['play'],
    ])
    fake.clear()
    fake.emit({ type: 'race.finished', runId: store.getState().runId!, cursor: 10 })
    self.receive(msg({ type: 'play' }), PARENT_ORIGIN, parent)
    expect(fake.names()).toEqual(['reset', 'play'])
  })

  it('setParam changes the whitelisted setting through the store (lr of the racer at that legend position)', () => {
    const { store, self, parent } = setup()
    const send = (fields: Record<string, unknown>) =>
      self.receive(msg({ type: 'setParam', ...fields }), PARENT_ORIGIN, parent)
    send({ param: 'lr', racer: 1, value: 0.125 })
    send({ param: 'steps', value: 60 })
    send({ param: 'speed', value: 2000 })
    send({ param: 'noiseStd', value: 0.5 })
    send({ param: 'start', value: [-1, 2] })
    send({ param: 'language', value: 'zh' })
    const s = store.getState().settings
    expect(s.racers.map((r) => r.optimizer.lr)).toEqual([0.01, 0.125, 0.05, 0.05])
    expect([s.steps, s.speed, s.noise.std, s.start, s.language]).toEqual([60, 2000, 0.5, [-1, 2], 'zh'])
    send({ param: 'surface', value: 'booth' })
    expect(store.getState().settings.surfaceId).toBe('booth')
  })

  it('getState answers the sender only, at its own origin, echoing the id', () => {
    const { self, parent } = setup()
    parent.posted.length = 0
    self.receive(msg({ type: 'getState', id: 'q1' }), PARENT_ORIGIN, parent)
    expect(parent.posted).toHaveLength(1)
    expect(parent.posted[0].targetOrigin).toBe(PARENT_ORIGIN)
    expect(parent.posted[0].message).toMatchObject({ type: 'state', id: 'q1', params: { steps: 500 } })
  })

  it('setScene opens a lecture scene at the asked card; without a scene store it is refused', () => {
    const { store, self, parent } = setup({ panel: 'surface', controls: 'none' }, { withScenes: true })
    self.receive(msg({ type: 'setScene', scene: 'momentum-ball', card: 1 }), PARENT_ORIGIN, parent)
    expect(store.getState().settings.scene).toBe('momentum-ball')
    expect(store.getState().settings.card).toBe(1)
    const bare = setup({ panel: 'surface', controls: 'none', origin: PARENT_ORIGIN })
    bare.parent.posted.length = 0
    bare.self.receive(msg({ type: 'setScene', scene: 'momentum-ball' }), PARENT_ORIGIN, bare.parent)
    expect(bare.store.getState().settings.scene).toBeUndefined()
    expect(bare.parent.posted.map((p) => p.message)).toMatchObject([{ type: 'error', code: 'unavailable' }])
  })
})

describe('startEmbedBridge: refusals', () => {
  it('with origin=, a malformed command changes nothing and gets an error event at that origin, with its id', () => {
    const { fake, store, self, parent } = setup({ panel: 'surface', controls: 'none', origin: PARENT_ORIGIN })
    parent.posted.length = 0
    const before = store.getState().settings
    self.receive(msg({ type: 'pause', id: 9, extra: 1 }), PARENT_ORIGIN, parent)
    self.receive(msg({ type: 'setParam', param: 'lr', racer: 5, value: 0.1, id: 10 }), PARENT_ORIGIN, parent)
    self.receive(msg({ type: 'setParam', param: 'steps', value: 1e9 }), PARENT_ORIGIN, parent)
    self.receive(msg({ type: 'setParam', param: 'surface', value: 'banana' }), PARENT_ORIGIN, parent)
    expect(fake.names()).toEqual([])
    expect(store.getState().settings).toBe(before)
    expect(parent.posted.map((p) => p.targetOrigin)).toEqual(Array(4).fill(PARENT_ORIGIN))
    expect(parent.posted.map((p) => p.message)).toMatchObject([
      { type: 'error', code: 'malformed', id: 9, field: 'extra' },
      { type: 'error', code: 'invalid-param', id: 10 },
      { type: 'error', code: 'invalid-param', field: 'value' },
      { type: 'error', code: 'invalid-param' },
    ])
  })

  it('without origin=, refusals are silent; junk, foreign messages and our own events are ignored', () => {
    const { fake, self, parent } = setup()
    parent.posted.length = 0
    for (const data of [
      'play',
      null,
      { type: 'play' },
      msg({ type: 'play', extra: 1 }),
      msg({ type: 'ready' }),
    ])
      self.receive(data, PARENT_ORIGIN, parent)
    expect(fake.names()).toEqual([])
    expect(parent.posted).toEqual([])
  })

  it('stop() detaches: no command is taken and no event is posted afterwards', () => {
    const { fake, self, parent, stop, frames, clock } = setup()
    stop()
    expect(self.listenerCount).toBe(0)
    parent.posted.length = 0
    self.receive(msg({ type: 'pause' }), PARENT_ORIGIN, parent)
    frames(0, 5)
    clock.advance(1000)
    expect(fake.names()).toEqual([])
    expect(parent.posted).toEqual([])
  })
})

describe('startEmbedBridge: step and finished events', () => {
  it('step events follow the playhead at most every 100 ms and always end on its latest position', () => {
    const { parent, frames, clock } = setup()
    parent.posted.length = 0
    frames(0, 2) // cursor 1
    clock.advance(0)
    expect(parent.posted.map((p) => p.message)).toMatchObject([{ type: 'step', cursor: 1 }])
    // Ten frames in 50 ms: one more event, 100 ms after the first, at the last cursor.
    for (let k = 0; k < 10; k++) {
      frames(2 + k, 1) // cursors 2 … 11
      clock.advance(5)
    }
    expect(parent.posted).toHaveLength(1)
    clock.advance(50)
    expect(parent.posted.map((p) => p.message)).toMatchObject([
      { type: 'step', cursor: 1 },
      { type: 'step', cursor: 11 },
    ])
    expect(parent.posted.every((p) => p.targetOrigin === '*')).toBe(true)
    clock.advance(1000)
    expect(parent.posted).toHaveLength(2)
  })

  it("a step event carries each racer's loss at the playhead (null where not yet computed)", () => {
    const { parent, frames, clock, fake, store } = setup()
    // Before the worker's first frame no point exists: ready reports no loss.
    expect(parent.posted[0].message).toMatchObject({ state: { racers: Array(4).fill({ loss: null }) } })
    frames(0, 8, false)
    clock.advance(0)
    // indexedChunk's loss at point p is 10p: the playhead at 7 gives 70 for every racer.
    expect(parent.posted.at(-1)!.message).toMatchObject({
      type: 'step',
      cursor: 7,
      total: 500,
      playing: false,
      racers: [0, 1, 2, 3].map((index) => ({ index, id: `r${index}`, loss: 70, status: 'ok' })),
    })
    fake.emit({ type: 'race.cursor', runId: store.getState().runId!, cursor: 3, playing: false })
    clock.advance(100)
    expect(parent.posted.at(-1)!.message).toMatchObject({ cursor: 3, racers: Array(4).fill({ loss: 30 }) })
  })

  it('finished flushes a pending step at the final position, then posts finished once', () => {
    const { parent, frames, clock, fake, store } = setup()
    frames(0, 2)
    clock.advance(0)
    parent.posted.length = 0
    frames(2, 9) // cursor 10, within the throttle window
    fake.emit({ type: 'race.finished', runId: store.getState().runId!, cursor: 10 })
    expect(parent.posted.map((p) => [p.message.type, (p.message as { cursor: number }).cursor])).toEqual([
      ['step', 10],
      ['finished', 10],
    ])
    expect(parent.posted[1].message).toMatchObject({ finished: true, playing: false })
    clock.advance(1000)
    expect(parent.types()).toEqual(['step', 'finished'])
  })
})
