/**
 * Plain-data types of the numeric core. Everything here can cross `postMessage` (no closures), except the
 * `Surface` descriptor (its meta plus f, ∇f and the Hessian), which lives in the registry and is referred to by
 * its id.
 */

import type { OptimizerKind } from './optimizers/meta'
import type { ScheduleKind } from './schedules/meta'
import type { TrajectoryArrays } from './trajectoryLayout'
import type { NetSurfaceSpec } from './landscape/netSurface.meta'

/** A point or vector in parameter space, [x, y] = [θ₁, θ₂]. */
export type Vec2 = [number, number]

/** Axis-aligned rectangle of parameter space: x ∈ [x[0], x[1]], y ∈ [y[0], y[1]]. */
export interface Extent {
  x: [number, number]
  y: [number, number]
}

/** A name in both of the app's languages. */
export interface Bilingual {
  en: string
  zh: string
}

/** Writable pair used as an out-parameter by hot loops (Float64Array(2), or a plain [x, y]). */
export type Out2 = Float64Array | number[]
/** Writable triple [hxx, hxy, hyy] used as an out-parameter. */
export type Out3 = Float64Array | number[]

/**
 * A critical point with a negative Hessian eigenvalue (a saddle, say) and the direction `analyzePoint` gives
 * for escaping it: u₁, the unit eigenvector of the most negative eigenvalue, first nonzero component positive.
 */
export interface SurfaceEscape {
  /** The critical point θ′. */
  from: Vec2
  /** `analyzePoint(surface, ...from).escapeDirection`, precomputed. */
  direction: Vec2
}

/**
 * What the app knows about a 2D test surface besides its math: names, formula, default view and start, the
 * marked minima. Plain data (it can cross `postMessage`); the main thread reads only this. `Id` narrows `id`
 * so the registry can derive its id union.
 */
export interface SurfaceMeta<Id extends string = string> {
  /** Registry id, used in URLs and specs. */
  id: Id
  name: Bilingual
  /** The formula in TeX (KaTeX subset), in the lecture's notation. */
  formula: string
  /** Short explanation of what the surface shows, both languages. */
  description: Bilingual
  /** Axis labels in the lecture notation (e.g. ['b', 'w'] for the Pokémon valley, ['w_1','w_2'] otherwise). */
  axes: [string, string]
  /** Default view of the surface. */
  extent: Extent
  /** Default start point of a race. */
  start: Vec2
  /** Known minima (global and local) the view marks with a yellow ×; empty when none is finite. */
  minima: Vec2[]
  /** False when the surface is unbounded below (runs on it must diverge cleanly). */
  boundedBelow: boolean
  /** True when the loss range spans decades and contours should be log-spaced. */
  logContours: boolean
  /**
   * Critical points a scene's `escape` action may leave from, with their escape directions, so the main
   * thread applies the action without evaluating the Hessian. Absent when none is listed.
   */
  escapes?: SurfaceEscape[]
  /**
   * For a data surface (a loss that is a mean over a data set, L = (1/N)·Σₙ eₙ): N, the number of examples.
   * Such a surface carries `perExample` in its impl, and a race on it may use mini-batches (`BatchSpec`).
   * Absent on the analytic surfaces.
   */
  examples?: number
  /**
   * Registry id of this surface's testing surface (canyon-basin: 'canyon-basin-test', the same loss shifted):
   * the worker also evaluates every racer's points on it (`RacerFrame.testLoss`) and the panel can overlay its
   * contours. Absent on surfaces without one.
   */
  testSurface?: string
}

/**
 * The per-example losses of a data surface, L(θ) = (1/N)·Σₙ eₙ(θ) with N = `examples`: eₙ and ∇eₙ for
 * n = 0..N−1. The mean of the N gradients is ∇L exactly (up to rounding).
 */
export interface PerExample {
  /** eₙ(x, y), n an integer in 0..N−1. */
  loss(n: number, x: number, y: number): number
  /** ∇eₙ(x, y) into `out` (returned). */
  grad(n: number, x: number, y: number, out?: Out2): Out2
}

/**
 * A 2D test function: its meta plus the math, a descriptor object (d3 `symbol/*.js` style). `grad` and
 * `hessian` write into `out` when given (hot loops allocate nothing) and return it; without `out` they return
 * a fresh array.
 */
export interface Surface<Id extends string = string> extends SurfaceMeta<Id> {
  /** L(x, y). */
  f(x: number, y: number): number
  /** ∇L(x, y) = [∂L/∂x, ∂L/∂y]. */
  grad(x: number, y: number, out?: Out2): Out2
  /** Hessian entries [∂²L/∂x², ∂²L/∂x∂y, ∂²L/∂y²]. */
  hessian(x: number, y: number, out?: Out3): Out3
  /** The examples of a data surface (present exactly when the meta states `examples`). */
  perExample?: PerExample
}

/** Optimizer kinds of the core, derived from the meta registry (src/core/optimizers/meta.ts). */
export type { OptimizerKind }

/** Whose arithmetic an optimizer follows (docs/conventions.md). */
export type Convention = 'lecture' | 'pytorch' | 'tensorflow' | 'course'

/**
 * An optimizer as plain data. Unset hyper-parameters take the convention's defaults (docs/conventions.md).
 * `momentum` is λ (lecture), μ (PyTorch, TF) or β (course); `rho` is RMSProp's weight on the old average
 * (α in the lecture and PyTorch, ρ in TF, β in the course).
 */
export interface OptimizerSpec {
  kind: OptimizerKind
  convention?: Convention
  /** Base learning rate η (> 0, finite). */
  lr: number
  momentum?: number
  rho?: number
  beta1?: number
  beta2?: number
  eps?: number
  initialAccumulator?: number
  weightDecay?: number
}

/** Learning-rate schedules (docs/conventions.md); η_t for the update with index t (t = 0 first). */
export type ScheduleSpec =
  | { kind: 'constant' }
  | { kind: 'exponential'; decay: number; decaySteps: number; staircase?: boolean }
  | { kind: 'step'; stepSize: number; gamma: number }
  | { kind: 'multistep'; milestones: number[]; gamma: number }
  | { kind: 'polynomial'; totalSteps: number; power: number; final?: number }
  | { kind: 'cosine'; totalSteps: number; final?: number; warmupSteps?: number; warmupBegin?: number }
  | { kind: 'inverse-sqrt' }
  | { kind: 'warmup-inverse-sqrt'; warmupSteps: number }
  | { kind: 'cosine-restarts'; t0: number; tMult?: number; final?: number }
  | {
      kind: 'plateau'
      factor: number
      patience: number
      threshold?: number
      cooldown?: number
      minLr?: number
    }

/** Schedule kinds, derived from the meta registry (src/core/schedules/meta.ts). */
export type { ScheduleKind }

/** Gaussian gradient noise g ← g + std·N(0, I), seeded; `annealSteps` ramps std linearly to 0 by that step. */
export interface NoiseSpec {
  std: number
  seed: number
  annealSteps?: number
}

/** One optimizer run on a 2D surface. */
export interface TrajectorySpec {
  surface: string
  optimizer: OptimizerSpec
  schedule?: ScheduleSpec
  start: Vec2
  /** Number of updates, 1..1,000,000. */
  steps: number
  noise?: NoiseSpec
  /**
   * Mini-batches on a data surface (a surface whose meta states `examples`); absent = full batch, the
   * gradient of L itself. See `BatchSpec`.
   */
  batch?: BatchSpec
  /**
   * Only with surface 'net-slice': which network's loss slice to run on (plain data, rebuilt in the worker);
   * absent, the default network surface.
   */
  net?: NetSurfaceSpec
}

/**
 * Mini-batch sampling of a race on a data surface with N examples: each epoch draws a fresh permutation of
 * 0..N−1 (Fisher–Yates, from one `createRng(seed)` stream, epoch after epoch) and cuts it into ⌈N/size⌉
 * batches in order; update t uses batch t mod ⌈N/size⌉ of epoch ⌊t/⌈N/size⌉⌋, and its gradient is the batch
 * mean (1/|B|)·Σ_{n∈B} ∇eₙ. The last batch of an epoch keeps the N mod size examples left over (when size
 * does not divide N) and averages over them only: every example is seen exactly once per epoch, as with
 * PyTorch's DataLoader(drop_last=False).
 */
export interface BatchSpec {
  /** Examples per batch, an integer in 1..N (N = full batch, which equals leaving `batch` out). */
  size: number
  /** Seed of the per-epoch permutations, an integer in 0..2³²−1. */
  seed: number
}

export type RunStatus = 'ok' | 'diverged'

/**
 * Why a run diverged: 'non-finite' when a position, loss or gradient stopped being a finite number;
 * 'escaped' when a finite loss grew past 10¹² times its start or the position left the surface's domain by
 * a wide margin (`ESCAPE_LOSS_FACTOR`, `ESCAPE_EXTENT_FACTOR` in core/limits.ts), as a bounded-step optimizer
 * (Adam, Adagrad, RMSProp) does at a huge η without ever overflowing.
 */
export type DivergenceKind = 'non-finite' | 'escaped'

/**
 * The result of `runTrajectory`: the arrays in the layout of `TrajectoryArrays` (core/trajectoryLayout.ts:
 * one entry per point visited, index 0 the start and k the point after update k; update arrays one shorter),
 * trimmed to the points computed.
 */
export interface Trajectory extends TrajectoryArrays {
  status: RunStatus
  /**
   * When status is 'diverged': the index of the first point that was not finite (its position, loss or
   * gradient) or that escaped (see `DivergenceKind`), which is also the number of points kept (0 when the
   * start itself is not finite).
   */
  divergedAt?: number
  /** When status is 'diverged': why (the point at `divergedAt` was not finite, or escaped). */
  divergence?: DivergenceKind
  /** Updates that took no step because the Hessian was singular (Newton only). */
  singularSteps?: number
}

/**
 * A stateful optimizer over n parameters, built by `createOptimizer(spec, n)` (src/core/optimizers). The same
 * object drives 2D races and the classifier's weight vector. Its state arrays (m, σ, v, …; each of length n)
 * are live views the formula cards read.
 */
export interface Optimizer {
  /** The spec with every convention default filled in. */
  readonly spec: Readonly<Required<Pick<OptimizerSpec, 'kind' | 'convention' | 'lr'>>> &
    Readonly<OptimizerSpec>
  /** Names of the state arrays, in display order (e.g. ['m'], ['sigma'], ['m', 'v']). */
  readonly stateKeys: readonly string[]
  readonly state: Readonly<Record<string, Float64Array>>
  /**
   * Applies update t (t = 0 for the first) in place: θ ← θ + Δθ, with η_t = `lr`. `hessian` (row-major n×n)
   * is required by Newton only. Returns false when no step was taken (Newton at a singular Hessian).
   */
  step(theta: Float64Array, grad: Float64Array, lr: number, t: number, hessian?: Float64Array): boolean
  /** Zeroes the state (back to the convention's initial values). */
  reset(): void
}

/**
 * One numeric control that the UI builds from a registry table (optimizer hyper-parameters, schedule
 * parameters): slider range and step, the default, and the symbol the formula cards use. The range is the
 * slider's, which may be narrower than the domain `validate*Spec` accepts.
 */
export interface ParamSpec {
  key: string
  name: Bilingual
  /** The symbol in TeX, in the lecture notation (η, λ, α, β₁, ε, …). */
  tex: string
  min: number
  max: number
  /** Slider increment: added to the value on a 'linear' scale, added to log₁₀(value) on a 'log' scale. */
  step: number
  /** 'log' for quantities that span decades (η, ε), 'linear' otherwise. */
  scale: 'linear' | 'log'
  default: number
  /** True when the value must be an integer (step counts, periods). */
  integer?: boolean
}
