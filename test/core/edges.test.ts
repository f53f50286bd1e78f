import { describe, expect, it } from 'vitest'
import {
  SpecError,
  applySceneAction,
  classifierConfigOf,
  createOptimizer,
  generateDataset,
  getScene,
  initialSetup,
  lossHessian,
  maxCurvature,
  sampleGrid,
  stabilityLimit,
  validateOptimizerSpec,
} from '../../src/core/index'
import { describeValue } from '../../src/core/errors'
import { eigenSym2 } from '../../src/core/math/mat2'

/** The SpecError `f` throws (fails the test when it throws anything else or nothing). */
function specError(f: () => unknown): SpecError {
  try {
    f()
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError)
    return e as SpecError
  }
  throw new Error('expected a SpecError')
}

describe('core edges (#11): a SpecError naming the field, never a TypeError, NaN, ∞ or a wall of text', () => {
  it('describeValue clips a quoted string to 40 characters and a list to 8 elements', () => {
    expect(describeValue('adam')).toBe("'adam'")
    expect(describeValue('x'.repeat(5000))).toBe(`'${'x'.repeat(40)}…' (5,000 characters)`)
    // A surrogate pair is not cut in half.
    expect(describeValue('a'.repeat(39) + '😀' + 'b')).toBe(`'${'a'.repeat(39)}…' (42 characters)`)
    expect(describeValue([1, 2, 3])).toBe('[1, 2, 3]')
    expect(describeValue(Array.from({ length: 100_000 }, (_, i) => i))).toBe(
      '[0, 1, 2, 3, 4, 5, 6, 7, … 99,992 more]',
    )
    const message = specError(() => validateOptimizerSpec({ kind: 'y'.repeat(1_000_000), lr: 0.1 })).message
    expect(message.length).toBeLessThan(300)
  })

  it('createOptimizer refuses n above 10⁷ instead of allocating gigabytes', () => {
    expect(specError(() => createOptimizer({ kind: 'adam', lr: 0.1 }, 1e300)).field).toBe('n')
    expect(specError(() => createOptimizer({ kind: 'adam', lr: 0.1 }, 2 ** 31)).field).toBe('n')
    expect(createOptimizer({ kind: 'sgd', lr: 0.1 }, 1000).spec.kind).toBe('sgd')
  })

  it('sampleGrid refuses a surface that is neither an id nor an object with f', () => {
    for (const surface of [null, 5, {}, { f: 1 }])
      expect(specError(() => sampleGrid(surface as never, { x: [-1, 1], y: [-1, 1] }, 4)).field).toBe(
        'surface',
      )
  })

  it('maxCurvature / stabilityLimit check `at` and refuse points where H overflows', () => {
    for (const at of [null, [1], [NaN, 0], [0, Infinity], ['1', 2]])
      expect(specError(() => maxCurvature('saddle', at as never)).field).toBe('at')
    expect(specError(() => stabilityLimit('rosenbrock', [1e200, 1e200])).field).toBe('at')
    // Rosenbrock's H at (1, 1) is [[802, −400], [−400, 200]] (from its definition), λ_max = 501 + √250601.
    expect(maxCurvature('rosenbrock', [1, 1])).toBeCloseTo(501 + Math.sqrt(250_601), 9)
  })

  it('eigenSym2 decomposes entries near the largest double without NaN', () => {
    const max = Number.MAX_VALUE
    expect(eigenSym2(max, 0, 1).values).toEqual([1, max])
    expect(eigenSym2(-max, 0, -max).values).toEqual([-max, -max])
    // A sum past the largest double is ∞, not NaN.
    expect(eigenSym2(max, max, max).values[1]).toBe(Infinity)
  })

  it('applySceneAction checks the action, its numbers and nested sequences', () => {
    const setup = initialSetup(getScene('saddle-escape'))
    const field = (action: unknown) => specError(() => applySceneAction(setup, action as never)).field
    expect(field(null)).toBe('action')
    expect(field({ type: 'fly' })).toBe('action.type')
    expect(field({ type: 'setStart', start: [Infinity, 0] })).toBe('action.start')
    expect(field({ type: 'setLambda', lambda: Infinity })).toBe('action.lambda')
    expect(field({ type: 'escape', distance: 1e300 })).toBe('action.distance')
    expect(field({ type: 'setRacer', index: 0, patch: { lr: -1 } })).toBe('action.patch.lr')
    expect(field({ type: 'setRacer', index: 0, patch: null })).toBe('action.patch')
    expect(field({ type: 'setSchedule', schedule: { kind: 'plateau', factor: 0.5, patience: 2 } })).toBe(
      'action.schedule.kind',
    )
    expect(field({ type: 'setNoise', noise: { std: 0.1, seed: -1 } })).toBe('action.noise.seed')
    expect(field({ type: 'sequence', actions: [{ type: 'play' }, { type: 'setStart' }] })).toBe(
      'action.actions[1].start',
    )
    expect(applySceneAction(setup, { type: 'setStart', start: [0.5, 0.25] }).start).toEqual([0.5, 0.25])
  })

  it('classifierConfigOf checks the preset and λ', () => {
    expect(specError(() => classifierConfigOf({ preset: 'nope' } as never)).field).toBe('classifier.preset')
    expect(specError(() => classifierConfigOf(null as never)).field).toBe('classifier')
    expect(specError(() => classifierConfigOf({ preset: 'course', lambda: Infinity })).field).toBe(
      'classifier.lambda',
    )
    expect(classifierConfigOf({ preset: 'course', lambda: 0.03 }).regularization).toEqual({
      kind: 'l2',
      lambda: 0.03,
    })
  })

  it('generateDataset bounds the noise, and lossHessian checks its options', () => {
    expect(specError(() => generateDataset('circle', 20, Number.MAX_VALUE, 1)).field).toBe('noise')
    expect(generateDataset('circle', 20, 1e6, 1).x.every(Number.isFinite)).toBe(true)
    const config = {
      layers: [2, 2, 1],
      activation: 'relu',
      output: 'linear',
      loss: 'mse',
      optimizer: { kind: 'sgd', lr: 0.05 },
      batchSize: 4,
      epochs: 1,
      shuffle: false,
      seed: 3,
      regularization: { kind: 'none' },
      init: { kind: 'normal', seed: 1 },
    } as const
    const data = generateDataset('circle', 24, 0.1, 1)
    const weights = [
      {
        W: [
          [0.1, 0.2],
          [0.3, -0.1],
        ],
        b: [0, 0.01],
      },
      { W: [[0.5], [-0.5]], b: [0] },
    ]
    const hessian = (options: unknown) => lossHessian(config as never, data, weights, options as never)
    expect(specError(() => hessian({ step: NaN })).field).toBe('options.step')
    expect(specError(() => hessian({ step: 0 })).field).toBe('options.step')
    expect(specError(() => hessian({ relativeTolerance: -1 })).field).toBe('options.relativeTolerance')
    expect(specError(() => hessian({ vectors: 'yes' })).field).toBe('options.vectors')
    expect(specError(() => hessian(null)).field).toBe('options')
    expect(hessian({ step: 1e-5 }).n).toBe(9)
  })
})
