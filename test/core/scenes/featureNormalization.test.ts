import { describe, expect, it } from 'vitest'
import { eigenSym2 } from '../../../src/core/math/mat2'
import { featureNormalization as scene } from '../../../src/core/scenes/featureNormalization.meta'
import { initialSetup } from '../../../src/core/scenes/setup'
import { featureData } from '../../../src/core/surfaces/featureScaling'
import { getSurface } from '../../../src/core/surfaces/index'
import type { Trajectory } from '../../../src/core/types'
import { assertClose } from '../../helpers/assertInDelta'
import { afterCard, card, endOf, firstIndex, runRacers } from './sceneRuns'

// The Hessian of (1/R)Σ(w·xʳ − ŷʳ)² is (2/R)·Σxʳxʳᵀ, by hand from the data.
function hessianOf(u: readonly number[], v: readonly number[]): [number, number, number] {
  const R = u.length
  let uu = 0
  let uv = 0
  let vv = 0
  for (let r = 0; r < R; r++) {
    uu += u[r] * u[r]
    uv += u[r] * v[r]
    vv += v[r] * v[r]
  }
  return [(2 * uu) / R, (2 * uv) / R, (2 * vv) / R]
}
const standardize = (v: readonly number[]): number[] => {
  const m = v.reduce((s, a) => s + a, 0) / v.length
  const sd = Math.sqrt(v.reduce((s, a) => s + (a - m) ** 2, 0) / v.length)
  return v.map((a) => (a - m) / sd)
}
const rawEig = eigenSym2(...hessianOf(featureData.x1, featureData.x2)).values
const stdEig = eigenSym2(...hessianOf(standardize(featureData.x1), standardize(featureData.x2))).values

/** First step within 1% of the minimum in each coordinate's own scale: ‖((w − w*)/|w*|)‖ < 0.01. */
function within1(t: Trajectory, surface: string): number {
  const [a, b] = getSurface(surface).minima[0]
  return firstIndex(t, (x, y) => Math.hypot((x - a) / Math.abs(a), (y - b) / Math.abs(b)) < 0.01)
}

describe('feature-normalization scene (docs/lectures.md S9)', () => {
  it('the raw surface has λ ≈ 0.324 and 5.28·10⁴ (κ ≈ 1.6·10⁵), the standardized one 1.535 and 2.465 (κ ≈ 1.6)', () => {
    expect(rawEig[0]).toBeCloseTo(0.324, 3)
    expect(rawEig[1] / 1e4).toBeCloseTo(5.28, 2)
    expect(rawEig[1] / rawEig[0] / 1e5).toBeCloseTo(1.6, 1)
    expect(stdEig[0]).toBeCloseTo(1.535, 3)
    expect(stdEig[1]).toBeCloseTo(2.465, 3)
  })

  it('sets GD to η = 1/λ_max of each surface: on opening and after the "standardize" card', () => {
    assertClose(initialSetup(scene).racers[0].optimizer.lr, 1 / rawEig[1], 1e-12, 'raw η')
    const std = afterCard(scene, 'standardize')
    expect(std.surface).toBe('feature-standardized')
    assertClose(std.racers[0].optimizer.lr, 1 / stdEig[1], 1e-12, 'standardized η')
    const back = afterCard(scene, 'raw-again', std)
    expect(back.surface).toBe('feature-raw')
    assertClose(back.racers[0].optimizer.lr, 1 / rawEig[1], 1e-12, 'raw η again')
  })

  it('raw: GD is still below half of w₁* ≈ 2.96 after 100 000 steps; standardized: within 1% in ≤ 10 steps', () => {
    const [rawGd] = runRacers(initialSetup(scene))
    expect(rawGd.x.length).toBe(100_001)
    const w1Star = getSurface('feature-raw').minima[0][0]
    expect(w1Star).toBeCloseTo(2.96, 2)
    expect(endOf(rawGd)[0]).toBeLessThan(w1Star / 2)
    const [stdGd] = runRacers(afterCard(scene, 'standardize'))
    const k = within1(stdGd, 'feature-standardized')
    expect(k).toBeGreaterThan(0)
    expect(k).toBeLessThanOrEqual(10)
  })

  it('Adagrad (η = 0.01) needs thousands of steps on the raw surface and fewer than a thousand standardized', () => {
    const [, rawAda] = runRacers(initialSetup(scene))
    const [, stdAda] = runRacers(afterCard(scene, 'standardize'))
    const kRaw = within1(rawAda, 'feature-raw')
    const kStd = within1(stdAda, 'feature-standardized')
    expect(kRaw).toBeGreaterThanOrEqual(1000)
    expect(kRaw).toBeLessThan(10_000)
    expect(kStd).toBeGreaterThan(0)
    expect(kStd).toBeLessThan(1000)
  })

  it('names the normalization formula on its math card', () => {
    expect(card(scene, 'standardize').tex).toContain('\\frac{x_i^{r}-m_i}{\\sigma_i}')
  })
})

describe('feature-normalization card 5 says what the contours show', () => {
  it('the contours’ axis ratio √(λ_max/λ_min) is about 1.3 standardized and about 400 raw, and they are tilted', async () => {
    const { analyzePoint } = await import('../../../src/core/analyzePoint')
    const ratio = (id: string) => {
      const [l1, l2] = analyzePoint(id, 0, 0).eigenvalues
      return Math.sqrt(Math.max(l1, l2) / Math.min(l1, l2))
    }
    expect(ratio('feature-standardized')).toBeCloseTo(1.3, 1)
    expect(Math.round(ratio('feature-raw') / 100) * 100).toBe(400)
    // Tilted: the standardized Hessian has an off-diagonal term (the features are correlated), so the axes
    // are not w₁ and w₂, and the card must not call them circles.
    const h = analyzePoint('feature-standardized', 0, 0).hessian
    expect(Math.abs(h[1])).toBeGreaterThan(0.1)
    const { featureNormalization } = await import('../../../src/core/scenes/featureNormalization.meta')
    const card = featureNormalization.cards.find((c) => c.id === 'round')!
    expect(card.body.en).toMatch(/1\.3/)
    expect(card.body.en).not.toMatch(/circle/)
    expect(card.body.zh).toMatch(/1\.3/)
  })
})
