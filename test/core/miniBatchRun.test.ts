import { describe, expect, it } from 'vitest'
import { createBatchSampler } from '../../src/core/batchSampler'
import { SpecError } from '../../src/core/errors'
import { noiseCloud, batchGradientSpread } from '../../src/core/noiseCloud'
import { optimizerMetaList } from '../../src/core/optimizers/meta'
import { createRun, runTrajectory } from '../../src/core/run'
import { scheduleMetaList } from '../../src/core/schedules/meta'
import { miniBatchComputedMinimum, miniBatchData, miniBatchLinear } from '../../src/core/surfaces/miniBatch'
import type { TrajectorySpec } from '../../src/core/types'

const SURFACE = 'mini-batch-linear'
const N = 30

/** ∇eₙ = 2rₙ(x₁ⁿ, x₂ⁿ), written out again from the raw data. */
function exampleGrad(n: number, w1: number, w2: number): [number, number] {
  const u = miniBatchData.x1[n]
  const v = miniBatchData.x2[n]
  const r = w1 * u + w2 * v - miniBatchData.y[n]
  return [2 * r * u, 2 * r * v]
}

function batchMean(batch: ArrayLike<number>, w1: number, w2: number): [number, number] {
  let gx = 0
  let gy = 0
  for (let i = 0; i < batch.length; i++) {
    const [a, b] = exampleGrad(batch[i], w1, w2)
    gx += a
    gy += b
  }
  return [gx / batch.length, gy / batch.length]
}

const spec = (over: Partial<TrajectorySpec> = {}): TrajectorySpec => ({
  surface: SURFACE,
  optimizer: { kind: 'sgd', convention: 'lecture', lr: 0.05 },
  start: [-1.5, -1],
  steps: 2,
  ...over,
})

describe('mini-batch runs', () => {
  it('two SGD steps with batch size 2 are θ ← θ − η·mean of the batch’s ∇eₙ, by hand', () => {
    const seed = 7
    // The first epoch's batches (the sampler is checked against an independent Fisher–Yates elsewhere).
    const s = createBatchSampler(N, 2, seed)
    const b0 = [...s.batch(0)]
    const b1 = [...s.batch(1)]
    expect(b0).toHaveLength(2)
    const eta = 0.05
    const [g0x, g0y] = batchMean(b0, -1.5, -1)
    const x1 = -1.5 - eta * g0x
    const y1 = -1 - eta * g0y
    const [g1x, g1y] = batchMean(b1, x1, y1)
    const x2 = x1 - eta * g1x
    const y2 = y1 - eta * g1y
    const t = runTrajectory(spec({ batch: { size: 2, seed } }))
    expect(t.grad[0]).toBeCloseTo(g0x, 12)
    expect(t.grad[3]).toBeCloseTo(g1y, 12)
    expect(t.x[1]).toBeCloseTo(x1, 13)
    expect(t.y[1]).toBeCloseTo(y1, 13)
    expect(t.x[2]).toBeCloseTo(x2, 13)
    expect(t.y[2]).toBeCloseTo(y2, 13)
    // The loss and ‖∇L‖ recorded are the full batch’s, not the batch’s.
    expect(t.loss[2]).toBe(miniBatchLinear.f(t.x[2], t.y[2]))
  })

  it('a batch of N is the full batch: the same run as no batch at all', () => {
    const a = runTrajectory(spec({ steps: 50 }))
    const b = runTrajectory(spec({ steps: 50, batch: { size: N, seed: 3 } }))
    expect(b.x).toEqual(a.x)
    expect(b.y).toEqual(a.y)
  })

  it('every optimizer uses the batch mean as its gradient, under every closed-form schedule', () => {
    const schedules = scheduleMetaList.filter((m) => m.lr !== undefined)
    for (const meta of optimizerMetaList) {
      for (const sm of schedules) {
        const run = createRun(
          spec({
            optimizer: { kind: meta.id, lr: meta.teachingLr },
            schedule: sm.raceDefault?.(40) ?? sm.defaults,
            steps: 40,
            batch: { size: 4, seed: 5 },
          }),
        )
        run.advance(40)
        const sampler = createBatchSampler(N, 4, 5)
        for (let t = 0; t < run.count - 1; t++) {
          const [gx, gy] = batchMean(sampler.batch(t), run.x[t], run.y[t])
          expect(run.grad[2 * t], `${meta.id} ${sm.id} t=${t}`).toBeCloseTo(gx, 9)
          expect(run.grad[2 * t + 1], `${meta.id} ${sm.id} t=${t}`).toBeCloseTo(gy, 9)
        }
      }
    }
  })

  it('batch size 1 reaches the minimum’s neighbourhood in 10 epochs where the full batch does not', () => {
    const full = runTrajectory(spec({ steps: 10 }))
    const one = runTrajectory(spec({ steps: 300, batch: { size: 1, seed: 1 } }))
    const [mx, my] = miniBatchComputedMinimum
    const dist = (t: typeof full, k: number) => Math.hypot(t.x[k] - mx, t.y[k] - my)
    expect(dist(one, 300)).toBeLessThan(dist(full, 10))
  })

  it('refuses a batch on a surface without examples, and sizes outside 1..N', () => {
    const bad = (over: Partial<TrajectorySpec>, field: string) => {
      try {
        createRun(spec(over))
        throw new Error('accepted')
      } catch (e) {
        expect(e).toBeInstanceOf(SpecError)
        expect((e as SpecError).field).toBe(field)
      }
    }
    bad({ surface: 'saddle', start: [0, 0], batch: { size: 1, seed: 1 } }, 'batch')
    bad({ batch: { size: 0, seed: 1 } }, 'batch.size')
    bad({ batch: { size: 31, seed: 1 } }, 'batch.size')
    bad({ batch: { size: 1.5, seed: 1 } }, 'batch.size')
    bad({ batch: { size: 2, seed: -1 } }, 'batch.seed')
  })
})

/** Root-mean-square distance of the cloud's points to the full-batch gradient. */
function rms(cloud: Float64Array, full: ArrayLike<number>): number {
  let s = 0
  for (let i = 0; i < cloud.length; i += 2) s += (cloud[i] - full[0]) ** 2 + (cloud[i + 1] - full[1]) ** 2
  return Math.sqrt(s / (cloud.length / 2))
}

describe('noiseCloud: every mini-batch gradient around the full-batch one', () => {
  const [x, y] = [-1.5, -1]
  const full = miniBatchLinear.grad(x, y)

  it('at batch size 1 is the N per-example gradients, whose spread is the expected one exactly', () => {
    const cloud = noiseCloud(miniBatchLinear, x, y, 1, 3)
    expect(cloud).toHaveLength(2 * N)
    const got = Array.from({ length: N }, (_, i) => `${cloud[2 * i]},${cloud[2 * i + 1]}`).sort()
    const want = Array.from({ length: N }, (_, n) => miniBatchLinear.perExample!.grad(n, x, y))
      .map((g) => `${g[0]},${g[1]}`)
      .sort()
    expect(got).toEqual(want)
    expect(rms(cloud, full)).toBeCloseTo(batchGradientSpread(miniBatchLinear, x, y, 1), 10)
  })

  it('has the full gradient as its mean when B divides N, and shrinks as the batch grows', () => {
    const spreads = [1, 3, 5, 10, 15, 30].map((b) => {
      const cloud = noiseCloud(miniBatchLinear, x, y, b, 3)
      let mx = 0
      let my = 0
      for (let i = 0; i < cloud.length; i += 2) {
        mx += cloud[i]
        my += cloud[i + 1]
      }
      expect(mx / (cloud.length / 2)).toBeCloseTo(full[0], 10)
      expect(my / (cloud.length / 2)).toBeCloseTo(full[1], 10)
      const expected = batchGradientSpread(miniBatchLinear, x, y, b)
      expect(Math.abs(rms(cloud, full) - expected)).toBeLessThanOrEqual(0.35 * expected + 1e-12)
      return expected
    })
    for (let i = 1; i < spreads.length; i++) expect(spreads[i]).toBeLessThan(spreads[i - 1])
    expect(spreads.at(-1)).toBe(0)
  })
})
