import { describe, expect, it } from 'vitest'
import { fileStem, pointsAtCursor, surfaceFigureOf } from '../../../src/panels/ExportMenu/surfaceFigure'
import { racerColor } from '../../../src/render/colors'
import { translate } from '../../../src/i18n/translate'
import { createAppStore } from '../../../src/state/store'
import { createFakeDriver, indexedChunk } from '../../state/fakeDriver'

const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('en', key, params)

/** The default race (4 racers) with 21 points each, the playhead at `cursor`. */
function race(cursor: number) {
  const fake = createFakeDriver()
  const store = createAppStore({ driver: fake.driver })
  store.getState().restartIfNeeded()
  const runId = store.getState().runId!
  fake.emit({
    type: 'race.frames',
    runId,
    cursor,
    playing: false,
    racers: ['r0', 'r1', 'r2', 'r3'].map((id) => indexedChunk(id, 0, 21)),
  })
  return { fake, store }
}

describe('pointsAtCursor', () => {
  it('pointsAtCursor(count, cursor) is cursor + 1 points, at most the points received, never negative', () => {
    expect([
      pointsAtCursor(21, 0),
      pointsAtCursor(21, 7),
      pointsAtCursor(21, 40),
      pointsAtCursor(0, 5),
    ]).toEqual([1, 8, 21, 0])
  })
})

describe('surfaceFigureOf', () => {
  it('surfaceFigureOf titles the figure with the surface and the playhead, and takes the view and palette', () => {
    const { store } = race(7)
    const f = surfaceFigureOf(store.getState(), null, t)
    expect(f.title).toBe(
      'Error surface: ' + store.getState().catalog.get('saddle')!.name.en + ' · step 7 of 500',
    )
    expect(f.extent).toEqual(store.getState().catalog.get('saddle')!.extent)
    expect(f.palette).toBe('jet')
    expect(f.start).toEqual([1.5, -1.499])
    expect(f.legendTitle).toBe('Optimizers')
  })

  it('each visible racer is drawn to the playhead, noted with its loss there, the selected one last', () => {
    const { store } = race(7)
    store.getState().selectRacer('r1')
    store.getState().toggleRacerHidden('r2')
    const f = surfaceFigureOf(store.getState(), null, t)
    expect(f.racers.map((r) => r.color)).toEqual([racerColor(0), racerColor(3), racerColor(1)])
    expect(f.racers.map((r) => r.count)).toEqual([8, 8, 8])
    // indexedChunk's loss at point p is 10p: the playhead at 7 shows L = 70.
    expect(f.racers.map((r) => r.note)).toEqual([
      'η = 0.01 · L = 70',
      'η = 0.05 · L = 70',
      'η = 0.05 · L = 70',
    ])
    expect(f.racers.map((r) => r.label)).toEqual(['Gradient descent (SGD)', 'Adam', 'Momentum'])
    // The legend keeps the race's order among the visible racers: r0, r1, r3.
    expect(f.racers.map((r) => r.legendIndex)).toEqual([0, 2, 1])
  })

  it('a racer whose path diverged is noted with the step where it did, once the playhead reaches its end', () => {
    const { fake, store } = race(20)
    fake.emit({
      type: 'race.frames',
      runId: store.getState().runId!,
      cursor: 20,
      playing: false,
      racers: [{ ...indexedChunk('r0', 21, 1, 'diverged'), divergedAt: 21 }],
    })
    // r0 is the selected racer: drawn last, on top.
    const f = surfaceFigureOf(store.getState(), null, t)
    expect(f.racers.at(-1)!.note).toBe('η = 0.01 · L = 200')
    store.getState().seek(21)
    fake.emit({ type: 'race.cursor', runId: store.getState().runId!, cursor: 21, playing: false })
    const after = surfaceFigureOf(store.getState(), null, t).racers
    expect(after.at(-1)!.note).toBe('η = 0.01 · Diverged at step 21')
    expect(after[0].note).toBe('η = 0.05 · L = 200')
  })
})

describe('fileStem', () => {
  it('fileStem keeps registry ids and turns anything else into safe dashes', () => {
    expect(fileStem('warmup-inverse-sqrt')).toBe('warmup-inverse-sqrt')
    expect(fileStem('../../etc/passwd')).toBe('-etc-passwd')
    expect(fileStem('')).toBe('surface')
  })
})
