import katex from 'katex'
import { describe, expect, it } from 'vitest'
import { assertInDelta } from '../../helpers/assertInDelta'
import { SpecError } from '../../../src/core/errors'
import {
  learningRate,
  scheduleKinds,
  schedules,
  validateScheduleSpec,
} from '../../../src/core/schedules/index'
import type { ScheduleSpec } from '../../../src/core/types'

const at = (base: number, s: ScheduleSpec | undefined, ts: number[]) =>
  ts.map((t) => learningRate(base, s, t))

describe('schedules registry', () => {
  it('schedules lists every kind of docs/conventions.md in display order', () => {
    expect(scheduleKinds).toEqual([
      'constant',
      'exponential',
      'step',
      'multistep',
      'polynomial',
      'cosine',
      'inverse-sqrt',
      'warmup-inverse-sqrt',
      'cosine-restarts',
      'plateau',
    ])
  })

  for (const kind of scheduleKinds) {
    it(`${kind}: names, formula, and defaults that pass validation and lie inside the sliders`, () => {
      const entry = schedules[kind]
      expect(entry.id).toBe(kind)
      expect(entry.name.en.length * entry.name.zh.length).toBeGreaterThan(0)
      expect(entry.formula).toMatch(/\\eta/)
      for (const t of [entry.formula, ...entry.params.map((p) => p.tex)]) {
        expect(() => katex.renderToString(t, { throwOnError: true }), t).not.toThrow()
      }
      expect(validateScheduleSpec(entry.defaults)).toEqual(entry.defaults)
      for (const p of entry.params) {
        expect((entry.defaults as Record<string, unknown>)[p.key]).toBe(p.default)
        expect(p.default).toBeGreaterThanOrEqual(p.min)
        expect(p.default).toBeLessThanOrEqual(p.max)
      }
      if (kind !== 'plateau') expect(learningRate(0.3, entry.defaults, 0)).toBeGreaterThanOrEqual(0)
    })
  }
})

describe('learningRate', () => {
  it('learningRate(base, undefined, t) and constant are η for every t', () => {
    expect(at(0.3, undefined, [0, 1, 99999])).toEqual([0.3, 0.3, 0.3])
    expect(at(0.3, { kind: 'constant' }, [0, 1, 99999])).toEqual([0.3, 0.3, 0.3])
  })

  it('exponential reproduces the PKU course table: 0.2, 0.198, 0.19602, …, 0.07394592752994529 at t = 99', () => {
    const s: ScheduleSpec = { kind: 'exponential', decay: 0.99, decaySteps: 1 }
    assertInDelta(at(0.2, s, [0, 1, 2, 3]), [0.2, 0.198, 0.19602, 0.1940598], 1e-15)
    assertInDelta(learningRate(0.2, s, 99), 0.07394592752994529, 1e-15)
  })

  it('exponential with staircase floors the exponent: η·0.5^⌊t/10⌋', () => {
    const s: ScheduleSpec = { kind: 'exponential', decay: 0.5, decaySteps: 10, staircase: true }
    expect(at(1, s, [0, 9, 10, 19, 20, 25])).toEqual([1, 1, 0.5, 0.5, 0.25, 0.25])
    assertInDelta(learningRate(1, { ...s, staircase: false }, 5), Math.SQRT1_2, 1e-15)
  })

  it('step (PyTorch StepLR, stepSize 30, γ 0.1) drops exactly at t = 30, 60', () => {
    assertInDelta(
      at(1, { kind: 'step', stepSize: 30, gamma: 0.1 }, [0, 29, 30, 59, 60]),
      [1, 1, 0.1, 0.1, 0.01],
      1e-17,
    )
  })

  it('multistep (PyTorch MultiStepLR, milestones [30, 80], γ 0.1) drops exactly at each milestone', () => {
    const s: ScheduleSpec = { kind: 'multistep', milestones: [30, 80], gamma: 0.1 }
    assertInDelta(at(0.05, s, [0, 29, 30, 79, 80, 10000]), [0.05, 0.05, 0.005, 0.005, 0.0005, 0.0005], 1e-17)
  })

  it('polynomial is (η − final)(1 − min(t, T)/T)^p + final, final from t = T on', () => {
    // PyTorch PolynomialLR(total_iters = 4, power = 1): 1, 0.75, 0.5, 0.25, 0, 0.
    expect(at(1, { kind: 'polynomial', totalSteps: 4, power: 1 }, [0, 1, 2, 3, 4, 5])).toEqual([
      1, 0.75, 0.5, 0.25, 0, 0,
    ])
    // (1.1 − 0.1)·(1 − 50/100)² + 0.1 = 0.35.
    const s: ScheduleSpec = { kind: 'polynomial', totalSteps: 100, power: 2, final: 0.1 }
    assertInDelta(at(1.1, s, [0, 50, 100, 200]), [1.1, 0.35, 0.1, 0.1], 1e-15)
  })

  it('cosine (d2l, T = 20, η = 0.3, final = 0.01) is 0.3 at t = 0, 0.155 at t = 10 and 0.01 from t = 20 on', () => {
    const s: ScheduleSpec = { kind: 'cosine', totalSteps: 20, final: 0.01 }
    // t = 10: 0.01 + 0.29·(1 + cos(π/2))/2 = 0.155.
    assertInDelta(at(0.3, s, [0, 10, 20, 21, 1000]), [0.3, 0.155, 0.01, 0.01, 0.01], 1e-15)
  })

  it('cosine with W = 5 warm-up rises linearly from 0 to 0.3 at t = 5, then anneals to 0.01 at t = 20', () => {
    const s: ScheduleSpec = { kind: 'cosine', totalSteps: 20, final: 0.01, warmupSteps: 5 }
    assertInDelta(at(0.3, s, [0, 1, 2, 3, 4, 5]), [0, 0.06, 0.12, 0.18, 0.24, 0.3], 1e-15)
    // After the warm-up, the cosine runs over t − W ∈ [0, T − W] = [0, 15].
    assertInDelta(learningRate(0.3, s, 20), 0.01, 1e-15)
    assertInDelta(learningRate(0.3, s, 6), 0.01 + (0.29 * (1 + Math.cos(Math.PI / 15))) / 2, 1e-15)
    assertInDelta(learningRate(0.3, { ...s, warmupBegin: 0.1 }, 1), 0.14, 1e-15)
  })

  it('inverse-sqrt is η/√(t + 1): η, η/2 at t = 3, η/10 at t = 99', () => {
    assertInDelta(at(0.5, { kind: 'inverse-sqrt' }, [0, 3, 99]), [0.5, 0.25, 0.05], 1e-16)
  })

  it('warmup-inverse-sqrt (W = 4) rises to η at t + 1 = W, then decays as √(W/(t + 1))', () => {
    const s: ScheduleSpec = { kind: 'warmup-inverse-sqrt', warmupSteps: 4 }
    assertInDelta(at(1, s, [0, 1, 2, 3, 15, 99]), [0.25, 0.5, 0.75, 1, 0.5, 0.2], 1e-16)
  })

  it('cosine-restarts matches PyTorch CosineAnnealingWarmRestarts stepped one epoch at a time', () => {
    // PyTorch's step(): T_cur += 1; if T_cur ≥ T_i: T_cur −= T_i, T_i *= T_mult.
    for (const [t0, tMult, final] of [
      [10, 1, 0],
      [10, 2, 0.001],
      [3, 3, 0.01],
    ]) {
      const s: ScheduleSpec = { kind: 'cosine-restarts', t0, tMult, final }
      let cur = 0
      let period = t0
      for (let t = 0; t < 200; t++) {
        const expected = final + ((0.1 - final) * (1 + Math.cos((Math.PI * cur) / period))) / 2
        assertInDelta(learningRate(0.1, s, t), expected, 1e-16, `T0 ${t0} Tmult ${tMult} t ${t}`)
        cur += 1
        if (cur >= period) {
          cur -= period
          period *= tMult
        }
      }
    }
  })

  it('cosine-restarts (T₀ = 10, T_mult = 2) restarts at t = 10, 30, 70 and is half way at t = 5, 20', () => {
    const s: ScheduleSpec = { kind: 'cosine-restarts', t0: 10, tMult: 2 }
    assertInDelta(at(1, s, [0, 5, 10, 20, 30, 70]), [1, 0.5, 1, 0.5, 1, 1], 1e-15)
  })

  it('learningRate with a plateau schedule throws: it needs a loss', () => {
    expect(() => learningRate(0.1, { kind: 'plateau', factor: 0.1, patience: 10 }, 0)).toThrow(
      /schedule\.kind must be a schedule of the step index alone \(plateau needs the loss: use createPlateauScheduler\)/,
    )
  })
})

describe('validateScheduleSpec', () => {
  const fails = (spec: unknown, field: string, message: RegExp, allowPlateau = true) => {
    let error: unknown
    try {
      validateScheduleSpec(spec, 'schedule', allowPlateau)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(SpecError)
    expect((error as SpecError).field).toBe(field)
    expect((error as SpecError).message).toMatch(message)
  }

  it('validateScheduleSpec returns a clean copy without unknown keys', () => {
    expect(validateScheduleSpec({ kind: 'step', stepSize: 3, gamma: 0.5, note: 'x' })).toEqual({
      kind: 'step',
      stepSize: 3,
      gamma: 0.5,
    })
  })

  it('validateScheduleSpec names the field and its allowed values', () => {
    fails({ kind: 'linear' }, 'schedule.kind', /one of 'constant', 'exponential', .* \(got 'linear'\)/)
    fails(
      { kind: 'exponential', decay: 0, decaySteps: 1 },
      'schedule.decay',
      /^schedule\.decay must be a number in \(0, 1\] \(got 0\)$/,
    )
    fails({ kind: 'exponential', decay: 0.9, decaySteps: 0 }, 'schedule.decaySteps', /> 0/)
    fails(
      { kind: 'exponential', decay: 0.9, decaySteps: 1, staircase: 'yes' },
      'schedule.staircase',
      /true or false/,
    )
    fails({ kind: 'step', stepSize: 2.5, gamma: 0.1 }, 'schedule.stepSize', /an integer ≥ 1 \(got 2\.5\)/)
    fails({ kind: 'multistep', milestones: 30, gamma: 0.1 }, 'schedule.milestones', /array/)
    fails({ kind: 'multistep', milestones: [30, 20], gamma: 0.1 }, 'schedule.milestones[1]', /> 30/)
    fails({ kind: 'multistep', milestones: [30, -1], gamma: 0.1 }, 'schedule.milestones[1]', /integer ≥ 0/)
    fails({ kind: 'polynomial', totalSteps: 10, power: 0 }, 'schedule.power', /> 0/)
    fails({ kind: 'cosine', totalSteps: 20, warmupSteps: 20 }, 'schedule.warmupSteps', /0\.\.19/)
    fails({ kind: 'cosine', totalSteps: 20, final: -0.1 }, 'schedule.final', /≥ 0/)
    fails({ kind: 'warmup-inverse-sqrt', warmupSteps: 0 }, 'schedule.warmupSteps', /≥ 1/)
    fails({ kind: 'cosine-restarts', t0: 10, tMult: 1.5 }, 'schedule.tMult', /integer/)
    fails({ kind: 'plateau', factor: 1, patience: 3 }, 'schedule.factor', /\(0, 1\)/)
    fails({ kind: 'plateau', factor: 0.1, patience: 3 }, 'schedule.kind', /plateau needs a loss/, false)
  })
})
