import { SpecError, expectInteger, expectNumber, expectRecord } from '../errors'
import { ESCAPE_EXTENT_FACTOR, ESCAPE_LOSS_FACTOR, MAX_BASIN_SIDE, MAX_BASIN_STEPS } from '../limits'
import { fillDefaults, optimizers } from '../optimizers/index'
import type { Kernel2d, Run2d } from '../optimizers/index'
import { getScheduleMeta } from '../schedules/meta'
import type { ScheduleMeta } from '../schedules/meta'
import { getSurface } from '../surfaces/index'
import type { Surface } from '../types'
import { validateTrajectorySpec } from '../validate'
import { BASIN_DIVERGED, BASIN_NONE } from './types'
import type { BasinAxis, BasinMapSpec } from './types'

export { MAX_BASIN_SIDE, MAX_BASIN_STEPS }

const finite = (v: number): boolean => v - v === 0
/** Updates per kernel call, as in `createRun`'s `advance` (the same chunks keep V8's view of the kernel alike). */
const CHUNK = 512

/**
 * One reusable run for many starts: the `Run2d` context of a kernel that records nothing but the state the
 * kernel itself writes (preallocated once for `steps` updates) and, per point, the first index at which it
 * came within tolerance of each listed minimum. The arithmetic (η_t, gradient, escape rules, Hessian) is
 * `createRun`'s, so a start's outcome is exactly what `runTrajectory` from it gives.
 */
class BasinRun implements Run2d {
  readonly mem = new Float64Array(16)
  gx = NaN
  gy = NaN
  hxx = NaN
  hxy = NaN
  hyy = NaN
  singular = 0
  readonly s0: Float64Array
  readonly s1: Float64Array
  readonly s2: Float64Array
  /** Index of the last finite point of the current start. */
  last = 0
  /** firstIn[i]: first point index within tolerance of minimum i (−1 not yet). */
  readonly firstIn: Int32Array
  private tgx = NaN
  private tgy = NaN
  private lossLimit = Infinity
  private cx = 0
  private cy = 0
  private rx = Infinity
  private ry = Infinity
  private readonly gbuf = new Float64Array(2)
  private readonly hbuf = new Float64Array(3)
  private readonly mx: Float64Array
  private readonly my: Float64Array
  private readonly tol2: number
  private readonly kernel: ReturnType<Kernel2d>

  constructor(
    private readonly surface: Surface,
    private readonly lrs: Float64Array,
    kernel: ReturnType<Kernel2d>,
    stateKeys: number,
    tolerance: number,
  ) {
    const steps = lrs.length
    const arrays = Array.from({ length: stateKeys }, () => new Float64Array(2 * steps))
    this.s0 = arrays[0] ?? new Float64Array(0)
    this.s1 = arrays[1] ?? new Float64Array(0)
    this.s2 = arrays[2] ?? new Float64Array(0)
    const minima = surface.minima
    this.mx = Float64Array.from(minima, (m) => m[0])
    this.my = Float64Array.from(minima, (m) => m[1])
    this.firstIn = new Int32Array(minima.length)
    this.tol2 = tolerance * tolerance
    this.kernel = kernel
  }

  eta(t: number): number {
    return this.lrs[t]
  }

  gradient(): void {
    this.gx = this.tgx
    this.gy = this.tgy
  }

  hessian(x: number, y: number): void {
    const h = this.surface.hessian(x, y, this.hbuf)
    this.hxx = h[0]
    this.hxy = h[1]
    this.hyy = h[2]
  }

  private near(k: number, x: number, y: number): void {
    const mx = this.mx
    const my = this.my
    const firstIn = this.firstIn
    for (let i = 0; i < mx.length; i++) {
      if (firstIn[i] >= 0) continue
      const dx = x - mx[i]
      const dy = y - my[i]
      if (dx * dx + dy * dy <= this.tol2) firstIn[i] = k
    }
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
      return false
    }
    this.tgx = gx
    this.tgy = gy
    this.last = t + 1
    this.near(t + 1, x, y)
    return true
  }

  /**
   * Runs every update from (x0, y0) and returns the outcome code (a minimum's index, −1 or −2); `steps`
   * of that outcome is in `lastSteps`.
   */
  solve(x0: number, y0: number): number {
    const mem = this.mem
    mem.fill(0)
    mem[0] = x0
    mem[1] = y0
    this.firstIn.fill(-1)
    this.singular = 0
    this.last = 0
    const s = this.surface
    const l0 = s.f(x0, y0)
    const g = s.grad(x0, y0, this.gbuf)
    const n0 = Math.sqrt(g[0] * g[0] + g[1] * g[1])
    if (!(finite(l0) && finite(n0))) {
      this.lastSteps = 0
      return BASIN_DIVERGED
    }
    const { x: ex, y: ey } = s.extent
    this.lossLimit = ESCAPE_LOSS_FACTOR * Math.max(1, Math.abs(l0))
    this.cx = 0.5 * ex[0] + 0.5 * ex[1]
    this.cy = 0.5 * ey[0] + 0.5 * ey[1]
    this.rx = ESCAPE_EXTENT_FACTOR * (ex[1] - ex[0]) + Math.abs(x0 - this.cx)
    this.ry = ESCAPE_EXTENT_FACTOR * (ey[1] - ey[0]) + Math.abs(y0 - this.cy)
    this.tgx = g[0]
    this.tgy = g[1]
    this.near(0, x0, y0)
    const total = this.lrs.length
    for (let t = 0; t < total;) {
      const to = Math.min(total, t + CHUNK)
      const stop = this.kernel(this, t, to)
      if (stop < to) {
        this.lastSteps = stop + 1
        return BASIN_DIVERGED
      }
      t = to
    }
    // The final point is mem[0], mem[1] (the kernel's locals written back), also the last recorded point.
    const fx = mem[0]
    const fy = mem[1]
    let best = BASIN_NONE
    let bestD = this.tol2
    for (let i = 0; i < this.mx.length; i++) {
      const dx = fx - this.mx[i]
      const dy = fy - this.my[i]
      const d = dx * dx + dy * dy
      if (d <= bestD && (best === BASIN_NONE || d < bestD)) {
        best = i
        bestD = d
      }
    }
    this.lastSteps = best >= 0 ? this.firstIn[best] : -1
    return best
  }

  lastSteps = 0
}

/** A validated basin-map spec and a solver that runs one start at a time (the worker computes in slices). */
export interface BasinSolver {
  readonly spec: BasinMapSpec
  /** Runs start (x, y) and writes its outcome into minimum[k] and steps[k]. */
  solve(x: number, y: number, minimum: Int32Array, steps: Int32Array, k: number): void
}

function validateAxis(value: unknown, field: string): BasinAxis {
  const raw = expectRecord(value, field)
  const min = expectNumber(raw.min, `${field}.min`, 'a finite number', Number.isFinite)
  const max = expectNumber(raw.max, `${field}.max`, 'a finite number', Number.isFinite)
  const n = expectInteger(raw.n, `${field}.n`, 1, MAX_BASIN_SIDE)
  if (!(min < max) && n > 1) throw new SpecError(`${field}.max`, `a number > ${field}.min`, raw.max)
  return { min, max, n }
}

/**
 * Validates a `BasinMapSpec` (throws a SpecError naming the field) and returns it with the optimizer and
 * schedule as `validateTrajectorySpec` accepts them.
 */
export function validateBasinMapSpec(spec: unknown): BasinMapSpec {
  const raw = expectRecord(spec, 'spec')
  const steps = expectInteger(raw.steps, 'steps', 1, MAX_BASIN_STEPS)
  const x = validateAxis(raw.x, 'x')
  const y = validateAxis(raw.y, 'y')
  const tolerance = expectNumber(
    raw.tolerance,
    'tolerance',
    'a finite number > 0',
    (v) => v > 0 && v < Infinity,
  )
  const traj = validateTrajectorySpec({
    surface: raw.surface,
    optimizer: raw.optimizer,
    ...(raw.schedule === undefined ? {} : { schedule: raw.schedule }),
    start: [x.min, y.min],
    steps,
  })
  return {
    surface: traj.surface,
    optimizer: traj.optimizer,
    ...(traj.schedule === undefined ? {} : { schedule: traj.schedule }),
    steps,
    x,
    y,
    tolerance,
  }
}

/**
 * Builds the solver of a basin map: validates the spec, fills the optimizer's convention defaults, tabulates
 * η_t for t < steps once and allocates the one run every start reuses (no allocation per start or step).
 */
export function createBasinSolver(spec: BasinMapSpec): BasinSolver {
  const valid = validateBasinMapSpec(spec)
  const surface = getSurface(valid.surface)
  const optimizer = fillDefaults(valid.optimizer)
  const entry = optimizers[optimizer.kind]
  const stateKeys = entry.conventions[optimizer.convention]!.stateKeys.length
  const lrs = new Float64Array(valid.steps)
  const schedule = valid.schedule
  const lr = schedule === undefined ? undefined : (getScheduleMeta(schedule.kind) as ScheduleMeta).lr
  for (let t = 0; t < lrs.length; t++)
    lrs[t] = lr === undefined ? optimizer.lr : lr(optimizer.lr, schedule!, t)
  const run = new BasinRun(surface, lrs, entry.run2d(optimizer), stateKeys, valid.tolerance)
  return {
    spec: valid,
    solve(x, y, minimum, steps, k) {
      minimum[k] = run.solve(x, y)
      steps[k] = run.lastSteps
    },
  }
}
