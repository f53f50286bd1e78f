import { describe, expect, it } from 'vitest'
import { analyzePoint } from '../../../src/core/analyzePoint'
import { runTrajectory } from '../../../src/core/run'
import { sliceSaddle as scene } from '../../../src/core/scenes/sliceSaddle.meta'
import { initialSetup } from '../../../src/core/scenes/setup'
import { getSurface } from '../../../src/core/surfaces/index'

// By hand: L = w₁² − w₂², so L(w₁, 0) = w₁² and L(0, w₂) = −w₂²; GD with η = 0.05 maps (w₁, w₂) to
// (0.9·w₁, 1.1·w₂).
describe('slice-saddle scene (figure 3.5)', () => {
  it('races GD (η = 0.05) on the classic saddle from (1.5, 0.001) and shows the slice panel', () => {
    const setup = initialSetup(scene)
    expect(setup.surface).toBe('saddle-classic')
    expect(setup.start).toEqual([1.5, 0.001])
    expect(scene.panels).toContain('slice')
  })

  it('claim 1: a minimum along w₂ = 0, a maximum along w₁ = 0, H = diag(2, −2) at the origin', () => {
    const s = getSurface('saddle-classic')
    for (const w of [-1, -0.3, 0.2, 1.5]) {
      expect(s.f(w, 0)).toBe(w * w)
      expect(s.f(w, 0)).toBeGreaterThan(s.f(0, 0))
      expect(s.f(0, w)).toBe(-w * w)
      expect(s.f(0, w)).toBeLessThan(s.f(0, 0))
    }
    const a = analyzePoint(s, 0, 0)
    expect(a.hessian).toEqual([2, 0, -2])
    expect(a.kind).toBe('saddle')
  })

  it('claim 2: within 0.05 of the origin at step 37, and |w₂| > 1 from step 73 on', () => {
    const tr = runTrajectory({
      surface: 'saddle-classic',
      optimizer: scene.racers![0].optimizer,
      start: scene.start!,
      steps: scene.steps,
    })
    expect(tr.status).toBe('ok')
    const dist = (k: number) => Math.hypot(tr.x[k], tr.y[k])
    expect(dist(37)).toBeLessThan(0.05)
    expect(dist(0)).toBeGreaterThan(1)
    for (let k = 0; k < tr.y.length; k++) expect(Math.abs(tr.y[k]) > 1, `step ${k}`).toBe(k >= 73)
  })
})
