import { describe, expect, it } from 'vitest'
import * as core from '../../src/core/limits'
import { LIMITS, MAX_RACERS } from '../../src/state/limits'
import { parseMessage } from '../../src/worker/parseMessage'

const spec = { surface: 'booth', optimizer: { kind: 'sgd', lr: 0.01 }, start: [0, 0], steps: 10 }
const raceStart = (racers: number, speed = 10) => ({
  type: 'race.start',
  runId: 1,
  racers: Array.from({ length: racers }, (_, i) => ({ id: `r${i}`, spec })),
  speed,
  autoplay: false,
})

describe('one set of limits for the store and the worker (core/limits.ts)', () => {
  it('the store offers as many racers as the worker accepts: MAX_RACERS = 6 on both sides', () => {
    expect(MAX_RACERS).toBe(6)
    expect(MAX_RACERS).toBe(core.MAX_RACERS)
    expect(parseMessage(raceStart(MAX_RACERS)).ok).toBe(true)
    const refused = parseMessage(raceStart(MAX_RACERS + 1))
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.problem.field).toBe('racers')
  })

  it("the store's speed range is the one the worker checks", () => {
    expect([LIMITS.speed.min, LIMITS.speed.max]).toEqual([core.MIN_SPEED, core.MAX_SPEED])
    expect(parseMessage(raceStart(1, LIMITS.speed.max)).ok).toBe(true)
    expect(parseMessage(raceStart(1, LIMITS.speed.min)).ok).toBe(true)
    expect(parseMessage(raceStart(1, LIMITS.speed.max + 1)).ok).toBe(false)
    expect(parseMessage(raceStart(1, LIMITS.speed.min / 2)).ok).toBe(false)
  })

  it("the store's steps stay inside the core's trajectory domain", () => {
    expect(LIMITS.steps.max).toBe(core.MAX_RACE_STEPS)
    expect(core.MAX_RACE_STEPS).toBeLessThanOrEqual(core.MAX_STEPS)
  })
})
