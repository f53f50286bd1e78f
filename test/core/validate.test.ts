import { describe, expect, it } from 'vitest'
import { SpecError } from '../../src/core/errors'
import { validateTrajectorySpec } from '../../src/core/validate'

const good = {
  surface: 'rosenbrock',
  optimizer: { kind: 'rmsprop', convention: 'pytorch', lr: 0.01 },
  start: [-1, 1],
  steps: 100,
}

function error(spec: unknown): SpecError {
  try {
    validateTrajectorySpec(spec)
  } catch (e) {
    if (e instanceof SpecError) return e
    throw e
  }
  throw new Error('expected a SpecError')
}

describe('validateTrajectorySpec', () => {
  it('validateTrajectorySpec(spec) returns a clean copy and ignores unknown keys', () => {
    const out = validateTrajectorySpec({
      ...good,
      colour: 'red',
      schedule: { kind: 'cosine', totalSteps: 100 },
      noise: { std: 0.5, seed: 3, annealSteps: 50 },
    })
    expect(out).toEqual({
      ...good,
      schedule: { kind: 'cosine', totalSteps: 100 },
      noise: { std: 0.5, seed: 3, annealSteps: 50 },
    })
    expect(out.start).not.toBe(good.start)
  })

  it('validateTrajectorySpec rejects an unknown surface, listing the registered ones', () => {
    const e = error({ ...good, surface: 'sphere' })
    expect(e.field).toBe('surface')
    expect(e.message).toMatch(
      /^surface must be one of 'saddle', 'pokemon', .*'rosenbrock'.* \(got 'sphere'\)$/,
    )
  })

  it('validateTrajectorySpec rejects steps that are not an integer in 1..1,000,000', () => {
    for (const steps of [0, -5, 2.5, 1_000_001, NaN, '10', undefined]) {
      const e = error({ ...good, steps })
      expect(e.field).toBe('steps')
      expect(e.allowed).toBe('an integer in 1..1,000,000')
    }
    expect(validateTrajectorySpec({ ...good, steps: 1_000_000 }).steps).toBe(1_000_000)
  })

  it('validateTrajectorySpec rejects a start that is not two finite numbers', () => {
    for (const start of [[1], [1, 2, 3], [NaN, 0], [0, Infinity], ['1', 2], 'origin', undefined]) {
      const e = error({ ...good, start })
      expect(e.field).toBe('start')
      expect(e.message).toMatch(/^start must be two finite numbers \[x, y\]/)
    }
  })

  it('validateTrajectorySpec prefixes optimizer and schedule fields and rejects plateau for a race', () => {
    expect(error({ ...good, optimizer: { kind: 'rmsprop', lr: 0.01, rho: 1 } }).field).toBe('optimizer.rho')
    expect(error({ ...good, optimizer: undefined }).message).toBe(
      'optimizer must be an object (got undefined)',
    )
    expect(error({ ...good, schedule: { kind: 'step', stepSize: 0, gamma: 0.5 } }).field).toBe(
      'schedule.stepSize',
    )
    const e = error({ ...good, schedule: { kind: 'plateau', factor: 0.1, patience: 5 } })
    expect(e.field).toBe('schedule.kind')
    expect(e.message).toMatch(/plateau needs a loss to monitor/)
  })

  it('validateTrajectorySpec rejects malformed noise', () => {
    expect(error({ ...good, noise: 0.5 }).field).toBe('noise')
    expect(error({ ...good, noise: { std: -1, seed: 1 } }).message).toBe(
      'noise.std must be a finite number ≥ 0 (got -1)',
    )
    expect(error({ ...good, noise: { std: 1 } }).field).toBe('noise.seed')
    expect(error({ ...good, noise: { std: 1, seed: 1.5 } }).field).toBe('noise.seed')
    expect(error({ ...good, noise: { std: 1, seed: 2 ** 32 } }).field).toBe('noise.seed')
    expect(error({ ...good, noise: { std: 1, seed: 1, annealSteps: 0 } }).field).toBe('noise.annealSteps')
  })

  it('validateTrajectorySpec rejects a spec that is not an object', () => {
    for (const spec of [null, 3, 'pokemon', [good]]) expect(error(spec).field).toBe('spec')
  })
})
