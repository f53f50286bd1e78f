// Benchmarks of the numeric core, run by `npm run bench` (node --import tsx bench/core.bench.ts). Prints ONE
// JSON object on stdout: the machine, then one section per entry of `benchmarks`. Timings are medians of
// repeated runs after warm-up, in milliseconds.
import { cpus } from 'node:os'
import { sampleGrid } from '../src/core/grid'
import { optimizerKinds } from '../src/core/optimizers/index'
import { runTrajectory } from '../src/core/run'
import { getSurface } from '../src/core/surfaces/index'
import type { OptimizerKind, OptimizerSpec } from '../src/core/types'

/** One section of the report: `run` returns the JSON stored under `name`. */
export interface Benchmark {
  name: string
  run(): unknown
}

/** Median wall time in ms of `runs` calls of fn after `warmup` untimed calls. */
export function medianMs(fn: () => void, runs: number, warmup = 5): number {
  for (let i = 0; i < warmup; i++) fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    fn()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  const mid = times.length >> 1
  return times.length % 2 === 1 ? times[mid] : (times[mid - 1] + times[mid]) / 2
}

const round = (v: number, digits = 3) => Number(v.toPrecision(digits))

/** Learning rates that keep each kind finite on the Pokémon valley (λ_max ≈ 1.75·10⁵, LECTURES S3–S4). */
const pokemonRates: Record<OptimizerKind, OptimizerSpec> = {
  sgd: { kind: 'sgd', lr: 1e-5 },
  momentum: { kind: 'momentum', lr: 1e-6 },
  nesterov: { kind: 'nesterov', lr: 1e-6 },
  adagrad: { kind: 'adagrad', lr: 0.3 },
  rmsprop: { kind: 'rmsprop', lr: 0.3 },
  adam: { kind: 'adam', lr: 0.3 },
  adamw: { kind: 'adamw', lr: 0.3 },
  newton: { kind: 'newton', lr: 1 },
}
const pokemon = getSurface('pokemon')
const race = (kind: OptimizerKind, steps: number) =>
  runTrajectory({ surface: 'pokemon', optimizer: pokemonRates[kind], start: pokemon.start, steps })

/** The six first-order racers of the lecture scenes. */
const racers: OptimizerKind[] = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam']

export const benchmarks: Benchmark[] = [
  {
    name: 'stepsPerSecond',
    run: () =>
      Object.fromEntries(
        optimizerKinds.map((kind) => [
          kind,
          round((100_000 / medianMs(() => race(kind, 100_000), 9)) * 1000),
        ]),
      ),
  },
  {
    name: 'race6x100k',
    run: () => {
      const runs = 21
      const ms = medianMs(() => racers.forEach((k) => race(k, 100_000)), runs)
      return { medianMs: round(ms), runs, racers }
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
  // ↓ The classifier benchmark (trainClassifier on dot.csv) goes here: { name: 'classifier', run: () => … }.
]

const cpu = cpus()
const report: Record<string, unknown> = {
  machine: { node: process.version, cpu: cpu[0]?.model ?? 'unknown', cores: cpu.length },
}
for (const b of benchmarks) report[b.name] = b.run()
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
