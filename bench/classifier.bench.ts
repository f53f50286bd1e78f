// Classifier benchmark: the PKU course's dot.csv lab (2-11-1 ReLU, linear output, MSE, SGD η = 0.005, batch 32
// in file order, 800 epochs, N(0, 1) init), trained without and with L2 λ = 0.03, as the app runs it.
//
//   node --import tsx bench/classifier.bench.ts           prints the JSON
//   node --import tsx bench/classifier.bench.ts --tfjs    also runs the same work once in TF.js (CPU, ~1–3 s)
//
// Figures are the median over ≥ 15 runs after warm-up, in wall-clock ms and in process CPU ms (the CPU figure
// is steadier on a shared machine). `handLoop` is a scalar loop written by hand for the 2-11-1 shape only,
// doing the same work (training + a full-data evaluation per epoch): it calibrates the machine, so the
// `ratioToHandLoop` of the generic core is comparable across machines.
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { createRng } from '../src/core/math/rng'
import { createTrainer, lossHessian, parseDataset, trainClassifier } from '../src/core/mlp/index'
import type { ClassifierConfig, Dataset, LayerWeights } from '../src/core/mlp/index'

export interface ClassifierBenchOptions {
  /** Timed runs after warm-up (default 21, at least 15). */
  runs?: number
  /** Also time the same two trainings once in TF.js on the CPU backend, and compare the final losses. */
  tfjs?: boolean
}

const coursePreset = (lambda: number, init: ClassifierConfig['init']): ClassifierConfig => ({
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
  init,
})

function cpuMs(): number {
  const c = process.cpuUsage()
  return (c.user + c.system) / 1000
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** Times `work` `runs` times after `warmup` untimed calls; medians and minimum in ms. */
function time(
  work: () => void,
  runs: number,
  warmup = 5,
): { medianMs: number; minMs: number; medianCpuMs: number } {
  for (let i = 0; i < warmup; i++) work()
  const wall: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < runs; i++) {
    const c0 = cpuMs()
    const t0 = performance.now()
    work()
    wall.push(performance.now() - t0)
    cpu.push(cpuMs() - c0)
  }
  const round = (v: number) => Math.round(v * 100) / 100
  return { medianMs: round(median(wall)), minMs: round(Math.min(...wall)), medianCpuMs: round(median(cpu)) }
}

/** The same work as the course preset, written by hand for 2-11-1 only (the calibration baseline). */
function handLoop(data: Dataset, start: LayerWeights[], lambda: number): number {
  const H = 11
  const { x, y, n } = data
  const W1 = Float64Array.from([...start[0].W[0], ...start[0].W[1]])
  const b1 = Float64Array.from(start[0].b)
  const W2 = Float64Array.from(start[1].W.map((r) => r[0]))
  let b2 = start[1].b[0]
  const gW1 = new Float64Array(2 * H)
  const gb1 = new Float64Array(H)
  const gW2 = new Float64Array(H)
  const h = new Float64Array(H)
  let loss = 0
  for (let epoch = 0; epoch < 800; epoch++) {
    for (let s0 = 0; s0 < n; s0 += 32) {
      const B = Math.min(32, n - s0)
      gW1.fill(0)
      gb1.fill(0)
      gW2.fill(0)
      let gb2 = 0
      for (let s = s0; s < s0 + B; s++) {
        const x1 = x[2 * s]
        const x2 = x[2 * s + 1]
        let out = b2
        for (let j = 0; j < H; j++) {
          const z = b1[j] + x1 * W1[j] + x2 * W1[H + j]
          const a = z > 0 ? z : 0
          h[j] = a
          out += a * W2[j]
        }
        const d = (2 * (out - y[s])) / B
        gb2 += d
        for (let j = 0; j < H; j++) {
          const a = h[j]
          if (a > 0) {
            gW2[j] += a * d
            const dz = d * W2[j]
            gb1[j] += dz
            gW1[j] += x1 * dz
            gW1[H + j] += x2 * dz
          }
        }
      }
      for (let k = 0; k < 2 * H; k++) W1[k] -= 0.005 * (gW1[k] + lambda * W1[k])
      for (let k = 0; k < H; k++) {
        b1[k] -= 0.005 * gb1[k]
        W2[k] -= 0.005 * (gW2[k] + lambda * W2[k])
      }
      b2 -= 0.005 * gb2
    }
    loss = 0
    for (let s = 0; s < n; s++) {
      let out = b2
      for (let j = 0; j < H; j++) {
        const z = b1[j] + x[2 * s] * W1[j] + x[2 * s + 1] * W1[H + j]
        if (z > 0) out += z * W2[j]
      }
      loss += (out - y[s]) ** 2
    }
  }
  return loss / n
}

/** The two course trainings in TF.js (CPU), once, from the same float32 initial weights; time and losses. */
async function tfjsRun(data: Dataset, start: LayerWeights[]): Promise<{ ms: number; losses: number[] }> {
  const tf = await import('@tensorflow/tfjs')
  tf.enableProdMode()
  await tf.setBackend('cpu')
  await tf.ready()
  const t0 = performance.now()
  const losses: number[] = []
  for (const lambda of [0, 0.03]) {
    const vars = start.flatMap((l) => [tf.variable(tf.tensor2d(l.W)), tf.variable(tf.tensor1d(l.b))])
    const [w1, b1, w2, b2] = vars
    const X = tf.tensor2d(Float32Array.from(data.x), [data.n, 2])
    const Y = tf.tensor2d(Float32Array.from(data.y), [data.n, 1])
    const lossOf = (xb: typeof X, yb: typeof Y) => {
      const out = tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(xb, w1 as typeof X), b1)), w2 as typeof X), b2)
      const mse = tf.mean(tf.square(tf.sub(yb, out)))
      return (
        lambda > 0
          ? tf.add(
              mse,
              tf.mul(lambda, tf.add(tf.div(tf.sum(tf.square(w1)), 2), tf.div(tf.sum(tf.square(w2)), 2))),
            )
          : mse
      ) as ReturnType<typeof tf.scalar>
    }
    const sgd = tf.train.sgd(0.005)
    for (let epoch = 0; epoch < 800; epoch++) {
      for (let s = 0; s < data.n; s += 32) {
        const size = Math.min(32, data.n - s)
        tf.tidy(() => {
          const xb = X.slice([s, 0], [size, 2])
          const yb = Y.slice([s, 0], [size, 1])
          sgd.minimize(() => lossOf(xb, yb), false, vars)
        })
      }
    }
    losses.push(tf.tidy(() => lossOf(X, Y).dataSync()[0]))
    tf.dispose([...vars, X, Y])
    sgd.dispose()
  }
  return { ms: Math.round(performance.now() - t0), losses }
}

/**
 * Measures the course preset (800 epochs, without + with L2) in Node: the pair of trainings, each alone, the
 * hand-written 2-11-1 baseline, the 45×45 loss Hessian with its spectrum, and a 128×128 decision-boundary
 * frame; optionally the same trainings once in TF.js CPU with the gap between its final losses and ours.
 */
export async function classifierBenchmarks(
  options: ClassifierBenchOptions = {},
): Promise<Record<string, unknown>> {
  const runs = Math.max(15, options.runs ?? 21)
  const data = parseDataset(readFileSync(new URL('../public/dot.csv', import.meta.url), 'utf8'))
  const init = { kind: 'normal', seed: 7 } as const
  const free = coursePreset(0, init)
  const l2 = coursePreset(0.03, init)
  const both = time(() => {
    trainClassifier(free, data)
    trainClassifier(l2, data)
  }, runs)
  const freeOnly = time(() => trainClassifier(free, data), runs)
  const l2Only = time(() => trainClassifier(l2, data), runs)
  // The hand loop starts from the very weights the core's runs start from (same sparsity of active units).
  const weights = createTrainer(free, data).weights()
  const hand = time(() => {
    handLoop(data, weights, 0)
    handLoop(data, weights, 0.03)
  }, runs)
  const trained = trainClassifier(l2, data)
  const hessian = time(() => lossHessian(l2, data, trained.weights), runs, 3)
  const spectrum = lossHessian(l2, data, trained.weights)
  const grid = new Float64Array(128 * 128)
  const trainerFrame = time(() => {
    trainClassifier({ ...l2, epochs: 1 }, data, {
      onProgress: (p) => {
        p.predictGrid({ x: [-3, 3], y: [-3, 3] }, 128, 128, grid)
      },
    })
  }, runs)
  const result: Record<string, unknown> = {
    machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
    runs,
    coursePresetBoth800Epochs: both,
    withoutL2: { ...freeOnly, final: trainClassifier(free, data).final },
    withL2: { ...l2Only, final: trained.final },
    handLoop2x11x1Both: hand,
    ratioToHandLoop: Math.round((both.medianCpuMs / hand.medianCpuMs) * 100) / 100,
    lossHessian45: { ...hessian, minimumRatio: spectrum.minimumRatio, gradientNorm: spectrum.gradientNorm },
    oneEpochPlus128x128BoundaryFrame: trainerFrame,
  }
  if (options.tfjs) {
    const rng = createRng(2024)
    const start: LayerWeights[] = [
      {
        W: [0, 1].map(() => Array.from({ length: 11 }, () => Math.fround(rng.normal()))),
        b: Array(11).fill(Math.fround(0.01)),
      },
      { W: Array.from({ length: 11 }, () => [Math.fround(rng.normal())]), b: [Math.fround(0.01)] },
    ]
    const f32: Dataset = { ...data, x: data.x.map(Math.fround) }
    const tfjs = await tfjsRun(f32, start)
    const ours = [0, 0.03].map(
      (lambda) => trainClassifier(coursePreset(lambda, { kind: 'explicit', weights: start }), f32).final.loss,
    )
    result.tfjsCpuBothOnce = {
      ms: tfjs.ms,
      finalLoss: tfjs.losses,
      oursFinalLoss: ours,
      maxAbsLossGap: Math.max(...ours.map((v, k) => Math.abs(v - tfjs.losses[k]))),
    }
  }
  return result
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  classifierBenchmarks({ tfjs: process.argv.includes('--tfjs') }).then((r) =>
    console.log(JSON.stringify(r, null, 2)),
  )
}
