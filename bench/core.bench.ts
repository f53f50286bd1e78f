// Benchmarks of the numeric core, run by `npm run bench` (node --import tsx bench/core.bench.ts). Prints ONE
// JSON object on stdout: the machine, then one section per entry of `benchmarks`. Timings are medians of
// repeated runs after warm-up, in milliseconds.
import { cpus } from 'node:os'
import { pathToFileURL } from 'node:url'
import { basinMap } from '../src/core/basins/basinMap'
import { sampleGrid } from '../src/core/grid'
import { optimizerKinds } from '../src/core/optimizers/index'
import { runTrajectory } from '../src/core/run'
import { getSurface } from '../src/core/surfaces/index'
import type { OptimizerKind, OptimizerSpec } from '../src/core/types'
import { classifierBenchmarks } from './classifier.bench'
import { landscapeBenchmark } from './landscape.bench'

/** One section of the report: `run` returns (or resolves to) the JSON stored under `name`. */
export interface Benchmark {
  name: string
  run(): unknown
}

/**
 * Median wall time in ms of `runs` calls of fn after `warmup` untimed calls, and the median CPU time of
 * this process over the same calls: on a machine shared with other jobs, wall ≫ CPU shows contention.
 */
export function measure(fn: () => void, runs: number, warmup = 5): { wallMs: number; cpuMs: number } {
  for (let i = 0; i < warmup; i++) fn()
  const wall: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    fn()
    wall.push(performance.now() - t0)
    const c = process.cpuUsage(c0)
    cpu.push((c.user + c.system) / 1000)
  }
  return { wallMs: median(wall), cpuMs: median(cpu) }
}

function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b)
  const mid = v.length >> 1
  return v.length % 2 === 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2
}

/** Median wall time in ms of `runs` calls of fn after `warmup` untimed calls. */
export const medianMs = (fn: () => void, runs: number, warmup = 5): number => measure(fn, runs, warmup).wallMs

const round = (v: number, digits = 3) => Number(v.toPrecision(digits))

/** Learning rates that keep each kind finite on the Pokémon valley (λ_max ≈ 1.75·10⁵, docs/lectures.md S3–S4). */
const pokemonRates: Record<OptimizerKind, OptimizerSpec> = {
  sgd: { kind: 'sgd', lr: 1e-5 },
  momentum: { kind: 'momentum', lr: 1e-5 },
  nesterov: { kind: 'nesterov', lr: 5e-6 },
  adagrad: { kind: 'adagrad', lr: 0.3 },
  rmsprop: { kind: 'rmsprop', lr: 0.3 },
  adam: { kind: 'adam', lr: 0.3 },
  adamw: { kind: 'adamw', lr: 0.3 },
  newton: { kind: 'newton', lr: 1 },
}
const pokemon = getSurface('pokemon')
const race = (kind: OptimizerKind, steps: number) =>
  runTrajectory({ surface: 'pokemon', optimizer: pokemonRates[kind], start: pokemon.start, steps })

/**
 * The six racers, one of each first-order family, as in the UI benchmark's race (bench/raceUrl.ts
 * SIX_RACERS) except Nesterov's η: PyTorch-form Nesterov is stable on this valley only for
 * η·λ_max < 2(1 + μ)/(1 + 2μ), i.e. η < 7.8·10⁻⁶ at μ = 0.9, and at 10⁻⁵ it diverges after 584 updates, which
 * would time a shorter race. Every racer here runs all 100 000 updates.
 */
const racers: OptimizerSpec[] = [
  { kind: 'sgd', convention: 'lecture', lr: 1e-5 },
  { kind: 'momentum', convention: 'lecture', lr: 1e-5, momentum: 0.9 },
  { kind: 'adagrad', convention: 'lecture', lr: 0.3 },
  { kind: 'rmsprop', convention: 'lecture', lr: 0.3, rho: 0.9 },
  { kind: 'adam', convention: 'pytorch', lr: 0.3 },
  { kind: 'nesterov', convention: 'pytorch', lr: 5e-6, momentum: 0.9 },
]
const raceOnce = () => {
  for (const optimizer of racers) {
    runTrajectory({ surface: 'pokemon', optimizer, start: pokemon.start, steps: 100_000 })
  }
}

export const benchmarks: Benchmark[] = [
  {
    name: 'stepsPerSecond',
    run: () =>
      Object.fromEntries(
        optimizerKinds.map((kind) => {
          // Count the updates actually made, so a run that stopped early could not inflate the rate.
          const steps = race(kind, 100_000).lr.length
          return [kind, round((steps / medianMs(() => race(kind, 100_000), 9)) * 1000)]
        }),
      ),
  },
  {
    name: 'race6x100k',
    run: () => {
      const runs = 21
      const { wallMs, cpuMs } = measure(raceOnce, runs)
      return { medianMs: round(wallMs), runs, cpuMedianMs: round(cpuMs), racers: racers.map((r) => r.kind) }
    },
  },
  {
    name: 'grid256',
    run: () => {
      const rosenbrock = getSurface('rosenbrock')
      const ms = medianMs(() => {
        sampleGrid(pokemon, pokemon.extent, 256)
        sampleGrid(rosenbrock, rosenbrock.extent, 256)
      }, 31)
      return { medianMs: round(ms), surfaces: ['pokemon', 'rosenbrock'] }
    },
  },
  {
    // A 64×64 basin map of 1,000 updates per start (≈ 4.1 M updates) on Himmelblau, plain and heavy-ball.
    name: 'basinMap64x1000',
    run: () => {
      const map = (optimizer: OptimizerSpec) => () =>
        basinMap({
          surface: 'himmelblau',
          optimizer,
          steps: 1000,
          x: { min: -6, max: 6, n: 64 },
          y: { min: -6, max: 6, n: 64 },
          tolerance: 0.05,
        })
      const sgd = measure(map({ kind: 'sgd', lr: 0.01 }), 5, 1)
      const momentum = measure(map({ kind: 'momentum', lr: 0.002, momentum: 0.9 }), 5, 1)
      return {
        sgdMedianMs: round(sgd.wallMs),
        momentumMedianMs: round(momentum.wallMs),
        updates: 64 * 64 * 1000,
      }
    },
  },
  // The course preset (2-11-1, 800 epochs) without and with L2; TF.js's CPU run only with BENCH_TFJS=1 (slow).
  { name: 'classifier', run: () => classifierBenchmarks({ tfjs: process.env.BENCH_TFJS === '1' }) },
  // A 41×41 loss slice of the course preset on dot.csv (#12).
  { name: 'lossSlice41', run: () => landscapeBenchmark(measure) },
]

/** Runs every benchmark in order and returns the report (the machine first). */
export async function runBenchmarks(): Promise<Record<string, unknown>> {
  const cpu = cpus()
  const report: Record<string, unknown> = {
    machine: { node: process.version, cpu: cpu[0]?.model ?? 'unknown', cores: cpu.length },
  }
  for (const b of benchmarks) report[b.name] = await b.run()
  return report
}

// Print only when run as the script, so other benches can import `benchmarks` and `measure`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${JSON.stringify(await runBenchmarks(), null, 2)}\n`)
}
