import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { activationIds } from '../../../src/core/mlp/activations/index'
import { validateClassifierConfig } from '../../../src/core/mlp/validateConfig'
import { optimizers, supportedConventions } from '../../../src/core/optimizers'
import type { Convention, OptimizerKind, OptimizerSpec, ScheduleSpec } from '../../../src/core/types'
import { normalizeOptimizer } from '../../../src/state/optimizerRules'
import { createDefaultLabSettings, labRunConfigs } from '../../../src/state/lab/labSettings'
import type { LabDataSource, LabSettings, NetSettings } from '../../../src/state/lab/labSettings'
import { isLabKey, parseLabUrl, serializeLabUrl, splitLabQuery } from '../../../src/state/lab/labUrl'

/**
 * Valid lab settings, written from the assignment and the core registries (not from the codec's tables):
 * 1..3 hidden layers of 1..32 units, every first-order optimizer in every convention that defines it with
 * the hyper-parameters that convention reads, each schedule kind with its documented domain, plateau
 * included.
 */
const strip = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined })
const real = (min: number, max: number, o: { minExcluded?: boolean; maxExcluded?: boolean } = {}) =>
  fc.double({ min, max, noNaN: true, ...o }).map((v) => v + 0)
const int = (min: number, max: number) => fc.integer({ min, max })
const unitOpen = real(0, 1, { maxExcluded: true })
const factor = real(0, 1, { minExcluded: true })

const paramArb: Record<string, fc.Arbitrary<number>> = {
  momentum: unitOpen,
  rho: unitOpen,
  beta1: unitOpen,
  beta2: unitOpen,
  eps: real(0, 1),
  initialAccumulator: real(0, 1e6),
  weightDecay: real(0, 100),
}

const optimizerArb: fc.Arbitrary<OptimizerSpec> = fc
  .constantFrom(...(Object.keys(optimizers) as OptimizerKind[]).filter((k) => k !== 'newton'))
  .chain((kind) => fc.constantFrom(...supportedConventions(kind)).map((convention) => ({ kind, convention })))
  .chain(({ kind, convention }) => {
    const reads = optimizers[kind].conventions[convention]!.hyperParams.map((p) => p.key).filter(
      (k) => k !== 'lr',
    )
    return fc
      .record({
        lr: real(0, 1e4, { minExcluded: true }),
        params: fc.record(Object.fromEntries(reads.map((k) => [k, opt(paramArb[k])]))),
      })
      .map(({ lr, params }) => strip({ kind, convention, lr, ...params }) as OptimizerSpec)
  })

const steps = int(1, 1_000_000)
const scheduleArb: fc.Arbitrary<ScheduleSpec | null> = fc.oneof(
  fc.constant(null),
  fc.constant<ScheduleSpec>({ kind: 'constant' }),
  fc
    .record({ decay: factor, decaySteps: real(0, 1e6, { minExcluded: true }), staircase: opt(fc.boolean()) })
    .map((s) => strip({ kind: 'exponential' as const, ...s })),
  fc.record({ stepSize: steps, gamma: factor }).map((s) => ({ kind: 'step' as const, ...s })),
  fc.uniqueArray(int(0, 1_000_000), { minLength: 1, maxLength: 32 }).chain((m) =>
    factor.map((gamma) => ({
      kind: 'multistep' as const,
      milestones: [...m].sort((p, q) => p - q),
      gamma,
    })),
  ),
  fc
    .record({ totalSteps: steps, power: real(0, 100, { minExcluded: true }), final: opt(real(0, 1e4)) })
    .map((s) => strip({ kind: 'polynomial' as const, ...s })),
  fc
    .record({
      totalSteps: int(2, 1_000_000),
      final: opt(real(0, 1e4)),
      warmupBegin: opt(real(0, 1e4)),
      w: opt(fc.nat()),
    })
    .map(({ w, ...s }) =>
      strip({ kind: 'cosine' as const, ...s, warmupSteps: w === undefined ? undefined : w % s.totalSteps }),
    ),
  fc.constant<ScheduleSpec>({ kind: 'inverse-sqrt' }),
  steps.map((warmupSteps) => ({ kind: 'warmup-inverse-sqrt' as const, warmupSteps })),
  fc
    .record({ t0: steps, tMult: opt(int(1, 100)), final: opt(real(0, 1e4)) })
    .map((s) => strip({ kind: 'cosine-restarts' as const, ...s })),
  fc
    .record({
      factor: real(0, 1, { minExcluded: true, maxExcluded: true }),
      patience: int(0, 1000),
      threshold: opt(real(0, 1)),
      cooldown: opt(int(0, 1000)),
      minLr: opt(real(0, 1e4)),
    })
    .map((s) => strip({ kind: 'plateau' as const, ...s })),
)

const netArb: fc.Arbitrary<NetSettings> = fc.record({
  hidden: fc.array(int(1, 32), { minLength: 1, maxLength: 3 }),
  activation: fc.constantFrom(...activationIds),
  output: fc.constantFrom('linear' as const, 'sigmoid' as const),
  loss: fc.constantFrom('mse' as const, 'cross-entropy' as const),
  optimizer: optimizerArb,
  schedule: scheduleArb,
  batchSize: int(1, 100_000),
  epochs: int(1, 100_000),
  shuffle: fc.boolean(),
  regularization: fc.oneof(
    fc.constant({ kind: 'none' as const }),
    fc.record({ kind: fc.constantFrom('l1' as const, 'l2' as const), lambda: real(0, 10) }),
  ),
  dropout: real(0, 0.9),
  batchNorm: fc.boolean(),
  init: fc.constantFrom('normal' as const, 'xavier' as const, 'he' as const),
  validationSplit: real(0, 0.9),
  patience: int(0, 10_000),
})

const sourceArb: fc.Arbitrary<LabDataSource> = fc.oneof(
  fc.constant({ kind: 'dot' as const }),
  fc.record({
    kind: fc.constant('generated' as const),
    shape: fc.constantFrom('circle' as const, 'xor' as const, 'gaussians' as const, 'spiral' as const),
    n: int(4, 100_000),
    noise: real(0, 5),
    seed: int(0, 0xffff_ffff),
  }),
  // A user's file travels as its SHA-256 only; its name comes back from the vault, not the link.
  fc
    .uint8Array({ minLength: 32, maxLength: 32 })
    .map((b) => ({ kind: 'file' as const, name: '', hash: Buffer.from(b).toString('hex') })),
)

const settingsArb: fc.Arbitrary<LabSettings> = fc.record({
  mode: fc.constantFrom('regularization' as const, 'compare' as const),
  a: netArb,
  b: netArb,
  seed: int(0, 0xffff_ffff),
  data: sourceArb,
  compare: fc.record({
    convention: fc.constantFrom<Convention>('lecture', 'pytorch', 'tensorflow', 'course'),
    lr: real(0, 1e4, { minExcluded: true }),
    targetLoss: real(0, 1e6),
  }),
  pace: fc.oneof(fc.constant(null), real(1, 1000)),
})

describe('serializeLabUrl / parseLabUrl', () => {
  it('the course’s experiment is the link `lab=reg`, and reads back as the defaults without notices', () => {
    const defaults = createDefaultLabSettings()
    expect(serializeLabUrl(defaults)).toBe('lab=reg')
    expect(parseLabUrl('?lab=reg')).toEqual({ settings: defaults, notices: [] })
    expect(parseLabUrl('')).toEqual({ settings: defaults, notices: [] })
  })

  it('parseLabUrl(serializeLabUrl(s)) gives back s exactly, with no notices (property)', () => {
    fc.assert(
      fc.property(settingsArb, (s) => {
        const query = serializeLabUrl(s)
        const { settings, notices } = parseLabUrl(query)
        expect(notices).toEqual([])
        expect(settings).toEqual(s)
        // Key order matters to the store's fingerprints: a link gives the optimizer the actions would make.
        expect(JSON.stringify(settings.a.optimizer)).toBe(JSON.stringify(normalizeOptimizer(s.a.optimizer)))
      }),
      { numRuns: 400 },
    )
  })

  it('a link writes only lab keys, and a playground query beside it survives splitLabQuery untouched', () => {
    fc.assert(
      fc.property(settingsArb, (s) => {
        const lab = serializeLabUrl(s)
        for (const pair of lab.split('&')) expect(isLabKey(decodeURIComponent(pair.split('=')[0]))).toBe(true)
        const playground = 's=saddle&start=1.5,-1.499&r=sgd(lecture,lr:0.01)&lang=zh'
        expect(splitLabQuery(`?${playground}&${lab}`)).toEqual({ lab, rest: playground })
        expect(parseLabUrl(`?${playground}&${lab}`)).toEqual({ settings: s, notices: [] })
      }),
      { numRuns: 100 },
    )
  })

  it('writes a readable link: only what differs from the defaults', () => {
    const s = createDefaultLabSettings()
    s.mode = 'compare'
    s.a = {
      ...s.a,
      hidden: [16, 8],
      activation: 'tanh',
      optimizer: { kind: 'adam', convention: 'pytorch', lr: 0.01 },
    }
    s.b = { ...s.b, regularization: { kind: 'l1', lambda: 0.001 }, validationSplit: 0.2, patience: 20 }
    s.seed = 7
    s.data = { kind: 'generated', shape: 'spiral', n: 400, noise: 0.1, seed: 3 }
    s.compare = { ...s.compare, convention: 'tensorflow', targetLoss: 0.05 }
    expect(serializeLabUrl(s)).toBe(
      'lab=cmp&l.a=h:16/8,act:tanh,opt:adam(pytorch,lr:0.01)&l.b=reg:l1(0.001),vs:0.2,pat:20&l.seed=7' +
        '&l.data=spiral(n:400,noise:0.1,seed:3)&l.cmp=conv:tensorflow,target:0.05',
    )
  })
})

describe('parseLabUrl on hostile input', () => {
  const hostile = [
    '<script>alert(1)</script>',
    'javascript:alert(1)',
    '"><img src=x onerror=alert(1)>',
    'NaN',
    'Infinity',
    '-1e999',
    '__proto__',
    'constructor',
    '0x10',
    '１２',
    'h:NaN',
    'opt:eval(1)',
    'reg:l2(1e400)',
    'h:99/99/99/99',
    'opt:newton(lecture,lr:1)',
    'opt:sgd(lecture,lr:0.1,m:0.9)',
    's:plateau(factor:2,patience:1)',
    'x'.repeat(5000),
  ]
  const keys = ['lab', 'l.a', 'l.b', 'l.seed', 'l.data', 'l.cmp']

  for (const key of keys) {
    it(`a hostile value of ${key} falls back to the default with a notice that does not repeat it`, () => {
      const defaults = createDefaultLabSettings()
      for (const value of hostile) {
        const { settings, notices } = parseLabUrl(`?${key}=${encodeURIComponent(value)}`)
        expect(settings).toEqual(defaults)
        expect(notices.length).toBeGreaterThan(0)
        const text = JSON.stringify(notices)
        for (const piece of ['<', 'script', 'javascript', 'alert', 'eval', 'onerror', 'xxxx'])
          expect(text.includes(piece)).toBe(false)
      }
    })
  }

  it('never throws and always gives settings the core accepts, whatever the values (property)', () => {
    const keyArb = fc.constantFrom('lab', 'l.a', 'l.b', 'l.seed', 'l.data', 'l.cmp', 'l.zzz', '__proto__')
    const valueArb = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[a-z0-9:,.()/~-]{0,60}$/),
      fc.constantFrom(
        'h:1/2/3',
        'opt:adam(course,lr:1e-3,b1:0.5)',
        's:step(stepSize:3,gamma:0.5)',
        'reg:l1(2)',
        'vs:0.5,pat:3',
      ),
    )
    fc.assert(
      fc.property(fc.array(fc.tuple(keyArb, valueArb), { maxLength: 8 }), (pairs) => {
        const query = pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')
        const { settings } = parseLabUrl(query)
        for (const { config } of labRunConfigs(settings))
          expect(() => validateClassifierConfig(config)).not.toThrow()
        expect(() => serializeLabUrl(settings)).not.toThrow()
      }),
      { numRuns: 300 },
    )
  })

  it('one bad field of a network keeps the others and names only the field', () => {
    const { settings, notices } = parseLabUrl('lab=reg&l.a=h:16/8,act:swish,ep:100,zap:1')
    expect(settings.a.hidden).toEqual([16, 8])
    expect(settings.a.epochs).toBe(100)
    expect(settings.a.activation).toBe('relu')
    expect(notices).toEqual([
      { key: 'l.a', message: 'lab.notice.invalidField', params: { field: 'act' } },
      { key: 'l.a', message: 'lab.notice.invalidField', params: { field: '?' } },
    ])
  })

  it('a parameter the convention does not read invalidates the optimizer (the lecture’s Adagrad has no ε)', () => {
    const { settings, notices } = parseLabUrl('lab=reg&l.a=opt:adagrad(lecture,lr:0.1,eps:1e-8)')
    expect(settings.a.optimizer).toEqual(createDefaultLabSettings().a.optimizer)
    expect(notices).toHaveLength(1)
    expect(parseLabUrl('lab=reg&l.a=opt:adagrad(pytorch,lr:0.1,eps:1e-8)').settings.a.optimizer).toEqual({
      kind: 'adagrad',
      convention: 'pytorch',
      lr: 0.1,
      eps: 1e-8,
    })
  })

  it('l.data=file (a link made while a file was loaded) shows dot.csv and says why', () => {
    const { settings, notices } = parseLabUrl('lab=reg&l.data=file')
    expect(settings.data).toEqual({ kind: 'dot' })
    expect(notices).toEqual([{ key: 'l.data', message: 'lab.notice.fileData' }])
  })

  it('unknown lab keys are reported with a safe name; the playground’s keys are not the lab’s business', () => {
    const { notices } = parseLabUrl('s=saddle&steps=500&l.%3Cb%3E=1&lang=zh')
    expect(notices).toEqual([{ key: 'l??b?', message: 'notice.unknownKey' }])
  })
})
