import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { getScene, sceneIds } from '../../src/core/scenes/index'
import { parseCommand } from '../../src/embed/parseCommand'

const base = { source: 'loss-surface-playground', version: 1 } as const
const cmd = (fields: Record<string, unknown>) => parseCommand({ ...base, ...fields })

describe('parseCommand: valid commands', () => {
  it('parseCommand reads each bare command of version 1 and echoes a valid id', () => {
    for (const type of ['play', 'pause', 'reset', 'getState', 'step'])
      expect(cmd({ type, id: 7 })).toEqual({ kind: 'command', command: { ...base, id: 7, type } })
    expect(cmd({ type: 'play', id: 'a-1' })).toEqual({
      kind: 'command',
      command: { ...base, id: 'a-1', type: 'play' },
    })
  })

  it('parseCommand reads step n, setScene with its card, and every whitelisted setParam', () => {
    expect(cmd({ type: 'step', n: -3 })).toMatchObject({ kind: 'command', command: { type: 'step', n: -3 } })
    const scene = sceneIds[0]
    const last = getScene(scene).cards.length - 1
    expect(cmd({ type: 'setScene', scene, card: last })).toMatchObject({
      kind: 'command',
      command: { type: 'setScene', scene, card: last },
    })
    const params: Record<string, unknown>[] = [
      { param: 'lr', racer: 5, value: 1e4 },
      { param: 'lr', racer: 0, value: 5e-324 },
      { param: 'steps', value: 1 },
      { param: 'steps', value: 100_000 },
      { param: 'speed', value: 10_000 },
      { param: 'noiseStd', value: 0 },
      { param: 'noiseStd', value: 1000 },
      { param: 'surface', value: 'pokemon' },
      { param: 'start', value: [-1e6, 1e6] },
      { param: 'language', value: 'zh' },
    ]
    for (const p of params)
      expect(cmd({ type: 'setParam', ...p }), JSON.stringify(p)).toEqual({
        kind: 'command',
        command: { ...base, type: 'setParam', ...p },
      })
  })

  it('the command holds fresh copies: changing the message afterwards changes nothing', () => {
    const start = [1, 2]
    const parsed = cmd({ type: 'setParam', param: 'start', value: start })
    start[0] = 99
    expect(parsed).toMatchObject({ command: { value: [1, 2] } })
  })
})

describe('parseCommand: what is ignored or refused', () => {
  it('messages without our source, and our own events, are foreign (ignored without a reply)', () => {
    for (const data of [
      null,
      undefined,
      'play',
      42,
      [base],
      { type: 'play' },
      { source: 'react-devtools', type: 'play', version: 1 },
      { ...base, type: 'ready' },
      { ...base, type: 'error', code: 'malformed' },
      new Date(),
      Object.assign(Object.create({ polluted: true }), { ...base, type: 'play' }),
    ])
      expect(parseCommand(data), String(data)).toEqual({ kind: 'foreign' })
    // `step` names both a command and an event: an echoed step event is refused, never run.
    expect(cmd({ type: 'step', cursor: 3, racers: [] })).toMatchObject({ kind: 'invalid', code: 'malformed' })
  })

  it('a wrong version, an unknown type, an unknown field or a bad id is refused with its code', () => {
    expect(cmd({ version: 2, type: 'play' })).toMatchObject({ kind: 'invalid', code: 'unsupported-version' })
    expect(parseCommand({ source: base.source, type: 'play' })).toMatchObject({
      kind: 'invalid',
      code: 'unsupported-version',
    })
    expect(cmd({ type: 'eval', id: 1 })).toMatchObject({ kind: 'invalid', code: 'unknown-type', id: 1 })
    expect(cmd({ type: 'play', extra: true })).toMatchObject({
      kind: 'invalid',
      code: 'malformed',
      field: 'extra',
    })
    expect(cmd({ type: 'play', n: 1 })).toMatchObject({ kind: 'invalid', code: 'malformed', field: 'n' })
    expect(cmd({ type: 'setParam', param: 'steps', value: 5, racer: 0 })).toMatchObject({
      kind: 'invalid',
      code: 'malformed',
      field: 'racer',
    })
    for (const id of ['', 'x'.repeat(65), 1.5, NaN, {}, 2 ** 53])
      expect(cmd({ type: 'play', id }), String(id)).toMatchObject({ kind: 'invalid', code: 'malformed' })
  })

  it('refusals never echo a bad id and name fields only by safe characters', () => {
    const bad = cmd({ type: 'play', id: '' })
    expect(bad).not.toHaveProperty('id')
    const odd = cmd({ type: 'play', '<img src=x onerror=alert(1)>': 1 })
    expect(odd).toMatchObject({ kind: 'invalid', code: 'malformed' })
    expect((odd as { field: string }).field).toMatch(/^[A-Za-z0-9_?]{1,32}$/)
  })

  it('setParam values outside the link rules are refused, not clamped', () => {
    const bad: Record<string, unknown>[] = [
      { param: 'lr', racer: 0, value: 0 },
      { param: 'lr', racer: 0, value: 10_000.000001 },
      { param: 'lr', racer: 0, value: -1 },
      { param: 'lr', racer: 6, value: 0.1 },
      { param: 'lr', racer: -1, value: 0.1 },
      { param: 'lr', racer: 0.5, value: 0.1 },
      { param: 'lr', value: 0.1 },
      { param: 'steps', value: 0 },
      { param: 'steps', value: 100_001 },
      { param: 'steps', value: 2.5 },
      { param: 'speed', value: 10_001 },
      { param: 'noiseStd', value: -0.1 },
      { param: 'noiseStd', value: Infinity },
      { param: 'steps', value: '100' },
      { param: 'surface', value: 'Banana!' },
      { param: 'surface', value: 3 },
      { param: 'start', value: [0] },
      { param: 'start', value: [0, NaN] },
      { param: 'start', value: [0, 1e6 + 1] },
      { param: 'start', value: { 0: 1, 1: 2, length: 2 } },
      { param: 'language', value: 'fr' },
      { param: 'eval', value: 'alert(1)' },
      { param: '__proto__', value: 1 },
      { param: 'view', value: [0, 1, 0, 1] },
    ]
    for (const p of bad)
      expect(cmd({ type: 'setParam', ...p }), JSON.stringify(p)).toMatchObject({ kind: 'invalid' })
  })

  it('step needs a non-zero integer within ±100,000; setScene a known scene and one of its cards', () => {
    for (const n of [0, 1.5, 100_001, -100_001, '1', NaN])
      expect(cmd({ type: 'step', n }), String(n)).toMatchObject({ kind: 'invalid', code: 'invalid-param' })
    expect(cmd({ type: 'setScene', scene: 'no-such-scene' })).toMatchObject({
      kind: 'invalid',
      field: 'scene',
    })
    expect(
      cmd({ type: 'setScene', scene: sceneIds[0], card: getScene(sceneIds[0]).cards.length }),
    ).toMatchObject({
      kind: 'invalid',
      field: 'card',
    })
  })

  it('a throwing getter or an accessor field is malformed, not a crash', () => {
    const trap = { ...base, type: 'play' }
    Object.defineProperty(trap, 'id', {
      enumerable: true,
      get() {
        throw new Error('boom')
      },
    })
    expect(parseCommand(trap)).toMatchObject({ kind: 'invalid', code: 'malformed' })
    const accessor = { ...base, type: 'step' }
    Object.defineProperty(accessor, 'n', { enumerable: true, get: () => 1 })
    expect(parseCommand(accessor)).toMatchObject({ kind: 'invalid', code: 'malformed' })
  })

  it('arbitrary junk never throws and never yields a command that breaks the schema', () => {
    const field = fc.oneof(
      fc.constantFrom('source', 'version', 'type', 'id', 'n', 'scene', 'card', 'param', 'value', 'racer'),
      fc.string({ maxLength: 6 }),
    )
    const value = fc.oneof(
      fc.anything(),
      fc.constantFrom(
        'loss-surface-playground',
        1,
        'play',
        'setParam',
        'step',
        'lr',
        'steps',
        'start',
        0,
        -1,
      ),
      fc.double(),
      fc.array(fc.double(), { maxLength: 3 }),
    )
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.dictionary(field, value, { maxKeys: 6 })), (data) => {
        const parsed = parseCommand(data)
        if (parsed.kind !== 'command') return
        // Whatever got through is exactly a valid command: check it against the protocol by hand.
        const c = parsed.command as unknown as Record<string, unknown>
        expect(c.source).toBe('loss-surface-playground')
        expect(c.version).toBe(1)
        const allowed: Record<string, string[]> = {
          play: [],
          pause: [],
          reset: [],
          getState: [],
          step: ['n'],
          setScene: ['scene', 'card'],
          setParam: ['param', 'value', 'racer'],
        }
        expect(Object.keys(allowed)).toContain(c.type)
        for (const k of Object.keys(c))
          expect(['source', 'version', 'type', 'id', ...allowed[c.type as string]]).toContain(k)
        if (c.type === 'setParam') {
          expect(['lr', 'steps', 'speed', 'noiseStd', 'surface', 'start', 'language']).toContain(c.param)
          if (typeof c.value === 'number') expect(Number.isFinite(c.value)).toBe(true)
        }
      }),
      { numRuns: 2000 },
    )
  })
})
