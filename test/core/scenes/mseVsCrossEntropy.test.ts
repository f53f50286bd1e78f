import { describe, expect, it } from 'vitest'
import { mseVsCrossEntropy as scene } from '../../../src/core/scenes/mseVsCrossEntropy.meta'
import { initialSetup } from '../../../src/core/scenes/setup'
import { getSurface } from '../../../src/core/surfaces/index'
import { assertInDelta } from '../../helpers/assertInDelta'
import { afterCard, endOf, runRacers } from './sceneRuns'

// docs/lectures.md S10 from the definitions: y′ = softmax(y₁, y₂, −1000), ŷ = [1, 0, 0].
function softmax(y1: number, y2: number): [number, number, number] {
  const m = Math.max(y1, y2)
  const e = [Math.exp(y1 - m), Math.exp(y2 - m), Math.exp(-1000 - m)]
  const s = e[0] + e[1] + e[2]
  return [e[0] / s, e[1] / s, e[2] / s]
}
const mse = (y1: number, y2: number): number => {
  const p = softmax(y1, y2)
  return (1 - p[0]) ** 2 + p[1] ** 2 + p[2] ** 2
}
const ce = (y1: number, y2: number): number => -Math.log(softmax(y1, y2)[0])
/** ‖∇L‖ from the derivative through the softmax: ∂L/∂yⱼ = Σᵢ ∂L/∂y′ᵢ · y′ᵢ(δᵢⱼ − y′ⱼ), j = 1, 2. */
function gradNorm(kind: 'mse' | 'ce', y1: number, y2: number): number {
  const p = softmax(y1, y2)
  const dLdp = kind === 'mse' ? [2 * (p[0] - 1), 2 * p[1], 2 * p[2]] : [-1 / p[0], 0, 0]
  const g = [0, 1].map((j) => dLdp.reduce((s, d, i) => s + d * p[i] * ((i === j ? 1 : 0) - p[j]), 0))
  return Math.hypot(g[0], g[1])
}

describe('mse-vs-cross-entropy scene (docs/lectures.md S10)', () => {
  it('opens on MSE at (−8, 8) with GD η = 1 and Adam η = 0.1; a card switches to cross-entropy and one back', () => {
    const setup = initialSetup(scene)
    expect(setup.surface).toBe('mse-logits')
    expect(setup.start).toEqual([-8, 8])
    expect(afterCard(scene, 'cross-entropy').surface).toBe('ce-logits')
    expect(afterCard(scene, 'mse-again', afterCard(scene, 'cross-entropy')).surface).toBe('mse-logits')
  })

  it('‖g_MSE‖ ≈ 6.4·10⁻⁷ and ‖g_CE‖ ≈ 1.41 at (−8, 8); ‖g_MSE‖ ≈ 1.2·10⁻⁸ at (−10, 10), as the surfaces say too', () => {
    expect(gradNorm('mse', -8, 8) / 1e-7).toBeCloseTo(6.4, 1)
    expect(gradNorm('ce', -8, 8)).toBeCloseTo(Math.SQRT2, 6)
    expect(gradNorm('mse', -10, 10) / 1e-8).toBeCloseTo(1.2, 1)
    for (const [id, kind] of [
      ['mse-logits', 'mse'],
      ['ce-logits', 'ce'],
    ] as const) {
      const g = getSurface(id).grad(-8, 8)
      expect(Math.hypot(g[0], g[1]) / gradNorm(kind, -8, 8)).toBeCloseTo(1, 6)
    }
  })

  it('GD (η = 1) for 1 000 steps moves < 10⁻³ on MSE (L stays ≈ 2) but reaches (3.8, −3.8), L ≈ 5·10⁻⁴, on CE', () => {
    const [gdMse] = runRacers(initialSetup(scene))
    const [a, b] = endOf(gdMse)
    expect(Math.hypot(a + 8, b - 8)).toBeLessThan(1e-3)
    expect(mse(a, b)).toBeCloseTo(2, 5)
    const [gdCe] = runRacers(afterCard(scene, 'cross-entropy'))
    expect(gdCe.x.length).toBe(1001)
    assertInDelta(endOf(gdCe), [3.8, -3.8], 0.01, 'end on CE')
    expect(ce(...endOf(gdCe)) / 1e-4).toBeCloseTo(5, 0)
  })

  it('Adam (η = 0.1) leaves the MSE plateau within 1 000 steps and ends at L ≈ 4.5·10⁻⁵', () => {
    const [, adam] = runRacers(initialSetup(scene))
    expect(mse(...endOf(adam)) / 1e-5).toBeCloseTo(4.5, 1)
  })
})
