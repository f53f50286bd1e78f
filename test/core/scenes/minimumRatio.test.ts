import { describe, expect, it } from 'vitest'
import { analyzePoint } from '../../../src/core/analyzePoint'
import { lossHessian, trainClassifier } from '../../../src/core/mlp/index'
import { classifierConfigOf } from '../../../src/core/scenes/classifierPresets.meta'
import { minimumRatio as scene } from '../../../src/core/scenes/minimumRatio.meta'
import { assertInDelta } from '../../helpers/assertInDelta'
import { afterCard, endOf, loadDot, runRacers } from './sceneRuns'

describe('minimum-ratio scene (docs/lectures.md S2)', () => {
  it("GD from (1.5, −1.5) ('saddle' card) stops at the origin: λ = −2 and +2, minimum ratio ½, a saddle", () => {
    const [gd] = runRacers(afterCard(scene, 'saddle'))
    const [x, y] = endOf(gd)
    expect(Math.hypot(x, y)).toBeLessThan(1e-12)
    const a = analyzePoint(scene.surface!, x, y)
    assertInDelta(a.eigenvalues, [-2, 2], 1e-12, 'λ')
    expect(a.minimumRatio).toBe(0.5)
    expect(a.kind).toBe('saddle')
  })

  it("GD from (1.5, −1.499) ('valley-floor' card) stops near (1, 1) with λ = {0, 2(w₁² + w₂²) ≈ 4}: ratio ½, degenerate", () => {
    const [gd] = runRacers(afterCard(scene, 'valley-floor'))
    const [x, y] = endOf(gd)
    assertInDelta([x, y], [1, 1], 1e-2, 'end')
    const a = analyzePoint(scene.surface!, x, y)
    // docs/lectures.md S1: on the hyperbola w₁w₂ = 1 the eigenvalues are 0 and 2(w₁² + w₂²).
    assertInDelta(a.eigenvalues, [0, 2 * (x * x + y * y)], 1e-9, 'λ')
    assertInDelta(a.eigenvalues[1], 4, 1e-2, 'λ₂')
    expect(a.minimumRatio).toBe(0.5)
    expect(a.kind).toBe('degenerate')
  })

  it('the course-preset dot.csv net (45 parameters) ends training with a minimum ratio < 1, negative λ and g ≠ 0', () => {
    const config = classifierConfigOf(scene.classifier!)
    const dot = loadDot()
    const trained = trainClassifier(config, dot)
    expect(trained.stopReason).toBe('completed')
    const h = lossHessian(config, dot, trained.weights)
    // 2-11-1 with biases: 2·11 + 11 + 11·1 + 1 = 45 parameters.
    expect(h.n).toBe(45)
    expect(h.positive + h.negative + h.zero).toBe(45)
    expect(h.minimumRatio).toBe(h.positive / 45)
    expect(h.minimumRatio).toBeLessThan(1)
    expect(h.negative).toBeGreaterThan(0)
    expect(h.gradientNorm).toBeGreaterThan(1e-3)
  })
})
