import fc from 'fast-check'
import { createPresetNet } from '../../src/state/lab/labSettings'
import { describe, expect, it } from 'vitest'
import { surfaces } from '../../src/core/surfaces'
import { en } from '../../src/i18n/en'
import { createDefaultSettings } from '../../src/state/settings'
import { createRegistryCatalog, createSurfaceCatalog } from '../../src/state/surfaceCatalog'
import type { UrlNotice } from '../../src/state/url/notices'
import { parseUrl, serializeUrl, URL_PROPS } from '../../src/state/urlState'
import { expectValidSettings, settingsArb } from './settingsArbitrary'

const catalog = createRegistryCatalog()
const defaults = createDefaultSettings(catalog)
const parse = (q: string) => parseUrl(q, { catalog })

function expectSafeNotices(notices: UrlNotice[]) {
  expect(notices.length).toBeLessThanOrEqual(13)
  for (const n of notices) {
    expect(Object.keys(en)).toContain(n.message)
    expect(n.key).toMatch(/^[A-Za-z0-9_?-]{0,24}…?$/)
    for (const v of Object.values(n.params ?? {})) expect(typeof v).toBe('number')
  }
}

describe('serializeUrl', () => {
  it('serializeUrl(default settings) is the documented, readable query string', () => {
    expect(serializeUrl(defaults)).toBe(
      's=saddle&start=1.5,-1.499' +
        '&r=sgd(lecture,lr:0.01)~momentum(lecture,lr:0.05,m:0.9)~rmsprop(lecture,lr:0.05,rho:0.9)~adam(lecture,lr:0.05)' +
        '&sel=r0&sched=constant&noise=0&seed=1&steps=500&speed=100&pal=jet&arrows=0&lang=en',
    )
  })

  it('serializeUrl writes view, annealing, colour slots, hidden racers and own schedules only when set', () => {
    const s = structuredClone(defaults)
    s.view = { x: [-1, 2.5], y: [-3, 4] }
    s.noise = { std: 0.5, seed: 42, annealSteps: 3000 }
    s.racers = [
      { ...s.racers[1], color: 4, id: 'r4', hidden: true },
      { ...s.racers[0], schedule: { kind: 'cosine', totalSteps: 500, warmupSteps: 50 } },
    ]
    s.selectedRacer = 'r4'
    s.schedule = { kind: 'multistep', milestones: [100, 200], gamma: 0.1 }
    expect(serializeUrl(s)).toBe(
      's=saddle&view=-1,2.5,-3,4&start=1.5,-1.499' +
        '&r=momentum(lecture,lr:0.05,m:0.9,c:4,hidden)~sgd(lecture,lr:0.01,c:0,s:cosine(totalSteps:500,warmupSteps:50))' +
        '&sel=r4&sched=multistep(milestones:100/200,gamma:0.1)&noise=0.5&anneal=3000&seed=42&steps=500&speed=100' +
        '&pal=jet&arrows=0&lang=en',
    )
  })

  it('serializeUrl writes every key of the schema table for fully set settings', () => {
    const s = {
      ...structuredClone(defaults),
      view: { x: [0, 1], y: [0, 1] },
      noise: { std: 1, seed: 2, annealSteps: 3 },
      scene: 'saddle-escape',
      card: 0,
      count: 'epochs' as const,
      presenter: true as const,
      colors: 'projector' as const,
      surfaceMode: '3d' as const,
      slice: { from: [-1, 0] as [number, number], to: [1, 0.5] as [number, number] },
      embed: { panel: 'surface' as const, controls: 'none' as const, origin: 'https://notes.example.edu' },
      // The network surface's rows (#12) are written with surface 'net-slice' and a network off the preset.
      surfaceId: 'net-slice',
      net: {
        net: { ...createPresetNet(), hidden: [16] },
        seed: 2,
        data: { kind: 'dot' as const },
        center: 'init' as const,
        directions: 3,
      },
    }
    const keys = serializeUrl(s as typeof defaults)
      .split('&')
      .map((p) => p.split('=')[0])
    expect(keys).toEqual(URL_PROPS.map((p) => p.key))
  })
})

describe('parseUrl', () => {
  it('parseUrl(serializeUrl(s)) gives back s exactly, with no notice, whatever the defaults', () => {
    fc.assert(
      fc.property(settingsArb, settingsArb, (s, other) => {
        const { settings, notices } = parseUrl(serializeUrl(s), { catalog, defaults: other })
        expect(notices).toEqual([])
        expect(settings).toStrictEqual(s)
      }),
      { numRuns: 400 },
    )
  })

  it('numbers survive bit for bit, including those with long or exponent forms', () => {
    const xs = [0.1 + 0.2, 1 / 3, -2 / 3, 1e-7, 5e-324, 123456.78901234567, -999999.9999999999, 2 ** -30]
    for (const x of xs) {
      const s = { ...structuredClone(defaults), start: [x, -x] as [number, number] }
      // η ≤ 10⁴: the large values go in as their reciprocal.
      const lr = Math.abs(x) <= 1e4 ? Math.abs(x) : 1 / Math.abs(x)
      s.racers[0].optimizer.lr = lr
      const back = parse(serializeUrl(s)).settings
      expect(Object.is(back.start[0], x) && Object.is(back.start[1], -x)).toBe(true)
      expect(back.racers[0].optimizer.lr).toBe(lr)
    }
    expect(serializeUrl({ ...defaults, noise: { std: 1e21, seed: 1 } })).toContain('noise=1e21&')
  })

  it('parseUrl("") and parseUrl("?") give the defaults and no notice', () => {
    for (const q of ['', '?', '#', '?&&']) expect(parse(q)).toEqual({ settings: defaults, notices: [] })
  })

  it('parseUrl reads location.hash as well as location.search', () => {
    expect(parse('#s=booth').settings.surfaceId).toBe('booth')
    expect(parse('?s=booth').settings.surfaceId).toBe('booth')
  })

  it('absent keys keep the defaults; start follows the chosen surface; view and annealing stay unset', () => {
    const other = {
      ...structuredClone(defaults),
      steps: 77,
      view: { x: [0, 1], y: [0, 1] } as never,
      noise: { std: 1, seed: 5, annealSteps: 9 },
    }
    const { settings } = parseUrl('s=himmelblau', { catalog, defaults: other })
    expect(settings).toEqual({
      ...other,
      surfaceId: 'himmelblau',
      start: surfaces.himmelblau.start,
      view: null,
      noise: { std: 1, seed: 5 },
    })
  })

  it('a racer may leave out everything but its kind: convention, learning rate and parameters take defaults', () => {
    const { settings, notices } = parse('r=sgd~nesterov~adamw(lr:0.3)')
    expect(notices).toEqual([])
    expect(settings.racers.map((r) => [r.id, r.optimizer])).toEqual([
      ['r0', { kind: 'sgd', convention: 'lecture', lr: 0.01 }],
      ['r1', { kind: 'nesterov', convention: 'pytorch', lr: 0.05 }],
      ['r2', { kind: 'adamw', convention: 'pytorch', lr: 0.3 }],
    ])
    expect(settings.selectedRacer).toBe('r0')
  })

  it('colour slots: valid requests first, a repeated one is dropped, the rest take their position or the lowest free slot', () => {
    const { settings, notices } = parse('r=sgd~adam(c:0)~rmsprop(c:0)~momentum(c:9)')
    expect(settings.racers.map((r) => [r.optimizer.kind, r.color, r.id])).toEqual([
      ['sgd', 1, 'r1'],
      ['adam', 0, 'r0'],
      ['rmsprop', 2, 'r2'],
      ['momentum', 3, 'r3'],
    ])
    expect(notices).toEqual([
      { key: 'r', message: 'notice.invalidRacerField', params: { n: 3 } },
      { key: 'r', message: 'notice.invalidRacerField', params: { n: 4 } },
    ])
  })

  const hostile: [string, string, Partial<typeof defaults>, UrlNotice[]][] = [
    [
      'script as surface',
      's=<script>alert(1)</script>',
      {},
      [{ key: 's', message: 'notice.unknownSurface' }],
    ],
    [
      'encoded script',
      's=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      {},
      [{ key: 's', message: 'notice.unknownSurface' }],
    ],
    ['javascript: URL', 's=javascript:alert(1)', {}, [{ key: 's', message: 'notice.unknownSurface' }]],
    ['prototype as surface', 's=__proto__', {}, [{ key: 's', message: 'notice.unknownSurface' }]],
    ['constructor as surface', 's=constructor', {}, [{ key: 's', message: 'notice.unknownSurface' }]],
    [
      'prototype keys',
      '__proto__=1&constructor=2&prototype=3&__proto__[x]=1',
      {},
      [
        { key: '__proto__', message: 'notice.unknownKey' },
        { key: 'constructor', message: 'notice.unknownKey' },
        { key: 'prototype', message: 'notice.unknownKey' },
        { key: '__proto__?x?', message: 'notice.unknownKey' },
      ],
    ],
    ['NaN start', 'start=NaN,1', {}, [{ key: 'start', message: 'notice.invalidValue' }]],
    ['Infinity start', 'start=Infinity,-Infinity', {}, [{ key: 'start', message: 'notice.invalidValue' }]],
    ['overflowing start', 'start=1e999,0', {}, [{ key: 'start', message: 'notice.invalidValue' }]],
    ['out-of-range start', 'start=1000001,0', {}, [{ key: 'start', message: 'notice.invalidValue' }]],
    ['hex start', 'start=0x10,1', {}, [{ key: 'start', message: 'notice.invalidValue' }]],
    ['three coordinates', 'start=1,2,3', {}, [{ key: 'start', message: 'notice.invalidValue' }]],
    ['spaces', 'start=%201,2', {}, [{ key: 'start', message: 'notice.invalidValue' }]],
    ['full-width digits', 'steps=%EF%BC%91%EF%BC%90', {}, [{ key: 'steps', message: 'notice.invalidValue' }]],
    ['zero steps', 'steps=0', {}, [{ key: 'steps', message: 'notice.invalidValue' }]],
    ['too many steps', 'steps=100001', {}, [{ key: 'steps', message: 'notice.invalidValue' }]],
    ['fractional steps', 'steps=1.5', {}, [{ key: 'steps', message: 'notice.invalidValue' }]],
    ['huge speed', 'speed=1e309', {}, [{ key: 'speed', message: 'notice.invalidValue' }]],
    ['negative noise', 'noise=-1', {}, [{ key: 'noise', message: 'notice.invalidValue' }]],
    ['seed past uint32', 'seed=4294967296', {}, [{ key: 'seed', message: 'notice.invalidValue' }]],
    ['inverted view', 'view=1,0,0,1', {}, [{ key: 'view', message: 'notice.invalidValue' }]],
    ['unknown palette', 'pal=hot', {}, [{ key: 'pal', message: 'notice.invalidValue' }]],
    ['region tag as language', 'lang=zh-CN', {}, [{ key: 'lang', message: 'notice.invalidValue' }]],
    ['bad arrows', 'arrows=yes', {}, [{ key: 'arrows', message: 'notice.invalidValue' }]],
    ['broken percent-encoding', 's=%E0%A4%A', {}, [{ key: 's', message: 'notice.invalidValue' }]],
    [
      'repeated key',
      'pal=viridis&pal=cividis',
      { palette: 'viridis' },
      [{ key: 'pal', message: 'notice.duplicateKey' }],
    ],
    [
      'plateau schedule',
      'sched=plateau(factor:0.5,patience:3)',
      {},
      [{ key: 'sched', message: 'notice.invalidValue' }],
    ],
    [
      'warm-up as long as the schedule',
      'sched=cosine(totalSteps:10,warmupSteps:10)',
      {},
      [{ key: 'sched', message: 'notice.invalidValue' }],
    ],
    [
      'decreasing milestones',
      'sched=multistep(milestones:5/3,gamma:0.1)',
      {},
      [{ key: 'sched', message: 'notice.invalidValue' }],
    ],
    [
      'nested call',
      'sched=step(stepSize:exp(1),gamma:0.1)',
      {},
      [{ key: 'sched', message: 'notice.invalidValue' }],
    ],
    [
      'unknown racer kind',
      'r=evil(lr:1)',
      {},
      [
        { key: 'r', message: 'notice.invalidRacer', params: { n: 1 } },
        { key: 'r', message: 'notice.noRacers' },
      ],
    ],
    [
      'unbalanced parentheses',
      'r=adam(lr:0.1',
      {},
      [
        { key: 'r', message: 'notice.invalidRacer', params: { n: 1 } },
        { key: 'r', message: 'notice.noRacers' },
      ],
    ],
    ['selection of a missing racer', 'sel=r5', {}, [{ key: 'sel', message: 'notice.invalidValue' }]],
    ['absurdly long value', `s=${'a'.repeat(65)}`, {}, [{ key: 's', message: 'notice.valueTooLong' }]],
    ['absurdly long link', `r=${'sgd~'.repeat(10_000)}`, {}, [{ key: '', message: 'notice.linkTooLong' }]],
  ]
  for (const [name, query, expected, notices] of hostile) {
    it(`parseUrl ignores a hostile value (${name}) in favour of the default, with a notice`, () => {
      const result = parse(query)
      expect(result.notices).toEqual(notices)
      expect(result.settings).toEqual({ ...defaults, ...expected })
    })
  }

  it('parseUrl never touches Object.prototype, whatever the keys', () => {
    parse('__proto__=x&constructor[prototype][polluted]=1&__proto__.polluted=1&s=__proto__')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'x')).toBe(false)
  })

  it('parseUrl keeps the first 6 of 1,000 racers and says so', () => {
    const { settings, notices } = parse(`r=${'sgd~'.repeat(999)}adam`)
    expect(settings.racers.map((r) => r.id)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5'])
    expect(notices).toEqual([{ key: 'r', message: 'notice.tooManyRacers', params: { max: 6 } }])
  })

  it('a bad field only resets that field of its racer; a bad racer is left out', () => {
    const { settings, notices } = parse(
      'r=adam(pytorch,lr:NaN,b1:0.8,b1:0.7,zz:1)~nope~rmsprop(lecture,eps:1e-8,rho:0.5)',
    )
    expect(settings.racers.map((r) => r.optimizer)).toEqual([
      { kind: 'adam', convention: 'pytorch', lr: 0.05, beta1: 0.8 },
      { kind: 'rmsprop', convention: 'lecture', lr: 0.05, rho: 0.5 },
    ])
    expect(notices).toEqual([
      { key: 'r', message: 'notice.invalidRacerField', params: { n: 1 } },
      { key: 'r', message: 'notice.invalidRacer', params: { n: 2 } },
      { key: 'r', message: 'notice.invalidRacerField', params: { n: 3 } },
    ])
  })

  it('a link with 100 keys is read only up to 64 pairs, and at most 12 notices are listed before a summary', () => {
    const { settings, notices } = parse(Array.from({ length: 100 }, (_, i) => `k${i}=1`).join('&'))
    expect(settings).toEqual(defaults)
    expect(notices.slice(0, 12)).toEqual([
      { key: '', message: 'notice.tooManyKeys', params: { max: 64 } },
      ...Array.from({ length: 11 }, (_, i) => ({ key: `k${i}`, message: 'notice.unknownKey' })),
    ])
    expect(notices[12]).toEqual({ key: '', message: 'notice.more', params: { n: 53 } })
  })

  it('for every key of the table, markup, control characters or junk are replaced by the default with a notice', () => {
    for (const { key } of URL_PROPS) {
      for (const junk of [
        '<img src=x onerror=alert(1)>',
        '\u0000\u202e',
        'NaN',
        '()',
        '~~~',
        'javascript:void(0)',
      ]) {
        const { settings, notices } = parse(`${key}=${encodeURIComponent(junk)}`)
        expect(settings, `${key}=${junk}`).toEqual(defaults)
        expect(notices.length, `${key}=${junk}`).toBeGreaterThan(0)
        expect(notices.every((n) => n.key === key)).toBe(true)
      }
    }
  })

  const queryish = fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(...URL_PROPS.map((p) => p.key), '__proto__', 'constructor'),
          fc.string({ maxLength: 8 }),
        ),
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc.stringMatching(/^[a-z]{1,8}\([a-z0-9:.,~()/-]{0,30}\)$/),
          fc.double().map(String),
        ),
      ),
      { maxLength: 20 },
    )
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'))
  const mutatedLink = fc
    .tuple(settingsArb, fc.nat(), fc.string({ unit: 'binary', maxLength: 4 }), fc.nat({ max: 8 }))
    .map(([s, at, insert, cut]) => {
      const q = serializeUrl(s)
      const i = at % (q.length + 1)
      return q.slice(0, i) + insert + q.slice(i + cut)
    })

  it('arbitrary strings never make parseUrl throw, and always yield valid settings and safe notices', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.string({ unit: 'grapheme', maxLength: 200 }),
          fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) }),
          queryish,
          mutatedLink,
        ),
        (query) => {
          const { settings, notices } = parse(query)
          expectValidSettings(settings)
          expectSafeNotices(notices)
          // What came out is itself a link that reads back unchanged.
          expect(parse(serializeUrl(settings))).toEqual({ settings, notices: [] })
        },
      ),
      { numRuns: 600 },
    )
  })

  it('parseUrl only offers the surfaces of its catalog', () => {
    const small = createSurfaceCatalog([surfaces.booth, surfaces.himmelblau])
    const { settings, notices } = parseUrl('s=saddle', { catalog: small })
    expect(settings.surfaceId).toBe('booth')
    expect(settings.start).toEqual(surfaces.booth.start)
    expect(notices).toEqual([{ key: 's', message: 'notice.unknownSurface' }])
  })
})
