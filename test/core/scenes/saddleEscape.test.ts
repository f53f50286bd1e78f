import { describe, expect, it } from 'vitest'
import { analyzePoint } from '../../../src/core/analyzePoint'
import { initialSetup } from '../../../src/core/scenes/setup'
import { saddleEscape as scene } from '../../../src/core/scenes/saddleEscape.meta'
import { assertInDelta } from '../../helpers/assertInDelta'
import { afterCard, endOf, runRacers } from './sceneRuns'

// docs/lectures.md S1, by hand: L = (1 − w₁w₂)², H = [[2w₂², 4w₁w₂ − 2], [4w₁w₂ − 2, 2w₁²]].
const loss = (w1: number, w2: number): number => (1 - w1 * w2) ** 2

describe('saddle-escape scene (docs/lectures.md S1)', () => {
  it('races GD (η = 0.01) and lecture momentum (λ = 0.9, η = 0.05) on the saddle surface from (1.5, −1.5), as card 1 says', () => {
    const setup = initialSetup(scene)
    expect(setup.surface).toBe('saddle')
    // Card 1 ("both slide to the origin and stop") describes the opening: exactly on the anti-diagonal.
    expect(setup.start).toEqual(afterCard(scene, 'stuck').start)
    expect(setup.start).toEqual([1.5, -1.5])
    expect(setup.racers.map((r) => r.optimizer)).toEqual([
      { kind: 'sgd', convention: 'lecture', lr: 0.01 },
      { kind: 'momentum', convention: 'lecture', lr: 0.05, momentum: 0.9 },
    ])
  })

  it('analyzePoint at the origin of its surface: H = [[0, −2], [−2, 0]], λ = ±2, a saddle, escape u ∝ (1, 1)', () => {
    const a = analyzePoint(scene.surface!, 0, 0)
    expect(a.hessian).toEqual([2 * 0 ** 2, 4 * 0 * 0 - 2, 2 * 0 ** 2])
    assertInDelta(a.eigenvalues, [-2, 2], 1e-15, 'λ')
    expect(a.kind).toBe('saddle')
    assertInDelta(a.escapeDirection!, [Math.SQRT1_2, Math.SQRT1_2], 1e-15, 'u')
  })

  it("the 'hessian' card starts 0.05 along u from θ′ = (0, 0), near the saddle, and both racers escape along u to (1, 1)", () => {
    const setup = afterCard(scene, 'hessian')
    const d = 0.05 * Math.SQRT1_2
    assertInDelta(setup.start!, [d, d], 1e-15, 'θ′ + 0.05·u/‖u‖')
    expect(loss(0, 0)).toBe(1)
    // Near the saddle (L ≈ 1), not on the minimum: there is something to watch.
    expect(loss(...setup.start!)).toBeGreaterThan(0.99)
    for (const t of runRacers(setup)) {
      // Along u the whole way (the gradient keeps w₁ = w₂), down to L = 0 at (1, 1).
      for (let k = 0; k < t.x.length; k++) expect(t.x[k]).toBeCloseTo(t.y[k], 12)
      assertInDelta(endOf(t), [1, 1], 1e-3, 'end')
    }
  })

  it("from the exact anti-diagonal (1.5, −1.5) ('stuck' card) both racers slide into the saddle and stay: L → 1", () => {
    const setup = afterCard(scene, 'stuck')
    expect(setup.start).toEqual([1.5, -1.5])
    for (const t of runRacers(setup)) {
      expect(t.status).toBe('ok')
      const n = t.x.length - 1
      // The gradient −2(1 − w₁w₂)(w₂, w₁) has no component along (1, 1) when w₂ = −w₁: never leaves the line.
      for (let k = 0; k <= n; k++) expect(t.x[k] + t.y[k]).toBe(0)
      // GD contracts the anti-diagonal by at most 1 − 2η per step: ≤ 1.5·0.98⁵⁰⁰ ≈ 6·10⁻⁵ from step 500 on.
      for (let k = n - 100; k <= n; k++) expect(Math.hypot(t.x[k], t.y[k])).toBeLessThan(1e-4)
      assertInDelta(t.loss[n], 1, 1e-8, 'L at the end')
      expect(t.gradNorm[n]).toBeLessThan(1e-3)
    }
  })

  it("from (1.5, −1.499) ('plateau' card) GD sits on the plateau L > 0.95 for about 260 steps, then converges to (1, 1)", () => {
    const [gd] = runRacers(afterCard(scene, 'plateau'))
    const k = gd.loss.findIndex((v) => v <= 0.95)
    expect(k).toBeGreaterThanOrEqual(230)
    expect(k).toBeLessThanOrEqual(290)
    assertInDelta(endOf(gd), [1, 1], 1e-2, 'end')
    expect(loss(...endOf(gd))).toBeLessThan(1e-6)
  })

  it("from (1.5, −1.499) ('plateau' card) momentum leaves the plateau L > 0.95 within 20 steps and reaches the valley w₁w₂ = 1", () => {
    const [, mom] = runRacers(afterCard(scene, 'plateau'))
    const k = mom.loss.findIndex((v) => v <= 0.95)
    expect(k).toBeGreaterThan(0)
    expect(k).toBeLessThanOrEqual(20)
    const [x, y] = endOf(mom)
    assertInDelta(x * y, 1, 1e-6, 'w₁w₂ at the end')
  })

  it("the 'noise' card (std 0.5) lets both racers escape the saddle from (1.5, −1.5): far from it, mean L < 0.1", () => {
    const setup = afterCard(scene, 'noise')
    expect(setup.start).toEqual([1.5, -1.5])
    expect(setup.noise?.std).toBe(0.5)
    for (const t of runRacers(setup)) {
      expect(t.status).toBe('ok')
      const n = t.x.length - 1
      let mean = 0
      for (let k = n - 99; k <= n; k++) {
        expect(Math.hypot(t.x[k], t.y[k])).toBeGreaterThan(0.5)
        mean += loss(t.x[k], t.y[k]) / 100
      }
      expect(mean).toBeLessThan(0.1)
    }
  })

  it("the 'plateau' card restores the start (1.5, −1.499) after the others", () => {
    const moved = afterCard(scene, 'stuck')
    expect(afterCard(scene, 'plateau', moved).start).toEqual([1.5, -1.499])
  })
})
