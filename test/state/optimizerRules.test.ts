import { describe, expect, it } from 'vitest'
import {
  optimizerKinds,
  optimizers,
  supportedConventions,
  validateOptimizerSpec,
} from '../../src/core/optimizers'
import {
  conventionsOf,
  defaultOptimizer,
  normalizeOptimizer,
  OPTIMIZER_PARAMS,
  PARAM_RULES,
  paramsOf,
} from '../../src/state/optimizerRules'

describe('optimizerRules', () => {
  it('defaultOptimizer(kind) is a spec the core accepts, in the kind’s default convention', () => {
    for (const kind of optimizerKinds) {
      const o = defaultOptimizer(kind)
      expect(validateOptimizerSpec(o)).toEqual(o)
      expect(o.convention).toBe(supportedConventions(kind)[0])
    }
  })

  it('paramsOf(kind, convention) lists what the registry says the convention reads, η excluded', () => {
    for (const kind of optimizerKinds)
      for (const convention of conventionsOf(kind)) {
        const reads = optimizers[kind].conventions[convention]!.hyperParams.map((p) => p.key).filter(
          (k) => k !== 'lr',
        )
        expect([...paramsOf(kind, convention)].sort(), `${kind}/${convention}`).toEqual(reads.sort())
      }
  })

  it('each parameter rule lies inside the core domain and has a unique URL name', () => {
    for (const p of OPTIMIZER_PARAMS) {
      const { min, max } = PARAM_RULES[p].rule
      for (const kind of optimizerKinds)
        for (const convention of conventionsOf(kind))
          if (paramsOf(kind, convention).includes(p)) {
            const at = (v: number) => () => validateOptimizerSpec({ kind, convention, lr: 1, [p]: v })
            expect(at(min), `${p} min`).not.toThrow()
            expect(at(PARAM_RULES[p].rule.maxExclusive ? max - 1e-9 : max), `${p} max`).not.toThrow()
          }
    }
    const urls = OPTIMIZER_PARAMS.map((p) => PARAM_RULES[p].url)
    expect(new Set([...urls, 'lr', 'c', 's']).size).toBe(urls.length + 3)
  })

  it('normalizeOptimizer fills the convention and orders keys canonically', () => {
    const o = normalizeOptimizer({ beta2: 0.99, lr: 0.1, kind: 'adam', beta1: 0.8 })!
    expect(Object.keys(o)).toEqual(['kind', 'convention', 'lr', 'beta1', 'beta2'])
    expect(o.convention).toBe('lecture')
  })

  it('normalizeOptimizer keeps prev for an unknown kind, and prev’s values for unusable new ones', () => {
    const prev = { kind: 'momentum' as const, convention: 'lecture' as const, lr: 0.05, momentum: 0.9 }
    expect(normalizeOptimizer({ kind: 'magic' as never, lr: 1 }, prev)).toBe(prev)
    expect(normalizeOptimizer({ ...prev, lr: -1, momentum: 1 }, prev)).toEqual(prev)
  })
})
