import { describe, expect, it } from 'vitest'
import { assertInDelta } from '../helpers/assertInDelta'
import { SpecError } from '../../src/core/errors'
import { createRng } from '../../src/core/math/rng'
import { createOptimizer, optimizerKinds, supportedConventions } from '../../src/core/optimizers/index'
import { createRun, runTrajectory } from '../../src/core/run'
import { learningRate } from '../../src/core/schedules/index'
import { getSurface } from '../../src/core/surfaces/index'
import type { OptimizerSpec, Trajectory, TrajectorySpec } from '../../src/core/types'

const allFinite = (tr: Trajectory) =>
  [tr.x, tr.y, tr.loss, tr.gradNorm, tr.lr, tr.grad, ...Object.values(tr.state)].every((a) =>
    a.every(Number.isFinite),
  )

describe('runTrajectory', () => {
  it('runTrajectory(spec) returns steps + 1 points and steps updates, indexed as Trajectory documents', () => {
    const spec: TrajectorySpec = {
      surface: 'booth',
      optimizer: { kind: 'momentum', lr: 0.02 },
      schedule: { kind: 'step', stepSize: 5, gamma: 0.5 },
      start: [-3, 4],
      steps: 12,
    }
    const tr = runTrajectory(spec)
    const s = getSurface('booth')
    expect(tr.status).toBe('ok')
    expect(tr.divergedAt).toBeUndefined()
    expect([tr.x.length, tr.y.length, tr.loss.length, tr.gradNorm.length]).toEqual([13, 13, 13, 13])
    expect([tr.lr.length, tr.grad.length, tr.state.m.length]).toEqual([12, 24, 24])
    expect([tr.x[0], tr.y[0]]).toEqual([-3, 4])
    let m = [0, 0]
    for (let k = 0; k < 12; k++) {
      const g = s.grad(tr.x[k], tr.y[k]) as Float64Array
      expect(tr.loss[k]).toBe(s.f(tr.x[k], tr.y[k]))
      assertInDelta(tr.gradNorm[k], Math.hypot(g[0], g[1]), 1e-12)
      // lr[k], grad[2k..2k+1] and state.m[2k..2k+1] belong to update k, which makes point k + 1.
      expect(tr.lr[k]).toBe(learningRate(0.02, spec.schedule, k))
      assertInDelta([tr.grad[2 * k], tr.grad[2 * k + 1]], [g[0], g[1]], 1e-12)
      m = [0.9 * m[0] - tr.lr[k] * g[0], 0.9 * m[1] - tr.lr[k] * g[1]]
      assertInDelta([tr.state.m[2 * k], tr.state.m[2 * k + 1]], m, 1e-12)
      assertInDelta([tr.x[k + 1], tr.y[k + 1]], [tr.x[k] + m[0], tr.y[k] + m[1]], 1e-12)
    }
    expect(tr.lr[4]).toBe(0.02)
    expect(tr.lr[5]).toBe(0.01)
  })

  it("runTrajectory(spec) stops x² − y² as 'escaped' once it is 50 view widths out, keeping only the points before", () => {
    const tr = runTrajectory({
      surface: 'saddle-classic',
      optimizer: { kind: 'sgd', lr: 0.6 },
      start: [-1.5, 0.05],
      steps: 5000,
    })
    // By hand: x ← (1 − 2η)x = −0.2x, y ← (1 + 2η)y = 2.2y. The view is [−2, 2]² (width 4, centre 0), so a point
    // escapes once |y| > 50·4 + 0.05 = 200.05: 0.05·2.2¹⁰ = 132.8 is inside, 0.05·2.2¹¹ = 292.2 is not. The
    // loss bound 10¹²·2.2475 is far off, and L would only overflow after ~450 updates.
    expect(tr).toMatchObject({ status: 'diverged', divergedAt: 11, divergence: 'escaped' })
    expect(tr.x.length).toBe(11)
    expect(tr.lr.length).toBe(tr.x.length - 1)
    expect(tr.grad.length).toBe(2 * (tr.x.length - 1))
    expect(allFinite(tr)).toBe(true)
    assertInDelta(tr.y[10], 0.05 * 2.2 ** 10, 1e-9)
  })

  it("runTrajectory(spec) reports 'non-finite' when a step overflows before it could escape", () => {
    // From y = 10¹⁵² (L₀ = −10³⁰⁴, ‖g‖ = 2·10¹⁵², finite) one step of η = 10⁴ multiplies y by 1 + 2η = 20001:
    // L = −(2·10¹⁵⁶)² = −∞. That point also lies outside the box, but non-finite wins over escaped.
    const tr = runTrajectory({
      surface: 'saddle-classic',
      optimizer: { kind: 'sgd', lr: 1e4 },
      start: [0, 1e152],
      steps: 10,
    })
    expect(tr).toMatchObject({ status: 'diverged', divergedAt: 1, divergence: 'non-finite' })
    expect(tr.x.length).toBe(1)
  })

  for (const surface of ['pokemon', 'pokemon-sum', 'saddle']) {
    for (const kind of ['adam', 'adagrad', 'rmsprop'] as const) {
      it(`${kind} at η = 1000 on ${surface}: bounded steps never overflow, but the run is flagged as escaped`, () => {
        const s = getSurface(surface)
        const tr = runTrajectory({ surface, optimizer: { kind, lr: 1000 }, start: s.start, steps: 100_000 })
        expect(tr).toMatchObject({ status: 'diverged', divergence: 'escaped' })
        expect(tr.divergedAt).toBeLessThan(10)
        expect(allFinite(tr)).toBe(true)
        // Every kept point obeys the rule (core/limits.ts) computed here from the surface's view.
        const { x: ex, y: ey } = s.extent
        const [cx, cy] = [(ex[0] + ex[1]) / 2, (ey[0] + ey[1]) / 2]
        const rx = 50 * (ex[1] - ex[0]) + Math.abs(s.start[0] - cx)
        const ry = 50 * (ey[1] - ey[0]) + Math.abs(s.start[1] - cy)
        for (let k = 0; k < tr.x.length; k++) {
          expect(Math.abs(tr.x[k] - cx)).toBeLessThanOrEqual(rx)
          expect(Math.abs(tr.y[k] - cy)).toBeLessThanOrEqual(ry)
          expect(Math.abs(tr.loss[k])).toBeLessThanOrEqual(1e12 * Math.max(1, Math.abs(tr.loss[0])))
        }
        // The step that escaped, redone by hand: these optimizers' first update moves each coordinate by
        // about η·g/√(g²) = η (Adam's bias-corrected m̂/√v̂, Adagrad's g/√(G + ε), RMSProp's g/√((1 − α)g²) ≥ η),
        // so at η = 1000 the point lands ≥ 1000 from the start along y, beyond the box (view height ≤ 10).
        if (tr.divergedAt === 1) {
          const g = s.grad(s.start[0], s.start[1])
          expect(Math.abs(g[1])).toBeGreaterThan(0)
          expect(1000 * 0.99).toBeGreaterThan(ry - Math.abs(s.start[1] - cy))
        }
      })
    }
  }

  it("runTrajectory(spec) reports 'diverged' at point 0 when the loss at the start is not finite", () => {
    const tr = runTrajectory({
      surface: 'saddle-classic',
      optimizer: { kind: 'sgd', lr: 0.1 },
      start: [1e200, 0],
      steps: 10,
    })
    expect(tr.status).toBe('diverged')
    expect(tr.divergedAt).toBe(0)
    expect([tr.x.length, tr.lr.length, tr.grad.length]).toEqual([0, 0, 0])
  })

  it('runTrajectory(spec) takes zero steps, not NaN, from an exact critical point (0/0 rule)', () => {
    // At the origin of (1 − w₁w₂)² the gradient is exactly (0, 0) and every accumulator is still 0.
    const specs: OptimizerSpec[] = [
      { kind: 'adagrad', lr: 0.1 },
      { kind: 'adagrad', convention: 'course', lr: 0.1 },
      { kind: 'rmsprop', lr: 0.1 },
      { kind: 'rmsprop', convention: 'course', lr: 0.1 },
      { kind: 'adam', convention: 'course', lr: 0.1 },
      { kind: 'adam', convention: 'pytorch', lr: 0.1, eps: 0 },
    ]
    for (const optimizer of specs) {
      const tr = runTrajectory({ surface: 'saddle', optimizer, start: [0, 0], steps: 20 })
      expect(tr.status).toBe('ok')
      expect(allFinite(tr), JSON.stringify(optimizer)).toBe(true)
      expect(new Set([...tr.x, ...tr.y])).toEqual(new Set([0]))
    }
  })

  it('runTrajectory(spec) with noise is deterministic per seed and differs between seeds', () => {
    const spec = (seed: number): TrajectorySpec => ({
      surface: 'himmelblau',
      optimizer: { kind: 'sgd', lr: 0.005 },
      start: [0, 0],
      steps: 200,
      noise: { std: 2, seed },
    })
    const a = runTrajectory(spec(7))
    const b = runTrajectory(spec(7))
    const c = runTrajectory(spec(8))
    expect(Array.from(a.x)).toEqual(Array.from(b.x))
    expect(Array.from(a.grad)).toEqual(Array.from(b.grad))
    expect(Array.from(a.x)).not.toEqual(Array.from(c.x))
  })

  it('runTrajectory(spec) records the noisy gradient in grad and the true gradient norm in gradNorm', () => {
    const tr = runTrajectory({
      surface: 'himmelblau',
      optimizer: { kind: 'sgd', lr: 0.005 },
      start: [0, 0],
      steps: 100,
      noise: { std: 3, seed: 1, annealSteps: 50 },
    })
    const s = getSurface('himmelblau')
    let noisy = 0
    for (let k = 0; k < 100; k++) {
      const g = s.grad(tr.x[k], tr.y[k]) as Float64Array
      assertInDelta(tr.gradNorm[k], Math.hypot(g[0], g[1]), 1e-9)
      const dev = Math.hypot(tr.grad[2 * k] - g[0], tr.grad[2 * k + 1] - g[1])
      if (k >= 50) expect(dev, `update ${k} after annealing`).toBe(0)
      else if (dev > 1e-6) noisy++
      // θ moved by −η·(noisy g), not by the true gradient.
      assertInDelta(tr.x[k + 1], tr.x[k] - 0.005 * tr.grad[2 * k], 1e-12)
    }
    expect(noisy).toBe(50)
  })

  it('runTrajectory(spec) annealing scales the noise linearly down to 0 at annealSteps', () => {
    // Same seed, so the same N(0, I) draws: with annealing the deviation at update t is (1 − t/A) times it.
    const base: TrajectorySpec = {
      surface: 'booth',
      optimizer: { kind: 'sgd', lr: 1e-9 },
      start: [0, 0],
      steps: 40,
    }
    const flat = runTrajectory({ ...base, noise: { std: 1, seed: 3 } })
    const annealed = runTrajectory({ ...base, noise: { std: 1, seed: 3, annealSteps: 40 } })
    const s = getSurface('booth')
    const noise = (tr: Trajectory, t: number) =>
      tr.grad[2 * t + 1] - (s.grad(tr.x[t], tr.y[t]) as Float64Array)[1]
    for (const t of [0, 10, 30]) assertInDelta(noise(annealed, t), noise(flat, t) * (1 - t / 40), 1e-12)
    expect(Math.abs(noise(flat, 10))).toBeGreaterThan(1e-3)
  })

  it('runTrajectory(spec) gives Newton the analytic Hessian: one step to the minimum of the Pokémon valley', () => {
    const tr = runTrajectory({
      surface: 'pokemon',
      optimizer: { kind: 'newton', lr: 1 },
      start: [-120, -4],
      steps: 3,
    })
    const [bStar, wStar] = getSurface('pokemon').minima[0]
    assertInDelta([tr.x[1], tr.y[1]], [bStar, wStar], 1e-9)
    expect(tr.singularSteps).toBe(0)
  })

  it('runTrajectory(spec) counts Newton’s singular steps and stays put there', () => {
    // On the valley w₁w₂ = 1 of (1 − w₁w₂)² the Hessian [[2w₂², 2], [2, 2w₁²]] has det 4w₁²w₂² − 4 = 0.
    const tr = runTrajectory({
      surface: 'saddle',
      optimizer: { kind: 'newton', lr: 1 },
      start: [2, 0.5],
      steps: 5,
    })
    expect(tr.singularSteps).toBe(5)
    expect(Array.from(tr.x)).toEqual([2, 2, 2, 2, 2, 2])
  })

  it('runTrajectory(spec) validates first: errors name the field', () => {
    const bad: TrajectorySpec = {
      surface: 'pokemon',
      optimizer: { kind: 'adam', lr: -1 },
      start: [0, 0],
      steps: 10,
    }
    expect(() => runTrajectory(bad)).toThrow(SpecError)
    expect(() => runTrajectory(bad)).toThrow(/^optimizer\.lr must be a finite number > 0 \(got -1\)$/)
    expect(() => runTrajectory({ ...bad, optimizer: { kind: 'sgd', lr: 1 }, steps: 0 })).toThrow(
      /^steps must be/,
    )
  })
})

describe('createRun', () => {
  const spec: TrajectorySpec = {
    surface: 'rosenbrock',
    optimizer: { kind: 'adam', lr: 0.01 },
    start: [-1, 1],
    steps: 25,
  }

  it('createRun(spec) computes progressively: advance(n) adds up to n points and equals runTrajectory', () => {
    const run = createRun(spec)
    expect([run.count, run.status, run.done]).toEqual([1, 'ok', false])
    expect(run.advance(10)).toBe(10)
    expect(run.count).toBe(11)
    expect(run.trajectory().x.length).toBe(11)
    expect(run.advance(10)).toBe(10)
    expect(run.advance(10)).toBe(5)
    expect(run.advance(10)).toBe(0)
    expect([run.count, run.done]).toEqual([26, true])
    const whole = runTrajectory(spec)
    const parts = run.trajectory()
    for (const key of ['x', 'y', 'loss', 'gradNorm', 'lr', 'grad'] as const) {
      expect(Array.from(parts[key]), key).toEqual(Array.from(whole[key]))
    }
    expect(Array.from(parts.state.v)).toEqual(Array.from(whole.state.v))
  })

  it('createRun(spec, capacity) preallocates capacity + 1 points and stops there', () => {
    const run = createRun(spec, 10)
    expect([run.total, run.x.length, run.lr.length, run.grad.length, run.state.m.length]).toEqual([
      10, 11, 10, 20, 20,
    ])
    run.advance(100)
    expect(run.count).toBe(11)
    expect(() => createRun(spec, 0)).toThrow(/capacity must be an integer/)
  })

  it('createRun(spec) exposes the resolved optimizer spec and the recorded state keys', () => {
    const run = createRun(spec)
    expect(run.optimizer).toEqual({
      kind: 'adam',
      convention: 'lecture',
      lr: 0.01,
      beta1: 0.9,
      beta2: 0.999,
      eps: 1e-8,
      weightDecay: 0,
    })
    expect(run.stateKeys).toEqual(['m', 'v', 'rate'])
    expect(Object.keys(run.state)).toEqual(['m', 'v', 'rate'])
  })
})

/**
 * The trajectory by the definition: `createOptimizer(…).step` driven by hand on the surface, with the
 * schedule's η_t and the documented noise (std_t = std·max(0, 1 − t/annealSteps), two N(0, 1) draws per
 * update, x first). runTrajectory uses per-optimizer 2D kernels instead; they must agree bit for bit.
 */
function reference(spec: TrajectorySpec) {
  const surface = getSurface(spec.surface)
  const opt = createOptimizer(spec.optimizer, 2)
  const theta = Float64Array.from(spec.start)
  const rng = spec.noise && spec.noise.std > 0 ? createRng(spec.noise.seed) : undefined
  const x = [theta[0]]
  const y = [theta[1]]
  const state: Record<string, number[]> = Object.fromEntries(opt.stateKeys.map((k) => [k, []]))
  const h3 = new Float64Array(3)
  for (let t = 0; t < spec.steps; t++) {
    const g = Float64Array.from(surface.grad(theta[0], theta[1]))
    if (rng !== undefined) {
      const a = spec.noise!.annealSteps ?? 0
      const std = a > 0 ? spec.noise!.std * Math.max(0, 1 - t / a) : spec.noise!.std
      if (std > 0) {
        g[0] += std * rng.normal()
        g[1] += std * rng.normal()
      }
    }
    surface.hessian(theta[0], theta[1], h3)
    opt.step(
      theta,
      g,
      learningRate(spec.optimizer.lr, spec.schedule, t),
      t,
      Float64Array.of(h3[0], h3[1], h3[1], h3[2]),
    )
    x.push(theta[0])
    y.push(theta[1])
    for (const k of opt.stateKeys) state[k].push(...opt.state[k])
  }
  return { x, y, state }
}

/** Extra hyper-parameters that exercise every branch a convention has. */
function variants(
  kind: OptimizerSpec['kind'],
  convention: OptimizerSpec['convention'],
): Partial<OptimizerSpec>[] {
  const out: Partial<OptimizerSpec>[] = [{}]
  if (kind !== 'newton') out.push({ weightDecay: kind === 'adamw' ? 0.05 : 0.01 })
  if (kind === 'rmsprop' && (convention === 'pytorch' || convention === 'tensorflow'))
    out.push({ momentum: 0.5 })
  if (kind === 'adagrad' && (convention === 'pytorch' || convention === 'tensorflow'))
    out.push({ initialAccumulator: 0.5 })
  return out
}

const lrs: Record<OptimizerSpec['kind'], number> = {
  sgd: 0.002,
  momentum: 0.001,
  nesterov: 0.001,
  adagrad: 0.1,
  rmsprop: 0.01,
  adam: 0.02,
  adamw: 0.02,
  newton: 0.5,
}

describe('runTrajectory kernels', () => {
  for (const kind of optimizerKinds) {
    for (const convention of supportedConventions(kind)) {
      it(`runTrajectory(${kind}, ${convention}) equals stepping createOptimizer by hand, bit for bit`, () => {
        for (const extra of variants(kind, convention)) {
          const spec: TrajectorySpec = {
            surface: 'himmelblau',
            optimizer: { kind, convention, lr: lrs[kind], ...extra },
            schedule: { kind: 'cosine', totalSteps: 1100, final: 0.1 * lrs[kind], warmupSteps: 50 },
            // More updates than one kernel chunk (512), so the state carried between chunks is checked too.
            start: [-0.5, 0.7],
            steps: 1200,
            noise: { std: 0.5, seed: 11, annealSteps: 900 },
          }
          const ours = runTrajectory(spec)
          const ref = reference(spec)
          expect(ours.status).toBe('ok')
          expect(Array.from(ours.x), JSON.stringify(extra)).toEqual(ref.x)
          expect(Array.from(ours.y)).toEqual(ref.y)
          for (const key of Object.keys(ref.state))
            expect(Array.from(ours.state[key]), key).toEqual(ref.state[key])
        }
      })
    }
  }
})
