// Peer cross-check of lossSlice and lossLine: TensorFlow.js (CPU backend) evaluates the same network at the
// same weights. TF.js computes in float32, so the data and every evaluated weight vector are made
// float32-exact (Math.fround) and the remaining gap is float32 rounding inside TF.js: the tolerance is a
// relative 2e−6 (measured ≈ 1e−7), not the 1e−9 of the float64 naive check in landscape.test.ts.
import * as tf from '@tensorflow/tfjs'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { lossLine, lossSlice, randomDirection } from '../../../src/core/index'
import { parseDataset } from '../../../src/core/mlp/index'
import type { ClassifierConfig, Dataset, LayerWeights } from '../../../src/core/mlp/index'
import { classifierPresets } from '../../../src/core/scenes/classifierPresets.meta'
import { createRng } from '../../../src/core/math/rng'

const raw = parseDataset(readFileSync(new URL('../../../public/dot.csv', import.meta.url), 'utf8'))
const data: Dataset = { ...raw, x: raw.x.map(Math.fround) }
const config: ClassifierConfig = {
  ...classifierPresets.course.config,
  regularization: { kind: 'l2', lambda: 0.03 },
}

const f32 = (w: LayerWeights[]): LayerWeights[] =>
  w.map((l) => ({ W: l.W.map((r) => r.map(Math.fround)), b: l.b.map(Math.fround) }))

function seeded(seed: number): LayerWeights[] {
  const rng = createRng(seed)
  return f32([
    {
      W: [0, 1].map(() => Array.from({ length: 11 }, () => rng.normal())),
      b: Array.from({ length: 11 }, () => 0.1 * rng.normal()),
    },
    { W: Array.from({ length: 11 }, () => [rng.normal()]), b: [0.1 * rng.normal()] },
  ])
}

/** MSE of the linear 2-11-1 ReLU net + λ·½Σw² over the kernels, and the accuracy, in TF.js. */
function tfLoss(w: LayerWeights[]): { loss: number; dataLoss: number; accuracy: number } {
  return tf.tidy(() => {
    const X = tf.tensor2d(Float32Array.from(data.x), [data.n, 2])
    const Y = tf.tensor2d(Float32Array.from(data.y), [data.n, 1])
    const h = tf.relu(tf.add(tf.matMul(X, tf.tensor2d(w[0].W)), tf.tensor1d(w[0].b)))
    const z = tf.add(tf.matMul(h, tf.tensor2d(w[1].W)), tf.tensor1d(w[1].b))
    const dataLoss = tf.mean(tf.square(tf.sub(Y, z))).dataSync()[0]
    const l2 = w.reduce((s, l) => s + tf.sum(tf.square(tf.tensor2d(l.W))).dataSync()[0], 0)
    const right = tf.equal(tf.greater(z, 0.5), tf.greater(Y, 0.5))
    const accuracy = tf.mean(tf.cast(right, 'float32')).dataSync()[0]
    return { loss: dataLoss + 0.5 * 0.03 * l2, dataLoss, accuracy }
  })
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b))

describe('lossSlice and lossLine against TF.js from the same weights', () => {
  it('a 3×3 slice of the course net with L2', () => {
    const center = seeded(3)
    // The core evaluates θ in float64, TF.js at θ rounded to float32: the gap is that one rounding of θ plus
    // TF.js's float32 arithmetic.
    const d1 = f32(randomDirection(center, 1))
    const d2 = f32(randomDirection(center, 2))
    const slice = lossSlice({
      config,
      dataset: data,
      center,
      directions: [d1, d2],
      alpha: { min: -0.5, max: 0.5, n: 3 },
      beta: { min: -0.25, max: 0.25, n: 3 },
    })
    for (let j = 0; j < 3; j++) {
      for (let i = 0; i < 3; i++) {
        const a = slice.alpha[i]
        const b = slice.beta[j]
        const w = center.map((l, k) => ({
          W: l.W.map((r, p) => r.map((v, q) => v + a * d1[k].W[p][q] + b * d2[k].W[p][q])),
          b: l.b.map((v, q) => v + a * d1[k].b[q] + b * d2[k].b[q]),
        }))
        const ref = tfLoss(f32(w))
        const idx = j * 3 + i
        expect(rel(slice.loss[idx], ref.loss)).toBeLessThan(2e-6)
        expect(rel(slice.dataLoss[idx], ref.dataLoss)).toBeLessThan(2e-6)
        expect(Math.abs(slice.accuracy[idx] - ref.accuracy)).toBeLessThanOrEqual(1 / data.n)
      }
    }
  })

  it('a line between two networks', () => {
    const from = seeded(4)
    const to = seeded(5)
    const line = lossLine({ config, dataset: data, from, to, t: { min: -0.5, max: 1.5, n: 5 } })
    line.t.forEach((t, i) => {
      const w = from.map((l, k) => ({
        W: l.W.map((r, p) => r.map((v, q) => (1 - t) * v + t * to[k].W[p][q])),
        b: l.b.map((v, q) => (1 - t) * v + t * to[k].b[q]),
      }))
      const ref = tfLoss(f32(w))
      expect(rel(line.loss[i], ref.loss)).toBeLessThan(2e-6)
      expect(rel(line.dataLoss[i], ref.dataLoss)).toBeLessThan(2e-6)
    })
  })
})
