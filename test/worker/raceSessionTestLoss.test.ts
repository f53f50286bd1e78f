import { describe, expect, it } from 'vitest'
import type { FromWorker, RaceStart } from '../../src/worker/protocol'
import { createRaceSession } from '../../src/worker/raceSession'
import { assertInDelta } from '../helpers/assertInDelta'
import { createFakeClock } from './fakeClock'

// L(w) of canyon-basin by hand; the testing loss is L(w − (0.3, 0)).
const train = (a: number, b: number): number =>
  1 -
  Math.exp(-((a + 1.5) ** 2 + b * b) / 2) -
  Math.exp(-((a - 1.5) ** 2 + b * b) / 0.08) +
  0.05 * (a * a + b * b)

function framesOf(surface: string) {
  const sent: FromWorker[] = []
  const start: RaceStart = {
    type: 'race.start',
    runId: 1,
    racers: [
      { id: 'r0', spec: { surface, optimizer: { kind: 'sgd', lr: 0.05 }, start: [1.3, 0.15], steps: 40 } },
    ],
    speed: 100,
    autoplay: false,
  }
  const session = createRaceSession(start, (m) => sent.push(m), createFakeClock())
  session.control({ runId: 1, type: 'race.toEnd' })
  return sent.flatMap((m) => (m.type === 'race.frames' ? m.racers : []))
}

describe('race frames carry the testing loss', () => {
  it('on canyon-basin every frame has testLoss = L(x − 0.3, y) at its points', () => {
    const frames = framesOf('canyon-basin')
    expect(frames.length).toBeGreaterThan(0)
    let points = 0
    for (const f of frames) {
      expect(f.testLoss).toHaveLength(f.count)
      for (let k = 0; k < f.count; k++)
        assertInDelta(f.testLoss![k], train(f.x[k] - 0.3, f.y[k]), 1e-12, `k ${k}`)
      points += f.count
    }
    expect(points).toBe(41)
  })

  it('a surface without a testing surface sends no testLoss', () => {
    for (const f of framesOf('booth')) expect(f.testLoss).toBeUndefined()
  })
})
