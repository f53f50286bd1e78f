import { describe, expect, it } from 'vitest'
import { trainClassifier } from '../../../src/core/mlp/index'
import type { TrainResult } from '../../../src/core/mlp/types'
import { classifierConfigOf } from '../../../src/core/scenes/classifierPresets.meta'
import { dotRegularization as scene } from '../../../src/core/scenes/dotRegularization.meta'
import { initialSetup } from '../../../src/core/scenes/setup'
import { afterCard, loadDot } from './sceneRuns'

const dot = loadDot()

/** Σw² over the weight matrices (not the biases), the quantity the L2 penalty shrinks. */
function sumSquaredWeights(r: TrainResult): number {
  let s = 0
  for (const layer of r.weights) for (const row of layer.W) for (const w of row) s += w * w
  return s
}

/** The steepest slope of the output function over the data's bounding box, by central differences on a grid. */
function steepestSlope(r: TrainResult): number {
  let x0 = Infinity
  let x1 = -Infinity
  let y0 = Infinity
  let y1 = -Infinity
  for (let i = 0; i < dot.n; i++) {
    x0 = Math.min(x0, dot.x[2 * i])
    x1 = Math.max(x1, dot.x[2 * i])
    y0 = Math.min(y0, dot.x[2 * i + 1])
    y1 = Math.max(y1, dot.x[2 * i + 1])
  }
  const h = 1e-4
  let max = 0
  for (let i = 0; i <= 60; i++) {
    for (let j = 0; j <= 60; j++) {
      const a = x0 + ((x1 - x0) * i) / 60
      const b = y0 + ((y1 - y0) * j) / 60
      const gx = (r.predict(a + h, b) - r.predict(a - h, b)) / (2 * h)
      const gy = (r.predict(a, b + h) - r.predict(a, b - h)) / (2 * h)
      max = Math.max(max, Math.hypot(gx, gy))
    }
  }
  return max
}

describe('dot-regularization scene (docs/lectures.md S11)', () => {
  // From the first card the left network trains without a penalty and the right one with the scene's λ.
  const withL2 = initialSetup(scene)
  const configFree = classifierConfigOf({ preset: scene.classifier!.preset, lambda: 0 })
  const configL2 = classifierConfigOf({ preset: scene.classifier!.preset, lambda: withL2.lambda })
  const plain = trainClassifier(configFree, dot)
  const regularized = trainClassifier(configL2, dot)

  it('trains the PKU course net (2-11-1 ReLU, MSE, SGD η = 0.005, batch 32, 800 epochs) on dot.csv, λ = 0 then 0.03', () => {
    expect(dot.n).toBe(300)
    expect(configFree).toMatchObject({
      layers: [2, 11, 1],
      activation: 'relu',
      output: 'linear',
      loss: 'mse',
      optimizer: { kind: 'sgd', lr: 0.005 },
      batchSize: 32,
      epochs: 800,
      regularization: { kind: 'none' },
    })
    expect(configL2.regularization).toEqual({ kind: 'l2', lambda: 0.03 })
    expect(scene.steps).toBe(configFree.epochs)
  })

  it('both exceed 0.9 training accuracy', () => {
    expect(plain.stopReason).toBe('completed')
    expect(regularized.stopReason).toBe('completed')
    expect(plain.final.accuracy).toBeGreaterThan(0.9)
    expect(regularized.final.accuracy).toBeGreaterThan(0.9)
  })

  it('λ = 0.03 leaves Σw² at least 3× smaller and the output function less steep over the data', () => {
    expect(sumSquaredWeights(plain)).toBeGreaterThan(3 * sumSquaredWeights(regularized))
    expect(steepestSlope(regularized)).toBeLessThan(steepestSlope(plain))
  })

  it('no card changes λ, so the trained networks are kept from card to card', () => {
    for (const card of scene.cards) {
      const after = card.action === undefined ? withL2 : afterCard(scene, card.id, withL2)
      expect(after.lambda).toBe(0.03)
    }
  })
})
