import { describe, expect, it } from 'vitest'
import { optimizerKinds, supportedConventions } from '../../../src/core/optimizers'
import { cardNotes, sameArithmetic } from '../../../src/panels/RacerCards/cardNotes'
import type { RacerSettings } from '../../../src/state/settings'
import type { OptimizerSpec } from '../../../src/core/types'

const racer = (id: string, optimizer: OptimizerSpec, extra: Partial<RacerSettings> = {}): RacerSettings => ({
  id,
  color: Number(id.slice(1)),
  optimizer,
  schedule: null,
  hidden: false,
  ...extra,
})
const constant = { kind: 'constant' } as const

describe('cardNotes', () => {
  it('cardNotes(racer) starts with the registry’s note for its kind and convention', () => {
    const r = racer('r0', { kind: 'rmsprop', convention: 'lecture', lr: 0.05 })
    const [first] = cardNotes(r, constant, [r])
    expect(first.kind).toBe('rule')
    expect(first.kind === 'rule' && first.text.en).toMatch(/first step is exactly η·sign\(g\)/)
  })

  it('cardNotes(momentum) warns where η_t enters only under a non-constant schedule (shared or its own)', () => {
    const m = racer('r1', { kind: 'momentum', convention: 'pytorch', lr: 0.05 })
    const kinds = (notes: ReturnType<typeof cardNotes>) => notes.map((n) => n.kind)
    expect(kinds(cardNotes(m, constant, [m]))).not.toContain('momentumSchedule')
    expect(kinds(cardNotes(m, { kind: 'inverse-sqrt' }, [m]))).toContain('momentumSchedule')
    const own = { ...m, schedule: { kind: 'step', stepSize: 10, gamma: 0.5 } as const }
    expect(kinds(cardNotes(own, constant, [own]))).toContain('momentumSchedule')
  })

  it('cardNotes(racer) names another racer of the same kind whose convention computes differently', () => {
    const lecture = racer('r0', { kind: 'adagrad', convention: 'lecture', lr: 0.1 })
    const torch = racer('r2', { kind: 'adagrad', convention: 'pytorch', lr: 0.1 })
    const notes = cardNotes(lecture, constant, [lecture, torch])
    expect(notes).toContainEqual({ kind: 'sameKind', other: torch })
    // Adam in the lecture and in PyTorch is the same arithmetic (ε 1e−8): no such note.
    const a = racer('r0', { kind: 'adam', convention: 'lecture', lr: 0.1 })
    const b = racer('r1', { kind: 'adam', convention: 'pytorch', lr: 0.1 })
    expect(cardNotes(a, constant, [a, b]).map((n) => n.kind)).not.toContain('sameKind')
  })

  it('sameArithmetic(kind, a, b) holds for SGD and Newton everywhere and Adam lecture/PyTorch, not for Adam in TF.js', () => {
    for (const kind of ['sgd', 'newton'] as const)
      for (const c of supportedConventions(kind)) expect(sameArithmetic(kind, 'lecture', c)).toBe(true)
    expect(sameArithmetic('adam', 'lecture', 'pytorch')).toBe(true)
    expect(sameArithmetic('adam', 'lecture', 'tensorflow')).toBe(false)
    expect(sameArithmetic('momentum', 'lecture', 'pytorch')).toBe(false)
    for (const kind of optimizerKinds)
      for (const c of supportedConventions(kind)) expect(sameArithmetic(kind, c, c)).toBe(true)
  })

  it('cardNotes(adagrad lecture) points out the 2017 identity under η/√(t+1), and L2 weight decay when set', () => {
    const r = racer('r0', { kind: 'adagrad', convention: 'lecture', lr: 1, weightDecay: 0.01 })
    const notes = cardNotes(r, { kind: 'inverse-sqrt' }, [r])
    expect(notes.map((n) => n.kind)).toEqual(['rule', 'adagradInverseSqrt', 'weightDecay'])
    expect(notes[2]).toEqual({ kind: 'weightDecay', value: 0.01 })
    // AdamW's decay is decoupled: it never joins g.
    const w = racer('r1', { kind: 'adamw', convention: 'pytorch', lr: 1e-3, weightDecay: 0.01 })
    expect(cardNotes(w, constant, [w]).map((n) => n.kind)).not.toContain('weightDecay')
  })
})
