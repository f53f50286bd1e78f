import { createBatchSampler } from './batchSampler'
import type { BatchSampler } from './batchSampler'
import { expectInteger } from './errors'
import { createRng } from './math/rng'
import type { Rng } from './math/rng'
import { fillDefaults, optimizers } from './optimizers/index'
import type { Kernel2d, ResolvedOptimizerSpec, Run2d } from './optimizers/index'
import { getScheduleMeta } from './schedules/meta'
import type { ScheduleMeta } from './schedules/meta'
import { getSurface } from './surfaces/index'
import { netSurfaceFor } from './landscape/netSurface'
import { ESCAPE_EXTENT_FACTOR, ESCAPE_LOSS_FACTOR } from './limits'
import type { DivergenceKind, RunStatus, ScheduleSpec, Surface, Trajectory, TrajectorySpec } from './types'
import { MAX_STEPS, validateTrajectorySpec } from './validate'

/**
 * A resumable optimizer run on a surface, for the worker to compute progressively. Arrays are preallocated
 * for `total` updates and filled in place; entries past `count` (points) are not yet meaningful.
 * Indexing is `Trajectory`'s: point k (x[k], y[k], loss[k], gradNorm[k]) is the start for k = 0 and the
 * result of update t = k − 1 otherwise; lr[t], grad[2t + i] and state[key][2t + i] belong to update t.
 */
export interface Run {
  /** The validated spec. */
  readonly spec: TrajectorySpec
  /** The optimizer spec with the convention's defaults filled (`withDefaults`). */
  readonly optimizer: ResolvedOptimizerSpec
  readonly surface: Surface
  /** Names of the recorded optimizer state arrays, as `createOptimizer(…).stateKeys`. */
  readonly stateKeys: readonly string[]
  /** Updates this run computes at most: min(spec.steps, capacity). */
  readonly total: number
  readonly x: Float64Array
  readonly y: Float64Array
  readonly loss: Float64Array
  readonly gradNorm: Float64Array
  readonly lr: Float64Array
  readonly grad: Float64Array
  readonly state: Readonly<Record<string, Float64Array>>
  /** Points computed so far, the start included (0 only when the start itself is not finite). */
  readonly count: number
  readonly status: RunStatus
  /** When diverged: the index of the first point that was not finite or escaped (= count). */
  readonly divergedAt: number | undefined
  /** When diverged: why (`DivergenceKind`). */
  readonly divergence: DivergenceKind | undefined
  /** Updates that took no step (Newton at a singular Hessian). */
  readonly singularSteps: number
  /** True once all `total` updates are done or the run diverged. */
  readonly done: boolean
  /** Computes up to n more updates and returns how many points it added (0 once done). */
  advance(n: number): number
  /** The points so far as a `Trajectory`: subarray views (no copy) trimmed to `count`. */
  trajectory(): Trajectory
}

/** (v − v) is 0 exactly for finite v and NaN for ±Infinity and NaN: one comparison per value. */
const finite = (v: number): boolean => v - v === 0

const EMPTY = new Float64Array(0)

/** Updates per kernel call inside `advance`. */
const CHUNK = 512

/**
 * The run and the `Run2d` context of its optimizer's kernel. The kernel loop calls the small methods below
 * once per update; they hold everything that is not the update rule (schedule, noise, surface, recording,
 * divergence), so every kernel shares them and V8 inlines them there. The kernel records its own state
 * into s0…s2.
 */
class TrajectoryRun implements Run, Run2d {
  readonly spec: TrajectorySpec
  readonly optimizer: ResolvedOptimizerSpec
  readonly surface: Surface
  readonly stateKeys: readonly string[]
  readonly total: number
  readonly x: Float64Array
  readonly y: Float64Array
  readonly loss: Float64Array
  readonly gradNorm: Float64Array
  readonly lr: Float64Array
  readonly grad: Float64Array
  readonly state: Readonly<Record<string, Float64Array>>
  count = 0
  status: RunStatus = 'ok'
  divergedAt: number | undefined = undefined
  divergence: DivergenceKind | undefined = undefined
  singular = 0
  /** Set by `point` when it refuses a finite point that escaped (the kernel then stops). */
  private escaped = false
  /** The escape bounds (`ESCAPE_LOSS_FACTOR`, `ESCAPE_EXTENT_FACTOR`): |L|, |x − cx| and |y − cy| limits. */
  private lossLimit = Infinity
  private cx = 0
  private cy = 0
  private rx = Infinity
  private ry = Infinity

  readonly mem = new Float64Array(16)
  // Double fields start as NaN, not 0: a Smi start would change the field representation (and the map)
  // on the first fractional write, deoptimizing every kernel that had inlined the accessors.
  gx = NaN
  gy = NaN
  hxx = NaN
  hxy = NaN
  hyy = NaN
  /** The true gradient at the latest point. */
  private tgx = NaN
  private tgy = NaN
  private readonly gbuf = new Float64Array(2)
  private readonly hbuf = new Float64Array(3)
  readonly s0: Float64Array
  readonly s1: Float64Array
  readonly s2: Float64Array
  private readonly base: number
  private readonly schedule: ScheduleSpec | undefined
  private readonly scheduleLr: ScheduleMeta['lr']
  private readonly rng: Rng | undefined
  private readonly std: number
  private readonly anneal: number
  /** The mini-batches (`spec.batch`), or undefined for the full batch. */
  private readonly batches: BatchSampler | undefined
  private readonly bbuf = new Float64Array(2)
  private readonly kernel: ReturnType<Kernel2d>
  /** The kind reads the Hessian (Newton), so the trajectory reports its singular (no-step) updates. */
  private readonly countsSingular: boolean

  /** Builds the run from a spec that `validateTrajectorySpec` returned (it is not checked again). */
  constructor(spec: TrajectorySpec, capacity: number) {
    this.spec = spec
    this.surface = spec.net ? netSurfaceFor(spec.net) : getSurface(spec.surface)
    this.optimizer = fillDefaults(spec.optimizer)
    const entry = optimizers[this.optimizer.kind]
    this.countsSingular = entry.capabilities.needsHessian === true
    this.kernel = entry.run2d(this.optimizer)
    this.stateKeys = entry.conventions[this.optimizer.convention]!.stateKeys.map((s) => s.key)
    const total = Math.min(spec.steps, capacity)
    this.total = total
    this.x = new Float64Array(total + 1)
    this.y = new Float64Array(total + 1)
    this.loss = new Float64Array(total + 1)
    this.gradNorm = new Float64Array(total + 1)
    this.lr = new Float64Array(total)
    this.grad = new Float64Array(2 * total)
    const arrays = this.stateKeys.map(() => new Float64Array(2 * total))
    this.state = Object.fromEntries(this.stateKeys.map((key, k) => [key, arrays[k]]))
    this.s0 = arrays[0] ?? EMPTY
    this.s1 = arrays[1] ?? EMPTY
    this.s2 = arrays[2] ?? EMPTY
    this.base = this.optimizer.lr
    this.schedule = spec.schedule
    this.scheduleLr =
      this.schedule === undefined ? undefined : (getScheduleMeta(this.schedule.kind) as ScheduleMeta).lr
    this.std = spec.noise?.std ?? 0
    this.anneal = spec.noise?.annealSteps ?? 0
    this.rng = this.std > 0 ? createRng(spec.noise!.seed) : undefined
    const examples = this.surface.perExample === undefined ? undefined : this.surface.examples
    this.batches =
      spec.batch !== undefined && examples !== undefined && spec.batch.size < examples
        ? createBatchSampler(examples, spec.batch.size, spec.batch.seed)
        : undefined

    const [x0, y0] = spec.start
    this.mem[0] = x0
    this.mem[1] = y0
    const l0 = this.surface.f(x0, y0)
    const g = this.surface.grad(x0, y0, this.gbuf)
    const n0 = Math.sqrt(g[0] * g[0] + g[1] * g[1])
    if (finite(l0) && finite(n0)) {
      const { x: ex, y: ey } = this.surface.extent
      this.lossLimit = ESCAPE_LOSS_FACTOR * Math.max(1, Math.abs(l0))
      this.cx = 0.5 * ex[0] + 0.5 * ex[1]
      this.cy = 0.5 * ey[0] + 0.5 * ey[1]
      this.rx = ESCAPE_EXTENT_FACTOR * (ex[1] - ex[0]) + Math.abs(x0 - this.cx)
      this.ry = ESCAPE_EXTENT_FACTOR * (ey[1] - ey[0]) + Math.abs(y0 - this.cy)
      this.tgx = g[0]
      this.tgy = g[1]
      this.x[0] = x0
      this.y[0] = y0
      this.loss[0] = l0
      this.gradNorm[0] = n0
      this.count = 1
    } else {
      this.status = 'diverged'
      this.divergedAt = 0
      this.divergence = 'non-finite'
    }
  }

  get done(): boolean {
    return this.status === 'diverged' || this.count > this.total
  }

  get singularSteps(): number {
    return this.singular
  }

  eta(t: number): number {
    const e = this.scheduleLr === undefined ? this.base : this.scheduleLr(this.base, this.schedule!, t)
    this.lr[t] = e
    return e
  }

  gradient(t: number): void {
    let gx = this.tgx
    let gy = this.tgy
    if (this.batches !== undefined) {
      // The batch mean at point t, summed in the batch's order (a test re-adds it by hand).
      const batch = this.batches.batch(t)
      const each = this.surface.perExample!
      const x = this.x[t]
      const y = this.y[t]
      const g = this.bbuf
      gx = 0
      gy = 0
      for (let i = 0; i < batch.length; i++) {
        each.grad(batch[i], x, y, g)
        gx += g[0]
        gy += g[1]
      }
      gx /= batch.length
      gy /= batch.length
    }
    const rng = this.rng
    if (rng !== undefined) {
      const a = this.anneal
      const s = a > 0 ? this.std * Math.max(0, 1 - t / a) : this.std
      if (s > 0) {
        gx += s * rng.normal()
        gy += s * rng.normal()
      }
    }
    this.gx = gx
    this.gy = gy
    this.grad[2 * t] = gx
    this.grad[2 * t + 1] = gy
  }

  hessian(x: number, y: number): void {
    const h = this.surface.hessian(x, y, this.hbuf)
    this.hxx = h[0]
    this.hxy = h[1]
    this.hyy = h[2]
  }

  point(t: number, x: number, y: number): boolean {
    const l = this.surface.f(x, y)
    const g = this.surface.grad(x, y, this.gbuf)
    const gx = g[0]
    const gy = g[1]
    const norm = Math.sqrt(gx * gx + gy * gy)
    if (!(finite(x) && finite(y) && finite(l) && finite(norm))) return false
    if (
      !(Math.abs(l) <= this.lossLimit) ||
      !(Math.abs(x - this.cx) <= this.rx) ||
      !(Math.abs(y - this.cy) <= this.ry)
    ) {
      this.escaped = true
      return false
    }
    this.tgx = gx
    this.tgy = gy
    this.x[t + 1] = x
    this.y[t + 1] = y
    this.loss[t + 1] = l
    this.gradNorm[t + 1] = norm
    return true
  }

  advance(n: number): number {
    if (this.done || !(n > 0)) return 0
    const first = this.count - 1
    const end = Math.min(this.total, first + Math.floor(Math.min(n, MAX_STEPS)))
    // Chunks of CHUNK updates: the kernel is then called often enough for V8 to optimize it as a whole
    // function, instead of entering one long loop in baseline code and waiting for on-stack replacement.
    let t = first
    while (t < end) {
      const to = Math.min(end, t + CHUNK)
      const stop = this.kernel(this, t, to)
      if (stop < to) {
        this.status = 'diverged'
        this.divergedAt = stop + 1
        this.divergence = this.escaped ? 'escaped' : 'non-finite'
        t = stop
        break
      }
      t = to
    }
    this.count = t + 1
    return t - first
  }

  trajectory(): Trajectory {
    const c = this.count
    const u = Math.max(0, c - 1)
    const state: Record<string, Float64Array> = {}
    for (const key of this.stateKeys) state[key] = this.state[key].subarray(0, 2 * u)
    const out: Trajectory = {
      x: this.x.subarray(0, c),
      y: this.y.subarray(0, c),
      loss: this.loss.subarray(0, c),
      gradNorm: this.gradNorm.subarray(0, c),
      lr: this.lr.subarray(0, u),
      grad: this.grad.subarray(0, 2 * u),
      state,
      status: this.status,
    }
    if (this.divergedAt !== undefined) out.divergedAt = this.divergedAt
    if (this.divergence !== undefined) out.divergence = this.divergence
    if (this.countsSingular) out.singularSteps = this.singular
    return out
  }
}

/**
 * Starts a run: validates the spec (`validateTrajectorySpec`, throws a SpecError), fills the optimizer's
 * convention defaults, evaluates the start and preallocates every array for min(spec.steps, capacity)
 * updates, so `advance` allocates nothing.
 *
 * Per update t (t = 0 first), at point k = t: η_t from the schedule; the gradient used is
 * g = ∇L + std_t·N(0, I) with std_t = std·max(0, 1 − t/annealSteps) (or std without annealing), drawn from
 * `createRng(noise.seed)` (`grad` records this g, `gradNorm` the true ‖∇L‖); with `batch` (a data surface,
 * size < N), ∇L in that sum is replaced by the mean (1/|B|)·Σ_{n∈B} ∇eₙ over update t's batch B
 * (`BatchSpec`: a seeded permutation per epoch, ⌈N/size⌉ updates per epoch, the last batch partial); then the optimizer's update,
 * computed by its 2D kernel (`OptimizerEntry.run2d`), bit-identical to `createOptimizer(…).step`; Newton gets
 * the surface's analytic Hessian and counts the singular (no-step) updates. A non-finite loss, gradient (or
 * its norm) or point ends the run with status 'diverged', divergence 'non-finite' and divergedAt = the
 * index of that point: the arrays keep only finite points and the updates that produced them, never a NaN
 * and never a throw. So does a finite point that escaped (divergence 'escaped', whatever the optimizer):
 * |L| > 10¹²·max(1, |L₀|), or |x − cx| > 50·w + |sx − cx| (likewise y), with w the width of the surface's
 * extent on that axis, (cx, cy) its centre and (sx, sy) the start (core/limits.ts, ESCAPE_*).
 */
export function createRun(spec: TrajectorySpec, capacity: number = spec?.steps): Run {
  const valid = validateTrajectorySpec(spec)
  return new TrajectoryRun(valid, expectInteger(capacity, 'capacity', 1, MAX_STEPS))
}

/**
 * Runs `spec.steps` updates (fewer if it diverges) and returns the trajectory: arrays indexed by point
 * (start = 0) and by update, as documented on `Trajectory`; views into the run's buffers, trimmed.
 */
export function runTrajectory(spec: TrajectorySpec): Trajectory {
  const run = createRun(spec)
  run.advance(run.total)
  return run.trajectory()
}
