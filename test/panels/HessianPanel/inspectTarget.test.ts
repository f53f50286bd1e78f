import { describe, expect, it } from 'vitest'
import { inspectKeyOf, inspectTargetOf } from '../../../src/panels/HessianPanel/inspectTarget'
import { createAppStore } from '../../../src/state/store'
import { createFakeDriver, indexedChunk } from '../../state/fakeDriver'

function setup() {
  const fake = createFakeDriver()
  const store = createAppStore({ driver: fake.driver, autoRestart: false })
  return { fake, store }
}

describe('inspectTargetOf', () => {
  it('inspectTargetOf(state) is the start point before the race has sent a point', () => {
    const { store } = setup()
    store.getState().setStart([0.25, -0.5])
    expect(inspectTargetOf(store.getState())).toEqual({
      surfaceId: 'saddle',
      point: [0.25, -0.5],
      source: 'start',
    })
  })

  it('inspectTargetOf(state) is the selected racer’s point at the playhead', () => {
    const { store, fake } = setup()
    store.getState().startRace()
    // indexedChunk: point p is (p, −p).
    fake.emit({
      type: 'race.frames',
      runId: 1,
      cursor: 6,
      playing: true,
      racers: [indexedChunk('r0', 0, 7), indexedChunk('r1', 0, 7)],
    })
    expect(inspectTargetOf(store.getState())).toEqual({
      surfaceId: 'saddle',
      point: [6, -6],
      source: 'racer',
      racerId: 'r0',
      step: 6,
    })
    store.getState().selectRacer('r1')
    store.getState().seek(2)
    expect(inspectTargetOf(store.getState())).toMatchObject({ point: [2, -2], racerId: 'r1', step: 2 })
  })

  it('inspectTargetOf(state) stops at a racer’s last point when its run ended before the playhead', () => {
    const { store, fake } = setup()
    store.getState().startRace()
    fake.emit({
      type: 'race.frames',
      runId: 1,
      cursor: 9,
      playing: true,
      racers: [{ ...indexedChunk('r0', 0, 4, 'diverged'), divergedAt: 4 }, indexedChunk('r1', 0, 10)],
    })
    expect(inspectTargetOf(store.getState())).toMatchObject({ point: [3, -3], step: 3 })
  })

  it('inspectTargetOf(state) is the inspected point when there is one', () => {
    const { store } = setup()
    store.getState().setInspectPoint([0.5, 2])
    expect(inspectTargetOf(store.getState())).toEqual({
      surfaceId: 'saddle',
      point: [0.5, 2],
      source: 'inspect',
    })
  })

  it('inspectKeyOf(target) is the same for the same point of the same surface, whatever the source', () => {
    expect(inspectKeyOf({ surfaceId: 'saddle', point: [0, 0], source: 'start' })).toBe(
      inspectKeyOf({ surfaceId: 'saddle', point: [0, 0], source: 'racer', racerId: 'r0', step: 0 }),
    )
    expect(inspectKeyOf({ surfaceId: 'saddle', point: [0, 0], source: 'start' })).not.toBe(
      inspectKeyOf({ surfaceId: 'booth', point: [0, 0], source: 'start' }),
    )
  })
})
