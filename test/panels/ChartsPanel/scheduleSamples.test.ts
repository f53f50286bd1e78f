import { describe, expect, it } from 'vitest'
import {
  groupScheduleCurves,
  sampleUpdates,
  scheduleFactor,
} from '../../../src/panels/ChartsPanel/scheduleSamples'

describe('sampleUpdates', () => {
  it('sampleUpdates(steps, width) returns every update when a step is at least a pixel wide', () => {
    expect(sampleUpdates(5, 300)).toEqual([0, 1, 2, 3, 4])
    expect(sampleUpdates(400, 400)).toHaveLength(400)
  })

  it('sampleUpdates(steps, width) puts at most one update in each pixel column, covers every column and ends at steps − 1', () => {
    for (const [steps, width] of [
      [401, 400],
      [100_000, 413.7],
      [1_000, 333],
      [99_999, 1920],
      [7, 3],
      [3, 2.5],
    ]) {
      const ts = sampleUpdates(steps, width)
      const columns = ts.map((t) => Math.floor((t * width) / steps))
      expect(ts[0]).toBe(0)
      expect(ts[ts.length - 1]).toBe(steps - 1)
      for (let i = 1; i < ts.length; i++) {
        expect(ts[i]).toBeGreaterThan(ts[i - 1])
        expect(columns[i], `steps ${steps} width ${width} sample ${i}`).toBeGreaterThan(columns[i - 1])
      }
      // Every column holds some update (a step is narrower than a pixel), so every column gets its sample.
      expect(ts.length).toBe(Math.floor(((steps - 1) * width) / steps) + 1)
      expect(ts.length).toBeLessThanOrEqual(Math.floor(width) + 1)
    }
  })

  it('sampleUpdates(steps, width) is empty without updates or without width', () => {
    expect(sampleUpdates(0, 100)).toEqual([])
    expect(sampleUpdates(10, 0)).toEqual([])
    expect(sampleUpdates(NaN, 100)).toEqual([])
    expect(sampleUpdates(1, 100)).toEqual([0])
  })
})

describe('scheduleFactor', () => {
  it('scheduleFactor(η, schedule, t) is η_t/η at the landmarks of the closed forms', () => {
    expect(scheduleFactor(0.05, { kind: 'constant' }, 123)).toBe(1)
    const step = { kind: 'step', stepSize: 100, gamma: 0.5 } as const
    expect(scheduleFactor(0.05, step, 99)).toBe(1)
    expect(scheduleFactor(0.05, step, 100)).toBeCloseTo(0.5, 15)
    expect(scheduleFactor(0.05, step, 250)).toBeCloseTo(0.25, 15)
    // Cosine to 0 over T = 100: (1 + cos(π/2))/2 = ½ halfway.
    expect(scheduleFactor(0.3, { kind: 'cosine', totalSteps: 100, final: 0 }, 50)).toBeCloseTo(0.5, 12)
    // Transformer warm-up with W = 4: min((t + 1)/W, √(W/(t + 1))).
    const warm = { kind: 'warmup-inverse-sqrt', warmupSteps: 4 } as const
    expect(scheduleFactor(1, warm, 0)).toBeCloseTo(0.25, 15)
    expect(scheduleFactor(1, warm, 3)).toBeCloseTo(1, 15)
    expect(scheduleFactor(1, warm, 15)).toBeCloseTo(0.5, 15)
    // The 2017 lecture's η/√(t + 1).
    expect(scheduleFactor(2, { kind: 'inverse-sqrt' }, 3)).toBeCloseTo(0.5, 15)
  })
})

describe('groupScheduleCurves', () => {
  it('groupScheduleCurves(racers, steps) draws one curve for racers on the same multiplicative schedule, whatever their η', () => {
    const exp = { kind: 'exponential', decay: 0.99, decaySteps: 1 } as const
    const curves = groupScheduleCurves(
      [
        { id: 'r0', lr: 0.01, schedule: exp },
        { id: 'r1', lr: 0.05, schedule: { ...exp } },
        { id: 'r2', lr: 0.05, schedule: { kind: 'step', stepSize: 100, gamma: 0.5 } },
      ],
      500,
    )
    expect(curves.map((c) => c.racerIds)).toEqual([['r0', 'r1'], ['r2']])
    expect(curves[0].base).toBe(0.01)
  })

  it('groupScheduleCurves(racers, steps) separates racers whose schedule has an absolute final η, since their factors differ', () => {
    const cosine = { kind: 'cosine', totalSteps: 100, final: 0.01 } as const
    const curves = groupScheduleCurves(
      [
        { id: 'r0', lr: 0.1, schedule: cosine },
        { id: 'r1', lr: 0.3, schedule: cosine },
        { id: 'r2', lr: 0.1, schedule: cosine },
      ],
      100,
    )
    expect(curves.map((c) => c.racerIds)).toEqual([['r0', 'r2'], ['r1']])
    // The factor at the end is final/η: 0.1 for η = 0.1, 1/30 for η = 0.3.
    expect(scheduleFactor(curves[0].base, cosine, 99)).toBeCloseTo(0.1, 3)
    expect(scheduleFactor(curves[1].base, cosine, 100)).toBeCloseTo(1 / 30, 12)
  })

  it('groupScheduleCurves(racers, steps) keeps schedules with different parameters apart', () => {
    const curves = groupScheduleCurves(
      [
        { id: 'r0', lr: 0.1, schedule: { kind: 'step', stepSize: 100, gamma: 0.5 } },
        { id: 'r1', lr: 0.1, schedule: { kind: 'step', stepSize: 101, gamma: 0.5 } },
      ],
      1000,
    )
    expect(curves).toHaveLength(2)
    expect(groupScheduleCurves([], 1000)).toEqual([])
  })
})
