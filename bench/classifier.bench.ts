// Classifier benchmark: the PKU course's dot.csv lab (2-11-1 ReLU, linear output, MSE, SGD η = 0.005, batch 32
// in file order, 800 epochs, N(0, 1) init), trained without and with L2 λ = 0.03, as the app runs it.
//
//   node --import tsx bench/classifier.bench.ts           prints the JSON
//   node --import tsx bench/classifier.bench.ts --tfjs    also runs the same work once in TF.js (CPU, ~1–3 s)
//   node --cpu-prof --import tsx bench/classifier.bench.ts --course    only the course pair, for a profile
//
// Figures are medians over ≥ 15 runs after warm-up, in process CPU ms (steady on a shared machine, where wall
// time also counts the other jobs) and wall-clock ms. The core's pair and `handLoop`, a tuned scalar loop for
// the 2-11-1 shape alone, run interleaved (one of each per round), so a change in the machine's load moves
// both: `ratioToHandLoop` is the generic trainer's cost over the floor that this machine sets for this work.
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

const EPOCHS = 800

const coursePreset = (lambda: number, init: ClassifierConfig['init']): ClassifierConfig => ({
  layers: [2, 11, 1],
  activation: 'relu',
  output: 'linear',
  loss: 'mse',
  optimizer: { kind: 'sgd', lr: 0.005 },
  batchSize: 32,
  epochs: EPOCHS,
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

interface Timing {
  medianCpuMs: number
  medianMs: number
  minMs: number
}

const round = (v: number) => Math.round(v * 100) / 100

/**
 * Times each of `works` `runs` times after `warmup` untimed rounds, one call of each per round (interleaved),
 * and returns per work the median CPU and wall ms and the minimum wall ms.
 */
function timeInterleaved<K extends string>(
  works: Record<K, () => void>,
  runs: number,
  warmup = 5,
): Record<K, Timing> {
  const keys = Object.keys(works) as K[]
  for (let i = 0; i < warmup; i++) for (const k of keys) works[k]()
  const wall = new Map<K, number[]>(keys.map((k) => [k, []]))
  const cpu = new Map<K, number[]>(keys.map((k) => [k, []]))
  for (let i = 0; i < runs; i++) {
    for (const k of keys) {
      const c0 = cpuMs()
      const t0 = performance.now()
      works[k]()
      wall.get(k)!.push(performance.now() - t0)
      cpu.get(k)!.push(cpuMs() - c0)
    }
  }
  const out = {} as Record<K, Timing>
  for (const k of keys) {
    const w = wall.get(k)!
    out[k] = {
      medianCpuMs: round(median(cpu.get(k)!)),
      medianMs: round(median(w)),
      minMs: round(Math.min(...w)),
    }
  }
  return out
}

const time = (work: () => void, runs: number, warmup = 5): Timing =>
  timeInterleaved({ work }, runs, warmup).work

/**
 * The tuned scalar reference (the floor): the same work as one course run (800 epochs of SGD on 2-11-1
 * ReLU/MSE in batches of 32 in file order, then the full-data loss + L2 penalty after every epoch, stored in
 * `history`), written for this one shape. Every weight and every gradient sum is a local (a register or a
 * stack slot, never an array element), each row runs forward and backward in one pass with no call, and
 * the ReLU backward is the factored one of src/core/mlp/shallow.ts: per active unit B += g, C += g·x₁,
 * D += g·x₂, then ∂b₁ = W₂·B, ∂W₁ = W₂·(C, D), ∂W₂ = b₁·B + W₁·(C, D). Returns the last epoch's loss.
 * Measured alternatives were slower: the same loop over flat Float64Arrays (≈ 2.3×; V8 checks every element
 * access), the unfactored backward (≈ 1.3×), and reading the weights by destructuring the typed array
 * (≈ 1.5×: hence the 44 plain reads).
 */
function handLoop(data: Dataset, start: Float64Array, lambda: number, history: Float64Array): number {
  const { x, y, n } = data
  const lr = 0.005
  // The flat layout of src/core/mlp/layout.ts: W₁ row 0 (u), W₁ row 1 (w), b₁ (b), W₂ (v), b₂ (c).
  let u0 = start[0],
    w0 = start[11],
    b0 = start[22],
    v0 = start[33]
  let u1 = start[1],
    w1 = start[12],
    b1 = start[23],
    v1 = start[34]
  let u2 = start[2],
    w2 = start[13],
    b2 = start[24],
    v2 = start[35]
  let u3 = start[3],
    w3 = start[14],
    b3 = start[25],
    v3 = start[36]
  let u4 = start[4],
    w4 = start[15],
    b4 = start[26],
    v4 = start[37]
  let u5 = start[5],
    w5 = start[16],
    b5 = start[27],
    v5 = start[38]
  let u6 = start[6],
    w6 = start[17],
    b6 = start[28],
    v6 = start[39]
  let u7 = start[7],
    w7 = start[18],
    b7 = start[29],
    v7 = start[40]
  let u8 = start[8],
    w8 = start[19],
    b8 = start[30],
    v8 = start[41]
  let u9 = start[9],
    w9 = start[20],
    b9 = start[31],
    v9 = start[42]
  let u10 = start[10],
    w10 = start[21],
    b10 = start[32],
    v10 = start[43]
  let c = start[44]
  let loss = 0
  for (let epoch = 0; epoch < history.length; epoch++) {
    for (let first = 0; first < n; first += 32) {
      const end = Math.min(first + 32, n)
      const scale = 2 / (end - first)
      // Per unit j: B = Σ g, C = Σ g·x₁, D = Σ g·x₂ over the rows where unit j is active; e = Σ g.
      let e = 0
      let B0 = 0,
        B1 = 0,
        B2 = 0,
        B3 = 0,
        B4 = 0,
        B5 = 0,
        B6 = 0,
        B7 = 0,
        B8 = 0,
        B9 = 0,
        B10 = 0
      let C0 = 0,
        C1 = 0,
        C2 = 0,
        C3 = 0,
        C4 = 0,
        C5 = 0,
        C6 = 0,
        C7 = 0,
        C8 = 0,
        C9 = 0,
        C10 = 0
      let D0 = 0,
        D1 = 0,
        D2 = 0,
        D3 = 0,
        D4 = 0,
        D5 = 0,
        D6 = 0,
        D7 = 0,
        D8 = 0,
        D9 = 0,
        D10 = 0
      for (let s = first; s < end; s++) {
        const p = x[2 * s]
        const q = x[2 * s + 1]
        const z0 = b0 + p * u0 + q * w0
        const z1 = b1 + p * u1 + q * w1
        const z2 = b2 + p * u2 + q * w2
        const z3 = b3 + p * u3 + q * w3
        const z4 = b4 + p * u4 + q * w4
        const z5 = b5 + p * u5 + q * w5
        const z6 = b6 + p * u6 + q * w6
        const z7 = b7 + p * u7 + q * w7
        const z8 = b8 + p * u8 + q * w8
        const z9 = b9 + p * u9 + q * w9
        const z10 = b10 + p * u10 + q * w10
        let out = c
        if (z0 > 0) out += z0 * v0
        if (z1 > 0) out += z1 * v1
        if (z2 > 0) out += z2 * v2
        if (z3 > 0) out += z3 * v3
        if (z4 > 0) out += z4 * v4
        if (z5 > 0) out += z5 * v5
        if (z6 > 0) out += z6 * v6
        if (z7 > 0) out += z7 * v7
        if (z8 > 0) out += z8 * v8
        if (z9 > 0) out += z9 * v9
        if (z10 > 0) out += z10 * v10
        const g = scale * (out - y[s])
        const gp = g * p
        const gq = g * q
        e += g
        if (z0 > 0) {
          B0 += g
          C0 += gp
          D0 += gq
        }
        if (z1 > 0) {
          B1 += g
          C1 += gp
          D1 += gq
        }
        if (z2 > 0) {
          B2 += g
          C2 += gp
          D2 += gq
        }
        if (z3 > 0) {
          B3 += g
          C3 += gp
          D3 += gq
        }
        if (z4 > 0) {
          B4 += g
          C4 += gp
          D4 += gq
        }
        if (z5 > 0) {
          B5 += g
          C5 += gp
          D5 += gq
        }
        if (z6 > 0) {
          B6 += g
          C6 += gp
          D6 += gq
        }
        if (z7 > 0) {
          B7 += g
          C7 += gp
          D7 += gq
        }
        if (z8 > 0) {
          B8 += g
          C8 += gp
          D8 += gq
        }
        if (z9 > 0) {
          B9 += g
          C9 += gp
          D9 += gq
        }
        if (z10 > 0) {
          B10 += g
          C10 += gp
          D10 += gq
        }
      }
      // ∂b₁ = v·B, ∂W₁ = (v·C, v·D), ∂W₂ = b·B + u·C + w·D (h = z where active), plus λ·w on the weights.
      const g0 = b0 * B0 + u0 * C0 + w0 * D0
      const g1 = b1 * B1 + u1 * C1 + w1 * D1
      const g2 = b2 * B2 + u2 * C2 + w2 * D2
      const g3 = b3 * B3 + u3 * C3 + w3 * D3
      const g4 = b4 * B4 + u4 * C4 + w4 * D4
      const g5 = b5 * B5 + u5 * C5 + w5 * D5
      const g6 = b6 * B6 + u6 * C6 + w6 * D6
      const g7 = b7 * B7 + u7 * C7 + w7 * D7
      const g8 = b8 * B8 + u8 * C8 + w8 * D8
      const g9 = b9 * B9 + u9 * C9 + w9 * D9
      const g10 = b10 * B10 + u10 * C10 + w10 * D10
      u0 -= lr * (v0 * C0 + lambda * u0)
      u1 -= lr * (v1 * C1 + lambda * u1)
      u2 -= lr * (v2 * C2 + lambda * u2)
      u3 -= lr * (v3 * C3 + lambda * u3)
      u4 -= lr * (v4 * C4 + lambda * u4)
      u5 -= lr * (v5 * C5 + lambda * u5)
      u6 -= lr * (v6 * C6 + lambda * u6)
      u7 -= lr * (v7 * C7 + lambda * u7)
      u8 -= lr * (v8 * C8 + lambda * u8)
      u9 -= lr * (v9 * C9 + lambda * u9)
      u10 -= lr * (v10 * C10 + lambda * u10)
      w0 -= lr * (v0 * D0 + lambda * w0)
      w1 -= lr * (v1 * D1 + lambda * w1)
      w2 -= lr * (v2 * D2 + lambda * w2)
      w3 -= lr * (v3 * D3 + lambda * w3)
      w4 -= lr * (v4 * D4 + lambda * w4)
      w5 -= lr * (v5 * D5 + lambda * w5)
      w6 -= lr * (v6 * D6 + lambda * w6)
      w7 -= lr * (v7 * D7 + lambda * w7)
      w8 -= lr * (v8 * D8 + lambda * w8)
      w9 -= lr * (v9 * D9 + lambda * w9)
      w10 -= lr * (v10 * D10 + lambda * w10)
      b0 -= lr * v0 * B0
      b1 -= lr * v1 * B1
      b2 -= lr * v2 * B2
      b3 -= lr * v3 * B3
      b4 -= lr * v4 * B4
      b5 -= lr * v5 * B5
      b6 -= lr * v6 * B6
      b7 -= lr * v7 * B7
      b8 -= lr * v8 * B8
      b9 -= lr * v9 * B9
      b10 -= lr * v10 * B10
      v0 -= lr * (g0 + lambda * v0)
      v1 -= lr * (g1 + lambda * v1)
      v2 -= lr * (g2 + lambda * v2)
      v3 -= lr * (g3 + lambda * v3)
      v4 -= lr * (g4 + lambda * v4)
      v5 -= lr * (g5 + lambda * v5)
      v6 -= lr * (g6 + lambda * v6)
      v7 -= lr * (g7 + lambda * v7)
      v8 -= lr * (g8 + lambda * v8)
      v9 -= lr * (g9 + lambda * v9)
      v10 -= lr * (g10 + lambda * v10)
      c -= lr * e
    }
    let sum = 0
    for (let s = 0; s < n; s++) {
      const p = x[2 * s]
      const q = x[2 * s + 1]
      let out = c
      const z0 = b0 + p * u0 + q * w0
      if (z0 > 0) out += z0 * v0
      const z1 = b1 + p * u1 + q * w1
      if (z1 > 0) out += z1 * v1
      const z2 = b2 + p * u2 + q * w2
      if (z2 > 0) out += z2 * v2
      const z3 = b3 + p * u3 + q * w3
      if (z3 > 0) out += z3 * v3
      const z4 = b4 + p * u4 + q * w4
      if (z4 > 0) out += z4 * v4
      const z5 = b5 + p * u5 + q * w5
      if (z5 > 0) out += z5 * v5
      const z6 = b6 + p * u6 + q * w6
      if (z6 > 0) out += z6 * v6
      const z7 = b7 + p * u7 + q * w7
      if (z7 > 0) out += z7 * v7
      const z8 = b8 + p * u8 + q * w8
      if (z8 > 0) out += z8 * v8
      const z9 = b9 + p * u9 + q * w9
      if (z9 > 0) out += z9 * v9
      const z10 = b10 + p * u10 + q * w10
      if (z10 > 0) out += z10 * v10
      const r = out - y[s]
      sum += r * r
    }
    const squares =
      u0 * u0 +
      w0 * w0 +
      v0 * v0 +
      u1 * u1 +
      w1 * w1 +
      v1 * v1 +
      u2 * u2 +
      w2 * w2 +
      v2 * v2 +
      u3 * u3 +
      w3 * w3 +
      v3 * v3 +
      u4 * u4 +
      w4 * w4 +
      v4 * v4 +
      u5 * u5 +
      w5 * w5 +
      v5 * v5 +
      u6 * u6 +
      w6 * w6 +
      v6 * v6 +
      u7 * u7 +
      w7 * w7 +
      v7 * v7 +
      u8 * u8 +
      w8 * w8 +
      v8 * v8 +
      u9 * u9 +
      w9 * w9 +
      v9 * v9 +
      u10 * u10 +
      w10 * w10 +
      v10 * v10
    loss = sum / n + 0.5 * lambda * squares
    history[epoch] = loss
  }
  return loss
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
 * Measures the course preset (800 epochs, without + with L2) in Node: the pair of trainings interleaved with
 * the tuned 2-11-1 reference, each training alone, the 45×45 loss Hessian with its spectrum, and a 128×128
 * decision-boundary frame; optionally the same trainings once in TF.js CPU with the gap between its final
 * losses and ours.
 */
export async function classifierBenchmarks(
  options: ClassifierBenchOptions = {},
): Promise<Record<string, unknown>> {
  const runs = Math.max(15, options.runs ?? 21)
  const data = parseDataset(readFileSync(new URL('../public/dot.csv', import.meta.url), 'utf8'))
  const init = { kind: 'normal', seed: 7 } as const
  const free = coursePreset(0, init)
  const l2 = coursePreset(0.03, init)
  // The reference starts from the very weights the core's runs start from (same active units).
  const start = createTrainer(free, data).params.slice()
  const history = new Float64Array(EPOCHS)
  const pair = timeInterleaved(
    {
      core: () => {
        trainClassifier(free, data)
        trainClassifier(l2, data)
      },
      handLoop: () => {
        handLoop(data, start, 0, history)
        handLoop(data, start, 0.03, history)
      },
    },
    runs,
  )
  const freeOnly = time(() => trainClassifier(free, data), runs)
  const l2Only = time(() => trainClassifier(l2, data), runs)
  const finals = [free, l2].map((c) => trainClassifier(c, data).final)
  const handFinals = [0, 0.03].map((lambda) => handLoop(data, start, lambda, history))
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
    coursePresetBoth800Epochs: pair.core,
    withoutL2: { ...freeOnly, final: finals[0] },
    withL2: { ...l2Only, final: finals[1] },
    handLoop2x11x1Both: {
      ...pair.handLoop,
      // Same work, same start: its losses agree with the core's up to rounding (reassociated sums).
      maxAbsLossGap: Math.max(...finals.map((f, k) => Math.abs(f.loss - handFinals[k]))),
    },
    ratioToHandLoop: round(pair.core.medianCpuMs / pair.handLoop.medianCpuMs),
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

/** Only the course pair, 60 times (for `--cpu-prof`): its median CPU ms. */
function coursePairOnly(): Record<string, unknown> {
  const data = parseDataset(readFileSync(new URL('../public/dot.csv', import.meta.url), 'utf8'))
  const init = { kind: 'normal', seed: 7 } as const
  const pair = time(() => {
    trainClassifier(coursePreset(0, init), data)
    trainClassifier(coursePreset(0.03, init), data)
  }, 60)
  return { coursePresetBoth800Epochs: pair }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--course')) console.log(JSON.stringify(coursePairOnly(), null, 2))
  else
    classifierBenchmarks({ tfjs: process.argv.includes('--tfjs') }).then((r) =>
      console.log(JSON.stringify(r, null, 2)),
    )
}
