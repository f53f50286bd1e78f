import { describe, expect, it } from 'vitest'
import { checkIntegerIn } from '../../../src/panels/TransportBar/checkInteger'
import { parseDivergedKey, selectDivergedKey } from '../../../src/panels/TransportBar/divergedSteps'
import { createAppStore } from '../../../src/state/store'
import { createFakeDriver, indexedChunk } from '../../state/fakeDriver'

describe('selectDivergedKey', () => {
  it('selectDivergedKey(state) names each diverged racer with the step where it diverged, ! when it escaped', () => {
    const fake = createFakeDriver()
    const store = createAppStore({ driver: fake.driver, autoRestart: false })
    store.getState().startRace()
    expect(selectDivergedKey(store.getState())).toBe('')
    fake.emit({
      type: 'race.frames',
      runId: 1,
      cursor: 7,
      playing: true,
      racers: [
        indexedChunk('r0', 0, 8),
        { ...indexedChunk('r1', 0, 4, 'diverged'), divergedAt: 4 },
        { ...indexedChunk('r3', 0, 2, 'diverged'), divergedAt: 2, divergence: 'escaped' },
      ],
    })
    const key = selectDivergedKey(store.getState())
    expect(key).toBe('r1:4;r3:2!')
    expect([...parseDivergedKey(key)]).toEqual([
      ['r1', { at: 4, escaped: false }],
      ['r3', { at: 2, escaped: true }],
    ])
    // Frames of other racers do not change the key, so the legend does not re-render for them.
    fake.emit({ type: 'race.frames', runId: 1, cursor: 9, playing: true, racers: [indexedChunk('r0', 8, 2)] })
    expect(selectDivergedKey(store.getState())).toBe(key)
    // A new race starts clean.
    store.getState().startRace()
    expect(selectDivergedKey(store.getState())).toBe('')
  })

  it('parseDivergedKey("") is empty', () => {
    expect(parseDivergedKey('').size).toBe(0)
  })
})

describe('checkIntegerIn', () => {
  it('checkIntegerIn(text, min, max) reads whole numbers in range, as students type them', () => {
    expect(checkIntegerIn('500', 1, 100_000)).toBe(500)
    expect(checkIntegerIn('１０００', 1, 100_000)).toBe(1000)
    expect(checkIntegerIn('1e5', 1, 100_000)).toBe(100_000)
    expect(checkIntegerIn(' 42 ', 1, 100)).toBe(42)
  })

  it('checkIntegerIn(text, min, max) refuses fractions, out-of-range values and non-numbers instead of guessing', () => {
    expect(checkIntegerIn('12.5', 1, 100)).toBeNull()
    expect(checkIntegerIn('0', 1, 100)).toBeNull()
    expect(checkIntegerIn('101', 1, 100)).toBeNull()
    expect(checkIntegerIn('', 1, 100)).toBeNull()
    expect(checkIntegerIn('abc', 1, 100)).toBeNull()
  })
})
