import { expectInteger } from './errors'
import { createRng } from './math/rng'
import type { Rng } from './math/rng'
import { createOptimizer } from './optimizers/index'
import { schedules } from './schedules/index'
import type { ScheduleEntry } from './schedules/index'
import { getSurface } from './surfaces/index'
import type { Optimizer, RunStatus, ScheduleSpec, Surface, Trajectory, TrajectorySpec } from './types'
import { MAX_STEPS, validateTrajectorySpec } from './validate'

/**
 * A resumable optimizer run on a surface, for the worker to compute progressively. Arrays are preallocated
 * for `capacity` updates and filled in place; entries past `count` (points) are not yet meaningful.
 * Indexing is `Trajectory`'s: point k (x[k], y[k], loss[k], gradNorm[k]) is the start for k = 0 and the
 * result of update t = k − 1 otherwise; lr[t], grad[2t + i] and state[key][2t + i] belong to update t.
 */
export interface Run {
  /** The validated spec. */
  readonly spec: TrajectorySpec
  readonly surface: Surface
  /** The live optimizer (its state arrays hold the values after the latest update). */
  readonly optimizer: Optimizer
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
  /** When diverged: the index of the first point that was not finite (= count). */
  readonly divergedAt: number | undefined
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

class TrajectoryRun implements Run {
  readonly spec: TrajectorySpec
  readonly surface: Surface
  readonly optimizer: Optimizer
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
  singularSteps = 0

  private readonly theta = new Float64Array(2)
  /** The true gradient at the latest point. */
  private readonly gTrue = new Float64Array(2)
  /** The gradient handed to the optimizer (true + noise). */
  private readonly gUsed = new Float64Array(2)
  private readonly h3: Float64Array | undefined
  private readonly h4: Float64Array | undefined
  private readonly stateSrc: Float64Array[]
  private readonly stateDst: Float64Array[]
  private readonly schedule: ScheduleSpec | undefined
  private readonly scheduleLr: ScheduleEntry['lr']
  private readonly rng: Rng | undefined

  constructor(spec: TrajectorySpec, capacity: number) {
    this.spec = spec
    this.surface = getSurface(spec.surface)
    this.optimizer = createOptimizer(spec.optimizer, 2)
    const total = Math.min(spec.steps, capacity)
    this.total = total
    this.x = new Float64Array(total + 1)
    this.y = new Float64Array(total + 1)
    this.loss = new Float64Array(total + 1)
    this.gradNorm = new Float64Array(total + 1)
    this.lr = new Float64Array(total)
    this.grad = new Float64Array(2 * total)
    const state: Record<string, Float64Array> = {}
    this.stateSrc = []
    this.stateDst = []
    for (const key of this.optimizer.stateKeys) {
      const dst = new Float64Array(2 * total)
      state[key] = dst
      this.stateDst.push(dst)
      this.stateSrc.push(this.optimizer.state[key])
    }
    this.state = state
    if (spec.optimizer.kind === 'newton') {
      this.h3 = new Float64Array(3)
      this.h4 = new Float64Array(4)
    }
    this.schedule = spec.schedule?.kind === 'constant' ? undefined : spec.schedule
    this.scheduleLr =
      this.schedule === undefined ? undefined : (schedules[this.schedule.kind] as ScheduleEntry).lr
    this.rng = spec.noise !== undefined && spec.noise.std > 0 ? createRng(spec.noise.seed) : undefined

    const [x0, y0] = spec.start
    this.theta[0] = x0
    this.theta[1] = y0
    const l0 = this.surface.f(x0, y0)
    const g = this.surface.grad(x0, y0, this.gTrue)
    const n0 = Math.sqrt(g[0] * g[0] + g[1] * g[1])
    if (finite(l0) && finite(n0)) {
      this.x[0] = x0
      this.y[0] = y0
      this.loss[0] = l0
      this.gradNorm[0] = n0
      this.count = 1
    } else {
      this.status = 'diverged'
      this.divergedAt = 0
    }
  }

  get done(): boolean {
    return this.status === 'diverged' || this.count > this.total
  }

  advance(n: number): number {
    if (this.done || !(n > 0)) return 0
    const first = this.count - 1
    const end = Math.min(this.total, first + Math.floor(Math.min(n, MAX_STEPS)))
    const { surface, theta, gTrue, gUsed, h3, h4, stateSrc, stateDst, schedule, scheduleLr, rng } = this
    const { x, y, loss, gradNorm, lr: lrOut, grad: gradOut } = this
    const base = this.spec.optimizer.lr
    const std = this.spec.noise?.std ?? 0
    const anneal = this.spec.noise?.annealSteps ?? 0
    const nState = stateSrc.length
    const step = this.optimizer.step
    let singular = 0
    let t = first
    for (; t < end; t++) {
      const eta = scheduleLr === undefined ? base : scheduleLr(base, schedule!, t)
      let gx = gTrue[0]
      let gy = gTrue[1]
      // Without noise the true gradient goes to the optimizer as is: one store→load hop less per step.
      let g = gTrue
      if (rng !== undefined) {
        const s = anneal > 0 ? std * Math.max(0, 1 - t / anneal) : std
        if (s > 0) {
          gx += s * rng.normal()
          gy += s * rng.normal()
        }
        gUsed[0] = gx
        gUsed[1] = gy
        g = gUsed
      }
      lrOut[t] = eta
      gradOut[2 * t] = gx
      gradOut[2 * t + 1] = gy
      if (h4 !== undefined) {
        surface.hessian(theta[0], theta[1], h3)
        h4[0] = h3![0]
        h4[1] = h3![1]
        h4[2] = h3![1]
        h4[3] = h3![2]
      }
      if (!step(theta, g, eta, t, h4)) singular++
      for (let k = 0; k < nState; k++) {
        const src = stateSrc[k]
        const dst = stateDst[k]
        dst[2 * t] = src[0]
        dst[2 * t + 1] = src[1]
      }
      const px = theta[0]
      const py = theta[1]
      const l = surface.f(px, py)
      surface.grad(px, py, gTrue)
      const nx = gTrue[0]
      const ny = gTrue[1]
      const norm = Math.sqrt(nx * nx + ny * ny)
      if (!(finite(px) && finite(py) && finite(l) && finite(norm))) {
        this.status = 'diverged'
        this.divergedAt = t + 1
        break
      }
      x[t + 1] = px
      y[t + 1] = py
      loss[t + 1] = l
      gradNorm[t + 1] = norm
    }
    this.singularSteps += singular
    this.count = t + 1
    return t - first
  }

  trajectory(): Trajectory {
    const c = this.count
    const u = Math.max(0, c - 1)
    const state: Record<string, Float64Array> = {}
    for (const key of this.optimizer.stateKeys) state[key] = this.state[key].subarray(0, 2 * u)
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
    if (this.spec.optimizer.kind === 'newton') out.singularSteps = this.singularSteps
    return out
  }
}

/**
 * Starts a run: validates the spec (`validateTrajectorySpec`, throws a SpecError), builds the optimizer
 * over the 2 coordinates, evaluates the start and preallocates every array for
 * min(spec.steps, capacity) updates, so `advance` allocates nothing.
 *
 * Per update t (t = 0 first), at point k = t: η_t from the schedule; the gradient used is
 * g = ∇L + std_t·N(0, I) with std_t = std·max(0, 1 − t/annealSteps) (or std without annealing), drawn from
 * `createRng(noise.seed)` (`grad` records this g, `gradNorm` the true ‖∇L‖); Newton also gets the surface's
 * analytic Hessian and counts the singular (no-step) updates. A non-finite loss, gradient (or its norm) or
 * point ends the run with status 'diverged' and divergedAt = the index of that point: the arrays keep only
 * finite points and the updates that produced them, never a NaN and never a throw.
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
