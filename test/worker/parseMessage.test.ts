import { describe, expect, it } from 'vitest'
import { GRID_MAX_SIZE } from '../../src/core/grid'
import { parseMessage } from '../../src/worker/parseMessage'
import type { ToWorker } from '../../src/worker/protocol'

const spec = { surface: 'booth', optimizer: { kind: 'sgd', lr: 0.01 }, start: [0, 0], steps: 10 }
const extent = { x: [-1, 1], y: [-2, 2] }
const dataset = { x: new Float64Array(8), y: new Float64Array(4), n: 4 }

/** One well-formed example of every message type (the Record type makes this list complete). */
const valid: Record<ToWorker['type'], ToWorker> = {
  'race.start': {
    type: 'race.start',
    runId: 1,
    racers: [{ id: 'a', spec }],
    speed: 60,
    autoplay: true,
  } as ToWorker,
  'race.play': { type: 'race.play', runId: 1 },
  'race.pause': { type: 'race.pause', runId: 1 },
  'race.step': { type: 'race.step', runId: 1, n: -3 },
  'race.seek': { type: 'race.seek', runId: 1, step: 40 },
  'race.speed': { type: 'race.speed', runId: 1, stepsPerSecond: 10_000 },
  'race.toEnd': { type: 'race.toEnd', runId: 1 },
  'race.reset': { type: 'race.reset', runId: 1 },
  'race.cancel': { type: 'race.cancel', runId: 1 },
  grid: { type: 'grid', requestId: 7, surface: 'booth', extent, nx: 2, ny: GRID_MAX_SIZE } as ToWorker,
  analyze: { type: 'analyze', requestId: 8, surface: 'saddle', x: 0, y: -1.5 },
  noiseCloud: {
    type: 'noiseCloud',
    requestId: 9,
    surface: 'mini-batch-linear',
    x: 0,
    y: 0,
    size: 5,
    seed: 1,
  },
  ping: { type: 'ping', seq: 3 },
  'train.start': {
    type: 'train.start',
    runId: 2,
    runs: [{ key: 'a', config: {} }],
    dataset,
    grid: { extent, nx: 8, ny: 8 },
    autoplay: false,
  } as unknown as ToWorker,
  'train.play': { type: 'train.play', runId: 2 },
  'train.pause': { type: 'train.pause', runId: 2 },
  'train.step': { type: 'train.step', runId: 2, epochs: 3 },
  'train.reset': { type: 'train.reset', runId: 2 },
  'train.speed': { type: 'train.speed', runId: 2, epochsPerSecond: 60 },
  'train.seek': { type: 'train.seek', runId: 2, epoch: 10 },
  'train.cancel': { type: 'train.cancel', runId: 2 },
  'train.load': { type: 'train.load', requestId: 9, source: { kind: 'csv', text: 'x1,x2,y\n' } },
  'train.compare': {
    type: 'train.compare',
    requestId: 10,
    config: {},
    optimizers: [{ kind: 'sgd', lr: 0.1 }],
    dataset,
    targetLoss: 0.1,
  } as unknown as ToWorker,
  'train.hessian': { type: 'train.hessian', requestId: 11, runId: 2, run: 'a' },
  'basin.start': {
    type: 'basin.start',
    runId: 3,
    specs: [{}],
    sides: [9, 17, 33, 65],
  } as unknown as ToWorker,
  'basin.cancel': { type: 'basin.cancel', runId: 3 },
  slice: { type: 'slice', requestId: 12, surface: 'saddle', from: [-1, 0], to: [1, 0], n: 64 },
  stability: { type: 'stability', requestId: 13, spec } as unknown as ToWorker,
  'train.landscape': {
    type: 'train.landscape',
    requestId: 12,
    runId: 2,
    seed: 1,
    span: 1,
    n: 41,
    contours: 12,
  },
  'train.interpolation': {
    type: 'train.interpolation',
    requestId: 13,
    runId: 2,
    t: { min: -0.5, max: 1.5, n: 81 },
  },
}

describe('parseMessage', () => {
  for (const [type, message] of Object.entries(valid)) {
    it(`parseMessage(data) accepts a well-formed '${type}' message as is`, () => {
      expect(parseMessage(message)).toEqual({ ok: true, message })
    })
  }

  it('parseMessage(data) accepts race.step without n', () => {
    expect(parseMessage({ type: 'race.step', runId: 3 }).ok).toBe(true)
  })

  const bad: [label: string, data: unknown, field: string | undefined][] = [
    ['null', null, undefined],
    ['a string', 'race.start', undefined],
    ['an array', [{ type: 'race.play', runId: 1 }], undefined],
    ['an object without type', { runId: 1 }, 'type'],
    ['an unknown type', { type: 'race.fly', runId: 1 }, 'type'],
    ['a type inherited from Object.prototype', { type: 'toString' }, 'type'],
    ['race.start without racers', { type: 'race.start', runId: 1, speed: 60, autoplay: true }, 'racers'],
    ['race.start with no racer', { ...valid['race.start'], racers: [] }, 'racers'],
    [
      'race.start with 17 racers',
      { ...valid['race.start'], racers: Array(17).fill({ id: 'a', spec }) },
      'racers',
    ],
    ['a racer without id', { ...valid['race.start'], racers: [{ spec }] }, 'racers[0].id'],
    [
      'two racers with one id',
      {
        ...valid['race.start'],
        racers: [
          { id: 'a', spec },
          { id: 'a', spec },
        ],
      },
      'racers[1].id',
    ],
    [
      'a racer whose spec is a string',
      { ...valid['race.start'], racers: [{ id: 'a', spec: 'sgd' }] },
      'racers[0].spec',
    ],
    ['race.start with speed 0', { ...valid['race.start'], speed: 0 }, 'speed'],
    ['race.start with speed 10 001', { ...valid['race.start'], speed: 10_001 }, 'speed'],
    ['race.start with autoplay "yes"', { ...valid['race.start'], autoplay: 'yes' }, 'autoplay'],
    ['a runId that is a string', { type: 'race.play', runId: '1' }, 'runId'],
    ['a negative runId', { type: 'race.pause', runId: -1 }, 'runId'],
    ['race.step with n 1.5', { type: 'race.step', runId: 1, n: 1.5 }, 'n'],
    ['race.seek without step', { type: 'race.seek', runId: 1 }, 'step'],
    ['race.seek to −1', { type: 'race.seek', runId: 1, step: -1 }, 'step'],
    ['race.speed with NaN', { type: 'race.speed', runId: 1, stepsPerSecond: NaN }, 'stepsPerSecond'],
    ['grid without requestId', { ...valid.grid, requestId: undefined }, 'requestId'],
    ['grid with an empty surface id', { ...valid.grid, surface: '' }, 'surface'],
    ['grid with a reversed extent', { ...valid.grid, extent: { x: [1, -1], y: [0, 1] } }, 'extent'],
    ['grid with nx 1', { ...valid.grid, nx: 1 }, 'nx'],
    ['grid with ny above the core limit', { ...valid.grid, ny: GRID_MAX_SIZE + 1 }, 'ny'],
    ['analyze with x Infinity', { ...valid.analyze, x: Infinity }, 'x'],
    ['analyze with y a string', { ...valid.analyze, y: '0' }, 'y'],
    ['train.speed at 0 epochs/s', { type: 'train.speed', runId: 1, epochsPerSecond: 0 }, 'epochsPerSecond'],
    ['train.speed without a pace', { type: 'train.speed', runId: 1 }, 'epochsPerSecond'],
    ['train.start at 1001 epochs/s', { ...valid['train.start'], epochsPerSecond: 1001 }, 'epochsPerSecond'],
    ['train.seek to −1', { type: 'train.seek', runId: 1, epoch: -1 }, 'epoch'],
    ['train.seek to 2.5', { type: 'train.seek', runId: 1, epoch: 2.5 }, 'epoch'],
  ]
  for (const [label, data, field] of bad) {
    it(`parseMessage(data) rejects ${label}${field ? `, naming field '${field}'` : ''}`, () => {
      const result = parseMessage(data)
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.problem.field).toBe(field)
      expect(result.problem.message.length).toBeGreaterThan(10)
    })
  }

  it('parseMessage(data) keeps the runId and requestId of a malformed message, so the error finds its owner', () => {
    const race = parseMessage({ type: 'race.start', runId: 4, racers: 'none', speed: 1, autoplay: false })
    const grid = parseMessage({ ...valid.grid, requestId: 9, nx: 0.5 })
    expect(race).toMatchObject({ ok: false, problem: { runId: 4, field: 'racers' } })
    expect(race.ok || 'requestId' in race.problem).toBe(false)
    expect(grid).toMatchObject({ ok: false, problem: { requestId: 9, field: 'nx' } })
  })

  it('parseMessage(data) says what it expected and what it got', () => {
    const result = parseMessage({ type: 'race.speed', runId: 1, stepsPerSecond: 0 })
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.problem.message).toBe(
        'race.speed: stepsPerSecond must be a number in 1..10000, got number 0',
      )
  })
})
