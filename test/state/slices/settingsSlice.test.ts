import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { optimizerKinds, supportedConventions, validateOptimizerSpec } from '../../../src/core/optimizers'
import { surfaces } from '../../../src/core/surfaces'
import type { OptimizerSpec } from '../../../src/core/types'
import { validateTrajectorySpec } from '../../../src/core/validate'
import { buildRaceEntries } from '../../../src/state/raceSpecs'
import { createAppStore } from '../../../src/state/store'
import { serializeUrl } from '../../../src/state/urlState'
import { createFakeDriver } from '../fakeDriver'

function setup() {
  const fake = createFakeDriver()
  const store = createAppStore({ driver: fake.driver, autoRestart: false })
  return { fake, store, s: () => store.getState(), settings: () => store.getState().settings }
}

describe('settingsSlice', () => {
  it('createAppStore() starts with the lecture saddle race: GD, momentum, RMSProp and Adam in the lecture convention', () => {
    const { settings } = setup()
    expect(settings()).toEqual({
      surfaceId: 'saddle',
      view: null,
      start: surfaces.saddle.start,
      racers: [
        {
          id: 'r0',
          color: 0,
          hidden: false,
          schedule: null,
          optimizer: { kind: 'sgd', convention: 'lecture', lr: 0.01 },
        },
        {
          id: 'r1',
          color: 1,
          hidden: false,
          schedule: null,
          optimizer: { kind: 'momentum', convention: 'lecture', lr: 0.05, momentum: 0.9 },
        },
        {
          id: 'r2',
          color: 2,
          hidden: false,
          schedule: null,
          optimizer: { kind: 'rmsprop', convention: 'lecture', lr: 0.05, rho: 0.9 },
        },
        {
          id: 'r3',
          color: 3,
          hidden: false,
          schedule: null,
          optimizer: { kind: 'adam', convention: 'lecture', lr: 0.05 },
        },
      ],
      selectedRacer: 'r0',
      schedule: { kind: 'constant' },
      noise: { std: 0, seed: 1 },
      steps: 500,
      speed: 100,
      palette: 'jet',
      showArrows: false,
      language: 'en',
    })
  })

  it('the default race passes the core edge check (validateTrajectorySpec) for every racer', () => {
    const { settings } = setup()
    for (const { spec } of buildRaceEntries(settings()))
      expect(() => validateTrajectorySpec(spec)).not.toThrow()
  })

  it("setSurface(id) switches surface and resets view and start to that surface's defaults", () => {
    const { s, settings } = setup()
    s().setView({ x: [0, 1], y: [0, 1] })
    s().setSurface('himmelblau')
    expect(settings().surfaceId).toBe('himmelblau')
    expect(settings().view).toBeNull()
    expect(settings().start).toEqual(surfaces.himmelblau.start)
    // A copy, so editing the start never reaches the registry.
    expect(settings().start).not.toBe(surfaces.himmelblau.start)
  })

  it('setSurface(id, {keepView, keepStart}) keeps what it is told to keep', () => {
    const { s, settings } = setup()
    s().setView({ x: [0, 1], y: [0, 1] })
    s().setStart([0.25, 0.5])
    s().setSurface('booth', { keepView: true, keepStart: true })
    expect(settings()).toMatchObject({
      surfaceId: 'booth',
      view: { x: [0, 1], y: [0, 1] },
      start: [0.25, 0.5],
    })
  })

  it('setSurface ignores ids that are not in the catalog, prototype keys included', () => {
    const { s, settings } = setup()
    const before = settings()
    for (const id of ['nope', '__proto__', 'constructor', 'toString', '', 'SADDLE']) s().setSurface(id)
    expect(settings()).toBe(before)
  })

  it('setStart clamps to ±10⁶, turns −0 into 0 and ignores non-finite coordinates', () => {
    const { s, settings } = setup()
    s().setStart([2e6, -3e7])
    expect(settings().start).toEqual([1e6, -1e6])
    s().setStart([-0, 1])
    expect(Object.is(settings().start[0], 0)).toBe(true)
    for (const bad of [NaN, Infinity, -Infinity]) s().setStart([bad, 0])
    expect(settings().start).toEqual([0, 1])
  })

  it('setView accepts x0 < x1, y0 < y1 and null, and ignores empty or inverted boxes', () => {
    const { s, settings } = setup()
    s().setView({ x: [-1, 1], y: [-2, 2] })
    expect(settings().view).toEqual({ x: [-1, 1], y: [-2, 2] })
    s().setView({ x: [1, 1], y: [0, 1] })
    s().setView({ x: [0, 1], y: [2, 1] })
    s().setView({ x: [0, NaN], y: [0, 1] })
    expect(settings().view).toEqual({ x: [-1, 1], y: [-2, 2] })
    s().setView(null)
    expect(settings().view).toBeNull()
  })

  it('addRacer() takes the lowest free colour, the first kind not yet racing, and selects it', () => {
    const { s, settings } = setup()
    s().addRacer()
    const added = settings().racers[4]
    expect(added).toEqual({
      id: 'r4',
      color: 4,
      hidden: false,
      schedule: null,
      optimizer: { kind: 'adagrad', convention: 'lecture', lr: 0.05 },
    })
    expect(settings().selectedRacer).toBe('r4')
    s().removeRacer('r1')
    s().addRacer({ kind: 'sgd', lr: 0.2 })
    expect(settings().racers.map((r) => r.id)).toEqual(['r0', 'r2', 'r3', 'r4', 'r1'])
    expect(settings().racers[4].optimizer).toEqual({ kind: 'sgd', convention: 'lecture', lr: 0.2 })
  })

  it('addRacer stops at 6 racers', () => {
    const { s, settings } = setup()
    for (let i = 0; i < 5; i++) s().addRacer()
    expect(settings().racers.map((r) => r.color)).toEqual([0, 1, 2, 3, 4, 5])
    expect(new Set(settings().racers.map((r) => r.optimizer.kind)).size).toBe(6)
  })

  it('removeRacer(id) removes it, moves the selection to a neighbour, and never removes the last racer', () => {
    const { s, settings } = setup()
    s().selectRacer('r1')
    s().removeRacer('r1')
    expect(settings().racers.map((r) => r.id)).toEqual(['r0', 'r2', 'r3'])
    expect(settings().selectedRacer).toBe('r2')
    s().removeRacer('r3')
    s().removeRacer('r0')
    expect(settings().selectedRacer).toBe('r2')
    s().removeRacer('r2')
    expect(settings().racers.map((r) => r.id)).toEqual(['r2'])
    s().removeRacer('nope')
    expect(settings().racers).toHaveLength(1)
  })

  it('duplicateRacer(id) inserts a visible deep copy after it in a new colour, up to 6', () => {
    const { s, settings } = setup()
    s().updateRacer('r1', { schedule: { kind: 'step', stepSize: 10, gamma: 0.5 }, hidden: true })
    s().duplicateRacer('r1')
    const [a, b] = settings().racers.slice(1, 3)
    expect(b).toEqual({ ...a, id: 'r4', color: 4, hidden: false })
    expect(b.optimizer).not.toBe(a.optimizer)
    expect(b.schedule).not.toBe(a.schedule)
    expect(settings().selectedRacer).toBe('r4')
    s().duplicateRacer('r0')
    s().duplicateRacer('r0')
    expect(settings().racers).toHaveLength(6)
    expect(settings().racers.map((r) => r.id)).toEqual(['r0', 'r5', 'r1', 'r4', 'r2', 'r3'])
  })

  it('updateRacer merges optimizer edits, clamps inclusive bounds and ignores values past exclusive ones', () => {
    const { s, settings } = setup()
    s().updateRacer('r1', { optimizer: { lr: 5e4 } })
    expect(settings().racers[1].optimizer).toEqual({
      kind: 'momentum',
      convention: 'lecture',
      lr: 1e4,
      momentum: 0.9,
    })
    for (const bad of [0, -1, NaN, Infinity]) s().updateRacer('r1', { optimizer: { lr: bad } })
    for (const bad of [1, 1.5, NaN]) s().updateRacer('r1', { optimizer: { momentum: bad } })
    s().updateRacer('r1', { optimizer: { momentum: -0.5 } })
    expect(settings().racers[1].optimizer).toEqual({
      kind: 'momentum',
      convention: 'lecture',
      lr: 1e4,
      momentum: 0,
    })
  })

  it('updateRacer with a parameter set to undefined returns it to the convention default', () => {
    const { s, settings } = setup()
    s().updateRacer('r1', { optimizer: { momentum: undefined } })
    expect(settings().racers[1].optimizer).toEqual({ kind: 'momentum', convention: 'lecture', lr: 0.05 })
  })

  it('updateRacer drops hyper-parameters the new convention does not read, and refuses conventions a kind lacks', () => {
    const { s, settings } = setup()
    s().updateRacer('r0', { optimizer: { kind: 'adagrad' } })
    s().updateRacer('r0', { optimizer: { convention: 'pytorch', eps: 1e-6 } })
    expect(settings().racers[0].optimizer).toEqual({
      kind: 'adagrad',
      convention: 'pytorch',
      lr: 0.05,
      eps: 1e-6,
    })
    // The lecture's Adagrad has no ε (docs/conventions.md).
    s().updateRacer('r0', { optimizer: { convention: 'lecture' } })
    expect(settings().racers[0].optimizer).toEqual({ kind: 'adagrad', convention: 'lecture', lr: 0.05 })
    // Nesterov exists only in PyTorch and TensorFlow.
    s().updateRacer('r0', { optimizer: { kind: 'nesterov', convention: 'lecture' } })
    expect(settings().racers[0].optimizer.convention).toBe('pytorch')
  })

  it('updateRacer to another kind starts from that kind’s defaults, and ignores unknown kinds', () => {
    const { s, settings } = setup()
    s().updateRacer('r1', { optimizer: { kind: 'adam' } })
    expect(settings().racers[1].optimizer).toEqual({ kind: 'adam', convention: 'lecture', lr: 0.05 })
    s().updateRacer('r1', { optimizer: { kind: 'lbfgs' as never } })
    expect(settings().racers[1].optimizer.kind).toBe('adam')
  })

  it('every racer after any sequence of optimizer patches is a spec the core accepts', () => {
    const kind = fc.constantFrom<string>(...optimizerKinds, 'lbfgs', '__proto__')
    const num = fc.oneof(fc.double(), fc.constantFrom(0, 1, -0, 0.5, 1e-8, 0.999), fc.constant(undefined))
    const patch = fc.record(
      {
        kind,
        convention: fc.constantFrom('lecture', 'pytorch', 'tensorflow', 'course', 'keras'),
        lr: num,
        momentum: num,
        rho: num,
        beta1: num,
        beta2: num,
        eps: num,
        initialAccumulator: num,
        weightDecay: num,
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(fc.array(patch, { maxLength: 8 }), (patches) => {
        const { s, settings } = setup()
        for (const p of patches) s().updateRacer('r0', { optimizer: p as Partial<OptimizerSpec> })
        const o = settings().racers[0].optimizer
        expect(validateOptimizerSpec(o)).toEqual(o)
        expect(supportedConventions(o.kind)).toContain(o.convention)
      }),
      { numRuns: 300 },
    )
  })

  it('updateRacer sets or clears the own schedule (clamped) and the hidden flag; toggleRacerHidden flips it', () => {
    const { s, settings } = setup()
    s().updateRacer('r2', { schedule: { kind: 'exponential', decay: 1.5, decaySteps: 1 } })
    expect(settings().racers[2].schedule).toEqual({ kind: 'exponential', decay: 1, decaySteps: 1 })
    s().updateRacer('r2', { schedule: { kind: 'plateau', factor: 0.5, patience: 3 } as never })
    expect(settings().racers[2].schedule).toEqual({ kind: 'exponential', decay: 1, decaySteps: 1 })
    s().updateRacer('r2', { schedule: null })
    expect(settings().racers[2].schedule).toBeNull()
    s().toggleRacerHidden('r2')
    expect(settings().racers[2].hidden).toBe(true)
    s().updateRacer('r2', { hidden: false })
    expect(settings().racers[2].hidden).toBe(false)
  })

  it('selectRacer(id) selects an existing racer only', () => {
    const { s, settings } = setup()
    s().selectRacer('r3')
    s().selectRacer('r9')
    expect(settings().selectedRacer).toBe('r3')
  })

  it('setSchedule keeps valid schedules (canonical) and ignores plateau and inconsistent ones', () => {
    const { s, settings } = setup()
    s().setSchedule({ kind: 'cosine', totalSteps: 100, warmupSteps: 10, final: 0.001 })
    expect(settings().schedule).toEqual({ kind: 'cosine', totalSteps: 100, final: 0.001, warmupSteps: 10 })
    s().setSchedule({ kind: 'cosine', totalSteps: 100, warmupSteps: 100 })
    s().setSchedule({ kind: 'multistep', milestones: [200, 100], gamma: 0.1 })
    s().setSchedule({ kind: 'plateau', factor: 0.5, patience: 3 } as never)
    s().setSchedule({ kind: 'nope' } as never)
    expect(settings().schedule).toEqual({ kind: 'cosine', totalSteps: 100, final: 0.001, warmupSteps: 10 })
  })

  it('setNoise clamps std to [0, 1000] and the seed to a uint32, and sets or clears annealing', () => {
    const { s, settings } = setup()
    s().setNoise({ std: 0.5, seed: 42.4, annealSteps: 3000 })
    expect(settings().noise).toEqual({ std: 0.5, seed: 42, annealSteps: 3000 })
    s().setNoise({ std: -1, seed: 2 ** 40 })
    expect(settings().noise).toEqual({ std: 0, seed: 4294967295, annealSteps: 3000 })
    s().setNoise({ std: NaN, annealSteps: NaN })
    expect(settings().noise).toEqual({ std: 0, seed: 4294967295, annealSteps: 3000 })
    s().setNoise({ annealSteps: undefined })
    expect(settings().noise).toEqual({ std: 0, seed: 4294967295 })
  })

  it('setSteps and setSpeed round and clamp to 1..100,000 and 1..10,000', () => {
    const { s, settings } = setup()
    s().setSteps(0)
    s().setSpeed(0.2)
    expect([settings().steps, settings().speed]).toEqual([1, 1])
    s().setSteps(1e9)
    s().setSpeed(1e9)
    expect([settings().steps, settings().speed]).toEqual([100_000, 10_000])
    s().setSteps(2.6)
    s().setSpeed(NaN)
    expect([settings().steps, settings().speed]).toEqual([3, 10_000])
  })

  it('setPalette, setShowArrows and setLanguage ignore values outside their sets', () => {
    const { s, settings } = setup()
    s().setPalette('viridis')
    s().setPalette('hot' as never)
    s().setShowArrows(true)
    s().setShowArrows('yes' as never)
    s().setLanguage('zh')
    s().setLanguage('fr' as never)
    expect(settings()).toMatchObject({ palette: 'viridis', showArrows: true, language: 'zh' })
  })

  it('setColors picks the canvases’ colour profile, undefined follows presenter mode again, and the link keeps it', () => {
    const { s, settings } = setup()
    expect(settings().colors).toBeUndefined()
    s().setColors('projector')
    expect(settings().colors).toBe('projector')
    s().setColors('neon' as never)
    expect(settings().colors).toBe('projector')
    expect(serializeUrl(settings())).toContain('colors=projector')
    s().setColors(undefined)
    expect('colors' in settings()).toBe(false)
    expect(serializeUrl(settings())).not.toContain('colors=')
  })

  it('loadUrl(query) replaces the settings and reports what it ignored', () => {
    const { s, settings } = setup()
    const notices = s().loadUrl('?s=himmelblau&steps=abc&r=adam(pytorch,lr:0.1)')
    expect(settings().surfaceId).toBe('himmelblau')
    expect(settings().racers).toEqual([
      {
        id: 'r0',
        color: 0,
        hidden: false,
        schedule: null,
        optimizer: { kind: 'adam', convention: 'pytorch', lr: 0.1 },
      },
    ])
    expect(settings().steps).toBe(500)
    expect(notices).toEqual([{ key: 'steps', message: 'notice.invalidValue' }])
  })

  it('loadSettings(settings) applies the URL checks: a NaN start falls back to the surface start', () => {
    const { s, settings } = setup()
    const next = { ...settings(), steps: 42, start: [NaN, 1] as [number, number] }
    const notices = s().loadSettings(next)
    expect(settings().steps).toBe(42)
    expect(settings().start).toEqual(surfaces.saddle.start)
    expect(notices).toEqual([{ key: 'start', message: 'notice.invalidValue' }])
  })
})
