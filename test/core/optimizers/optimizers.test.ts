import katex from 'katex'
import { describe, expect, it } from 'vitest'
import { SpecError } from '../../../src/core/errors'
import {
  conventions,
  createOptimizer,
  weightDecayRule,
  optimizerKinds,
  optimizers,
  supportedConventions,
  validateOptimizerSpec,
  withDefaults,
} from '../../../src/core/optimizers/index'
import { hyperParamDomains } from '../../../src/core/optimizers/optimizerEntry'
import type { Convention, OptimizerKind, OptimizerSpec } from '../../../src/core/types'
import { quad } from './quadratic'

const all = optimizerKinds.flatMap((kind) => supportedConventions(kind).map((c) => [kind, c] as const))

/** A learning rate each kind handles on x² + 3y² (λ_max = 6) without overshooting wildly. */
const lrFor: Record<OptimizerKind, number> = {
  sgd: 0.05,
  momentum: 0.02,
  nesterov: 0.02,
  adagrad: 0.1,
  rmsprop: 0.01,
  adam: 0.05,
  adamw: 0.05,
  newton: 0.5,
}

describe('optimizers registry', () => {
  it('optimizers lists the eight kinds in display order', () => {
    expect(optimizerKinds).toEqual([
      'sgd',
      'momentum',
      'nesterov',
      'adagrad',
      'rmsprop',
      'adam',
      'adamw',
      'newton',
    ])
    for (const kind of optimizerKinds) {
      expect(optimizers[kind].id).toBe(kind)
      expect(optimizers[kind].name.en.length).toBeGreaterThan(0)
      expect(optimizers[kind].name.zh.length).toBeGreaterThan(0)
    }
  })

  it('supportedConventions(kind) is all four except nesterov (pytorch, tensorflow) and adamw (pytorch)', () => {
    for (const kind of ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam', 'newton'] as const) {
      expect(supportedConventions(kind)).toEqual(['lecture', 'pytorch', 'tensorflow', 'course'])
    }
    expect(supportedConventions('nesterov')).toEqual(['pytorch', 'tensorflow'])
    expect(supportedConventions('adamw')).toEqual(['pytorch'])
  })

  it('withDefaults(spec) fills the convention’s defaults from docs/conventions.md (default convention lecture)', () => {
    const d = (spec: OptimizerSpec) => withDefaults(spec)
    expect(d({ kind: 'sgd', lr: 0.1 })).toEqual({
      kind: 'sgd',
      convention: 'lecture',
      lr: 0.1,
      weightDecay: 0,
    })
    for (const c of conventions) expect(d({ kind: 'momentum', convention: c, lr: 0.1 }).momentum).toBe(0.9)
    expect(d({ kind: 'nesterov', lr: 0.1 })).toMatchObject({ convention: 'pytorch', momentum: 0.9 })
    expect(d({ kind: 'adagrad', lr: 0.1 })).toEqual({
      kind: 'adagrad',
      convention: 'lecture',
      lr: 0.1,
      weightDecay: 0,
    })
    expect(d({ kind: 'adagrad', convention: 'pytorch', lr: 0.1 })).toMatchObject({
      initialAccumulator: 0,
      eps: 1e-10,
    })
    expect(d({ kind: 'adagrad', convention: 'tensorflow', lr: 0.1 })).toMatchObject({
      initialAccumulator: 0.1,
      eps: 1e-7,
    })
    expect(d({ kind: 'adagrad', convention: 'course', lr: 0.1 })).not.toHaveProperty('eps')
    expect(d({ kind: 'rmsprop', lr: 0.1 })).toMatchObject({ convention: 'lecture', rho: 0.9 })
    expect(d({ kind: 'rmsprop', lr: 0.1 })).not.toHaveProperty('eps')
    expect(d({ kind: 'rmsprop', convention: 'pytorch', lr: 0.1 })).toMatchObject({
      rho: 0.99,
      eps: 1e-8,
      momentum: 0,
    })
    expect(d({ kind: 'rmsprop', convention: 'tensorflow', lr: 0.1 })).toMatchObject({
      rho: 0.9,
      eps: 1e-7,
      momentum: 0,
    })
    expect(d({ kind: 'rmsprop', convention: 'course', lr: 0.1 })).toMatchObject({ rho: 0.9 })
    for (const [c, eps] of [
      ['lecture', 1e-8],
      ['pytorch', 1e-8],
      ['tensorflow', 1e-7],
    ] as const) {
      expect(d({ kind: 'adam', convention: c, lr: 0.1 })).toMatchObject({ beta1: 0.9, beta2: 0.999, eps })
    }
    expect(d({ kind: 'adam', convention: 'course', lr: 0.1 })).not.toHaveProperty('eps')
    expect(d({ kind: 'newton', lr: 1 })).toEqual({ kind: 'newton', convention: 'lecture', lr: 1 })
  })

  it('withDefaults(spec) keeps the values it is given', () => {
    const spec = { kind: 'adam', convention: 'tensorflow', lr: 0.3, beta1: 0.5, beta2: 0.9, eps: 0 } as const
    expect(withDefaults(spec)).toEqual({ ...spec, weightDecay: 0 })
  })

  it('every TeX string of the registry renders with KaTeX (rules, state symbols, slider symbols)', () => {
    const tex = [weightDecayRule]
    for (const [kind, convention] of all) {
      const rule = optimizers[kind].conventions[convention]!
      tex.push(rule.rule, ...rule.stateKeys.map((s) => s.tex), ...rule.hyperParams.map((p) => p.tex))
    }
    for (const t of tex) expect(() => katex.renderToString(t, { throwOnError: true }), t).not.toThrow()
  })

  for (const [kind, convention] of all) {
    it(`${kind} (${convention}): registry rule, state keys and hyper-parameters describe the optimizer`, () => {
      const rule = optimizers[kind].conventions[convention]!
      expect(rule.rule).toMatch(/\\theta/)
      expect(rule.hyperParams[0].key).toBe('lr')
      const n = kind === 'newton' ? 2 : 3
      const opt = createOptimizer({ kind, convention, lr: 0.1 }, n)
      expect(opt.stateKeys).toEqual(rule.stateKeys.map((s) => s.key))
      for (const key of opt.stateKeys) {
        expect(opt.state[key]).toBeInstanceOf(Float64Array)
        expect(opt.state[key].length).toBe(n)
      }
      for (const p of rule.hyperParams) {
        expect(hyperParamDomains[p.key].test(p.default), `${p.key} default ${p.default} in its domain`).toBe(
          true,
        )
        expect(p.min).toBeLessThanOrEqual(p.default)
        expect(p.max).toBeGreaterThanOrEqual(p.default)
        if (p.key !== 'lr') expect(opt.spec[p.key]).toBe(p.default)
      }
    })

    it(`${kind} (${convention}) lowers the loss of the convex quadratic x² + 3y² from (1, 1)`, () => {
      const lr = lrFor[kind]
      const opt = createOptimizer({ kind, convention, lr }, 2)
      const theta = Float64Array.of(1, 1)
      const hessian = Float64Array.of(2, 0, 0, 6)
      for (let t = 0; t < 100; t++) {
        opt.step(theta, Float64Array.from(quad.grad(theta[0], theta[1])), lr, t, hessian)
      }
      expect(quad.f(theta[0], theta[1])).toBeLessThan(0.5 * quad.f(1, 1))
    })
  }
})

describe('validateOptimizerSpec', () => {
  const fails = (spec: unknown, field: string, message: RegExp) => {
    let error: unknown
    try {
      validateOptimizerSpec(spec)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(SpecError)
    expect((error as SpecError).field).toBe(field)
    expect((error as SpecError).message).toMatch(message)
  }

  it('validateOptimizerSpec(spec) returns a clean copy without unknown keys', () => {
    expect(validateOptimizerSpec({ kind: 'adam', lr: 0.1, beta1: 0.8, colour: 'red' })).toEqual({
      kind: 'adam',
      lr: 0.1,
      beta1: 0.8,
    })
  })

  it('validateOptimizerSpec rejects a bad learning rate, naming the field and the allowed values', () => {
    fails({ kind: 'sgd', lr: -1 }, 'optimizer.lr', /^optimizer\.lr must be a finite number > 0 \(got -1\)$/)
    fails({ kind: 'sgd', lr: 0 }, 'optimizer.lr', /> 0 \(got 0\)/)
    fails({ kind: 'sgd', lr: NaN }, 'optimizer.lr', /got NaN/)
    fails({ kind: 'sgd', lr: Infinity }, 'optimizer.lr', /got Infinity/)
    fails({ kind: 'sgd', lr: '0.1' }, 'optimizer.lr', /got '0\.1'/)
    fails({ kind: 'sgd' }, 'optimizer.lr', /got undefined/)
  })

  it('validateOptimizerSpec rejects unknown kinds and conventions, listing the allowed ones', () => {
    fails(
      { kind: 'adadelta', lr: 1 },
      'optimizer.kind',
      /one of 'sgd', 'momentum', .*'newton' \(got 'adadelta'\)/,
    )
    fails(
      { kind: 'sgd', convention: 'keras', lr: 1 },
      'optimizer.convention',
      /one of 'lecture', 'pytorch', 'tensorflow', 'course'/,
    )
    fails(null, 'optimizer', /must be an object \(got null\)/)
  })

  it('validateOptimizerSpec rejects a convention that does not define the kind', () => {
    fails(
      { kind: 'nesterov', convention: 'lecture', lr: 1 },
      'optimizer.convention',
      /one of 'pytorch', 'tensorflow' for nesterov/,
    )
    fails(
      { kind: 'adamw', convention: 'tensorflow', lr: 1 },
      'optimizer.convention',
      /one of 'pytorch' for adamw/,
    )
  })

  it('validateOptimizerSpec rejects hyper-parameters outside their domain', () => {
    const cases: [string, number, RegExp][] = [
      ['momentum', 1, /\[0, 1\)/],
      ['momentum', -0.1, /\[0, 1\)/],
      ['rho', 1, /\[0, 1\)/],
      ['beta1', 1.5, /\[0, 1\)/],
      ['beta2', NaN, /\[0, 1\)/],
      ['eps', -1e-8, /finite number ≥ 0/],
      ['weightDecay', Infinity, /finite number ≥ 0/],
    ]
    const kindOf: Record<string, [OptimizerKind, Convention]> = {
      momentum: ['momentum', 'lecture'],
      rho: ['rmsprop', 'lecture'],
      beta1: ['adam', 'pytorch'],
      beta2: ['adam', 'pytorch'],
      eps: ['adam', 'pytorch'],
      weightDecay: ['sgd', 'lecture'],
    }
    for (const [key, value, message] of cases) {
      const [kind, convention] = kindOf[key]
      fails({ kind, convention, lr: 0.1, [key]: value }, `optimizer.${key}`, message)
    }
    fails(
      { kind: 'adagrad', convention: 'pytorch', lr: 0.1, initialAccumulator: -1 },
      'optimizer.initialAccumulator',
      /≥ 0/,
    )
  })

  it('validateOptimizerSpec rejects a hyper-parameter the convention does not read, instead of ignoring it', () => {
    fails(
      { kind: 'adagrad', lr: 0.1, eps: 1e-8 },
      'optimizer.eps',
      /absent: adagrad in the 'lecture' convention does not use it/,
    )
    fails({ kind: 'sgd', lr: 0.1, momentum: 0.9 }, 'optimizer.momentum', /absent/)
    fails({ kind: 'newton', lr: 1, weightDecay: 0.1 }, 'optimizer.weightDecay', /absent/)
    fails({ kind: 'adam', convention: 'course', lr: 1, eps: 1e-8 }, 'optimizer.eps', /absent/)
  })

  it('createOptimizer(spec, n) validates too, and n must be a positive integer', () => {
    expect(() => createOptimizer({ kind: 'sgd', lr: -1 }, 2)).toThrow(SpecError)
    expect(() => createOptimizer({ kind: 'sgd', lr: 1 }, 0)).toThrow(
      /n must be an integer in 1\.\.10,000,000 \(got 0\)/,
    )
  })
})
