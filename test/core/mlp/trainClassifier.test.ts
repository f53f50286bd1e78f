import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createRng } from '../../../src/core/math/rng'
import { parseDataset, trainClassifier } from '../../../src/core/mlp/index'
import type { ClassifierConfig, LayerWeights } from '../../../src/core/mlp/index'

const dot = parseDataset(readFileSync(new URL('../../../public/dot.csv', import.meta.url), 'utf8'))

// Fixed initial weights drawn once (N(0, 1) kernels, 0.01 biases, as the course's init), passed explicitly.
const rng = createRng(20240301)
const start: LayerWeights[] = [
  { W: [0, 1].map(() => Array.from({ length: 11 }, () => rng.normal())), b: Array(11).fill(0.01) },
  { W: Array.from({ length: 11 }, () => [rng.normal()]), b: [0.01] },
]

/** The PKU course's dot.csv lab (p29_regularizationfree.py / p29_regularizationcontain.py). */
const course = (lambda: number): ClassifierConfig => ({
  layers: [2, 11, 1],
  activation: 'relu',
  output: 'linear',
  loss: 'mse',
  optimizer: { kind: 'sgd', lr: 0.005 },
  batchSize: 32,
  epochs: 800,
  shuffle: false,
  seed: 1,
  regularization: lambda > 0 ? { kind: 'l2', lambda } : { kind: 'none' },
  init: { kind: 'explicit', weights: start },
})

describe('trainClassifier(course preset, dot.csv)', () => {
  const free = trainClassifier(course(0), dot)
  const l2 = trainClassifier(course(0.03), dot)

  it('lowers the loss and ends above 90% accuracy without regularization', () => {
    expect(free.epochs).toBe(800)
    expect(free.updates).toBe(800 * 10)
    expect(free.final.loss).toBeLessThan(free.history.loss[0] / 2)
    expect(free.final.accuracy).toBeGreaterThan(0.9)
    expect(free.final.loss).toBe(free.final.dataLoss)
  })

  it('lowers the loss and ends above 90% accuracy with L2 λ = 0.03', () => {
    expect(l2.final.loss).toBeLessThan(l2.history.loss[0] / 2)
    expect(l2.final.accuracy).toBeGreaterThan(0.9)
  })

  it('keeps the weights smaller with L2 (weight decay), and reports its penalty λ·½Σw² on top of the data term', () => {
    const sumSq = (w: LayerWeights[]) => w.flatMap((l) => l.W.flat()).reduce((s, v) => s + v * v, 0)
    expect(sumSq(l2.weights)).toBeLessThan(sumSq(free.weights))
    expect(l2.final.loss - l2.final.dataLoss).toBeCloseTo(0.015 * sumSq(l2.weights), 12)
  })

  it('reports the final data term over the whole data set, equal to the last history entry', () => {
    let sum = 0
    for (let i = 0; i < dot.n; i++) sum += (dot.y[i] - free.predict(dot.x[2 * i], dot.x[2 * i + 1])) ** 2
    expect(free.final.dataLoss).toBeCloseTo(sum / dot.n, 13)
    expect(free.history.dataLoss[799]).toBe(free.final.dataLoss)
  })
})
