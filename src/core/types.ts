/**
 * Plain-data types of the numeric core. Everything here can cross `postMessage` (no closures), except the
 * `Surface` descriptor, which lives in the registry on both sides and is referred to by its id.
 */

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
 * A 2D test function: a descriptor object (d3 `symbol/*.js` style) holding the math and its UI metadata.
 * `grad` and `hessian` write into `out` when given (hot loops allocate nothing) and return it; without `out`
 * they return a fresh array.
 */
export interface Surface {
  /** Registry id, used in URLs and specs. */
  id: string
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
  /** L(x, y). */
  f(x: number, y: number): number
  /** ∇L(x, y) = [∂L/∂x, ∂L/∂y]. */
  grad(x: number, y: number, out?: Out2): Out2
  /** Hessian entries [∂²L/∂x², ∂²L/∂x∂y, ∂²L/∂y²]. */
  hessian(x: number, y: number, out?: Out3): Out3
}

/** Optimizer kinds of the core. `newton` is only defined for 2D surfaces (it needs the analytic Hessian). */
export type OptimizerKind =
  'sgd' | 'momentum' | 'nesterov' | 'adagrad' | 'rmsprop' | 'adam' | 'adamw' | 'newton'

/** Whose arithmetic an optimizer follows (CONVENTIONS.md). */
export type Convention = 'lecture' | 'pytorch' | 'tensorflow' | 'course'

/**
 * An optimizer as plain data. Unset hyper-parameters take the convention's defaults (CONVENTIONS.md).
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

/** Learning-rate schedules (CONVENTIONS.md); η_t for the update with index t (t = 0 first). */
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

export type ScheduleKind = ScheduleSpec['kind']

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
}

export type RunStatus = 'ok' | 'diverged'

/**
 * The result of `runTrajectory`. Arrays hold one entry per point visited: index 0 is the start, index k the
 * point after update k. `lr[k]` is the learning rate used by update k (so `lr` is one shorter than `x`).
 * `state[name]` holds the optimizer's internal state after each update, interleaved per parameter:
 * `state.m[2k + i]` is m for parameter i after update k+1 (i.e. the value used to make point k+1).
 */
export interface Trajectory {
  x: Float64Array
  y: Float64Array
  loss: Float64Array
  /** ‖∇L‖ at each point (the lecture's "stuck ≠ small gradient" chart). */
  gradNorm: Float64Array
  lr: Float64Array
  /** The (noisy) gradient used by update k, interleaved [gx, gy]. */
  grad: Float64Array
  state: Record<string, Float64Array>
  status: RunStatus
  /** Index of the update that produced a non-finite value, when status is 'diverged'. */
  divergedAt?: number
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
