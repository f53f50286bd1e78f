import fc from 'fast-check'
import { expect } from 'vitest'
import { optimizers, supportedConventions, validateOptimizerSpec } from '../../src/core/optimizers'
import { getScene, sceneIds } from '../../src/core/scenes/index'
import { validateScheduleSpec } from '../../src/core/schedules'
import { surfaceIds } from '../../src/core/surfaces'
import type { OptimizerKind, OptimizerSpec, ScheduleSpec } from '../../src/core/types'
import { validateNoiseSpec, validateTrajectorySpec } from '../../src/core/validate'
import { buildRaceEntries } from '../../src/state/raceSpecs'
import type { RacerSettings, Settings } from '../../src/state/settings'

/**
 * Valid settings, written from the spec of the assignment and the core registry (not from the store's own
 * rule tables): coordinates within ±10⁶, 1..6 racers with distinct colour slots, every hyper-parameter the
 * registry says a convention reads, schedules with their documented domains.
 */

const strip = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined })

export const coordinate = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => v + 0)
const unitOpen = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }).map((v) => v + 0)
const factor = fc.double({ min: 0, max: 1, minExcluded: true, noNaN: true })
const rate = fc.double({ min: 0, max: 1e4, noNaN: true }).map((v) => v + 0)
const steps = fc.integer({ min: 1, max: 1_000_000 })

const paramArb: Record<string, fc.Arbitrary<number>> = {
  momentum: unitOpen,
  rho: unitOpen,
  beta1: unitOpen,
  beta2: unitOpen,
  eps: fc.double({ min: 0, max: 1, noNaN: true }).map((v) => v + 0),
  initialAccumulator: fc.double({ min: 0, max: 1e6, noNaN: true }).map((v) => v + 0),
  weightDecay: fc.double({ min: 0, max: 100, noNaN: true }).map((v) => v + 0),
}

export const optimizerArb: fc.Arbitrary<OptimizerSpec> = fc
  .constantFrom(...(Object.keys(optimizers) as OptimizerKind[]))
  .chain((kind) => fc.constantFrom(...supportedConventions(kind)).map((convention) => ({ kind, convention })))
  .chain(({ kind, convention }) => {
    const reads = optimizers[kind].conventions[convention]!.hyperParams.map((p) => p.key).filter(
      (k) => k !== 'lr',
    )
    const params = Object.fromEntries(reads.map((k) => [k, opt(paramArb[k])]))
    return fc
      .record({
        lr: fc.double({ min: 0, max: 1e4, minExcluded: true, noNaN: true }),
        params: fc.record(params),
      })
      .map(({ lr, params }) => strip({ kind, convention, lr, ...params }) as OptimizerSpec)
  })

export const scheduleArb: fc.Arbitrary<Exclude<ScheduleSpec, { kind: 'plateau' }>> = fc.oneof(
  fc.constant({ kind: 'constant' as const }),
  fc.constant({ kind: 'inverse-sqrt' as const }),
  fc
    .record({
      decay: factor,
      decaySteps: fc.double({ min: 0, max: 1e6, minExcluded: true, noNaN: true }),
      staircase: opt(fc.boolean()),
    })
    .map((p) => strip({ kind: 'exponential' as const, ...p })),
  fc.record({ stepSize: steps, gamma: factor }).map((p) => ({ kind: 'step' as const, ...p })),
  fc
    .record({
      milestones: fc
        .uniqueArray(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 32 })
        .map((m) => m.sort((a, b) => a - b)),
      gamma: factor,
    })
    .map((p) => ({ kind: 'multistep' as const, ...p })),
  fc
    .record({
      totalSteps: steps,
      power: fc.double({ min: 0, max: 100, minExcluded: true, noNaN: true }),
      final: opt(rate),
    })
    .map((p) => strip({ kind: 'polynomial' as const, ...p })),
  steps.chain((totalSteps) =>
    fc
      .record({
        final: opt(rate),
        warmupSteps: opt(fc.integer({ min: 0, max: totalSteps - 1 })),
        warmupBegin: opt(rate),
      })
      .map((p) => strip({ kind: 'cosine' as const, totalSteps, ...p })),
  ),
  fc.record({ warmupSteps: steps }).map((p) => ({ kind: 'warmup-inverse-sqrt' as const, ...p })),
  fc
    .record({ t0: steps, tMult: opt(fc.integer({ min: 1, max: 100 })), final: opt(rate) })
    .map((p) => strip({ kind: 'cosine-restarts' as const, ...p })),
)

const racersArb: fc.Arbitrary<RacerSettings[]> = fc
  .shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 1 })
  .chain((colors) =>
    fc.tuple(
      ...colors.map((color) =>
        fc
          .record({
            optimizer: optimizerArb,
            schedule: fc.option(scheduleArb, { nil: null }),
            hidden: fc.boolean(),
            batch: opt(fc.integer({ min: 1, max: 100_000 })),
          })
          .map((r) => strip({ id: `r${color}`, color, ...r })),
      ),
    ),
  )

const extentArb = fc
  .tuple(coordinate, coordinate, coordinate, coordinate)
  .filter(([a, b, c, d]) => a !== b && c !== d)
  .map(([a, b, c, d]) => ({
    x: [Math.min(a, b), Math.max(a, b)] as [number, number],
    y: [Math.min(c, d), Math.max(c, d)] as [number, number],
  }))

export const settingsArb: fc.Arbitrary<Settings> = fc
  .record({
    surfaceId: fc.constantFrom(...surfaceIds),
    view: fc.option(extentArb, { nil: null }),
    start: fc.tuple(coordinate, coordinate),
    racers: racersArb,
    schedule: scheduleArb,
    noise: fc
      .record({
        std: fc.double({ min: 0, max: 1000, noNaN: true }).map((v) => v + 0),
        seed: fc.integer({ min: 0, max: 0xffffffff }),
        annealSteps: opt(fc.integer({ min: 1, max: 1_000_000 })),
      })
      .map(strip),
    steps: fc.integer({ min: 1, max: 100_000 }),
    speed: fc.integer({ min: 1, max: 10_000 }),
    palette: fc.constantFrom('jet' as const, 'viridis' as const, 'cividis' as const),
    showArrows: fc.boolean(),
    language: fc.constantFrom('zh' as const, 'en' as const),
    count: opt(fc.constant('epochs' as const)),
    slice: opt(
      fc
        .tuple(coordinate, coordinate, coordinate, coordinate)
        .filter(([a, b, c, d]) => a !== c || b !== d)
        .map(([a, b, c, d]) => ({ from: [a, b] as [number, number], to: [c, d] as [number, number] })),
    ),
  })
  .map(strip)
  .chain((s) =>
    fc.constantFrom(...s.racers.map((r) => r.id)).map((selectedRacer) => ({ ...s, selectedRacer })),
  )

const finiteWithin = (v: unknown, bound: number) =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= bound

/** Asserts that settings are valid by the assignment's rules and that the core accepts every race spec. */
export function expectValidSettings(s: Settings): void {
  // Lecture mode's keys are present only when set: a scene of the registry with one of its cards, presenter on.
  const lecture = ['scene', 'card', 'presenter', 'count']
  if (s.scene !== undefined) {
    expect(sceneIds).toContain(s.scene)
    expect(Number.isInteger(s.card) && s.card! >= 0 && s.card! < getScene(s.scene).cards.length).toBe(true)
  } else expect('card' in s).toBe(false)
  if ('presenter' in s) expect(s.presenter).toBe(true)
  if ('count' in s) expect(s.count).toBe('epochs')
  // The embedded view (embed=1) is present only when on: one of the panels and control sets, an exact origin.
  if ('embed' in s) {
    expect(['surface', 'surface3d', 'classifier', 'schedule']).toContain(s.embed!.panel)
    expect(['full', 'minimal', 'none']).toContain(s.embed!.controls)
    if (s.embed!.origin !== undefined) expect(s.embed!.origin).toMatch(/^https?:\/\/[a-z0-9.:[\]-]+$/)
  }
  // The 3D view's mode is present only when not the 2D map.
  if ('surfaceMode' in s) expect(['3d', 'both']).toContain(s.surfaceMode)
  // The slice tool's line is present only while the tool is open: two distinct end points within the limits.
  if ('slice' in s) {
    const v = [...s.slice!.from, ...s.slice!.to]
    expect(v.every((x) => finiteWithin(x, 1e6))).toBe(true)
    expect(v[0] !== v[2] || v[1] !== v[3]).toBe(true)
  }
  const keys = Object.keys(s).filter(
    (k) => !lecture.includes(k) && k !== 'embed' && k !== 'surfaceMode' && k !== 'slice',
  )
  expect(keys.sort()).toEqual(
    [
      'language',
      'noise',
      'palette',
      'racers',
      'schedule',
      'selectedRacer',
      'showArrows',
      'speed',
      'start',
      'steps',
      'surfaceId',
      'view',
    ].sort(),
  )
  expect(surfaceIds).toContain(s.surfaceId)
  if (s.view !== null) {
    const { x, y } = s.view
    expect([...x, ...y].every((v) => finiteWithin(v, 1e6))).toBe(true)
    expect(x[0] < x[1] && y[0] < y[1]).toBe(true)
  }
  expect(s.start).toHaveLength(2)
  expect(s.start.every((v) => finiteWithin(v, 1e6))).toBe(true)
  expect(s.racers.length).toBeGreaterThanOrEqual(1)
  expect(s.racers.length).toBeLessThanOrEqual(6)
  const colors = s.racers.map((r) => r.color)
  expect(new Set(colors).size).toBe(colors.length)
  for (const r of s.racers) {
    expect(
      Object.keys(r)
        .filter((k) => k !== 'batch')
        .sort(),
    ).toEqual(['color', 'hidden', 'id', 'optimizer', 'schedule'])
    if ('batch' in r) expect(Number.isInteger(r.batch) && r.batch! >= 1 && r.batch! <= 100_000).toBe(true)
    expect([0, 1, 2, 3, 4, 5]).toContain(r.color)
    expect(r.id).toBe(`r${r.color}`)
    expect(typeof r.hidden).toBe('boolean')
    expect(validateOptimizerSpec(r.optimizer)).toEqual(r.optimizer)
    expect(r.optimizer.lr).toBeLessThanOrEqual(1e4)
    if (r.schedule !== null) expect(validateScheduleSpec(r.schedule, 'schedule', false)).toEqual(r.schedule)
  }
  expect(s.racers.map((r) => r.id)).toContain(s.selectedRacer)
  expect(validateScheduleSpec(s.schedule, 'schedule', false)).toEqual(s.schedule)
  expect(validateNoiseSpec(s.noise)).toEqual(s.noise)
  expect(s.noise.std).toBeLessThanOrEqual(1000)
  expect(Number.isInteger(s.steps) && s.steps >= 1 && s.steps <= 100_000).toBe(true)
  expect(Number.isInteger(s.speed) && s.speed >= 1 && s.speed <= 10_000).toBe(true)
  expect(['jet', 'viridis', 'cividis']).toContain(s.palette)
  expect(typeof s.showArrows).toBe('boolean')
  expect(['zh', 'en']).toContain(s.language)
  for (const { spec } of buildRaceEntries(s)) expect(() => validateTrajectorySpec(spec)).not.toThrow()
}
