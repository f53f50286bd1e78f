import { describe, expect, it } from 'vitest'
import { SpecError } from '../../../src/core/errors'
import { createTrainer, generateDataset, trainClassifier } from '../../../src/core/mlp/index'
import type { ClassifierConfig, Dataset, LayerWeights, TrainProgress } from '../../../src/core/mlp/index'
import { naiveLoss, patternWeights } from './naiveMlp'

const blobs = generateDataset('gaussians', 60, 0.3, 5)

function config(over: Partial<ClassifierConfig> = {}): ClassifierConfig {
  return {
    layers: [2, 5, 1],
    activation: 'relu',
    output: 'linear',
    loss: 'mse',
    optimizer: { kind: 'sgd', lr: 0.05 },
    batchSize: 8,
    epochs: 20,
    shuffle: false,
    seed: 3,
    regularization: { kind: 'none' },
    init: { kind: 'normal', seed: 9 },
    ...over,
  }
}

const rowsOf = (d: Dataset, from = 0, to = d.n): [number, number][] =>
  Array.from({ length: to - from }, (_, k) => [d.x[2 * (from + k)], d.x[2 * (from + k) + 1]])

describe('createTrainer(config, dataset)', () => {
  it('starts two trainers with the same init seed from identical weights (the lab trains λ = 0 and 0.03 in lockstep)', () => {
    const a = createTrainer(config(), blobs)
    const b = createTrainer(config({ regularization: { kind: 'l2', lambda: 0.03 }, seed: 77 }), blobs)
    expect(Array.from(a.params)).toEqual(Array.from(b.params))
    const c = createTrainer(config({ init: { kind: 'normal', seed: 10 } }), blobs)
    expect(Array.from(c.params)).not.toEqual(Array.from(a.params))
  })

  it('initialises normal weights as N(0, 1) with biases 0.01, xavier as Glorot uniform and he as N(0, 2/fan_in), biases 0', () => {
    const wide = [2, 32, 32, 1]
    const stats = (kind: 'normal' | 'xavier' | 'he') => {
      const w = createTrainer(config({ layers: wide, init: { kind, seed: 1 } }), blobs).weights()
      const hidden = w[1].W.flat()
      const mean = hidden.reduce((s, v) => s + v, 0) / hidden.length
      const variance = hidden.reduce((s, v) => s + (v - mean) ** 2, 0) / hidden.length
      return { w, variance, max: Math.max(...hidden.map(Math.abs)) }
    }
    const normal = stats('normal')
    expect(normal.variance).toBeGreaterThan(0.85)
    expect(normal.variance).toBeLessThan(1.15)
    expect(normal.w.every((l) => l.b.every((b) => b === 0.01))).toBe(true)
    const xavier = stats('xavier')
    const r = Math.sqrt(6 / 64)
    expect(xavier.max).toBeLessThanOrEqual(r)
    expect(xavier.variance).toBeCloseTo(r ** 2 / 3, 2)
    expect(xavier.w.every((l) => l.b.every((b) => b === 0))).toBe(true)
    const he = stats('he')
    expect(he.variance / (2 / 32)).toBeGreaterThan(0.85)
    expect(he.variance / (2 / 32)).toBeLessThan(1.15)
  })

  it('makes one SGD update per batch in file order, the last batch partial, each on its own mean loss + penalty', () => {
    // 5 rows in batches of 2: rows {0,1}, {2,3}, {4}. The expected run differentiates the naive loss of each
    // batch numerically (no backprop code shared with the core) and steps θ ← θ − η∇L_B.
    const d: Dataset = {
      x: Float64Array.from([0.3, -1, 1.2, 0.4, -0.8, 0.9, 0.1, 0.2, -1.5, -0.3]),
      y: Float64Array.from([1, 0, 0, 1, 1]),
      n: 5,
    }
    const layers = [2, 3, 1]
    const start = patternWeights(layers, 0.8, 2)
    const reg = { kind: 'l2', lambda: 0.1 } as const
    const cfg: ClassifierConfig = config({
      layers,
      activation: 'tanh',
      batchSize: 2,
      epochs: 2,
      optimizer: { kind: 'sgd', lr: 0.3 },
      regularization: reg,
      init: { kind: 'explicit', weights: start },
    })
    const trainer = createTrainer(cfg, d)
    trainer.trainEpochs(2)
    expect(trainer.updates).toBe(6)
    let w: LayerWeights[] = structuredClone(start)
    const flat = (ws: LayerWeights[]) => ws.flatMap((l) => [...l.W.flat(), ...l.b])
    const unflat = (v: number[]): LayerWeights[] => {
      let k = 0
      return layers.slice(1).map((units, l) => ({
        W: Array.from({ length: layers[l] }, () => Array.from({ length: units }, () => v[k++])),
        b: Array.from({ length: units }, () => v[k++]),
      }))
    }
    for (let epoch = 0; epoch < 2; epoch++) {
      for (const [from, to] of [
        [0, 2],
        [2, 4],
        [4, 5],
      ]) {
        const loss = (v: number[]) =>
          naiveLoss(
            { weights: unflat(v), activation: 'tanh', output: 'linear', loss: 'mse', regularization: reg },
            rowsOf(d, from, to),
            Array.from(d.y.subarray(from, to)),
            true,
          )
        const theta = flat(w)
        const h = 1e-6
        const grad = theta.map((_, k) => {
          const up = theta.slice()
          const down = theta.slice()
          up[k] += h
          down[k] -= h
          return (loss(up) - loss(down)) / (2 * h)
        })
        w = unflat(theta.map((v, k) => v - 0.3 * grad[k]))
      }
    }
    const expected = flat(w)
    Array.from(trainer.params).forEach((v, k) => expect(Math.abs(v - expected[k])).toBeLessThan(1e-8))
  })

  it('resumes: trainEpochs(3) then trainEpochs(4) equals seven epochs at once, bit for bit (shuffle and dropout on)', () => {
    const cfg = config({ shuffle: true, dropout: 0.3, layers: [2, 6, 4, 1], epochs: 10 })
    const a = createTrainer(cfg, blobs)
    expect(a.trainEpochs(3)).toBe(3)
    expect(a.trainEpochs(4)).toBe(4)
    const b = createTrainer(cfg, blobs)
    b.trainEpochs(7)
    expect(a.epoch).toBe(7)
    expect(Array.from(a.params)).toEqual(Array.from(b.params))
    expect(Array.from(a.history.loss)).toEqual(Array.from(b.history.loss))
    expect(a.trainEpochs(100)).toBe(3)
    expect(a.done).toBe(true)
    expect(a.stopReason).toBe('completed')
    expect(a.trainEpochs(1)).toBe(0)
  })

  it('shuffles with the seed: reproducible, seed-dependent, and a no-op for a full batch', () => {
    const run = (over: Partial<ClassifierConfig>) =>
      trainClassifier(config({ epochs: 5, ...over }), blobs).params
    expect(Array.from(run({ shuffle: true }))).toEqual(Array.from(run({ shuffle: true })))
    expect(Array.from(run({ shuffle: true }))).not.toEqual(Array.from(run({ shuffle: true, seed: 4 })))
    expect(Array.from(run({ shuffle: true }))).not.toEqual(Array.from(run({ shuffle: false })))
    // A full batch sees every row whatever the order: only summation order changes.
    const full = run({ shuffle: true, batchSize: 60 })
    const ordered = run({ shuffle: false, batchSize: 1000 })
    full.forEach((v, k) => expect(v).toBeCloseTo(ordered[k], 12))
  })

  it('records per epoch the full-data loss, data term, accuracy and learning rate; loss = data term + penalty', () => {
    const cfg = config({
      regularization: { kind: 'l2', lambda: 0.02 },
      epochs: 6,
      schedule: { kind: 'exponential', decay: 0.9, decaySteps: 1 },
    })
    const t = createTrainer(cfg, blobs)
    t.trainEpochs(6)
    const h = t.history
    expect(h.epochs).toBe(6)
    expect(h.loss.length).toBe(6)
    const batches = Math.ceil(60 / 8)
    for (let e = 0; e < 6; e++) {
      // η_t of the epoch's last update, t = (e + 1)·batches − 1, from docs/conventions.md's formula.
      expect(h.lr[e]).toBeCloseTo(0.05 * 0.9 ** ((e + 1) * batches - 1), 15)
      expect(h.loss[e]).toBeGreaterThan(h.dataLoss[e])
    }
    const w = t.weights()
    const penalty = 0.01 * w.flatMap((l) => l.W.flat()).reduce((s, v) => s + v * v, 0)
    const dataLoss = naiveLoss(
      { weights: w, activation: 'relu', output: 'linear', loss: 'mse', regularization: { kind: 'none' } },
      rowsOf(blobs),
      Array.from(blobs.y),
      false,
    )
    expect(h.dataLoss[5]).toBeCloseTo(dataLoss, 13)
    expect(h.loss[5]).toBeCloseTo(dataLoss + penalty, 13)
    const m = t.evaluate()
    expect(m.dataLoss).toBe(h.dataLoss[5])
    expect(m.valLoss).toBeUndefined()
  })

  it('counts a prediction > 0.5 as class 1 for accuracy, matching predict(x1, x2) row by row', () => {
    for (const over of [
      {},
      { output: 'sigmoid', loss: 'cross-entropy' },
      { loss: 'cross-entropy' },
    ] as Partial<ClassifierConfig>[]) {
      const t = createTrainer(config({ epochs: 3, ...over }), blobs)
      t.trainEpochs(3)
      let correct = 0
      for (let i = 0; i < blobs.n; i++)
        if (t.predict(blobs.x[2 * i], blobs.x[2 * i + 1]) > 0.5 === (blobs.y[i] === 1)) correct++
      expect(t.evaluate().accuracy).toBe(correct / blobs.n)
    }
  })

  it('predicts σ(z) for a sigmoid output or a cross-entropy loss, z itself for linear MSE', () => {
    const weights = patternWeights([2, 3, 1], 1, 4)
    const z = createTrainer(
      config({ layers: [2, 3, 1], init: { kind: 'explicit', weights } }),
      blobs,
    ).predict(0.4, -0.2)
    for (const over of [{ output: 'sigmoid' }, { loss: 'cross-entropy' }] as Partial<ClassifierConfig>[]) {
      const p = createTrainer(
        config({ layers: [2, 3, 1], init: { kind: 'explicit', weights }, ...over }),
        blobs,
      ).predict(0.4, -0.2)
      expect(p).toBeCloseTo(1 / (1 + Math.exp(-z)), 15)
    }
    expect(z).toBeCloseTo(
      Math.max(0, 0.4 * weights[0].W[0][0] - 0.2 * weights[0].W[1][0] + weights[0].b[0]) *
        weights[1].W[0][0] +
        Math.max(0, 0.4 * weights[0].W[0][1] - 0.2 * weights[0].W[1][1] + weights[0].b[1]) *
          weights[1].W[1][0] +
        Math.max(0, 0.4 * weights[0].W[0][2] - 0.2 * weights[0].W[1][2] + weights[0].b[2]) *
          weights[1].W[2][0] +
        weights[1].b[0],
      14,
    )
  })

  it('predictGrid(extent, nx, ny) lays out predict() row-major from the bottom row, ending exactly on x1 and y1', () => {
    const t = createTrainer(config(), blobs)
    t.trainEpochs(2)
    const extent = { x: [-3, 2] as [number, number], y: [-1, 4] as [number, number] }
    const grid = t.predictGrid(extent, 7, 5)
    expect(grid.length).toBe(35)
    for (let r = 0; r < 5; r++) {
      for (let c = 0; c < 7; c++) expect(grid[r * 7 + c]).toBe(t.predict(-3 + (c * 5) / 6, -1 + (r * 5) / 4))
    }
    expect(grid[34]).toBe(t.predict(2, 4))
    const out = new Float64Array(35)
    expect(t.predictGrid(extent, 7, 5, out)).toBe(out)
    expect(() => t.predictGrid(extent, 7, 5, new Float64Array(10))).toThrow(SpecError)
    expect(() => t.predictGrid(extent, 0, 5)).toThrow('nx must be an integer in 1..2,048 (got 0)')
    expect(() => t.predictGrid({ x: [0, NaN], y: [0, 1] }, 3, 3)).toThrow(/extent.x/)
  })

  it('weights() round-trips through an explicit init, batch-norm statistics included', () => {
    const cfg = config({ layers: [2, 4, 3, 1], batchNorm: true, epochs: 4 })
    const t = createTrainer(cfg, blobs)
    t.trainEpochs(4)
    const w = t.weights()
    expect(w[0].movingMean!.some((v) => v !== 0)).toBe(true)
    const copy = createTrainer(
      { ...cfg, init: { kind: 'explicit', weights: JSON.parse(JSON.stringify(w)) } },
      blobs,
    )
    expect(Array.from(copy.params)).toEqual(Array.from(t.params))
    expect(copy.evaluate()).toEqual(t.evaluate())
  })

  it('holds out the LAST rows in file order for validation (Keras: train = first ⌊n(1 − s)⌋ rows)', () => {
    const t = createTrainer(config({ validationSplit: 0.25, epochs: 3 }), blobs)
    t.trainEpochs(3)
    const m = t.evaluate()
    const w = t.weights()
    const net = {
      weights: w,
      activation: 'relu',
      output: 'linear',
      loss: 'mse',
      regularization: { kind: 'none' },
    } as const
    expect(m.dataLoss).toBeCloseTo(
      naiveLoss(net, rowsOf(blobs, 0, 45), Array.from(blobs.y.subarray(0, 45)), false),
      13,
    )
    expect(m.valLoss).toBeCloseTo(
      naiveLoss(net, rowsOf(blobs, 45), Array.from(blobs.y.subarray(45)), false),
      13,
    )
    expect(t.history.valLoss!.length).toBe(3)
    expect(t.history.valLoss![2]).toBe(m.valLoss)
  })

  it('stops early when the validation loss has not improved for `patience` epochs and restores the best weights', () => {
    // The validation rows carry flipped labels: the better the fit, the worse the validation loss.
    const d: Dataset = { x: blobs.x.slice(), y: blobs.y.map((v, i) => (i >= 45 ? 1 - v : v)), n: 60 }
    const cfg = config({ validationSplit: 0.25, earlyStopping: { patience: 3 }, epochs: 50 })
    const t = createTrainer(cfg, d)
    t.trainEpochs(50)
    expect(t.stopReason).toBe('early-stopping')
    const r = t.result()
    const best = r.restoredEpoch!
    expect(r.stoppedEpoch).toBe(best + 3)
    expect(r.epochs).toBe(best + 3)
    const val = r.history.valLoss!
    expect(Math.min(...val)).toBe(val[best - 1])
    const replay = createTrainer({ ...cfg, earlyStopping: undefined, epochs: best }, d)
    replay.trainEpochs(best)
    expect(Array.from(r.params)).toEqual(Array.from(replay.params))
    expect(r.final.valLoss).toBe(val[best - 1])
  })

  it("reduces η on a plateau of the epoch's training loss (PyTorch ReduceLROnPlateau)", () => {
    // With a relative threshold of 0.9 an epoch improves only below 0.1 × the best loss, which never happens
    // after the first: with patience 2 the 4th epoch's observation halves η, and again three epochs later.
    const schedule = { kind: 'plateau', factor: 0.5, patience: 2, threshold: 0.9 } as const
    const t = createTrainer(config({ optimizer: { kind: 'sgd', lr: 0.001 }, epochs: 8, schedule }), blobs)
    t.trainEpochs(8)
    const loss = t.history.loss
    for (let e = 1; e < 8; e++) expect(loss[e]).toBeGreaterThan(0.1 * loss[0])
    expect(Array.from(t.history.lr)).toEqual([0.001, 0.001, 0.001, 0.001, 0.0005, 0.0005, 0.0005, 0.00025])
  })

  it("ends with stopReason 'diverged' when the loss overflows", () => {
    const t = createTrainer(config({ optimizer: { kind: 'sgd', lr: 50 }, epochs: 100 }), blobs)
    t.trainEpochs(100)
    expect(t.stopReason).toBe('diverged')
    expect(t.epoch).toBeLessThan(100)
    expect(Number.isFinite(t.history.loss[t.epoch - 1])).toBe(false)
  })

  it("stop() ends the run with stopReason 'stopped'; result().predict is a snapshot", () => {
    const t = createTrainer(config(), blobs)
    t.trainEpochs(2)
    const r = t.result()
    const before = r.predict(0.3, 0.3)
    t.trainEpochs(5)
    expect(r.predict(0.3, 0.3)).toBe(before)
    expect(t.predict(0.3, 0.3)).not.toBe(before)
    t.stop()
    expect(t.done).toBe(true)
    expect(t.stopReason).toBe('stopped')
    expect(t.trainEpochs(1)).toBe(0)
  })
})

describe('trainClassifier(config, dataset, hooks)', () => {
  it('calls onProgress every `every` epochs and after the last, with the metrics and a boundary grid', () => {
    const seen: TrainProgress[] = []
    const r = trainClassifier(config({ epochs: 10 }), blobs, {
      every: 4,
      onProgress: (p) => {
        seen.push({ ...p, params: p.params.slice() })
      },
    })
    expect(seen.map((p) => p.epoch)).toEqual([4, 8, 10])
    expect(seen[0].loss).toBe(r.history.loss[3])
    expect(seen[0].lr).toBe(0.05)
    expect(seen[2].accuracy).toBe(r.final.accuracy)
    expect(Array.from(seen[2].params)).toEqual(Array.from(r.params))
    expect(r.stopReason).toBe('completed')
  })

  it('stops when onProgress returns false or shouldStop() says so', () => {
    const r = trainClassifier(config({ epochs: 10 }), blobs, { onProgress: (p) => p.epoch < 3 })
    expect(r.epochs).toBe(3)
    expect(r.stopReason).toBe('stopped')
    let calls = 0
    const s = trainClassifier(config({ epochs: 10 }), blobs, { shouldStop: () => ++calls >= 5 })
    expect(s.epochs).toBe(5)
  })

  it('gives progress access to weights() and predictGrid() of the live network', () => {
    let grid: Float64Array | undefined
    trainClassifier(config({ epochs: 2 }), blobs, {
      onProgress: (p) => {
        grid = p.predictGrid({ x: [-3, 3], y: [-3, 3] }, 4, 4)
        expect(p.weights()[0].W.length).toBe(2)
      },
    })
    expect(grid!.length).toBe(16)
  })
})
