import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { stepScheduleKinds, validateScheduleSpec } from '../../src/core/schedules'
import {
  defaultSchedule,
  normalizeSchedule,
  SCHEDULE_KINDS,
  SCHEDULE_RULES,
} from '../../src/state/scheduleRules'
import { formatSchedule, parseSchedule } from '../../src/state/url/scheduleCodec'
import { scheduleArb } from './settingsArbitrary'

describe('scheduleRules', () => {
  it('SCHEDULE_KINDS are the registry kinds a trajectory accepts (all but plateau)', () => {
    expect(SCHEDULE_KINDS).toEqual(stepScheduleKinds)
    expect(SCHEDULE_KINDS).not.toContain('plateau')
  })

  it('defaultSchedule(kind, steps) is valid for the core for every kind and race length', () => {
    for (const kind of SCHEDULE_KINDS)
      for (const steps of [1, 2, 7, 500, 100_000]) {
        const s = defaultSchedule(kind, steps)
        expect(validateScheduleSpec(s, 'schedule', false), `${kind} ${steps}`).toEqual(s)
        expect(normalizeSchedule(s)).toEqual(s)
      }
  })

  it('defaultSchedule spans the race: cosine and polynomial over all steps, 10 % warm-up', () => {
    expect(defaultSchedule('cosine', 500)).toEqual({ kind: 'cosine', totalSteps: 500, final: 0 })
    expect(defaultSchedule('warmup-inverse-sqrt', 500)).toEqual({
      kind: 'warmup-inverse-sqrt',
      warmupSteps: 50,
    })
    expect(defaultSchedule('multistep', 400)).toEqual({
      kind: 'multistep',
      milestones: [200, 300],
      gamma: 0.1,
    })
  })

  it('normalizeSchedule(s) returns valid schedules unchanged and formatSchedule/parseSchedule round-trip them', () => {
    fc.assert(
      fc.property(scheduleArb, (s) => {
        expect(normalizeSchedule(s)).toStrictEqual(s)
        expect(parseSchedule(formatSchedule(s))).toStrictEqual(s)
      }),
      { numRuns: 500 },
    )
  })

  it('normalizeSchedule(s, clamp) clamps numbers into range but still refuses what cannot be fixed', () => {
    expect(normalizeSchedule({ kind: 'step', stepSize: 0, gamma: 2 }, true)).toEqual({
      kind: 'step',
      stepSize: 1,
      gamma: 1,
    })
    expect(normalizeSchedule({ kind: 'step', stepSize: 0, gamma: 2 })).toBeUndefined()
    expect(normalizeSchedule({ kind: 'exponential', decay: 0, decaySteps: 1 }, true)).toBeUndefined()
    expect(normalizeSchedule({ kind: 'polynomial', totalSteps: 10, power: NaN }, true)).toBeUndefined()
  })

  it('normalizeSchedule refuses junk: missing fields, wrong types, plateau, prototype tricks', () => {
    const bad: unknown[] = [
      null,
      42,
      'constant',
      {},
      { kind: 'plateau', factor: 0.5, patience: 2 },
      { kind: 'step', gamma: 0.5 },
      { kind: 'exponential', decay: 0.9, decaySteps: 1, staircase: 'yes' },
      { kind: 'multistep', milestones: 'a', gamma: 0.1 },
      { kind: 'multistep', milestones: [], gamma: 0.1 },
      { kind: 'multistep', milestones: Array.from({ length: 33 }, (_, i) => i), gamma: 0.1 },
      Object.create({ kind: 'constant' }),
      JSON.parse('{"__proto__": {"kind": "constant"}}'),
    ]
    for (const b of bad) expect(normalizeSchedule(b, true), JSON.stringify(b)).toBeUndefined()
  })

  it('normalizeSchedule drops unknown fields and orders the rest canonically', () => {
    expect(
      normalizeSchedule({ warmupSteps: 3, extra: 1, kind: 'cosine', totalSteps: 9 } as never),
    ).toStrictEqual({
      kind: 'cosine',
      totalSteps: 9,
      warmupSteps: 3,
    })
  })

  it('every field of SCHEDULE_RULES is a field the registry validator keeps', () => {
    for (const kind of SCHEDULE_KINDS) {
      const full = defaultSchedule(kind, 100) as unknown as Record<string, unknown>
      for (const field of SCHEDULE_RULES[kind].fields) {
        const v = field.type === 'boolean' ? true : field.type === 'list' ? [1, 2] : 1
        const spec = { ...full, [field.name]: v }
        expect(Object.keys(validateScheduleSpec(spec, 'schedule', false)), `${kind}.${field.name}`).toContain(
          field.name,
        )
      }
    }
  })
})
