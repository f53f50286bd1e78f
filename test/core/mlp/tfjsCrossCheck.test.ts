// Peer cross-check: the same training run in TensorFlow.js (CPU backend, its own autodiff and optimizers) and
// in the core, from the same explicit initial weights, must end at the same loss.
//
// Why the run lengths: TF.js computes in float32 (ε ≈ 6e−8), the core in float64. Feeding both the same
// float32-exact inputs (data and initial weights rounded with Math.fround), the remaining gap is float32
// rounding inside TF.js. Measured on dot.csv: for the course's SGD run it stays at 1e−8…5e−7 up to 200
// epochs (9e−7 after the full 800); for Adam + cross-entropy it is ≈ 2e−6 at 20 epochs and grows after
// ~50 epochs once L1 makes weights hop across 0. So 50 and 20 epochs keep the float32 drift 5–40× below the
// 1e−5 tolerance, which is not loosened; the full 800-epoch comparison is in bench/classifier.bench.ts.
import * as tf from '@tensorflow/tfjs'
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { createRng } from '../../../src/core/math/rng'
import { parseDataset, trainClassifier } from '../../../src/core/mlp/index'
import type { ClassifierConfig, Dataset, LayerWeights } from '../../../src/core/mlp/index'

const raw = parseDataset(readFileSync(new URL('../../../public/dot.csv', import.meta.url), 'utf8'))
const data: Dataset = { ...raw, x: raw.x.map(Math.fround) }

function seededWeights(
  layers: number[],
  seed: number,
  scale: number,
  bias: (rng: () => number) => number,
): LayerWeights[] {
  const rng = createRng(seed)
  const out: LayerWeights[] = []
  for (let l = 0; l < layers.length - 1; l++) {
    out.push({
      W: Array.from({ length: layers[l] }, () =>
        Array.from({ length: layers[l + 1] }, () => Math.fround(scale * rng.normal())),
      ),
      b: Array.from({ length: layers[l + 1] }, () => Math.fround(bias(() => rng.normal()))),
    })
  }
  return out
}

interface TfRun {
  layers: number[]
  weights: LayerWeights[]
  hidden: (z: tf.Tensor) => tf.Tensor
  loss: (y: tf.Tensor, z: tf.Tensor) => tf.Scalar
  penalty: (kernels: tf.Variable[]) => tf.Scalar | null
  optimizer: tf.Optimizer
  batchSize: number
  epochs: number
}

/** Trains in TF.js with batches in file order; returns per-epoch full-data losses and the final weights. */
function trainTf(run: TfRun): { losses: number[]; dataLoss: number; params: number[] } {
  const vars = run.weights.flatMap((w) => [tf.variable(tf.tensor2d(w.W)), tf.variable(tf.tensor1d(w.b))])
  const kernels = vars.filter((_, k) => k % 2 === 0)
  const X = tf.tensor2d(Float32Array.from(data.x), [data.n, 2])
  const Y = tf.tensor2d(Float32Array.from(data.y), [data.n, 1])
  const forward = (x: tf.Tensor): tf.Tensor => {
    let a = x
    for (let l = 0; l < run.layers.length - 1; l++) {
      const z = tf.add(tf.matMul(a as tf.Tensor2D, vars[2 * l] as tf.Tensor2D), vars[2 * l + 1])
      a = l < run.layers.length - 2 ? run.hidden(z) : z
    }
    return a
  }
  const total = (x: tf.Tensor, y: tf.Tensor, withPenalty: boolean): tf.Scalar => {
    const dataTerm = run.loss(y, forward(x))
    const p = withPenalty ? run.penalty(kernels) : null
    return p ? tf.add(dataTerm, p) : dataTerm
  }
  const losses: number[] = []
  for (let e = 0; e < run.epochs; e++) {
    for (let s = 0; s < data.n; s += run.batchSize) {
      const size = Math.min(run.batchSize, data.n - s)
      tf.tidy(() => {
        const xb = X.slice([s, 0], [size, 2])
        const yb = Y.slice([s, 0], [size, 1])
        run.optimizer.minimize(() => total(xb, yb, true), false, vars)
      })
    }
    losses.push(tf.tidy(() => total(X, Y, true).dataSync()[0]))
  }
  const dataLoss = tf.tidy(() => total(X, Y, false).dataSync()[0])
  const params = vars.flatMap((v) => Array.from(v.dataSync()))
  tf.dispose([...vars, X, Y])
  run.optimizer.dispose()
  return { losses, dataLoss, params }
}

beforeAll(async () => {
  tf.enableProdMode()
  await tf.setBackend('cpu')
  await tf.ready()
})

describe('trainClassifier(config, dot.csv) against TensorFlow.js', () => {
  const layers = [2, 11, 1]
  const weights = seededWeights(layers, 2024, 1, () => 0.01)
  const course = (lambda: number, epochs: number): ClassifierConfig => ({
    layers,
    activation: 'relu',
    output: 'linear',
    loss: 'mse',
    optimizer: { kind: 'sgd', lr: 0.005 },
    batchSize: 32,
    epochs,
    shuffle: false,
    seed: 1,
    regularization: lambda > 0 ? { kind: 'l2', lambda } : { kind: 'none' },
    init: { kind: 'explicit', weights },
  })

  for (const lambda of [0, 0.03]) {
    it(`ends the course preset (2-11-1 ReLU, MSE, SGD 0.005, batch 32 in file order) with TF.js's loss, λ = ${lambda}`, () => {
      const epochs = 50
      const ours = trainClassifier(course(lambda, epochs), data)
      const theirs = trainTf({
        layers,
        weights,
        hidden: (z) => tf.relu(z),
        loss: (y, z) => tf.mean(tf.square(tf.sub(y, z))) as tf.Scalar,
        // The course's penalty: λ·Σ tf.nn.l2_loss(w) = λ·½Σw² over the kernels only.
        penalty: (kernels) =>
          lambda > 0 ? tf.mul(lambda, tf.addN(kernels.map((w) => tf.div(tf.sum(tf.square(w)), 2)))) : null,
        optimizer: tf.train.sgd(0.005),
        batchSize: 32,
        epochs,
      })
      expect(Math.abs(ours.final.loss - theirs.losses[epochs - 1])).toBeLessThan(1e-5)
      expect(Math.abs(ours.final.dataLoss - theirs.dataLoss)).toBeLessThan(1e-5)
      // Every epoch of the history (full-data loss after the epoch) follows TF.js too.
      for (let e = 0; e < epochs; e++)
        expect(Math.abs(ours.history.loss[e] - theirs.losses[e])).toBeLessThan(1e-5)
      const dw = Math.max(...theirs.params.map((v, k) => Math.abs(v - ours.params[k])))
      expect(dw).toBeLessThan(1e-4)
      // The penalty really is in play: with λ > 0 the total exceeds the data term by λ·½Σw².
      if (lambda > 0) expect(ours.final.loss - ours.final.dataLoss).toBeGreaterThan(0.1)
    })
  }

  it("ends a tanh net with a sigmoid output, cross-entropy, L1 and Adam (TF.js convention) with TF.js's loss", () => {
    const deep = [2, 6, 4, 1]
    const w = seededWeights(deep, 99, 0.7, (r) => 0.1 * r())
    const epochs = 20
    const lambda = 0.002
    const ours = trainClassifier(
      {
        layers: deep,
        activation: 'tanh',
        output: 'sigmoid',
        loss: 'cross-entropy',
        optimizer: { kind: 'adam', convention: 'tensorflow', lr: 0.01 },
        batchSize: 50,
        epochs,
        shuffle: false,
        seed: 1,
        regularization: { kind: 'l1', lambda },
        init: { kind: 'explicit', weights: w },
      },
      data,
    )
    const theirs = trainTf({
      layers: deep,
      weights: w,
      hidden: (z) => tf.tanh(z),
      // TF's logits form: mean of max(z, 0) − z·y + ln(1 + e^(−|z|)).
      loss: (y, z) => tf.losses.sigmoidCrossEntropy(y, z) as tf.Scalar,
      penalty: (kernels) => tf.mul(lambda, tf.addN(kernels.map((k) => tf.sum(tf.abs(k))))),
      optimizer: tf.train.adam(0.01),
      batchSize: 50,
      epochs,
    })
    expect(Math.abs(ours.final.loss - theirs.losses[epochs - 1])).toBeLessThan(1e-5)
    expect(Math.abs(ours.final.dataLoss - theirs.dataLoss)).toBeLessThan(1e-5)
  })
})
